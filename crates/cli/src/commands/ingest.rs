//! `sitrep ingest`: read, extract, resolve and store, skipping what is already stored.
//!
//! Three stages run at once, joined by channels that hold at most two batches (memory stays
//! flat whatever the input size):
//! 1. a reader thread reads the inputs lazily into cleaned articles, cuts them into batches
//!    (`--batch`, 256 articles read per batch), and drops from each batch the articles already
//!    stored (checked on its own read connection) or repeated in it;
//! 2. the calling thread extracts each batch in parallel (rayon);
//! 3. a writer thread stores each batch in one transaction, in which the store resolves every
//!    mention into a new or existing incident.
//!
//! A batch is committed whole or not at all, so a run killed at any moment leaves whole
//! batches; running it again skips them and stores the rest, ending with the same store as a
//! run that was never interrupted (resolution does not depend on arrival order either).
//!
//! On a terminal, a spinner on stderr shows articles read, the rate and incidents; at the end
//! one line sums up what was read, stored, skipped and rejected (with reasons) and what
//! happened to incidents.

use std::collections::{BTreeMap, HashSet};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use sitrep_extract::Resources;
use sitrep_ingest::{IngestError, Input, ReadOptions, Severity, expand_inputs, read_input};
use sitrep_model::{Article, ExtractedArticle};
use sitrep_store::{Error as StoreError, IncidentChanges, InsertOutcome, Store, StoreLocation};

use crate::{messages, pipeline};

/// What an ingest did.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    /// Articles read from the inputs.
    pub read: usize,
    /// Articles stored now.
    pub stored: usize,
    /// Articles skipped as duplicates: already in the store, or repeated in the input.
    pub skipped: usize,
    /// Inputs, records or articles rejected, by reason.
    pub failed: BTreeMap<String, usize>,
    /// Mentions stored now (an article's reports of incidents).
    pub mentions: usize,
    /// What happened to incidents.
    pub incidents: IncidentChanges,
    /// Alerts raised for watches.
    pub alerts: usize,
}

impl Summary {
    /// How many inputs, records or articles were rejected.
    pub fn failed_count(&self) -> usize {
        self.failed.values().sum()
    }

    /// The one-line summary printed at the end.
    pub fn line(&self, store: &StoreLocation) -> String {
        let failed = if self.failed.is_empty() {
            "0 failed".to_string()
        } else {
            let reasons: Vec<String> = self
                .failed
                .iter()
                .map(|(reason, n)| format!("{n} {reason}"))
                .collect();
            format!("{} failed ({})", self.failed_count(), reasons.join(", "))
        };
        format!(
            "read {} articles: stored {}, skipped {} as duplicates, {failed}; \
             incidents: {} new, {} updated, {} merged into others ({} reports); {} alerts; \
             store {}",
            self.read,
            self.stored,
            self.skipped,
            self.incidents.created,
            self.incidents.updated,
            self.incidents.merged,
            self.mentions,
            self.alerts,
            store
        )
    }
}

/// A batch of articles, and what the reader counted while making it.
struct ReadBatch {
    articles: Vec<Article>,
    read: usize,
    skipped: usize,
}

/// A batch extracted, ready to store.
struct ExtractedBatch {
    items: Vec<(Article, ExtractedArticle)>,
    read: usize,
    skipped: usize,
}

/// The short reason an input error is counted under in the summary.
fn reason(error: &IngestError) -> String {
    match error {
        IngestError::NotFound { .. } => "not found".into(),
        IngestError::NoMatch { .. } => "no match for pattern".into(),
        IngestError::Pattern { .. } => "invalid pattern".into(),
        IngestError::Io { .. } => "unreadable".into(),
        IngestError::Json { .. } => "invalid JSON".into(),
        IngestError::MissingField { .. } => "missing field".into(),
        IngestError::InvalidPublished { .. } => "invalid published date".into(),
        IngestError::Binary { .. } => "binary".into(),
        IngestError::Empty { .. } => "empty".into(),
        IngestError::NotUtf8 { .. } => "not UTF-8".into(),
        IngestError::TooLarge { .. } => "too large".into(),
        IngestError::Truncated { what, .. } => format!("truncated {what}"),
        IngestError::Corrupt { what, .. } => format!("corrupt {what}"),
        IngestError::Feed { .. } => "invalid feed".into(),
        IngestError::Warc { .. } => "invalid WARC".into(),
        IngestError::Unsupported { .. } => "unsupported".into(),
        _ => "other".into(),
    }
}

