//! Following feeds: the list of feeds to follow, and one poll of a feed over HTTP(S) with
//! conditional requests (`If-None-Match`, `If-Modified-Since`), a timeout and a size cap, and
//! the backoff after failures (doubling from the interval up to an hour; a `Retry-After` on 429
//! or 503 is honoured when longer).
//!
//! What to do with the items (extract, store, alert) is the caller's: `sitrep follow` reads
//! the body with the same feed reader as `sitrep ingest`, and records each poll in the store
//! ([`sitrep_store::Store::record_poll`]), so that a restart resumes where it stopped.
#![deny(missing_docs)]

mod folder;
mod metrics;
mod pages;

use std::io::Read;
use std::time::Duration;

use sitrep_store::FeedState;

pub use folder::FolderWatch;
pub use metrics::{FollowMetrics, PollKind};
pub use pages::{MAX_PAGE_BYTES, PageFetcher, ROBOTS_AGENT};

/// The largest feed body read, in bytes; a larger one fails the poll.
pub const MAX_FEED_BYTES: u64 = 10 * 1024 * 1024;

/// How long one poll may take, from connecting to the last byte.
pub const POLL_TIMEOUT: Duration = Duration::from_secs(30);

/// The longest wait between polls of a failing feed.
pub const MAX_BACKOFF: Duration = Duration::from_secs(3_600);

/// A line of the feeds file that is not a feed URL.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {reason}")]
pub struct BadFeedLine {
    /// The feeds file, as named.
    pub file: String,
    /// The line number, from 1.
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

/// Reads a feeds file: one `http(s)` URL per line; blank lines and lines starting with `#`
/// are skipped; a URL given twice is followed once. Errors name the first bad line.
pub fn parse_feeds(file: &str, text: &str) -> Result<Vec<String>, BadFeedLine> {
    let mut feeds: Vec<String> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_text = line.trim();
        if line_text.is_empty() || line_text.starts_with('#') {
            continue;
        }
        let bad = |reason: String| BadFeedLine {
            file: file.to_string(),
            line: i + 1,
            reason,
        };
        let url = url::Url::parse(line_text)
            .map_err(|err| bad(format!("{line_text:?} is not a URL: {err}")))?;
        if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
            return Err(bad(format!(
                "{line_text:?}: expected an http or https URL with a host"
            )));
        }
        let url = url.to_string();
        if !feeds.contains(&url) {
            feeds.push(url);
        }
    }
    Ok(feeds)
}

/// What one poll found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PollOutcome {
    /// 304: nothing changed since the validators sent.
    NotModified,
    /// 200: the body, and the validators to send next time.
    Fetched {
        /// The feed's bytes.
        body: Vec<u8>,
        /// The answer's `ETag`.
        etag: Option<String>,
        /// The answer's `Last-Modified`.
        last_modified: Option<String>,
    },
    /// The poll failed: why, and how long the server asked to wait (`Retry-After`).
    Failed {
        /// What went wrong, for the feed's state and the log.
        error: String,
        /// The wait the server asked for, if any.
        retry_after: Option<Duration>,
    },
}

/// Polls feeds over HTTP(S).
#[derive(Debug, Clone)]
pub struct Poller {
    agent: ureq::Agent,
}

impl Default for Poller {
    fn default() -> Self {
        Poller::new()
    }
}

impl Poller {
    /// A poller with the timeout of [`POLL_TIMEOUT`], at most 5 redirects, and sitrep's user
    /// agent.
    pub fn new() -> Poller {
        Poller::with_timeout(POLL_TIMEOUT)
    }

    /// A poller whose whole request (connecting, headers, body) may take at most `timeout`.
    pub fn with_timeout(timeout: Duration) -> Poller {
        Poller {
            agent: agent(timeout),
        }
    }

    /// One conditional GET of `state.url`, sending back the validators `state` holds.
    pub fn poll(&self, state: &FeedState) -> PollOutcome {
        let mut request = self.agent.get(&state.url);
        if let Some(etag) = &state.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(modified) = &state.last_modified {
            request = request.header("If-Modified-Since", modified);
        }
        let response = match request.call() {
            Ok(response) => response,
            Err(err) => {
                return PollOutcome::Failed {
                    error: err.to_string(),
                    retry_after: None,
                };
            }
        };
        let status = response.status().as_u16();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        match status {
            304 => PollOutcome::NotModified,
            200..=299 => {
                let etag = header("etag");
                let last_modified = header("last-modified");
                match read_capped(response.into_body(), MAX_FEED_BYTES) {
                    Err(err) => PollOutcome::Failed {
                        error: format!("reading the body: {err}"),
                        retry_after: None,
                    },
                    Ok(None) => PollOutcome::Failed {
                        error: format!("the body is larger than {MAX_FEED_BYTES} bytes"),
                        retry_after: None,
                    },
                    Ok(Some(body)) => PollOutcome::Fetched {
                        body,
                        etag,
                        last_modified,
                    },
                }
            }
            _ => PollOutcome::Failed {
                error: format!("the server answered {status}"),
                retry_after: header("retry-after")
                    .and_then(|v| v.trim().parse::<u64>().ok())
                    .map(Duration::from_secs),
            },
        }
    }
}

/// The client feeds and pages are read with: `timeout` for a whole request, at most 5
/// redirects, error statuses returned as answers, sitrep's user agent.
fn agent(timeout: Duration) -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .max_redirects(5)
        .user_agent(concat!(
            "sitrep/",
            env!("CARGO_PKG_VERSION"),
            " (feed follower)"
        ))
        .build()
        .into()
}

/// A body read whole when it is at most `cap` bytes; `None` when it is larger.
fn read_capped(body: ureq::Body, cap: u64) -> std::io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    body.into_reader().take(cap + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= cap).then_some(bytes))
}

/// How long to wait before polling a feed again after `failures` failures in a row (0: the
/// interval), at least what the server asked for.
pub fn next_wait(interval: Duration, failures: u32, retry_after: Option<Duration>) -> Duration {
    let backoff = interval
        .saturating_mul(1u32 << failures.min(16))
        .min(MAX_BACKOFF.max(interval));
    backoff.max(retry_after.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_feeds_file_skips_comments_and_names_a_bad_line() {
        let text = "# news\nhttps://example.org/rss\n\n  http://example.net/atom.xml  \nhttps://example.org/rss\n";
        assert_eq!(
            parse_feeds("feeds.txt", text).unwrap(),
            ["https://example.org/rss", "http://example.net/atom.xml"]
        );
        let err = parse_feeds("feeds.txt", "https://a.org/x\nftp://b.org/y\n").unwrap_err();
        assert_eq!((err.line, err.file.as_str()), (2, "feeds.txt"));
        assert!(err.to_string().starts_with("feeds.txt:2: "), "{err}");
        assert_eq!(parse_feeds("f", "not a url").unwrap_err().line, 1);
    }

    #[test]
    fn failures_back_off_to_an_hour_and_honour_retry_after() {
        let minute = Duration::from_secs(60);
        assert_eq!(next_wait(minute, 0, None), minute);
        assert_eq!(next_wait(minute, 1, None), 2 * minute);
        assert_eq!(next_wait(minute, 3, None), 8 * minute);
        assert_eq!(next_wait(minute, 30, None), MAX_BACKOFF);
        assert_eq!(
            next_wait(minute, 0, Some(Duration::from_secs(600))),
            Duration::from_secs(600)
        );
    }
}
