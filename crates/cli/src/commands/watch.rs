//! `sitrep watch add|list|rm`: the places and kinds of incident to be alerted about.

use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};

use anyhow::{Context, Result, bail};
use clap::{Args, Subcommand};
use sitrep_model::{CountryCode, EventType, TargetType};
use sitrep_store::{Error as StoreError, Store, StoredWatch};
use sitrep_watch::{Area, WatchSpec, WebhookPolicy};

use crate::cli::DbArgs;
use crate::messages;

/// Flags shared by the commands that add or deliver to webhooks.
#[derive(Debug, Args, Clone, Copy)]
pub struct WebhookArgs {
    /// Allow webhooks on private, loopback and link-local addresses (refused by default, so
    /// that a watch cannot make sitrep call into its own network).
    #[arg(
        long,
        env = "SITREP_ALLOW_PRIVATE_WEBHOOKS",
        value_parser = clap::builder::BoolishValueParser::new()
    )]
    pub allow_private_webhooks: bool,
}

impl WebhookArgs {
    /// The policy these flags choose.
    pub fn policy(self) -> WebhookPolicy {
        if self.allow_private_webhooks {
            WebhookPolicy::AllowPrivate
        } else {
            WebhookPolicy::PublicOnly
        }
    }
}

/// What `sitrep watch` does.
#[derive(Debug, Subcommand)]
pub enum WatchCommand {
    /// Add a watch: alerts for incidents in an area, optionally only some kinds.
    ///
    /// Give exactly one area: --near with --radius-km, --country, --admin1 or --bbox. An
    /// incident alerts a watch once, when it first matches, and again only when it escalates
    /// (the toll rises, a claim appears, the place becomes more exact); background incidents
    /// (only mentioned beside an article's news) alert only when they happened in the last 7
    /// days. A new watch alerts on incidents stored or updated from now on.
    ///
    /// Example: sitrep watch add embassy --near 32.8872,13.1913 --radius-km 25 --target-type diplomatic
    #[command(verbatim_doc_comment)]
    Add(Box<AddArgs>),
    /// List the watches.
    List(ListArgs),
    /// Remove a watch (its alerts stay; its undelivered webhooks are dropped).
    Rm(RmArgs),
}

/// Flags of `sitrep watch`.
#[derive(Debug, Args)]
pub struct WatchArgs {
    /// What to do.
    #[command(subcommand)]
    pub command: WatchCommand,
}

/// Flags of `sitrep watch add`.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// A unique name: letters, digits, '-', '_' or '.'.
    pub name: String,
    /// Database.
    #[command(flatten)]
    pub db: DbArgs,
    /// The point to watch around, as latitude,longitude in degrees.
    #[arg(
        long,
        value_name = "LAT,LON",
        allow_hyphen_values = true,
        requires = "radius_km"
    )]
    pub near: Option<String>,
    /// How far from --near an incident may be, in km (above 0, at most 2000).
    #[arg(long, value_name = "KM", requires = "near")]
    pub radius_km: Option<f64>,
    /// Another radius for one event type, e.g. shelling=60 (repeat for several).
    #[arg(long = "radius-for", value_name = "TYPE=KM", requires = "near")]
    pub radius_for: Vec<String>,
    /// A whole country, ISO 3166-1 alpha-2 (LY, AF…).
    #[arg(long, value_name = "CC")]
    pub country: Option<String>,
    /// A province, state or governorate, as the gazetteer names it ("Tripoli", "Kandahar").
    #[arg(long, value_name = "NAME")]
    pub admin1: Option<String>,
    /// The country of --admin1, when its name alone is ambiguous.
    #[arg(long, value_name = "CC", requires = "admin1")]
    pub admin1_country: Option<String>,
    /// A box: min longitude, min latitude, max longitude, max latitude. A min longitude east
    /// of the max one crosses the antimeridian (170,-20,-170,-10); latitudes in either order.
    #[arg(
        long,
        value_name = "MINLON,MINLAT,MAXLON,MAXLAT",
        allow_hyphen_values = true
    )]
    pub bbox: Option<String>,
    /// Only these event types, comma separated (bombing,armed_assault…).
    #[arg(long, value_name = "TYPE,…", value_delimiter = ',')]
    pub types: Vec<String>,
    /// Only attacks on these target types, comma separated (diplomatic,police…).
    #[arg(long = "target-type", value_name = "TYPE,…", value_delimiter = ',')]
    pub target_types: Vec<String>,
    /// Only incidents with at least this many dead (attackers included).
    #[arg(long, value_name = "N")]
    pub min_killed: Option<u32>,
    /// Only incidents whose perpetrator's name contains this (any case).
    #[arg(long, value_name = "NAME")]
    pub perpetrator: Option<String>,
    /// POST each alert here as signed JSON (http or https).
    #[arg(long, value_name = "URL")]
    pub webhook: Option<String>,
    /// Private webhooks.
    #[command(flatten)]
    pub webhooks: WebhookArgs,
}