/// Reports a rejected input above the progress bar and counts it under its reason.
fn reject(
    progress: &ProgressBar,
    failed: &mut BTreeMap<String, usize>,
    reason: String,
    message: impl std::fmt::Display,
) {
    progress.suspend(|| messages::error(message));
    *failed.entry(reason).or_default() += 1;
}

/// Stage 1: reads every input into batches of new articles; returns the rejected inputs by
/// reason. Stops early when the next stage has stopped.
fn read_stage(
    args: &[String],
    batch_size: usize,
    options: &ReadOptions,
    location: &StoreLocation,
    progress: &ProgressBar,
    out: SyncSender<ReadBatch>,
) -> Result<BTreeMap<String, usize>> {
    let mut failed = BTreeMap::new();
    let inputs: Vec<Input> = if args.is_empty() {
        vec![Input::Stdin]
    } else {
        expand_inputs(args)
            .into_iter()
            .filter_map(|r| {
                r.map_err(|e| reject(progress, &mut failed, reason(&e), e))
                    .ok()
            })
            .collect()
    };
    // A read connection of its own: it sees committed batches without waiting for the writer.
    let store =
        Store::open_location(location).with_context(|| format!("opening store {location}"))?;
    let mut batch = ReadBatch {
        articles: Vec::with_capacity(batch_size),
        read: 0,
        skipped: 0,
    };
    let mut in_batch: HashSet<sitrep_model::ArticleId> = HashSet::new();
    for input in &inputs {
        for item in read_input(input, options) {
            let mut article = match item {
                Ok(article) => article,
                Err(e) if e.severity() == Severity::Warning => {
                    progress.suspend(|| messages::warning(&e));
                    continue;
                }
                Err(e) => {
                    reject(progress, &mut failed, reason(&e), &e);
                    continue;
                }
            };
            article.text = sitrep_text::clean_text(&article.text);
            if article.text.is_empty() {
                let message = format!(
                    "{}: article {:?}: no text left after cleaning",
                    input.name(),
                    article.id.as_str()
                );
                reject(
                    progress,
                    &mut failed,
                    "empty after cleaning".into(),
                    message,
                );
                continue;
            }
            batch.read += 1;
            if in_batch.contains(&article.id)
                || store
                    .has_article(&article.id)
                    .context("reading the store")?
            {
                batch.skipped += 1;
            } else {
                in_batch.insert(article.id.clone());
                batch.articles.push(article);
            }
            // Batches end after a fixed number of articles *read*, stored or not, so that a
            // run that resumes an interrupted one commits the same batches as a run that was
            // never interrupted: the store goes through the same states.
            if batch.read == batch_size {
                in_batch.clear();
                let full = std::mem::replace(
                    &mut batch,
                    ReadBatch {
                        articles: Vec::with_capacity(batch_size),
                        read: 0,
                        skipped: 0,
                    },
                );
                if out.send(full).is_err() {
                    return Ok(failed);
                }
            }
        }
    }
    if batch.read > 0 {
        // A closed channel means the writer stopped with an error, reported by its stage.
        let _ = out.send(batch);
    }
    Ok(failed)
}

