//! Watchlists: the places and kinds of incident people guard, which incidents match them, and
//! when an incident that already alerted alerts again.
//!
//! - [`WatchSpec`] is one watch: an [`Area`] (a point and a radius, a country, a province or a
//!   box) and filters (event types, target types, a toll, a perpetrator), checked by
//!   [`WatchSpec::validate`] when it is added.
//! - [`WatchIndex`] holds many watches behind an R*-tree and maps, and tells which of them an
//!   incident matches and why ([`MatchReason`]). Background incidents match only while recent
//!   ([`RECENT_DAYS`]), incidents without a place never; `near` and `bbox` watches need a place at least as exact as a town.
//! - [`AlertState`] is what a watch last heard of an incident; [`AlertState::escalation`] says
//!   what changed enough to alert again ([`Change`]).
//!
//! This crate is pure: the store keeps watches, alert states and alerts, and calls the index
//! inside the transaction that writes incidents, so that an alert is stored with the change
//! that caused it or not at all.
#![deny(missing_docs)]

mod alert;
mod escalation;
mod index;
mod spec;

pub use alert::{Alert, AlertKind, AlertReason};
pub use escalation::{AlertState, Change};
pub use index::{MatchReason, WatchIndex};

/// How many days back a background incident (an attack an article mentions beside its own
/// news) still counts as news that alerts.
pub const RECENT_DAYS: i64 = 7;
pub use spec::{
    Area, InvalidWatch, MAX_NAME_CHARS, MAX_RADIUS_KM, MAX_TEXT_CHARS, WatchSpec, WebhookPolicy,
    check_webhook, is_public,
};
