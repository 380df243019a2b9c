//! Latency histograms of following, for `/metrics` in the Prometheus text format.
//!
//! - `sitrep_feed_poll_duration_seconds{outcome}`: how long one poll of a feed took, from the
//!   request to the body read (`outcome` is `fetched`, `not_modified` or `failed`);
//! - `sitrep_item_processing_seconds`: for the items of one poll (or the files of one look at
//!   the folder), from the poll's start to their incidents stored and their alerts raised:
//!   the part of the end-to-end latency that sitrep adds after an item appears. The rest is
//!   the wait for the next poll, at most the interval (`scripts/bench/follow-latency.py`
//!   measures the whole);
//! - `sitrep_item_end_to_end_seconds`: from the moment an item's feed says it was published to
//!   its incidents stored and alerts raised, for items published within the last day (a first
//!   poll's backlog is no latency). Publishers often date an item before it appears in the
//!   feed, so this is an upper bound of the delay a reader sees.

use std::time::Duration;

use prometheus::{Encoder, Histogram, HistogramOpts, HistogramVec, Registry, TextEncoder};

/// Buckets for poll durations, in seconds: network round trips to a slow feed.
const POLL_BUCKETS: &[f64] = &[0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0];

/// Buckets for processing, in seconds: a poll's items extracted and stored.
const PROCESSING_BUCKETS: &[f64] = &[0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0];

/// Buckets for end-to-end latency, in seconds: up to a day.
const END_TO_END_BUCKETS: &[f64] = &[
    1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0, 3600.0, 21600.0, 86400.0,
];

/// Items published longer ago than this when stored are a backlog, not a latency.
pub const END_TO_END_WINDOW: Duration = Duration::from_secs(86_400);

/// What a poll came to, the `outcome` label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PollKind {
    /// A body was read.
    Fetched,
    /// The server answered 304.
    NotModified,
    /// The poll failed.
    Failed,
}

impl PollKind {
    fn label(self) -> &'static str {
        match self {
            PollKind::Fetched => "fetched",
            PollKind::NotModified => "not_modified",
            PollKind::Failed => "failed",
        }
    }
}

/// The histograms a follower fills and `/metrics` prints. Cheap to clone (shared inside).
#[derive(Clone)]
pub struct FollowMetrics {
    registry: Registry,
    poll: HistogramVec,
    processing: Histogram,
    end_to_end: Histogram,
}

impl std::fmt::Debug for FollowMetrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FollowMetrics").finish_non_exhaustive()
    }
}

impl Default for FollowMetrics {
    fn default() -> Self {
        FollowMetrics::new()
    }
}

impl FollowMetrics {
    /// Empty histograms.
    pub fn new() -> FollowMetrics {
        let registry = Registry::new();
        let poll = HistogramVec::new(
            HistogramOpts::new(
                "sitrep_feed_poll_duration_seconds",
                "How long one poll of a followed feed took.",
            )
            .buckets(POLL_BUCKETS.to_vec()),
            &["outcome"],
        )
        .expect("a valid histogram definition");
        let processing = Histogram::with_opts(
            HistogramOpts::new(
                "sitrep_item_processing_seconds",
                "From the start of the poll that found new items to their incidents stored and \
                 alerts raised.",
            )
            .buckets(PROCESSING_BUCKETS.to_vec()),
        )
        .expect("a valid histogram definition");
        let end_to_end = Histogram::with_opts(
            HistogramOpts::new(
                "sitrep_item_end_to_end_seconds",
                "From an item's publication time, as its feed gives it, to its incidents stored \
                 and alerts raised (items published within the last day).",
            )
            .buckets(END_TO_END_BUCKETS.to_vec()),
        )
        .expect("a valid histogram definition");
        registry
            .register(Box::new(end_to_end.clone()))
            .expect("registered once");
        registry
            .register(Box::new(poll.clone()))
            .expect("registered once");
        registry
            .register(Box::new(processing.clone()))
            .expect("registered once");
        FollowMetrics {
            registry,
            poll,
            processing,
            end_to_end,
        }
    }

    /// Records one poll of a feed.
    pub fn observe_poll(&self, kind: PollKind, took: Duration) {
        self.poll
            .with_label_values(&[kind.label()])
            .observe(took.as_secs_f64());
    }

    /// Records the processing of one poll's (or one look at the folder's) new items.
    pub fn observe_processing(&self, took: Duration) {
        self.processing.observe(took.as_secs_f64());
    }

    /// Records an item stored `age` after its feed says it was published; an age beyond
    /// [`END_TO_END_WINDOW`] (a backlog) or a publication in the future (a wrong clock) is
    /// left out. Says whether it was recorded.
    pub fn observe_end_to_end(&self, published: i64, stored: i64) -> bool {
        let Ok(age) = u64::try_from(stored - published) else {
            return false;
        };
        if age > END_TO_END_WINDOW.as_secs() {
            return false;
        }
        self.end_to_end.observe(age as f64);
        true
    }

    /// The histograms in the Prometheus text format.
    pub fn encode(&self) -> String {
        let mut out = Vec::new();
        // Encoding into memory cannot fail for these metric types.
        let _ = TextEncoder::new().encode(&self.registry.gather(), &mut out);
        String::from_utf8(out).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn observations_land_in_their_buckets_and_labels() {
        let m = FollowMetrics::new();
        m.observe_poll(PollKind::Fetched, Duration::from_millis(30));
        m.observe_poll(PollKind::Failed, Duration::from_secs(3));
        m.observe_processing(Duration::from_millis(200));
        let text = m.encode();
        assert!(text.contains("# TYPE sitrep_feed_poll_duration_seconds histogram"));
        assert!(text.contains(
            "sitrep_feed_poll_duration_seconds_bucket{outcome=\"fetched\",le=\"0.05\"} 1"
        ));
        assert!(
            text.contains(
                "sitrep_feed_poll_duration_seconds_bucket{outcome=\"failed\",le=\"2.5\"} 0"
            )
        );
        assert!(text.contains("sitrep_feed_poll_duration_seconds_count{outcome=\"failed\"} 1"));
        assert!(text.contains("sitrep_item_processing_seconds_bucket{le=\"0.25\"} 1"));
        assert!(text.contains("sitrep_item_processing_seconds_bucket{le=\"0.1\"} 0"));
        assert!(text.contains("sitrep_item_processing_seconds_count 1"));
    }

    #[test]
    fn end_to_end_leaves_out_backlogs_and_future_dates() {
        let m = FollowMetrics::new();
        let now = 1_800_000_000;
        assert!(m.observe_end_to_end(now - 40, now));
        assert!(!m.observe_end_to_end(now - 3 * 86_400, now));
        assert!(!m.observe_end_to_end(now + 60, now));
        let text = m.encode();
        assert!(text.contains("sitrep_item_end_to_end_seconds_bucket{le=\"30\"} 0"));
        assert!(text.contains("sitrep_item_end_to_end_seconds_bucket{le=\"60\"} 1"));
        assert!(text.contains("sitrep_item_end_to_end_seconds_count 1"));
    }
}
