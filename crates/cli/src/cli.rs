//! Command-line flags. Doc comments here are the `--help` text.

use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, Parser, Subcommand, ValueEnum};
use sitrep_store::{Store, StoreLocation};

/// sitrep turns news reports of political violence into deduplicated, geocoded incidents with
/// the words behind every field, stores them, and lets you query them.
///
/// Quick start:
///   sitrep demo                              ingest the bundled examples and show the incidents
///   sitrep extract article.txt --published 2015-04-13 --pretty
///   sitrep ingest news/ --db sitrep.db       store everything under news/
///   sitrep query --country LY --since 2015-01-01
///   sitrep watch add embassy --near 32.8872,13.1913 --radius-km 25
///   sitrep alerts --follow                   print alerts as ingests raise them
#[derive(Debug, Parser)]
#[command(name = "sitrep", version, about, long_about, verbatim_doc_comment)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract incidents from articles and print one JSON object per article (JSON Lines).
    ///
    /// Reads plain-text files (one article each) and JSON Lines files of
    /// {"id", "text", "published"?, "title"?, "url"?, "source"?} records; `-` or no file reads
    /// standard input. A record's own `published` wins over --published.
    Extract(ExtractArgs),
    /// Extract incidents from articles and store them (SQLite, or PostgreSQL for many machines).
    ///
    /// Takes files, directories (read recursively) and `-` for standard input. The same article
    /// twice is stored once: re-running an ingest is safe and only adds what is new.
    Ingest(IngestArgs),
    /// List stored incidents, filtered.
    ///
    /// Prints an aligned table on a terminal, JSON Lines when piped (choose with --format).
    /// Background incidents (attacks an article only mentions beside its news: earlier ones
    /// recalled for context, others the same day) are left out unless --include-background
    /// is given.
    Query(QueryArgs),
    /// Show one incident: its reconciled fields, every source with its own values, and each
    /// source's text with the words behind every field highlighted.
    ///
    /// Highlights are bold on a terminal and [[…]] markers otherwise; --format json prints one
    /// object with every source's text and quoted evidence.
    Incident(crate::commands::incident::IncidentArgs),
    /// Ingest the bundled example corpus into a fresh temporary database and show the incidents.
    Demo,
    /// Score extraction against labelled incidents, field by field, with 95% intervals.
    ///
    /// GOLD is JSON Lines of {"id", "source", "text", "published", "gold": {...}} records (the
    /// format of the development set's README). Only id, text and published are given to
    /// extraction; the first non-background incident is scored.
    Eval(EvalArgs),
    /// Fit the learned choices (which figure is the toll, which place is the scene, which
    /// type an incident is, whether a page reports an incident) on labelled data and write
    /// the models the binary embeds.
    ///
    /// Reads DIR/news_train/news_train.jsonl, DIR/wiki_train.jsonl and DIR/rand_train.jsonl,
    /// runs extraction on each record, fits logistic regressions over the candidates' features
    /// with a fixed setting (the same data gives the same bytes) and writes
    /// toll_killed.tsv, toll_wounded.tsv, place.tsv, event_type.tsv and relevance.tsv with
    /// their cross-validated figures in the header. Rebuild the binary afterwards to embed
    /// them.
    Train(crate::commands::train::TrainArgs),
    /// Serve the HTTP API and the web dashboard (map, timeline, evidence) over a store.
    ///
    /// API under /api (OpenAPI document at /api/openapi.json), dashboard at /. Every file the
    /// dashboard needs is built in: it works with no internet. SIGTERM or Ctrl-C stops it
    /// after the requests in flight.
    Serve(crate::commands::serve::ServeArgs),
    /// Watch places and kinds of incident: alerts when something happens near what you guard
    ///
    /// sitrep watch add embassy --near 32.8872,13.1913 --radius-km 25 --target-type diplomatic
    /// sitrep watch add libya-bombings --country LY --types bombing --webhook https://hooks.example.org/x
    /// sitrep watch list
    /// sitrep watch rm embassy
    #[command(verbatim_doc_comment)]
    Watch(crate::commands::watch::WatchArgs),
    /// Show the alerts raised for watches, follow new ones, deliver webhooks.
    ///
    /// Every ingest raises alerts for the incidents it creates or changes and delivers the
    /// webhooks that are due; `sitrep serve` keeps delivering while it runs. --follow prints
    /// alerts as they come, --deliver sends what is due now (for cron).
    Alerts(crate::commands::alerts::AlertsArgs),
    /// Manage the bearer tokens that writes over the API (adding watches) need.
    Token(crate::commands::token::TokenArgs),
    /// Follow feeds and folders live: new items become incidents, and alerts, as they appear
    ///
    /// Conditional requests (ETag, Last-Modified), a backoff for failing feeds, and state in the
    /// store, so a restart neither reads an item twice nor misses one. `sitrep feeds` shows
    /// each feed's last poll, items and errors.
    ///
    /// sitrep follow --feeds feeds.txt --interval 5m --db sitrep.db
    #[command(verbatim_doc_comment)]
    Follow(crate::commands::follow::FollowArgs),
    /// List followed feeds: last poll, items read, incident reports, last error.
    Feeds(crate::commands::follow::FeedsArgs),
    /// Copy a whole store into a new one, ids kept: a SQLite file into a PostgreSQL database
    /// that many machines share (or back).
    ///
    /// Every article, incident, alias, watch, alert, token and feed is copied in one
    /// transaction of the target, which must be empty: all of it or nothing.
    ///
    /// sitrep migrate --from sitrep.db --to postgres://sitrep@db.internal/sitrep
    #[command(verbatim_doc_comment)]
    Migrate(crate::commands::migrate::MigrateArgs),
}