/// Flags of `sitrep watch list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Database.
    #[command(flatten)]
    pub db: DbArgs,
    /// Print JSON Lines (one watch per line) instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Flags of `sitrep watch rm`.
#[derive(Debug, Args)]
pub struct RmArgs {
    /// The watch's name.
    pub name: String,
    /// Database.
    #[command(flatten)]
    pub db: DbArgs,
}

/// Runs `sitrep watch`.
pub fn run(args: &WatchArgs) -> Result<()> {
    match &args.command {
        WatchCommand::Add(add) => run_add(add),
        WatchCommand::List(list) => run_list(list),
        WatchCommand::Rm(rm) => {
            let store = open(&rm.db)?;
            if !store.remove_watch(&rm.name)? {
                bail!("no watch named {:?} (see `sitrep watch list`)", rm.name);
            }
            messages::note(format!("removed watch {:?}", rm.name));
            Ok(())
        }
    }
}

fn open(db: &DbArgs) -> Result<Store> {
    db.open()
}

/// Turns the flags into a spec; errors name the flag at fault.
pub fn spec(args: &AddArgs) -> Result<WatchSpec> {
    let areas = [
        args.near.is_some(),
        args.country.is_some(),
        args.admin1.is_some(),
        args.bbox.is_some(),
    ];
    match areas.iter().filter(|given| **given).count() {
        0 => bail!("give an area: --near LAT,LON --radius-km KM, --country, --admin1 or --bbox"),
        1 => {}
        _ => bail!("give one area only: --near, --country, --admin1 and --bbox exclude each other"),
    }
    let area = if let Some(near) = &args.near {
        let (lat, lon) = pair(near).with_context(|| format!("--near {near:?}"))?;
        let mut radius_km_by_type = BTreeMap::new();
        for item in &args.radius_for {
            let (kind, km) = item
                .split_once('=')
                .with_context(|| format!("--radius-for {item:?}: expected TYPE=KM"))?;
            let kind: EventType = kind.parse().context("--radius-for")?;
            let km: f64 = km
                .trim()
                .parse()
                .with_context(|| format!("--radius-for {item:?}: {km:?} is not a number"))?;
            radius_km_by_type.insert(kind, km);
        }
        Area::Near {
            lat,
            lon,
            radius_km: args.radius_km.unwrap_or_default(),
            radius_km_by_type,
        }
    } else if let Some(country) = &args.country {
        Area::Country {
            country: CountryCode::new(country.trim()).context("--country")?,
        }
    } else if let Some(name) = &args.admin1 {
        Area::Admin1 {
            name: name.clone(),
            country: args
                .admin1_country
                .as_deref()
                .map(|c| CountryCode::new(c.trim()))
                .transpose()
                .context("--admin1-country")?,
        }
    } else {
        let bbox = args.bbox.as_deref().unwrap_or_default();
        let parts: Vec<f64> = bbox
            .split(',')
            .map(|p| p.trim().parse::<f64>())
            .collect::<std::result::Result<_, _>>()
            .ok()
            .filter(|parts: &Vec<f64>| parts.len() == 4)
            .with_context(|| format!("--bbox {bbox:?}: expected MINLON,MINLAT,MAXLON,MAXLAT"))?;
        Area::Bbox {
            min_lon: parts[0],
            min_lat: parts[1],
            max_lon: parts[2],
            max_lat: parts[3],
        }
    };
    let mut spec = WatchSpec::new(args.name.clone(), area);
    spec.types = args
        .types
        .iter()
        .map(|t| t.parse::<EventType>())
        .collect::<std::result::Result<_, _>>()
        .context("--types")?;
    spec.target_types = args
        .target_types
        .iter()
        .map(|t| t.parse::<TargetType>())
        .collect::<std::result::Result<_, _>>()
        .context("--target-type")?;
    spec.min_killed = args.min_killed;
    spec.perpetrator = args.perpetrator.clone();
    spec.webhook = args.webhook.clone();
    Ok(spec)
}

