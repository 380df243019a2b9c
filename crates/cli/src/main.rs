//! The `sitrep` binary: flags, wiring and printing; the work is done by the library crates.
//!
//! Exit codes: 0 success; 1 the command ran but nothing could be read (every input was
//! rejected); 2 it could not run (bad flags, unreadable store).

mod cli;
mod commands;
mod messages;
mod output;
mod pipeline;

use std::process::ExitCode;

use clap::Parser;
use sitrep_extract::Resources;

use cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("sitrep: error: {}", messages::error_chain(&e));
            if let Some(problem) = e
                .chain()
                .find_map(|cause| cause.downcast_ref::<sitrep_store::Error>())
                .and_then(sitrep_store::Error::storage_problem)
            {
                eprintln!("sitrep: {}", problem.advice());
            }
            ExitCode::from(2)
        }
    }
}

/// The compiled gazetteer and lexicons, kept until the process exits: they are never dropped,
/// since freeing their many small allocations one by one at exit only delays it (4% of the
/// instructions of `sitrep extract` on an empty input; see BENCHMARKS.md).
fn resources() -> anyhow::Result<&'static Resources> {
    let resources = Resources::embedded()
        .map_err(|e| anyhow::anyhow!("loading the embedded gazetteer and lexicons: {e}"))?;
    Ok(Box::leak(Box::new(resources)))
}

/// Exit status after reading inputs: failure only when inputs were rejected and nothing was read.
fn read_status(articles: usize) -> ExitCode {
    if articles == 0 && messages::errors() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Extract(args) => {
            let resources = resources()?;
            let outcome = commands::extract::run(&args, resources)?;
            Ok(read_status(outcome.articles))
        }
        Command::Ingest(args) => {
            let resources = resources()?;
            let summary = commands::ingest::run(&args, resources)?;
            Ok(read_status(summary.read))
        }
        Command::Query(args) => {
            commands::query::run(&args)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Incident(args) => {
            commands::incident::run(&args)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval(args) => {
            let resources = resources()?;
            commands::eval::run(&args, resources)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Train(args) => {
            let resources = resources()?;
            commands::train::run(&args, resources)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve(args) => {
            let following = args.follow.is_some() || args.follow_dir.is_some();
            let resources = if following { Some(resources()?) } else { None };
            commands::serve::run(&args, resources)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Watch(args) => {
            commands::watch::run(&args)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Alerts(args) => {
            commands::alerts::run(&args)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Token(args) => {
            commands::token::run(&args)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Follow(args) => {
            let resources = resources()?;
            commands::follow::run(&args, resources)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Feeds(args) => {
            commands::follow::run_feeds(&args)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Migrate(args) => {
            commands::migrate::run(&args)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Demo => {
            let resources = resources()?;
            commands::demo::run(resources)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
