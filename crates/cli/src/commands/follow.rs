//! `sitrep follow`: poll feeds and store their new items as they appear, raising and delivering
//! alerts, until stopped.
//!
//! Every feed is polled once per interval with a conditional request; a feed that fails waits
//! longer each time (doubling up to an hour, or what its `Retry-After` asks) while the others
//! go on. Each new item (by GUID, else link, else content hash) is cleaned, extracted and
//! stored like `sitrep ingest` stores it, then recorded as read; the feed's validators and
//! counts are recorded last. A run stopped at any point, even killed, resumes without reading
//! an item twice or missing one. SIGTERM or Ctrl-C stops after the poll in flight.

use std::io::Cursor;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use clap::Args;
use sitrep_extract::Resources;
use sitrep_follow::{
    FolderWatch, PageFetcher, PollKind, PollOutcome, Poller, next_wait, parse_feeds,
};
use sitrep_ingest::{Format, HEAD_BYTES, ReadOptions, Severity, detect_format, read_reader};
use sitrep_model::Article;
use sitrep_store::{PollRecord, Store};

use crate::cli::DbArgs;
use crate::commands::watch::WebhookArgs;
use crate::{messages, pipeline};

/// Flags of `sitrep follow`.
#[derive(Debug, Args)]
pub struct FollowArgs {
    /// A file of feed URLs (RSS, Atom or JSON Feed), one per line; `#` starts a comment.
    #[arg(long, value_name = "FILE", required_unless_present = "dir")]
    pub feeds: Option<PathBuf>,
    /// Also watch this folder (recursively): every file dropped in it (any input `sitrep
    /// ingest` reads) is stored once it is complete, i.e. unchanged for 2 seconds; files named
    /// .* or *.part, *.tmp, *.partial are being written and wait.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// How often to poll each feed: 60s, 5m, 1h, or seconds.
    #[arg(long, default_value = "60s", value_name = "DURATION", value_parser = parse_interval)]
    pub interval: Duration,
    /// Poll every feed once, store what is new, and exit (for cron and tests).
    #[arg(long)]
    pub once: bool,
    /// Read each new item's page (its link) instead of the feed's summary, when the page says
    /// more: each host's robots.txt is obeyed and a host is asked at most once per
    /// --page-interval (or its Crawl-delay).
    #[arg(long)]
    pub fetch_pages: bool,
    /// The pause between two requests to one host when fetching pages.
    #[arg(long, default_value = "1s", value_name = "DURATION", value_parser = parse_interval)]
    pub page_interval: Duration,
    /// Database.
    #[command(flatten)]
    pub db: DbArgs,
    /// Store alerts but leave webhooks to `sitrep serve` or `sitrep alerts --deliver`.
    #[arg(long)]
    pub no_deliver: bool,
    /// Private webhooks.
    #[command(flatten)]
    pub webhooks: WebhookArgs,
}

/// Reads "60s", "5m", "1h" or a number of seconds; at least one second.
pub fn parse_interval(text: &str) -> Result<Duration, String> {
    let trimmed = text.trim();
    let seconds = if let Ok(n) = trimmed.parse::<u64>() {
        n
    } else {
        let (number, unit) = trimmed.split_at(trimmed.len().saturating_sub(1));
        let n: u64 = number
            .trim()
            .parse()
            .map_err(|_| format!("{text:?}: expected a duration such as 60s, 5m or 1h"))?;
        match unit {
            "s" => n,
            "m" => n.saturating_mul(60),
            "h" => n.saturating_mul(3_600),
            _ => {
                return Err(format!(
                    "{text:?}: expected a duration such as 60s, 5m or 1h"
                ));
            }
        }
    };
    if seconds == 0 {
        return Err(format!("{text:?}: the interval must be at least 1 second"));
    }
    Ok(Duration::from_secs(seconds))
}

/// What one poll of one feed did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct PollSummary {
    items: u64,
    incidents: u64,
    alerts: u64,
}