/// Flags of `sitrep eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Labelled records (JSON Lines).
    #[arg(value_name = "GOLD.jsonl")]
    pub gold: PathBuf,
    /// List the errors of this field (country, admin1, city, date, event_type, target_type,
    /// target_nationality, perpetrator, claimed, weapon, killed, wounded, kidnapped, …).
    #[arg(long, value_name = "FIELD")]
    pub errors: Option<String>,
    /// How many errors to list.
    #[arg(long, default_value_t = 25, value_name = "N")]
    pub limit: usize,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Where articles come from and how to read them.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files or directories to read; `-` (or nothing) reads standard input.
    #[arg(value_name = "FILES")]
    pub inputs: Vec<String>,
    /// Publication date (YYYY-MM-DD) of articles whose source gives none; anchors relative
    /// dates such as "on Sunday".
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub published: Option<jiff::civil::Date>,
}

/// Flags of `sitrep extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Inputs.
    #[command(flatten)]
    pub input: InputArgs,
    /// Pretty-print each JSON object over several lines.
    #[arg(long)]
    pub pretty: bool,
    /// Also print each article's text as extraction saw it (`article.text`): the cleaned
    /// text, without markup, boilerplate or surplus whitespace, that evidence offsets point
    /// into.
    #[arg(long)]
    pub with_text: bool,
}

/// The database flag shared by commands that use the store.
#[derive(Debug, Args)]
pub struct DbArgs {
    /// Where the store lives: a SQLite file (created when missing), or a PostgreSQL database
    /// that many machines share, postgres://USER:PASSWORD@HOST:PORT/DB.
    #[arg(
        long,
        env = "SITREP_DB",
        hide_env_values = true,
        default_value = "sitrep.db",
        value_name = "PATH|URL",
        value_parser = clap::value_parser!(StoreLocation)
    )]
    pub db: StoreLocation,
}

impl DbArgs {
    /// Opens the store, creating it when missing.
    pub fn open(&self) -> anyhow::Result<Store> {
        Store::open_location(&self.db).with_context(|| format!("opening store {}", self.db))
    }

    /// Opens a store that must exist already: a missing file is an error saying to run
    /// `first` (the command that creates one).
    pub fn open_existing(&self, first: &str) -> anyhow::Result<Store> {
        if !self.db.exists() {
            anyhow::bail!(
                "no store at {} (run `{first}` first, or pass --db)",
                self.db
            );
        }
        self.open()
    }
}

/// Flags of `sitrep ingest`.
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Inputs.
    #[command(flatten)]
    pub input: InputArgs,
    /// Database.
    #[command(flatten)]
    pub db: DbArgs,
    /// Articles per transaction: an interrupted ingest loses at most one batch (the next run
    /// redoes it); larger batches write faster.
    #[arg(long, default_value_t = 256, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub batch: u16,
    /// Store alerts but do not deliver webhooks at the end (`sitrep alerts --deliver` or
    /// `sitrep serve` will).
    #[arg(long)]
    pub no_deliver: bool,
    /// Private webhooks.
    #[command(flatten)]
    pub webhooks: crate::commands::watch::WebhookArgs,
}

/// Output formats of `sitrep query`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// An aligned table for reading.
    Table,
    /// One JSON object per incident (JSON Lines), with its sources.
    Json,
    /// CSV with a header row.
    Csv,
    /// A GeoJSON FeatureCollection of points (lon, lat); incidents without coordinates are left out.
    Geojson,
}

/// Flags of `sitrep query`.
#[derive(Debug, Args)]
pub struct QueryArgs {
    /// Database.
    #[command(flatten)]
    pub db: DbArgs,
    /// Country, ISO 3166-1 alpha-2 (LY, AF, US…).
    #[arg(long, value_name = "CC")]
    pub country: Option<String>,
    /// Event type: assassination, armed_assault, bombing, hijacking, hostage_barricade,
    /// kidnapping, facility_attack, unarmed_assault, air_strike, shelling, armed_clash, riot,
    /// unknown.
    #[arg(long = "type", value_name = "TYPE")]
    pub event_type: Option<String>,
    /// Incidents that started on or after this date.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub since: Option<jiff::civil::Date>,
    /// Incidents that started on or before this date.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub until: Option<jiff::civil::Date>,
    /// Bounding box: min longitude, min latitude, max longitude, max latitude. A min longitude
    /// east of the max one crosses the antimeridian (170,-20,-170,-10).
    #[arg(
        long,
        value_name = "MINLON,MINLAT,MAXLON,MAXLAT",
        allow_hyphen_values = true
    )]
    pub bbox: Option<String>,
    /// At least this many killed (the best figure of the incident).
    #[arg(long, value_name = "N")]
    pub min_killed: Option<u32>,
    /// Perpetrator name contains this (case-insensitive).
    #[arg(long, value_name = "NAME")]
    pub perpetrator: Option<String>,
    /// Include incidents only mentioned beside an article's news (earlier attacks, others
    /// the same day).
    #[arg(long)]
    pub include_background: bool,
    /// At most this many incidents (newest first).
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Output format (default: table on a terminal, json otherwise).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    s.parse()
        .map_err(|_| format!("{s:?} is not a date; expected YYYY-MM-DD, e.g. 2015-04-13"))
}
