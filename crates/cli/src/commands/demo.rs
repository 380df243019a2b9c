//! `sitrep demo`: the bundled example corpus, ingested into a fresh temporary store.

use std::io::{self, Cursor, Write};

use anyhow::{Context, Result};
use sitrep_extract::Resources;
use sitrep_ingest::{ReadOptions, read_reader};
use sitrep_store::{IncidentFilter, Store};

use crate::cli::Format;
use crate::{messages, output, pipeline};

/// The demo corpus: the two seed articles and wire reports written for the project.
const CORPUS: &str = include_str!("../../../../examples/corpus.jsonl");

/// Runs the demo and prints the incident table.
pub fn run(resources: &Resources) -> Result<()> {
    let dir = tempfile::tempdir().context("creating a temporary directory")?;
    let path = dir.path().join("demo.db");
    let mut store =
        Store::open(&path).with_context(|| format!("opening store {}", path.display()))?;
    let options = ReadOptions::default();
    let mut stored = 0;
    let mut incidents = 0;
    let articles = read_reader(
        Cursor::new(CORPUS.as_bytes()),
        "examples/corpus.jsonl",
        None,
        &options,
    )
    .filter_map(|item| {
        item.map(|mut a| {
            a.text = sitrep_text::clean_text(&a.text);
            a
        })
        .map_err(messages::error)
        .ok()
    });
    for batch in pipeline::batches(articles, pipeline::BATCH) {
        let extracted = pipeline::extract_batch(batch, resources);
        for outcome in store
            .insert_batch(&extracted)
            .context("writing to the demo store")?
        {
            if let sitrep_store::InsertOutcome::Inserted { incidents: n } = outcome {
                stored += 1;
                incidents += n;
            }
        }
    }
    let all = store
        .query(&IncidentFilter {
            include_background: true,
            ..IncidentFilter::default()
        })
        .context("querying the demo store")?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    output::write(&mut out, Format::Table, &all)?;
    out.flush()?;
    drop(out);
    messages::note(format!(
        "demo: {stored} example articles → {incidents} incidents (↺ marks incidents only mentioned beside the news)"
    ));
    messages::note(
        "try: sitrep ingest examples/corpus.jsonl && sitrep query --country LY --format json",
    );
    Ok(())
}