/// What to follow, checked at start-up.
#[derive(Debug, Clone)]
pub struct Follow {
    /// Feed URLs.
    pub feeds: Vec<String>,
    /// A folder to watch, canonical.
    pub folder: Option<PathBuf>,
    /// How often each feed is polled.
    pub interval: Duration,
    /// Poll once and return.
    pub once: bool,
    /// The store.
    pub db: sitrep_store::StoreLocation,
    /// Deliver due webhooks after each round.
    pub deliver: bool,
    /// Which webhook addresses delivery allows.
    pub policy: sitrep_watch::WebhookPolicy,
    /// Read each new item's page, pausing this long between requests to one host.
    pub fetch_pages: Option<Duration>,
    /// The latency histograms polls and processing fill (`/metrics` of `sitrep serve`).
    pub metrics: sitrep_follow::FollowMetrics,
}

impl Follow {
    /// Reads the feeds file and checks the folder: errors name the file's line or the flag.
    pub fn new(
        feeds_file: Option<&std::path::Path>,
        dir: Option<&std::path::Path>,
        interval: Duration,
        db: sitrep_store::StoreLocation,
    ) -> Result<Follow> {
        let feeds = match feeds_file {
            Some(file) => {
                let name = file.display().to_string();
                let text = std::fs::read_to_string(file)
                    .with_context(|| format!("reading the feeds file {name}"))?;
                let feeds = parse_feeds(&name, &text)?;
                if feeds.is_empty() {
                    bail!("{name} lists no feed (one http or https URL per line)");
                }
                feeds
            }
            None => Vec::new(),
        };
        let folder = match dir {
            Some(dir) => {
                let canonical = dir
                    .canonicalize()
                    .with_context(|| format!("--dir {}", dir.display()))?;
                if !canonical.is_dir() {
                    bail!("--dir {}: not a directory", dir.display());
                }
                Some(canonical)
            }
            None => None,
        };
        Ok(Follow {
            feeds,
            folder,
            interval,
            once: false,
            db,
            deliver: true,
            policy: sitrep_watch::WebhookPolicy::PublicOnly,
            fetch_pages: None,
            metrics: sitrep_follow::FollowMetrics::new(),
        })
    }
}

/// Runs `sitrep follow`.
pub fn run(args: &FollowArgs, resources: &Resources) -> Result<()> {
    let mut follow = Follow::new(
        args.feeds.as_deref(),
        args.dir.as_deref(),
        args.interval,
        args.db.db.clone(),
    )?;
    follow.once = args.once;
    follow.deliver = !args.no_deliver;
    follow.policy = args.webhooks.policy();
    follow.fetch_pages = args.fetch_pages.then_some(args.page_interval);
    init_logs();
    let stop = stop_on_signal()?;
    follow_until(&follow, resources, &stop)
}

