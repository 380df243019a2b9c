//! Resolution: which reports, from different articles, describe the same incident, and what
//! the incident's fields are once they are put together. Pure logic, no I/O and no SQL: the
//! store asks these functions and keeps the result.
//!
//! - [`matching`]: the rules for "these two reports are one event" ([`matches()`],
//!   [`mentions_match`]): compatible types, overlapping dates, places within 25 km or in one
//!   province, compatible groups and targets, corroboration for vague reports.
//! - [`blocking`]: the keys (country + 7-day bucket) under which reports are filed, so that a
//!   new report is compared only with reports it may match, never with all of them.
//! - [`clustering`]: how matching reports form incidents, by a rule that gives the same
//!   incidents, with the same ids, whatever order the reports arrive in ([`place`],
//!   [`cluster`]).
//! - [`reconcile`](mod@reconcile): the merged fields: casualty ranges across sources, the most
//!   precise date and place, claims when any source reports one ([`reconcile()`]).
//!
//! ```
//! use sitrep_model::{ArticleId, CountryCode, Count, DatePrecision, EventDate, EventType, Incident,
//!                    Location, LocationPrecision};
//! use sitrep_resolve::{reconcile, MemoryIndex, Mention, MentionKey};
//!
//! // Three outlets report a bombing in Kabul; one, a day later, has a higher toll.
//! let report = |outlet: &str, day: &str, killed: u32| {
//!     let mut i = Incident::new(EventType::Bombing);
//!     i.date = Some(EventDate { start: Some(day.parse().unwrap()), end: Some(day.parse().unwrap()),
//!                               precision: DatePrecision::Day, text: "on Saturday".into() });
//!     i.location = Some(Location { name: "Kabul".into(), country: CountryCode::new("AF").unwrap(),
//!         country_name: "Afghanistan".into(), admin1: Some("Kabul".into()), admin2: None, lat: 34.5553,
//!         lon: 69.2075, geonames_id: None, precision: LocationPrecision::City, text: "Kabul".into() });
//!     i.killed = Some(Count { min: Some(killed), max: Some(killed), text: String::new() });
//!     Mention::new(MentionKey::new(ArticleId::new(outlet), 0), i, None)
//! };
//! let mut index = MemoryIndex::default();
//! index.insert(report("wire-b", "2016-07-23", 61));
//! index.insert(report("wire-a", "2016-07-23", 80));
//! index.insert(report("wire-c", "2016-07-24", 80));
//!
//! let incidents = index.incidents();
//! assert_eq!(incidents.len(), 1);
//! let (leader, reports) = incidents.iter().next().unwrap();
//! assert_eq!(leader.article.as_str(), "wire-a");
//! let values: Vec<Incident> = reports.iter().map(|m| m.incident().clone()).collect();
//! let merged = reconcile(&values).unwrap();
//! assert_eq!(merged.killed.map(|c| (c.min, c.max)), Some((Some(80), Some(80))));
//! ```
#![deny(missing_docs)]

pub mod blocking;
pub mod clustering;
mod days;
pub mod matching;
mod mention;
pub mod reconcile;

pub use blocking::{BUCKET_DAYS, BlockKey, block_keys, bucket_of, buckets};
pub use clustering::{Assignment, MemoryIndex, MentionIndex, Neighbour, cluster, place};
pub use days::{DayNumber, DayRange, day_number};
pub use matching::{MAX_DISTANCE_KM, matches, mentions_match, types_compatible};
pub use mention::{ASSUMED_WINDOW_DAYS, MAX_WINDOW_DAYS, Mention, MentionKey, Precedence};
pub use reconcile::reconcile;

/// The version of the matching, clustering and reconciliation rules. The store keeps the
/// version it resolved with and resolves everything again when this changes, so that old and
/// new reports are grouped by the same rules.
pub const RULES_VERSION: u32 = 1;
