//! Followed feeds: what `sitrep follow` remembers of each feed between polls and restarts.

use rusqlite::{OptionalExtension, params};

use crate::Store;
use crate::error::Result;

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
        let mut stmt = self
            .sqlite("following feeds")?
            .prepare_cached(&format!("{SELECT_FEED} ORDER BY url"))?;
        let rows = stmt.query_map([], decode_feed)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The state of one feed; a feed never polled has the default state.
    pub fn feed(&self, url: &str) -> Result<FeedState> {
        let found = self
            .sqlite("following feeds")?
            .prepare_cached(&format!("{SELECT_FEED} WHERE url = ?1"))?
            .query_row([url], decode_feed)
            .optional()?;
        Ok(found.unwrap_or_else(|| FeedState {
            url: url.to_string(),
            ..FeedState::default()
        }))
    }

    /// Records a poll: its outcome, and that the feed is not polled again before `next_poll`
    /// (Unix seconds).
    pub fn record_poll(&self, url: &str, record: &PollRecord, next_poll: i64) -> Result<()> {
        let now = jiff::Timestamp::now().to_string();
        self.sqlite("following feeds")?
            .prepare_cached("INSERT INTO feeds (url) VALUES (?1) ON CONFLICT (url) DO NOTHING")?
            .execute([url])?;
        match record {
            PollRecord::Success {
                etag,
                last_modified,
                items,
                incidents,
            } => {
                self.sqlite("following feeds")?
                    .prepare_cached(
                        "UPDATE feeds SET etag = coalesce(?2, etag),
                                last_modified = coalesce(?3, last_modified),
                                last_poll_at = ?4, last_success_at = ?4, last_error = NULL,
                                failures = 0, next_poll = ?5, items = items + ?6,
                                incidents = incidents + ?7
                         WHERE url = ?1",
                    )?
                    .execute(params![
                        url,
                        etag,
                        last_modified,
                        now,
                        next_poll,
                        i64::try_from(*items).unwrap_or(i64::MAX),
                        i64::try_from(*incidents).unwrap_or(i64::MAX),
                    ])?;
            }
            PollRecord::Failure { error } => {
                self.sqlite("following feeds")?
                    .prepare_cached(
                        "UPDATE feeds SET last_poll_at = ?2, last_error = ?3,
                                failures = failures + 1, next_poll = ?4
                         WHERE url = ?1",
                    )?
                    .execute(params![url, now, error, next_poll])?;
            }
        }
        Ok(())
    }

    /// Of `items` (article ids read from the feed at `url`), those not read from it before.
    pub fn unseen_items(&self, url: &str, items: &[String]) -> Result<Vec<String>> {
        let mut stmt = self
            .sqlite("following feeds")?
            .prepare_cached("SELECT 1 FROM feed_items WHERE feed_url = ?1 AND item = ?2")?;
        let mut unseen = Vec::new();
        for item in items {
            if !stmt.exists(params![url, item])? {
                unseen.push(item.clone());
            }
        }
        Ok(unseen)
    }

    /// Records `items` as read from the feed at `url` (after they are stored: a crash in
    /// between reads them again, and the store skips the articles it holds).
    pub fn mark_items_seen(&mut self, url: &str, items: &[String]) -> Result<()> {
        let now = jiff::Timestamp::now().to_string();
        let tx = self.sqlite_mut("following feeds")?.transaction()?;
        {
            let mut stmt = tx.prepare_cached(
                "INSERT OR IGNORE INTO feed_items (feed_url, item, seen_at) VALUES (?1, ?2, ?3)",
            )?;
            for item in items {
                stmt.execute(params![url, item, now])?;
            }
        }
        tx.commit()?;
        Ok(())
    }
}

fn decode_feed(row: &rusqlite::Row<'_>) -> rusqlite::Result<FeedState> {
    Ok(FeedState {
        url: row.get(0)?,
        etag: row.get(1)?,
        last_modified: row.get(2)?,
        last_poll_at: row.get(3)?,
        last_success_at: row.get(4)?,
        last_error: row.get(5)?,
        failures: u32::try_from(row.get::<_, i64>(6)?).unwrap_or(u32::MAX),
        next_poll: row.get(7)?,
        items: u64::try_from(row.get::<_, i64>(8)?).unwrap_or(0),
        incidents: u64::try_from(row.get::<_, i64>(9)?).unwrap_or(0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_poll_keeps_validators_and_counts_and_a_failure_backs_off() {
        let store = Store::open_in_memory().unwrap();
        let url = "http://127.0.0.1:1/feed.xml";
        assert_eq!(store.feed(url).unwrap().failures, 0);
        let ok = PollRecord::Success {
            etag: Some("\"v1\"".into()),
            last_modified: None,
            items: 3,
            incidents: 2,
        };
        store.record_poll(url, &ok, 100).unwrap();
        store
            .record_poll(
                url,
                &PollRecord::Failure {
                    error: "timeout".into(),
                },
                200,
            )
            .unwrap();
        let state = store.feed(url).unwrap();
        assert_eq!(state.etag.as_deref(), Some("\"v1\""));
        assert_eq!((state.failures, state.next_poll, state.items), (1, 200, 3));
        assert_eq!(state.last_error.as_deref(), Some("timeout"));
        // A 304 keeps the validators it does not repeat and clears the error.
        let not_modified = PollRecord::Success {
            etag: None,
            last_modified: None,
            items: 0,
            incidents: 0,
        };
        store.record_poll(url, &not_modified, 300).unwrap();
        let state = store.feed(url).unwrap();
        assert_eq!(state.etag.as_deref(), Some("\"v1\""));
        assert_eq!((state.failures, state.last_error), (0, None));
        assert_eq!(store.feeds().unwrap().len(), 1);
    }

    #[test]
    fn items_are_seen_per_feed() {
        let mut store = Store::open_in_memory().unwrap();
        let items = vec!["g1".to_string(), "g2".to_string()];
        assert_eq!(store.unseen_items("a", &items).unwrap(), items);
        store.mark_items_seen("a", &items[..1]).unwrap();
        assert_eq!(store.unseen_items("a", &items).unwrap(), ["g2"]);
        assert_eq!(store.unseen_items("b", &items).unwrap(), items);
    }
}