/// Follows until `stop` is set (or after one round with `once`).
pub fn follow_until(follow: &Follow, resources: &Resources, stop: &AtomicBool) -> Result<()> {
    let (feeds, folder) = (&follow.feeds, &follow.folder);
    let location = &follow.db;
    let mut store =
        Store::open_location(location).with_context(|| format!("opening store {location}"))?;
    let poller = Poller::new();
    let mut pages = follow.fetch_pages.map(PageFetcher::new);
    let notifier =
        sitrep_notify::Notifier::new(follow.policy, sitrep_notify::RetryPolicy::default());
    messages::note(format!(
        "following {} feeds{} every {} s into {}{}",
        feeds.len(),
        folder
            .as_ref()
            .map(|d| format!(" and the folder {}", d.display()))
            .unwrap_or_default(),
        follow.interval.as_secs(),
        location,
        if follow.once {
            " (once)"
        } else {
            "; SIGTERM or Ctrl-C stops"
        }
    ));
    // File events wake the loop as soon as a file lands; without them (a file system that
    // gives none), the folder is looked at every FOLDER_SCAN.
    let watch = folder.as_ref().and_then(|dir| match FolderWatch::new(dir) {
        Ok(watch) => Some(watch),
        Err(err) => {
            messages::warning(format!(
                "{}: no file events ({err}); looking every {} s instead",
                dir.display(),
                FOLDER_SCAN.as_secs()
            ));
            None
        }
    });
    let every = if watch.is_some() {
        FOLDER_FALLBACK
    } else {
        FOLDER_SCAN
    };
    loop {
        let now = jiff::Timestamp::now().as_second();
        for url in feeds {
            if stop.load(Ordering::Relaxed) {
                break;
            }
            let state = store.feed(url)?;
            if !follow.once && state.next_poll > now {
                continue;
            }
            poll_one(
                &mut store,
                &poller,
                pages.as_mut(),
                &state,
                follow,
                resources,
            )?;
        }
        // When the folder is looked at next: after the fallback period, or soon when a file
        // was still being written.
        let mut folder_due = Instant::now() + every;
        if let Some(dir) = &folder
            && !stop.load(Ordering::Relaxed)
            && scan_folder(&mut store, dir, resources, &follow.metrics)?
        {
            folder_due = Instant::now() + Duration::from_millis(500);
        }
        if follow.deliver && store.outbox_stats()?.pending > 0 {
            let report = notifier.deliver_due(&mut store)?;
            if report != sitrep_notify::DeliveryReport::default() {
                crate::commands::alerts::note_deliveries(&report, &store)?;
            }
        }
        if follow.once || stop.load(Ordering::Relaxed) {
            break;
        }
        // Sleep until the next feed is due or the folder is (a file event makes it due once
        // the file has had time to be complete), waking often to notice a stop.
        let next = store
            .feeds()?
            .iter()
            .filter(|f| feeds.contains(&f.url))
            .map(|f| f.next_poll)
            .min()
            .unwrap_or(i64::MAX);
        let tick = Duration::from_millis(250);
        while jiff::Timestamp::now().as_second() < next
            && (folder.is_none() || Instant::now() < folder_due)
            && !stop.load(Ordering::Relaxed)
        {
            match &watch {
                Some(watch) => {
                    if watch.changed_within(tick) {
                        let quiet = Instant::now() + Duration::from_secs(QUIET_SECS) + tick;
                        folder_due = folder_due.min(quiet);
                    }
                }
                None => std::thread::sleep(tick),
            }
        }
        if stop.load(Ordering::Relaxed) {
            break;
        }
    }
    messages::note("stopped following");
    Ok(())
}

/// Polls one feed, stores its new items, records the poll and logs one line.
fn poll_one(
    store: &mut Store,
    poller: &Poller,
    pages: Option<&mut PageFetcher>,
    state: &sitrep_store::FeedState,
    follow: &Follow,
    resources: &Resources,
) -> Result<()> {
    let (interval, metrics) = (follow.interval, &follow.metrics);
    let url = state.url.as_str();
    let now = jiff::Timestamp::now().as_second();
    let after = |wait: Duration| now + i64::try_from(wait.as_secs()).unwrap_or(i64::MAX / 2);
    let started = std::time::Instant::now();
    let outcome = poller.poll(state);
    let kind = match &outcome {
        PollOutcome::NotModified => PollKind::NotModified,
        PollOutcome::Fetched { .. } => PollKind::Fetched,
        PollOutcome::Failed { .. } => PollKind::Failed,
    };
    metrics.observe_poll(kind, started.elapsed());
    match outcome {
        PollOutcome::NotModified => {
            let record = PollRecord::Success {
                etag: None,
                last_modified: None,
                items: 0,
                incidents: 0,
            };
            store.record_poll(url, &record, after(interval))?;
            tracing::info!(feed = url, status = 304, "{url}: not modified");
        }
        PollOutcome::Fetched {
            body,
            etag,
            last_modified,
        } => match store_items(store, url, body, pages, resources, metrics)? {
            Ok(summary) => {
                if summary.items > 0 {
                    metrics.observe_processing(started.elapsed());
                }
                let record = PollRecord::Success {
                    etag,
                    last_modified,
                    items: summary.items,
                    incidents: summary.incidents,
                };
                store.record_poll(url, &record, after(interval))?;
                tracing::info!(
                    feed = url,
                    items = summary.items,
                    incidents = summary.incidents,
                    alerts = summary.alerts,
                    "{url}: {} new items, {} incident reports, {} alerts",
                    summary.items,
                    summary.incidents,
                    summary.alerts
                );
            }
            Err(error) => fail(store, url, state, interval, None, error)?,
        },
        PollOutcome::Failed { error, retry_after } => {
            fail(store, url, state, interval, retry_after, error)?
        }
    }
    Ok(())
}

