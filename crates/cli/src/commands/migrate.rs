//! `sitrep migrate`: copies a whole store into a new one, on either engine, ids kept.

use std::time::Duration;

use anyhow::{Context, Result, bail};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use sitrep_store::{Store, StoreLocation};

use crate::messages;

/// Flags of `sitrep migrate`.
#[derive(Debug, Args)]
pub struct MigrateArgs {
    /// The store to copy: a SQLite file or a postgres:// URL.
    #[arg(long, value_name = "PATH|URL", value_parser = clap::value_parser!(StoreLocation))]
    pub from: StoreLocation,
    /// The store to create: a new SQLite file or an empty PostgreSQL database (or schema).
    #[arg(long, value_name = "PATH|URL", value_parser = clap::value_parser!(StoreLocation))]
    pub to: StoreLocation,
}

/// Runs the command.
pub fn run(args: &MigrateArgs) -> Result<()> {
    if !args.from.exists() {
        bail!("no store at {} to copy", args.from);
    }
    if args.from == args.to {
        bail!("--from and --to name the same store ({})", args.from);
    }
    if let StoreLocation::File(path) = &args.to
        && path.exists()
    {
        bail!(
            "{} exists already; migrate into a new file (or an empty PostgreSQL database)",
            path.display()
        );
    }
    let source =
        Store::open_location(&args.from).with_context(|| format!("opening store {}", args.from))?;
    let rows = source
        .table_rows()
        .with_context(|| format!("reading store {}", args.from))?;
    let mut target =
        Store::open_location(&args.to).with_context(|| format!("opening store {}", args.to))?;

    let progress = ProgressBar::new(rows.total());
    progress.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} rows {elapsed} (eta {eta})")
            .expect("the template is valid"),
    );
    progress.enable_steady_tick(Duration::from_millis(200));
    let copied = source.copy_into(&mut target, |done| progress.set_position(done));
    progress.finish_and_clear();
    let report = copied.with_context(|| format!("copying {} into {}", args.from, args.to))?;
    messages::note(format!(
        "copied {} articles, {} incidents, {} mentions, {} watches, {} alerts ({} rows in all) \
         from {} into {}",
        report.rows("articles"),
        report.rows("incidents"),
        report.rows("mentions"),
        report.rows("watches"),
        report.rows("alerts"),
        report.total(),
        args.from,
        args.to
    ));
    Ok(())
}
