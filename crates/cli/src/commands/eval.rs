//! `sitrep eval`: extraction scored against labelled records.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use sitrep_eval::{Field, GoldRecord, Report, Scorer};
use sitrep_extract::{Resources, extract_article};
use sitrep_model::{Article, ArticleId, parse_published};

use crate::cli::EvalArgs;
use crate::messages;

/// Runs the command.
pub fn run(args: &EvalArgs, resources: &Resources) -> Result<()> {
    let error_field = match &args.errors {
        Some(name) => Some(Field::parse(name).with_context(|| {
            let names: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
            format!(
                "--errors: unknown field {name:?}; expected one of: {}",
                names.join(", ")
            )
        })?),
        None => None,
    };
    let file =
        File::open(&args.gold).with_context(|| format!("opening {}", args.gold.display()))?;
    let mut records = Vec::new();
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("reading {}", args.gold.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<GoldRecord>(&line) {
            Ok(r) => records.push(r),
            Err(e) => messages::error(format!("{}:{}: {e}", args.gold.display(), n + 1)),
        }
    }
    if records.is_empty() {
        bail!("{}: no labelled records", args.gold.display());
    }
    let started = Instant::now();
    let scorer = Scorer::new(resources);
    let scored: Vec<(String, Vec<sitrep_eval::FieldOutcome>)> = records
        .par_iter()
        .map(|r| {
            let text = sitrep_text::clean_text(&r.text);
            let article = Article {
                id: ArticleId::new(r.id.clone()),
                text,
                published: r.published.as_deref().and_then(|p| parse_published(p).ok()),
                title: None,
                url: None,
                source: None,
            };
            let extracted = extract_article(&article, resources);
            (
                r.source_name().to_string(),
                scorer.score(r, Some(&extracted)),
            )
        })
        .collect();
    let elapsed = started.elapsed();
    let report = Report::build(&scored);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", report.to_table());
    }
    if let Some(field) = error_field {
        let mut shown = 0;
        println!("errors in {}:", field.name());
        for (record, (_, outcomes)) in records.iter().zip(&scored) {
            for o in outcomes.iter().filter(|o| o.field == field && !o.correct) {
                if shown >= args.limit {
                    break;
                }
                shown += 1;
                let text: String = record.text.chars().take(300).collect();
                println!(
                    "- {} gold={:?} predicted={:?}\n  {}",
                    record.id,
                    o.gold,
                    o.predicted,
                    text.replace('\n', " ")
                );
            }
        }
    }
    let bytes: usize = records.iter().map(|r| r.text.len()).sum();
    messages::note(format!(
        "{} records ({:.1} MB) extracted in {:.2} s ({:.0} records/s)",
        records.len(),
        bytes as f64 / 1e6,
        elapsed.as_secs_f64(),
        records.len() as f64 / elapsed.as_secs_f64().max(1e-9)
    ));
    Ok(())
}
