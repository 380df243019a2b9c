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
        for (_, extracted) in pipeline::extract_batch(batch, resources) {
            articles += 1;
            let written = if args.pretty {
                serde_json::to_writer_pretty(&mut out, &extracted)
            } else {
                serde_json::to_writer(&mut out, &extracted)
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