/// Records a failed poll and when to try again, and says so.
fn fail(
    store: &Store,
    url: &str,
    state: &sitrep_store::FeedState,
    interval: Duration,
    retry_after: Option<Duration>,
    error: String,
) -> Result<()> {
    let wait = next_wait(interval, state.failures.saturating_add(1), retry_after);
    let next = jiff::Timestamp::now().as_second() + i64::try_from(wait.as_secs()).unwrap_or(0);
    store.record_poll(
        url,
        &PollRecord::Failure {
            error: error.clone(),
        },
        next,
    )?;
    tracing::warn!(
        feed = url,
        failures = state.failures + 1,
        "{url}: {error}; next poll in {} s",
        wait.as_secs()
    );
    Ok(())
}

/// How often a followed folder is looked at when the file system gives no events.
const FOLDER_SCAN: Duration = Duration::from_secs(2);

/// How often it is looked at anyway when it does (an event can be lost, on a network share).
const FOLDER_FALLBACK: Duration = Duration::from_secs(30);

/// How long a file must stay unchanged before it is read, in seconds: a file still being
/// written changes in between.
const QUIET_SECS: u64 = 2;

/// Stores every complete file of `dir` not read before (by path, size and modification time),
/// as `sitrep ingest` would, and records the folder like a feed (`dir:PATH`); says whether a
/// file was still being written (changed too recently to be read).
fn scan_folder(
    store: &mut Store,
    dir: &std::path::Path,
    resources: &Resources,
    metrics: &sitrep_follow::FollowMetrics,
) -> Result<bool> {
    let started = Instant::now();
    let mut still_written = false;
    let source = format!("dir:{}", dir.display());
    let now = std::time::SystemTime::now();
    let mut complete = Vec::new();
    for entry in walkdir::WalkDir::new(dir).follow_links(false) {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                messages::warning(format!("{source}: {err}"));
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy();
        let being_written = name.starts_with('.')
            || [".part", ".tmp", ".partial"]
                .iter()
                .any(|suffix| name.ends_with(suffix));
        if !entry.file_type().is_file() || being_written {
            continue;
        }
        let Ok(meta) = entry.metadata() else { continue };
        let modified = meta.modified().unwrap_or(now);
        let quiet = now
            .duration_since(modified)
            .is_ok_and(|age| age.as_secs() >= QUIET_SECS);
        if !quiet {
            still_written = true;
            continue;
        }
        let stamp = modified
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let key = format!("{}|{}|{stamp}", entry.path().display(), meta.len());
        complete.push((key, entry.into_path()));
    }
    let keys: Vec<String> = complete.iter().map(|(k, _)| k.clone()).collect();
    let unseen = store.unseen_items(&source, &keys)?;
    if unseen.is_empty() {
        return Ok(still_written);
    }
    let options = ReadOptions::default();
    let mut summary = PollSummary::default();
    for (key, path) in complete.into_iter().filter(|(k, _)| unseen.contains(k)) {
        let input = sitrep_ingest::Input::Path(path.clone());
        let articles: Vec<Article> = sitrep_ingest::read_input(&input, &options)
            .filter_map(|item| match item {
                Ok(article) => cleaned(article),
                Err(err) => {
                    messages::warning(&err);
                    None
                }
            })
            .collect();
        let stored = store_articles(store, articles, resources)
            .with_context(|| format!("storing {}", path.display()))?;
        store.mark_items_seen(&source, std::slice::from_ref(&key))?;
        summary.items += 1;
        summary.incidents += stored.incidents;
        summary.alerts += stored.alerts;
    }
    let record = PollRecord::Success {
        etag: None,
        last_modified: None,
        items: summary.items,
        incidents: summary.incidents,
    };
    store.record_poll(&source, &record, 0)?;
    metrics.observe_processing(started.elapsed());
    tracing::info!(
        folder = %dir.display(),
        files = summary.items,
        incidents = summary.incidents,
        alerts = summary.alerts,
        "{source}: {} new files, {} incident reports, {} alerts",
        summary.items,
        summary.incidents,
        summary.alerts
    );
    Ok(still_written)
}

