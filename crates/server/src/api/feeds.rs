//! `/api/feeds` and `/metrics`: what `sitrep follow` is reading, for people and for monitoring.

use std::fmt::Write;

use axum::extract::State;
use axum::response::Response;
use serde::Serialize;
use utoipa::ToSchema;

use super::{JSON, bytes_response, to_json};
use crate::AppState;
use crate::error::{ApiError, Result};

/// The media type of the Prometheus text format.
const PROMETHEUS: &str = "text/plain; version=0.0.4; charset=utf-8";

/// A followed feed.
#[derive(Debug, Serialize, ToSchema)]
pub struct FeedBody {
    /// The feed's URL.
    pub url: String,
    /// When it was last polled (RFC 3339).
    pub last_poll_at: Option<String>,
    /// When a poll last succeeded (RFC 3339).
    pub last_success_at: Option<String>,
    /// The last poll's error, if it failed.
    pub last_error: Option<String>,
    /// Failures in a row.
    pub failures: u32,
    /// Items read from it, in all.
    pub items: u64,
    /// Reports of incidents those items held.
    pub incidents: u64,
}

/// Every feed `sitrep follow` has polled into this store.
#[utoipa::path(
    get,
    path = "/api/feeds",
    tag = "feeds",
    responses((status = 200, description = "Every followed feed, by URL", body = [FeedBody]))
)]
pub async fn list_feeds(State(state): State<AppState>) -> Result<Response> {
    let body = state
        .pool
        .run(|store| {
            let feeds: Vec<FeedBody> = store
                .feeds()?
                .into_iter()
                .map(|f| FeedBody {
                    url: f.url,
                    last_poll_at: f.last_poll_at,
                    last_success_at: f.last_success_at,
                    last_error: f.last_error,
                    failures: f.failures,
                    items: f.items,
                    incidents: f.incidents,
                })
                .collect();
            to_json(&feeds)
        })
        .await?;
    Ok(bytes_response(JSON, body))
}

/// The store's counts in the Prometheus text format: articles, incidents, alerts, webhook
/// deliveries, and per feed its items, incident reports, failures in a row and last success;
/// then whatever [`crate::ServerConfig::extra_metrics`] adds (the follower's poll and
/// processing latency histograms under `sitrep serve --follow`).
#[utoipa::path(
    get,
    path = "/metrics",
    tag = "feeds",
    responses((status = 200, description = "Prometheus text exposition format 0.0.4", content_type = "text/plain", body = String))
)]
pub async fn metrics(State(state): State<AppState>) -> Result<Response> {
    let text = state
        .pool
        .run(|store| {
            let stats = store.stats()?;
            let outbox = store.outbox_stats()?;
            let feeds = store.feeds()?;
            let mut out = String::new();
            let mut metric = |name: &str, kind: &str, help: &str, samples: &[(String, f64)]| {
                let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} {kind}");
                for (labels, value) in samples {
                    let _ = writeln!(out, "{name}{labels} {value}");
                }
            };
            let one = |v: u64| vec![(String::new(), v as f64)];
            metric(
                "sitrep_articles",
                "gauge",
                "Articles stored.",
                &one(stats.articles),
            );
            metric(
                "sitrep_incidents",
                "gauge",
                "Incidents stored.",
                &one(stats.incidents),
            );
            metric(
                "sitrep_reports",
                "gauge",
                "Reports of incidents (mentions) stored.",
                &one(stats.mentions),
            );
            metric(
                "sitrep_alerts_total",
                "counter",
                "Alerts raised for watches.",
                &one(store.alert_count()?),
            );
            metric(
                "sitrep_webhooks_pending",
                "gauge",
                "Webhook deliveries waiting.",
                &one(outbox.pending),
            );
            metric(
                "sitrep_webhooks_delivered_total",
                "counter",
                "Webhook deliveries made.",
                &one(outbox.delivered),
            );
            metric(
                "sitrep_webhooks_failed_total",
                "counter",
                "Webhook deliveries given up.",
                &one(outbox.failed),
            );
            let per_feed = |value: &dyn Fn(&sitrep_store::FeedState) -> Option<f64>| {
                feeds
                    .iter()
                    .filter_map(|f| {
                        value(f).map(|v| (format!("{{feed=\"{}\"}}", escape(&f.url)), v))
                    })
                    .collect::<Vec<_>>()
            };
            metric(
                "sitrep_feed_items_total",
                "counter",
                "Items read from a feed.",
                &per_feed(&|f| Some(f.items as f64)),
            );
            metric(
                "sitrep_feed_incident_reports_total",
                "counter",
                "Reports of incidents in a feed's items.",
                &per_feed(&|f| Some(f.incidents as f64)),
            );
            metric(
                "sitrep_feed_failures",
                "gauge",
                "Failed polls of a feed in a row.",
                &per_feed(&|f| Some(f64::from(f.failures))),
            );
            metric(
                "sitrep_feed_last_success_timestamp_seconds",
                "gauge",
                "When a poll of a feed last succeeded (Unix seconds).",
                &per_feed(&|f| {
                    f.last_success_at
                        .as_deref()
                        .and_then(|t| t.parse::<jiff::Timestamp>().ok())
                        .map(|t| t.as_second() as f64)
                }),
            );
            Ok::<_, ApiError>(out)
        })
        .await?;
    let text = match &state.config.extra_metrics {
        Some(extra) => text + &(extra.0)(),
        None => text,
    };
    Ok(bytes_response(PROMETHEUS, text))
}

/// A label value as the text format writes it: backslash, quote and newline escaped.
fn escape(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}