/// Reads "a,b" as two numbers.
fn pair(text: &str) -> Result<(f64, f64)> {
    let (a, b) = text
        .split_once(',')
        .context("expected two numbers separated by a comma")?;
    let number = |s: &str| {
        s.trim()
            .parse::<f64>()
            .with_context(|| format!("{s:?} is not a number"))
    };
    Ok((number(a)?, number(b)?))
}

/// The flag a spec field is set with.
fn flag_of(field: &str) -> &'static str {
    match field {
        "name" => "NAME",
        "lat" | "lon" => "--near",
        "radius_km" => "--radius-km",
        "radius_km_by_type" => "--radius-for",
        "admin1" => "--admin1",
        "bbox" => "--bbox",
        "perpetrator" => "--perpetrator",
        "webhook" => "--webhook",
        _ => "a flag",
    }
}

fn run_add(args: &AddArgs) -> Result<()> {
    let spec = spec(args)?;
    let store = open(&args.db)?;
    let added = match store.add_watch(&spec, args.webhooks.policy()) {
        Ok(added) => added,
        Err(StoreError::InvalidWatch(err)) => bail!("{}: {}", flag_of(err.field), err.reason),
        Err(err) => return Err(err.into()),
    };
    messages::note(format!(
        "added watch {:?}: {}",
        spec.name,
        describe(&added.watch)
    ));
    if let Some(secret) = added.secret {
        // The only time the secret is shown: on stdout, so that it can be captured.
        println!("{secret}");
        messages::note(
            "the line above is the webhook's signing secret (HMAC-SHA256 of each body, header \
             X-Sitrep-Signature: sha256=<hex>); keep it, it is not shown again",
        );
    }
    Ok(())
}

fn run_list(args: &ListArgs) -> Result<()> {
    let store = open(&args.db)?;
    let watches = store.watches()?;
    let mut out = io::stdout().lock();
    if args.json || !io::stdout().is_terminal() {
        for watch in &watches {
            let line = serde_json::json!({
                "spec": watch.spec,
                "created_at": watch.created_at,
                "alerts": watch.alerts,
            });
            writeln!(out, "{line}")?;
        }
    } else if watches.is_empty() {
        messages::note("no watches; add one with `sitrep watch add`");
    } else {
        for watch in &watches {
            writeln!(
                out,
                "{:<20} {:>6} alerts  {}",
                watch.spec.name,
                watch.alerts,
                describe(watch)
            )?;
        }
    }
    Ok(())
}

/// A watch in words.
fn describe(watch: &StoredWatch) -> String {
    let spec = &watch.spec;
    let mut parts = vec![match &spec.area {
        Area::Near {
            lat,
            lon,
            radius_km,
            radius_km_by_type,
        } => {
            let mut text = format!("within {radius_km} km of {lat},{lon}");
            for (kind, km) in radius_km_by_type {
                text.push_str(&format!(" ({kind}: {km} km)"));
            }
            text
        }
        Area::Country { country } => format!("in {country}"),
        Area::Admin1 { name, country } => match country {
            Some(c) => format!("in {name}, {c}"),
            None => format!("in {name}"),
        },
        Area::Bbox {
            min_lon,
            min_lat,
            max_lon,
            max_lat,
        } => format!("in box {min_lon},{min_lat},{max_lon},{max_lat}"),
    }];
    let list = |items: Vec<&str>| items.join(",");
    if !spec.types.is_empty() {
        parts.push(format!(
            "types {}",
            list(spec.types.iter().map(|t| t.as_str()).collect())
        ));
    }
    if !spec.target_types.is_empty() {
        parts.push(format!(
            "targets {}",
            list(spec.target_types.iter().map(|t| t.as_str()).collect())
        ));
    }
    if let Some(n) = spec.min_killed {
        parts.push(format!("at least {n} killed"));
    }
    if let Some(p) = &spec.perpetrator {
        parts.push(format!("perpetrator {p:?}"));
    }
    if let Some(url) = &spec.webhook {
        parts.push(format!("webhook {url}"));
    }
    parts.join(", ")
}
