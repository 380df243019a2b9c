//! `sitrep extract`: articles in, one JSON object per article out.

use std::io::{self, BufWriter, Write};

use anyhow::{Context, Result};
use sitrep_extract::Resources;
use sitrep_ingest::ReadOptions;

use crate::cli::ExtractArgs;
use crate::pipeline;

/// What a run did.
pub struct Outcome {
    /// Articles read and extracted.
    pub articles: usize,
}

/// Runs the command. A closed stdout (`sitrep extract | head`) ends the run quietly.
pub fn run(args: &ExtractArgs, resources: &Resources) -> Result<Outcome> {
    let inputs = pipeline::inputs(&args.input.inputs);
    let options = ReadOptions {
        default_published: args.input.published,
        ..ReadOptions::default()
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut articles = 0;
    for batch in pipeline::batches(pipeline::articles(&inputs, &options), pipeline::BATCH) {
        for (article, extracted) in pipeline::extract_batch(batch, resources) {
            articles += 1;
            let written = if args.with_text {
                with_text(&extracted, article.text)
                    .and_then(|value| print(&mut out, &value, args.pretty))
            } else {
                print(&mut out, &extracted, args.pretty)
            };
            match written
                .map_err(io::Error::from)
                .and_then(|()| out.write_all(b"\n"))
            {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(Outcome { articles }),
                Err(e) => return Err(e).context("writing to standard output"),
            }
        }
    }
    match out.flush() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(e).context("writing to standard output")
        }
        _ => Ok(Outcome { articles }),
    }
}

/// One object as JSON, on one line or pretty.
fn print(
    out: &mut impl Write,
    value: &impl serde::Serialize,
    pretty: bool,
) -> serde_json::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(out, value)
    } else {
        serde_json::to_writer(out, value)
    }
}

/// The extraction with the text its evidence points into as `article.text`.
fn with_text(
    extracted: &sitrep_model::ExtractedArticle,
    text: String,
) -> serde_json::Result<serde_json::Value> {
    let mut value = serde_json::to_value(extracted)?;
    if let Some(article) = value
        .get_mut("article")
        .and_then(serde_json::Value::as_object_mut)
    {
        article.insert("text".to_string(), serde_json::Value::String(text));
    }
    Ok(value)
}
