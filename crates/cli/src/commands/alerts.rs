//! `sitrep alerts`: what the watches were told, following new alerts, and delivering webhooks.

use std::io::{self, IsTerminal, Write};
use std::time::Duration;

use anyhow::Result;
use clap::Args;
use sitrep_notify::{DeliveryReport, Notifier, RetryPolicy};
use sitrep_store::{AlertQuery, Store};
use sitrep_watch::Alert;

use crate::cli::DbArgs;
use crate::commands::watch::WebhookArgs;
use crate::messages;

/// How often `--follow` looks for new alerts.
const POLL: Duration = Duration::from_secs(1);

/// Flags of `sitrep alerts`.
#[derive(Debug, Args)]
pub struct AlertsArgs {
    /// Database.
    #[command(flatten)]
    pub db: DbArgs,
    /// Only this watch's alerts.
    #[arg(long, value_name = "NAME")]
    pub watch: Option<String>,
    /// At most this many alerts, newest first.
    #[arg(long, default_value_t = 50, value_name = "N")]
    pub limit: usize,
    /// Keep running and print each new alert as it is raised (by an ingest in another
    /// process, say), delivering webhooks as they fall due; Ctrl-C stops.
    #[arg(long)]
    pub follow: bool,
    /// Deliver the webhooks that are due now, then print what happened.
    #[arg(long)]
    pub deliver: bool,
    /// Print JSON Lines (one alert per line) instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Private webhooks.
    #[command(flatten)]
    pub webhooks: WebhookArgs,
}

/// Runs `sitrep alerts`.
pub fn run(args: &AlertsArgs) -> Result<()> {
    let mut store = args.db.open_existing("sitrep ingest")?;
    let json = args.json || !io::stdout().is_terminal();
    let notifier = Notifier::new(args.webhooks.policy(), RetryPolicy::default());
    if args.deliver && !args.follow {
        let report = notifier.deliver_due(&mut store)?;
        note_deliveries(&report, &store)?;
        return Ok(());
    }
    let mut newest = store.alerts(&AlertQuery {
        watch: args.watch.clone(),
        after: None,
        limit: args.limit.max(1),
    })?;
    newest.reverse();
    let mut out = io::stdout().lock();
    for alert in &newest {
        print_alert(&mut out, alert, json)?;
    }
    if !args.follow {
        if newest.is_empty() && !json {
            messages::note("no alerts yet");
        }
        return Ok(());
    }
    let mut last = newest.last().map_or(0, |a| a.id);
    loop {
        let fresh = store.alerts(&AlertQuery {
            watch: args.watch.clone(),
            after: Some(last),
            limit: 500,
        })?;
        for alert in &fresh {
            print_alert(&mut out, alert, json)?;
            last = alert.id;
        }
        out.flush()?;
        if args.deliver {
            let report = notifier.deliver_due(&mut store)?;
            if report != DeliveryReport::default() {
                note_deliveries(&report, &store)?;
            }
        }
        std::thread::sleep(POLL);
    }
}

fn print_alert(out: &mut impl Write, alert: &Alert, json: bool) -> Result<()> {
    if json {
        writeln!(out, "{}", serde_json::to_string(alert)?)?;
    } else {
        writeln!(
            out,
            "#{:<5} {}  {}  [{}]",
            alert.id,
            alert.created_at.get(..19).unwrap_or(&alert.created_at),
            alert.summary(),
            alert.incident_id
        )?;
    }
    Ok(())
}

/// One line about a round of deliveries and what is left.
pub fn note_deliveries(report: &DeliveryReport, store: &Store) -> Result<()> {
    let outbox = store.outbox_stats()?;
    messages::note(format!(
        "webhooks: {} delivered, {} to retry, {} given up, {} waiting for a failing receiver; \
         outbox: {} pending, {} delivered, {} failed",
        report.delivered,
        report.retrying,
        report.failed,
        report.postponed,
        outbox.pending,
        outbox.delivered,
        outbox.failed
    ));
    Ok(())
}