/// Stage 3: stores batches as they come, resolving their mentions; updates the progress bar.
fn write_stage(
    store: &mut Store,
    progress: &ProgressBar,
    input: Receiver<ExtractedBatch>,
) -> Result<Summary> {
    let started = Instant::now();
    let mut summary = Summary::default();
    for batch in input {
        summary.read += batch.read;
        summary.skipped += batch.skipped;
        let mut items = batch.items;
        if items.is_empty() {
            continue;
        }
        let outcome = loop {
            let e = match store.insert_batch_resolved(&items) {
                Ok(outcome) => break outcome,
                Err(e) => e,
            };
            // One article the store cannot keep: report it, store the others.
            let bad = match &e {
                StoreError::InvalidIncident { article, .. }
                | StoreError::InvalidArticle { article, .. }
                | StoreError::ArticleMismatch { article, .. } => Some(article.clone()),
                _ => None,
            };
            match bad {
                Some(bad) if items.iter().any(|(a, _)| a.id.as_str() == bad) => {
                    reject(progress, &mut summary.failed, "not storable".into(), &e);
                    items.retain(|(a, _)| a.id.as_str() != bad);
                }
                _ => {
                    let stored = summary.stored;
                    return Err(e).with_context(|| {
                        format!("writing to the store ({stored} articles of this run were stored before)")
                    });
                }
            }
        };
        for article in outcome.articles {
            match article {
                InsertOutcome::Inserted { incidents } => {
                    summary.stored += 1;
                    summary.mentions += incidents;
                }
                InsertOutcome::Skipped => summary.skipped += 1,
            }
        }
        let changes = &mut summary.incidents;
        changes.created += outcome.incidents.created;
        changes.updated += outcome.incidents.updated;
        changes.merged += outcome.incidents.merged;
        summary.alerts += outcome.alerts;
        let rate = summary.read as f64 / started.elapsed().as_secs_f64().max(1e-3);
        progress.set_message(format!(
            "{} articles ({rate:.0}/s), {} incidents new, {} updated",
            summary.read, changes.created, changes.updated
        ));
    }
    Ok(summary)
}

/// Extracts and stores every article of `args` (paths, directories, `-`; none = stdin) into
/// the store at `location`, `batch_size` articles per transaction.
pub fn ingest(
    location: &StoreLocation,
    args: &[String],
    batch_size: usize,
    options: &ReadOptions,
    resources: &Resources,
) -> Result<Summary> {
    let mut store =
        Store::open_location(location).with_context(|| format!("opening store {location}"))?;
    let progress = ProgressBar::new_spinner();
    progress.set_style(
        ProgressStyle::with_template("{spinner} {elapsed} {msg}").expect("the template is valid"),
    );
    progress.enable_steady_tick(Duration::from_millis(200));
    let (read_tx, read_rx) = sync_channel::<ReadBatch>(2);
    let (write_tx, write_rx) = sync_channel::<ExtractedBatch>(2);
    let (failed, summary) = std::thread::scope(|scope| {
        let reader =
            scope.spawn(|| read_stage(args, batch_size, options, location, &progress, read_tx));
        let writer = scope.spawn(|| write_stage(&mut store, &progress, write_rx));
        for batch in read_rx {
            let items = pipeline::extract_batch(batch.articles, resources);
            let extracted = ExtractedBatch {
                items,
                read: batch.read,
                skipped: batch.skipped,
            };
            if write_tx.send(extracted).is_err() {
                break;
            }
        }
        drop(write_tx);
        let summary = writer.join().expect("the writer thread does not panic");
        let failed = reader.join().expect("the reader thread does not panic");
        (failed, summary)
    });
    progress.finish_and_clear();
    let mut summary = summary?;
    for (reason, n) in failed? {
        *summary.failed.entry(reason).or_default() += n;
    }
    Ok(summary)
}

/// Delivers the webhooks that are due (those of this ingest's alerts, and any left by an
/// earlier run), when there are any.
fn deliver(location: &StoreLocation, policy: sitrep_watch::WebhookPolicy) -> Result<()> {
    let mut store =
        Store::open_location(location).with_context(|| format!("opening store {location}"))?;
    if store.outbox_stats()?.pending == 0 {
        return Ok(());
    }
    let notifier = sitrep_notify::Notifier::new(policy, sitrep_notify::RetryPolicy::default());
    let report = notifier.deliver_due(&mut store)?;
    crate::commands::alerts::note_deliveries(&report, &store)
}

/// Runs `sitrep ingest`.
pub fn run(args: &crate::cli::IngestArgs, resources: &Resources) -> Result<Summary> {
    let location = &args.db.db;
    let options = ReadOptions {
        default_published: args.input.published,
        ..ReadOptions::default()
    };
    let summary = ingest(
        location,
        &args.input.inputs,
        usize::from(args.batch),
        &options,
        resources,
    )?;
    messages::note(summary.line(location));
    if !args.no_deliver {
        deliver(location, args.webhooks.policy())?;
    }
    Ok(summary)
}