/// Extracts and stores articles; says how many reports of incidents and alerts they made.
fn store_articles(
    store: &mut Store,
    articles: Vec<Article>,
    resources: &Resources,
) -> Result<PollSummary> {
    if articles.is_empty() {
        return Ok(PollSummary::default());
    }
    let items = pipeline::extract_batch(articles, resources);
    let outcome = store.insert_batch_resolved(&items)?;
    Ok(PollSummary {
        items: items.len() as u64,
        incidents: items.iter().map(|(_, e)| e.incidents.len() as u64).sum(),
        alerts: outcome.alerts as u64,
    })
}

/// Reads a feed body into articles, stores those not read from this feed before, and records
/// them as read. The inner `Err` is a body that is no feed (an HTML page, junk): the poll failed.
fn store_items(
    store: &mut Store,
    url: &str,
    body: Vec<u8>,
    pages: Option<&mut PageFetcher>,
    resources: &Resources,
    metrics: &sitrep_follow::FollowMetrics,
) -> Result<std::result::Result<PollSummary, String>> {
    let format = detect_format(&body[..body.len().min(HEAD_BYTES)], None);
    if !matches!(format, Format::Feed | Format::Gzip) {
        return Ok(Err(format!(
            "not a feed: the body reads as {} ({} bytes)",
            format.as_str(),
            body.len()
        )));
    }
    let options = ReadOptions::default();
    // When each item was published, to the second, for the end-to-end latency.
    let times = if format == Format::Feed {
        sitrep_ingest::feed_entry_times(&body)
    } else {
        Vec::new()
    };
    let mut articles: Vec<Article> = Vec::new();
    let mut errors = Vec::new();
    for item in read_reader(Cursor::new(body), url, None, &options) {
        match item {
            Ok(article) => articles.extend(cleaned(article)),
            Err(err) if err.severity() == Severity::Warning => messages::warning(&err),
            Err(err) => errors.push(err.to_string()),
        }
    }
    if articles.is_empty()
        && let Some(first) = errors.first()
    {
        return Ok(Err(first.clone()));
    }
    for error in &errors {
        messages::warning(format!("{url}: {error}"));
    }
    let ids: Vec<String> = articles.iter().map(|a| a.id.to_string()).collect();
    let unseen = store.unseen_items(url, &ids)?;
    articles.retain(|a| unseen.iter().any(|id| id == a.id.as_str()));
    if let Some(pages) = pages {
        for article in &mut articles {
            read_page(pages, article, &options);
        }
    }
    let mut summary = store_articles(store, articles, resources)
        .with_context(|| format!("storing the items of {url}"))?;
    store.mark_items_seen(url, &unseen)?;
    let stored = jiff::Timestamp::now().as_second();
    for (id, published) in &times {
        if unseen.iter().any(|u| u == id.as_str()) {
            metrics.observe_end_to_end(published.as_second(), stored);
        }
    }
    summary.items = unseen.len() as u64;
    Ok(Ok(summary))
}

