//! `sitrep ingest`: extract and store, skipping what is already stored.

use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use sitrep_extract::Resources;
use sitrep_ingest::{Input, ReadOptions};
use sitrep_model::Article;
use sitrep_store::{InsertOutcome, Store};

use crate::pipeline;

/// What an ingest did.
#[derive(Debug, Default, Clone, Copy)]
pub struct Summary {
    /// Articles read from the inputs.
    pub read: usize,
    /// Articles stored now.
    pub stored: usize,
    /// Articles already in the store, skipped.
    pub skipped: usize,
    /// Incidents stored now.
    pub incidents: usize,
}

/// Extracts and stores every article of `inputs` into `store`.
pub fn ingest(
    store: &mut Store,
    inputs: &[Input],
    options: &ReadOptions,
    resources: &Resources,
) -> Result<Summary> {
    let progress = ProgressBar::new_spinner();
    progress.set_style(
        ProgressStyle::with_template("{spinner} {elapsed} {msg}").expect("the template is valid"),
    );
    progress.enable_steady_tick(Duration::from_millis(200));
    let started = Instant::now();
    let mut summary = Summary::default();
    for batch in pipeline::batches(pipeline::articles(inputs, options), pipeline::BATCH) {
        summary.read += batch.len();
        let mut fresh: Vec<Article> = Vec::with_capacity(batch.len());
        for article in batch {
            if store
                .has_article(&article.id)
                .context("reading the store")?
                || fresh.iter().any(|a| a.id == article.id)
            {
                summary.skipped += 1;
            } else {
                fresh.push(article);
            }
        }
        let extracted = pipeline::extract_batch(fresh, resources);
        let outcomes = store
            .insert_batch(&extracted)
            .context("writing to the store")?;
        for outcome in outcomes {
            match outcome {
                InsertOutcome::Inserted { incidents } => {
                    summary.stored += 1;
                    summary.incidents += incidents;
                }
                InsertOutcome::Skipped => summary.skipped += 1,
            }
        }
        let rate = summary.read as f64 / started.elapsed().as_secs_f64().max(1e-3);
        progress.set_message(format!(
            "{} articles ({rate:.0}/s), {} incidents",
            summary.read, summary.incidents
        ));
    }
    progress.finish_and_clear();
    Ok(summary)
}

/// Runs `sitrep ingest`.
pub fn run(args: &crate::cli::IngestArgs, resources: &Resources) -> Result<Summary> {
    let path = &args.db.db;
    let mut store =
        Store::open(path).with_context(|| format!("opening store {}", path.display()))?;
    let inputs = pipeline::inputs(&args.input.inputs);
    let options = ReadOptions {
        default_published: args.input.published,
        ..ReadOptions::default()
    };
    let summary = ingest(&mut store, &inputs, &options, resources)?;
    crate::messages::note(format!(
        "read {} articles: stored {} ({} incidents), skipped {} already stored, {} errors; store {}",
        summary.read,
        summary.stored,
        summary.incidents,
        summary.skipped,
        crate::messages::errors(),
        path.display()
    ));
    Ok(summary)
}
