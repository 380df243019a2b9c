//! Followed feeds: what `sitrep follow` remembers of each feed between polls and restarts.

use rusqlite::params;

use crate::Store;
use crate::error::Result;
use crate::sql::Row;

/// The columns [`decode_feed`] reads.
const SELECT_FEED: &str = "SELECT url, etag, last_modified, last_poll_at, last_success_at,
        last_error, failures, next_poll, items, incidents
    FROM feeds";

/// What the store knows of one followed feed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedState {
    /// The feed's URL.
    pub url: String,
    /// The `ETag` of its last full answer, sent back as `If-None-Match`.
    pub etag: Option<String>,
    /// The `Last-Modified` of its last full answer, sent back as `If-Modified-Since`.
    pub last_modified: Option<String>,
    /// When it was last polled (RFC 3339).
    pub last_poll_at: Option<String>,
    /// When a poll last succeeded (RFC 3339).
    pub last_success_at: Option<String>,
    /// The last poll's error, if it failed.
    pub last_error: Option<String>,
    /// Failures in a row (0 after a success).
    pub failures: u32,
    /// Not polled again before this (Unix seconds).
    pub next_poll: i64,
    /// Items read from it, in all.
    pub items: u64,
    /// Reports of incidents those items held.
    pub incidents: u64,
}

/// What one poll of a feed found, to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PollRecord {
    /// The feed answered (200 or 304): new validators (kept when `None`), how many new items
    /// and reports of incidents were read.
    Success {
        /// The new `ETag`, if the answer had one.
        etag: Option<String>,
        /// The new `Last-Modified`, if the answer had one.
        last_modified: Option<String>,
        /// New items read.
        items: u64,
        /// Reports of incidents in them.
        incidents: u64,
    },
    /// The poll failed.
    Failure {
        /// Why.
        error: String,
    },
}

impl Store {
    /// The state of every feed the store has followed, by URL.
    pub fn feeds(&self) -> Result<Vec<FeedState>> {
        self.with_sql(|sql| {
            sql.query(&format!("{SELECT_FEED} ORDER BY url"), params![])?
                .iter()
                .map(decode_feed)
                .collect()
        })
    }

    /// The state of one feed; a feed never polled has the default state.
    pub fn feed(&self, url: &str) -> Result<FeedState> {
        let found = self.with_sql(|sql| {
            sql.query_first(&format!("{SELECT_FEED} WHERE url = ?1"), params![url])?
                .as_ref()
                .map(decode_feed)
                .transpose()
        })?;
        Ok(found.unwrap_or_else(|| FeedState {
            url: url.to_string(),
            ..FeedState::default()
        }))
    }

    /// Records a poll: its outcome, and that the feed is not polled again before `next_poll`
    /// (Unix seconds).
    pub fn record_poll(&self, url: &str, record: &PollRecord, next_poll: i64) -> Result<()> {
        let now = jiff::Timestamp::now().to_string();
        self.with_sql(|sql| {
            sql.execute(
                "INSERT INTO feeds (url) VALUES (?1) ON CONFLICT (url) DO NOTHING",
                params![url],
            )?;
            match record {
                PollRecord::Success {
                    etag,
                    last_modified,
                    items,
                    incidents,
                } => sql.execute(
                    "UPDATE feeds SET etag = coalesce(CAST(?2 AS TEXT), etag),
                            last_modified = coalesce(CAST(?3 AS TEXT), last_modified),
                            last_poll_at = ?4, last_success_at = ?4, last_error = NULL,
                            failures = 0, next_poll = ?5, items = items + ?6,
                            incidents = incidents + ?7
                     WHERE url = ?1",
                    params![
                        url,
                        etag,
                        last_modified,
                        now,
                        next_poll,
                        i64::try_from(*items).unwrap_or(i64::MAX),
                        i64::try_from(*incidents).unwrap_or(i64::MAX),
                    ],
                )?,
                PollRecord::Failure { error } => sql.execute(
                    "UPDATE feeds SET last_poll_at = ?2, last_error = ?3,
                            failures = failures + 1, next_poll = ?4
                     WHERE url = ?1",
                    params![url, now, error, next_poll],
                )?,
            };
            Ok(())
        })
    }

    /// Of `items` (article ids read from the feed at `url`), those not read from it before.
    pub fn unseen_items(&self, url: &str, items: &[String]) -> Result<Vec<String>> {
        self.with_sql(|sql| {
            let mut unseen = Vec::new();
            for item in items {
                if !sql.exists(
                    "SELECT 1 FROM feed_items WHERE feed_url = ?1 AND item = ?2",
                    params![url, item],
                )? {
                    unseen.push(item.clone());
                }
            }
            Ok(unseen)
        })
    }

    /// Records `items` as read from the feed at `url` (after they are stored: a crash in
    /// between reads them again, and the store skips the articles it holds).
    pub fn mark_items_seen(&mut self, url: &str, items: &[String]) -> Result<()> {
        let now = jiff::Timestamp::now().to_string();
        self.in_transaction(|sql| {
            for item in items {
                sql.execute(
                    "INSERT INTO feed_items (feed_url, item, seen_at) VALUES (?1, ?2, ?3)
                     ON CONFLICT DO NOTHING",
                    params![url, item, now],
                )?;
            }
            Ok(())
        })
    }
}

fn decode_feed(row: &Row) -> Result<FeedState> {
    Ok(FeedState {
        url: row.get(0)?,
        etag: row.get(1)?,
        last_modified: row.get(2)?,
        last_poll_at: row.get(3)?,
        last_success_at: row.get(4)?,
        last_error: row.get(5)?,
        failures: u32::try_from(row.get::<i64>(6)?).unwrap_or(u32::MAX),
        next_poll: row.get(7)?,
        items: u64::try_from(row.get::<i64>(8)?).unwrap_or(0),
        incidents: u64::try_from(row.get::<i64>(9)?).unwrap_or(0),
    })
}