/// The article with its text cleaned as ingest cleans it; `None` when nothing is left.
fn cleaned(mut article: Article) -> Option<Article> {
    article.text = sitrep_text::clean_text(&article.text);
    (!article.text.is_empty()).then_some(article)
}

/// Replaces a feed item's summary with the text of its page, when the page can be fetched
/// and says more; the item keeps its id, title, date and source.
fn read_page(pages: &mut PageFetcher, article: &mut Article, options: &ReadOptions) {
    let Some(link) = article.url.clone() else {
        return;
    };
    let body = match pages.fetch(&link) {
        Ok(body) => body,
        Err(why) => {
            messages::warning(format!("page not read, the feed's text is kept: {why}"));
            return;
        }
    };
    let hint = std::path::Path::new("page.html");
    let page = read_reader(Cursor::new(body), &link, Some(hint), options)
        .filter_map(std::result::Result::ok)
        .next();
    if let Some(page) = page {
        let text = sitrep_text::clean_text(&page.text);
        if text.len() > article.text.len() {
            article.text = text;
        }
    }
}

/// One log line per poll on stderr (`SITREP_LOG` filters, as for `sitrep serve`).
fn init_logs() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("SITREP_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn,sitrep=info"));
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_env_filter(filter)
        .try_init();
}

/// A flag set by SIGTERM or Ctrl-C.
fn stop_on_signal() -> Result<Arc<AtomicBool>> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the signal handler")?;
    std::thread::spawn(move || {
        runtime.block_on(sitrep_server::shutdown_signal());
        messages::note("stopping after the poll in flight");
        flag.store(true, Ordering::Relaxed);
    });
    Ok(stop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_read_with_their_unit() {
        assert_eq!(parse_interval("60s"), Ok(Duration::from_secs(60)));
        assert_eq!(parse_interval("5m"), Ok(Duration::from_secs(300)));
        assert_eq!(parse_interval("1h"), Ok(Duration::from_secs(3_600)));
        assert_eq!(parse_interval("90"), Ok(Duration::from_secs(90)));
        assert!(parse_interval("0s").is_err());
        assert!(parse_interval("soon").is_err());
        assert!(parse_interval("5d").is_err());
    }
}

/// Flags of `sitrep feeds`.
#[derive(Debug, Args)]
pub struct FeedsArgs {
    /// Database.
    #[command(flatten)]
    pub db: DbArgs,
    /// Print JSON Lines (one feed per line) instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Runs `sitrep feeds`: every followed feed with its last poll, items, incidents and error.
pub fn run_feeds(args: &FeedsArgs) -> Result<()> {
    use std::io::{IsTerminal, Write};
    let store = args.db.open_existing("sitrep follow")?;
    let feeds = store.feeds()?;
    let mut out = std::io::stdout().lock();
    if args.json || !std::io::stdout().is_terminal() {
        for f in &feeds {
            let line = serde_json::json!({
                "url": f.url, "last_poll_at": f.last_poll_at, "last_success_at": f.last_success_at,
                "last_error": f.last_error, "failures": f.failures, "items": f.items,
                "incidents": f.incidents, "etag": f.etag, "last_modified": f.last_modified,
            });
            writeln!(out, "{line}")?;
        }
        return Ok(());
    }
    if feeds.is_empty() {
        messages::note("no feeds followed yet; see `sitrep follow --help`");
    }
    for f in &feeds {
        let last = f
            .last_poll_at
            .as_deref()
            .map_or("never", |t| t.get(..19).unwrap_or(t));
        let error = f
            .last_error
            .as_deref()
            .map(|e| format!("  error ({} in a row): {e}", f.failures))
            .unwrap_or_default();
        writeln!(
            out,
            "{}  polled {last}  {} items  {} incident reports{error}",
            f.url, f.items, f.incidents
        )?;
    }
    Ok(())
}
