//! An alert: a watch told about an incident, with the reason.

use serde::{Deserialize, Serialize};
use sitrep_model::{EventType, IncidentId};

use crate::escalation::Change;

/// Why a watch was told: the first match of an incident, or its escalation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AlertKind {
    /// The incident matched the watch for the first time.
    New,
    /// An incident that had alerted the watch escalated (see `changes`).
    Escalated,
}

impl AlertKind {
    /// The snake_case name used in JSON and SQL.
    pub const fn as_str(self) -> &'static str {
        match self {
            AlertKind::New => "new",
            AlertKind::Escalated => "escalated",
        }
    }
}

/// What made an incident alert a watch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AlertReason {
    /// Where the incident is with respect to the watch's area, in words.
    pub area: String,
    /// The distance from the point of a `near` watch, in km.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distance_km: Option<f64>,
    /// The incident's event type when it alerted.
    pub event_type: EventType,
    /// The incident's place name when it alerted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Everyone killed, attackers included, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub killed: Option<u32>,
    /// For an escalation, what changed since the watch last heard of the incident.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<Change>,
}

/// One stored alert.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Alert {
    /// Increasing with time: a client that has seen alert `n` asks for those after `n`.
    pub id: i64,
    /// The watch's name.
    pub watch: String,
    /// The incident, by the id it had when it alerted (ids of merged incidents stay aliases).
    pub incident_id: IncidentId,
    /// First match or escalation.
    pub kind: AlertKind,
    /// What made it alert.
    pub reason: AlertReason,
    /// When it was raised (RFC 3339).
    pub created_at: String,
}

impl Alert {
    /// One line for people: "embassy: new bombing in Tripoli, 3.1 km from …, 2 killed".
    pub fn summary(&self) -> String {
        let mut line = format!(
            "{}: {} {}",
            self.watch,
            self.kind.as_str(),
            self.reason.event_type
        );
        if let Some(place) = &self.reason.place {
            line.push_str(&format!(" in {place}"));
        }
        line.push_str(&format!(", {}", self.reason.area));
        if let Some(killed) = self.reason.killed {
            line.push_str(&format!(", {killed} killed"));
        }
        if !self.reason.changes.is_empty() {
            let changes: Vec<String> = self
                .reason
                .changes
                .iter()
                .map(ToString::to_string)
                .collect();
            line.push_str(&format!(" ({})", changes.join("; ")));
        }
        line
    }
}
