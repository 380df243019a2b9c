//! `sitrep query`: filtered incidents in a table, JSON Lines, CSV or GeoJSON.

use std::io::{self, IsTerminal, Write};

use anyhow::{Context, Result, bail};
use sitrep_model::{CountryCode, EventType};
use sitrep_store::{BoundingBox, IncidentFilter};

use crate::cli::{Format, QueryArgs};
use crate::output;

/// Turns flags into a validated filter, before any work.
pub fn filter(args: &QueryArgs) -> Result<IncidentFilter> {
    let country = args
        .country
        .as_deref()
        .map(CountryCode::new)
        .transpose()
        .context("--country")?;
    let event_type = args
        .event_type
        .as_deref()
        .map(str::parse::<EventType>)
        .transpose()
        .context("--type")?;
    let bbox = args
        .bbox
        .as_deref()
        .map(str::parse::<BoundingBox>)
        .transpose()
        .context("--bbox")?;
    if let (Some(since), Some(until)) = (args.since, args.until)
        && since > until
    {
        bail!("--since {since} is after --until {until}");
    }
    Ok(IncidentFilter {
        country,
        event_type,
        since: args.since,
        until: args.until,
        bbox,
        min_killed: args.min_killed,
        perpetrator: args.perpetrator.clone(),
        include_background: args.include_background,
        limit: args.limit,
        offset: 0,
    })
}

/// Runs the command.
pub fn run(args: &QueryArgs) -> Result<usize> {
    let filter = filter(args)?;
    let store = args.db.open_existing("sitrep ingest")?;
    let incidents = store.query(&filter).context("querying the store")?;
    let format = args.format.unwrap_or(if io::stdout().is_terminal() {
        Format::Table
    } else {
        Format::Json
    });
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let written =
        output::write(&mut out, format, &incidents).and_then(|()| out.flush().map_err(Into::into));
    match written {
        Err(e)
            if e.downcast_ref::<io::Error>()
                .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe) => {}
        other => other?,
    }
    Ok(incidents.len())
}
