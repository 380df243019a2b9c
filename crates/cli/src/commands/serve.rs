//! `sitrep serve`: the HTTP API and the web dashboard over a store.

use std::net::SocketAddr;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use clap::Args;
use sitrep_server::{CorsOrigins, ServerConfig, TileLayer};
use sitrep_store::Store;

use crate::cli::DbArgs;
use crate::messages;

/// Flags of `sitrep serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Database.
    #[command(flatten)]
    pub db: DbArgs,
    /// Address and port to listen on (use 0.0.0.0:8080 to accept other machines).
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR:PORT")]
    pub listen: SocketAddr,
    /// Let pages from this origin call the API from a browser (CORS), e.g.
    /// https://maps.example.org; repeat for several, `*` for any. Default: same origin only.
    #[arg(long = "cors-origin", value_name = "ORIGIN")]
    pub cors_origins: Vec<String>,
    /// Online map tiles for the dashboard, a URL template with {z}/{x}/{y}; without it the
    /// dashboard uses its built-in offline basemap (country outlines and capitals).
    #[arg(long, value_name = "URL")]
    pub tile_url: Option<String>,
    /// Attribution text the tile provider requires.
    #[arg(long, value_name = "TEXT", requires = "tile_url")]
    pub tile_attribution: Option<String>,
    /// Stop a request (and its query) after this many milliseconds.
    #[arg(long, default_value_t = 10_000, value_name = "MS")]
    pub request_timeout_ms: u64,
    /// At most this many store queries at once.
    #[arg(long, default_value_t = 4, value_name = "N")]
    pub connections: usize,
    /// Largest page of /api/incidents.
    #[arg(long, default_value_t = 1000, value_name = "N")]
    pub max_page_size: usize,
    /// Do not deliver webhooks while serving (by default the server delivers the alerts that
    /// ingests raise, every 2 seconds).
    #[arg(long)]
    pub no_deliver: bool,
    /// Private webhooks.
    #[command(flatten)]
    pub webhooks: crate::commands::watch::WebhookArgs,
    /// Also follow the feeds listed in this file, as `sitrep follow --feeds` does, so that one
    /// process serves, follows and alerts.
    #[arg(long, value_name = "FILE")]
    pub follow: Option<std::path::PathBuf>,
    /// Also watch this folder for new files, as `sitrep follow --dir` does.
    #[arg(long, value_name = "DIR")]
    pub follow_dir: Option<std::path::PathBuf>,
    /// How often followed feeds are polled: 60s, 5m, 1h, or seconds.
    #[arg(long, default_value = "60s", value_name = "DURATION",
          value_parser = crate::commands::follow::parse_interval)]
    pub follow_interval: Duration,
}

/// Turns flags into a validated configuration, before any work.
fn config(args: &ServeArgs) -> Result<ServerConfig> {
    let mut config = ServerConfig::new(args.db.db.clone());
    if args.request_timeout_ms == 0 {
        bail!("--request-timeout-ms must be at least 1");
    }
    if args.connections == 0 {
        bail!("--connections must be at least 1");
    }
    if args.max_page_size == 0 {
        bail!("--max-page-size must be at least 1");
    }
    config.request_timeout = Duration::from_millis(args.request_timeout_ms);
    config.pool_size = args.connections;
    config.max_page_size = args.max_page_size;
    config.default_page_size = config.default_page_size.min(args.max_page_size);
    config.webhook_policy = args.webhooks.policy();
    config.cors = CorsOrigins::parse(&args.cors_origins)
        .map_err(anyhow::Error::msg)
        .context("--cors-origin")?;
    if let Some(url) = &args.tile_url {
        if !(url.contains("{z}") && url.contains("{x}") && url.contains("{y}")) {
            bail!("--tile-url {url:?}: expected a template with {{z}}, {{x}} and {{y}}");
        }
        config.tiles = Some(TileLayer {
            url: url.clone(),
            attribution: args.tile_attribution.clone().unwrap_or_default(),
        });
    }
    Ok(config)
}

/// Runs the server until SIGTERM or Ctrl-C; `resources` are needed only to follow feeds.
pub fn run(args: &ServeArgs, resources: Option<&'static sitrep_extract::Resources>) -> Result<()> {
    let mut config = config(args)?;
    let follow = match (&args.follow, &args.follow_dir) {
        (None, None) => None,
        (feeds, dir) => {
            let mut follow = crate::commands::follow::Follow::new(
                feeds.as_deref(),
                dir.as_deref(),
                args.follow_interval,
                config.db.clone(),
            )?;
            // Alerts the follower raises are delivered at once, not at the delivery thread's
            // next tick; the outbox's leases keep the two from sending one alert twice.
            follow.policy = config.webhook_policy;
            // The follower's latency histograms are part of /metrics.
            let metrics = follow.metrics.clone();
            config.extra_metrics = Some(sitrep_server::MetricsSource(std::sync::Arc::new(
                move || metrics.encode(),
            )));
            Some(follow)
        }
    };
    let location = config.db.clone();
    if !location.exists() {
        bail!("no store at {location} (run `sitrep ingest` first, or pass --db)");
    }
    // Open once before listening: a bad store fails here, named, not on each request.
    let stats = Store::open_location(&location)
        .and_then(|store| store.stats())
        .with_context(|| format!("opening store {location}"))?;
    let filter = tracing_subscriber::EnvFilter::try_from_env("SITREP_LOG").unwrap_or_else(|_| {
        tracing_subscriber::EnvFilter::new("warn,sitrep_server=info,sitrep=info")
    });
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_env_filter(filter)
        .init();
    let delivery = (!args.no_deliver)
        .then(|| sitrep_server::Delivery::start(location.clone(), config.webhook_policy));
    let stop_following = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let follower = match (follow, resources) {
        (Some(follow), Some(resources)) => {
            let stop = std::sync::Arc::clone(&stop_following);
            Some(std::thread::spawn(move || {
                if let Err(err) = crate::commands::follow::follow_until(&follow, resources, &stop) {
                    messages::error(format!("following feeds stopped: {err:#}"));
                }
            }))
        }
        _ => None,
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.listen)
            .await
            .with_context(|| format!("listening on {}", args.listen))?;
        let address = listener.local_addr().context("reading the bound address")?;
        messages::note(format!(
            "serving {} ({} incidents from {} articles) on http://{address}/ (API: /api/openapi.json); SIGTERM or Ctrl-C stops",
            location,
            stats.incidents,
            stats.articles
        ));
        let shutdown = async {
            sitrep_server::shutdown_signal().await;
            messages::note("shutting down: finishing requests in flight");
        };
        sitrep_server::serve(listener, sitrep_server::app(config), shutdown)
            .await
            .context("serving HTTP")
    })?;
    stop_following.store(true, std::sync::atomic::Ordering::Relaxed);
    if let Some(follower) = follower {
        let _ = follower.join();
    }
    if let Some(delivery) = delivery {
        delivery.stop();
    }
    messages::note("stopped");
    Ok(())
}
