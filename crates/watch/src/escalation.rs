//! When an incident that has already alerted a watch alerts it again: only when it escalates
//! (the toll rises, a claim appears, the place becomes more exact), never because another report
//! merely repeated it. This is what keeps a story told by fifty outlets to one alert.

use std::fmt;

use serde::{Deserialize, Serialize};
use sitrep_model::{Count, Incident, LocationPrecision};

/// What a watch last heard of an incident: the values an escalation is measured against.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertState {
    /// Everyone killed, attackers included (best figure), when known.
    pub killed: Option<u32>,
    /// Everyone wounded, attackers included (best figure), when known.
    pub wounded: Option<u32>,
    /// Whether a group has claimed the attack.
    pub claimed: bool,
    /// How exact the place is, when there is one.
    pub precision: Option<LocationPrecision>,
}

/// One way an incident escalated since a watch last heard of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    /// The death toll rose.
    Killed {
        /// The figure before, if there was one.
        from: Option<u32>,
        /// The figure now.
        to: u32,
    },
    /// The number of wounded rose.
    Wounded {
        /// The figure before, if there was one.
        from: Option<u32>,
        /// The figure now.
        to: u32,
    },
    /// A group claimed the attack.
    Claimed {
        /// The group, when named.
        by: Option<String>,
    },
    /// The place became more exact.
    Located {
        /// The precision before, if there was a place.
        from: Option<LocationPrecision>,
        /// The precision now.
        to: LocationPrecision,
        /// The place's name now.
        place: String,
    },
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let figure = |n: &Option<u32>| n.map_or_else(|| "unknown".to_string(), |n| n.to_string());
        match self {
            Change::Killed { from, to } => write!(f, "killed {} -> {to}", figure(from)),
            Change::Wounded { from, to } => write!(f, "wounded {} -> {to}", figure(from)),
            Change::Claimed { by: Some(group) } => write!(f, "claimed by {group}"),
            Change::Claimed { by: None } => f.write_str("claimed"),
            Change::Located { from, to, place } => write!(
                f,
                "place {} -> {} ({place})",
                from.map_or("none", |p| p.as_str()),
                to.as_str()
            ),
        }
    }
}

impl AlertState {
    /// What `incident` says now.
    pub fn of(incident: &Incident) -> Self {
        let best = |victims: Option<&Count>, attackers: Option<&Count>| {
            Count::total(victims, attackers).and_then(|c| c.best())
        };
        AlertState {
            killed: best(incident.killed.as_ref(), incident.attackers_killed.as_ref()),
            wounded: best(
                incident.wounded.as_ref(),
                incident.attackers_wounded.as_ref(),
            ),
            claimed: incident.perpetrators.iter().any(|p| p.claimed),
            precision: incident.location.as_ref().map(|l| l.precision),
        }
    }

    /// The most a watch has heard across two states (after two alerted incidents merge):
    /// the higher figures, a claim if either had one, the more exact place.
    pub fn max(self, other: AlertState) -> AlertState {
        AlertState {
            killed: self.killed.max(other.killed),
            wounded: self.wounded.max(other.wounded),
            claimed: self.claimed || other.claimed,
            precision: finer(self.precision, other.precision),
        }
    }

    /// How `now` (the state of `incident`) escalates `self`; empty when it does not.
    pub fn escalation(&self, now: &AlertState, incident: &Incident) -> Vec<Change> {
        let mut changes = Vec::new();
        if let Some(to) = now.killed
            && to > self.killed.unwrap_or(0)
        {
            changes.push(Change::Killed {
                from: self.killed,
                to,
            });
        }
        if let Some(to) = now.wounded
            && to > self.wounded.unwrap_or(0)
        {
            changes.push(Change::Wounded {
                from: self.wounded,
                to,
            });
        }
        if now.claimed && !self.claimed {
            changes.push(Change::Claimed {
                by: incident
                    .perpetrators
                    .iter()
                    .find(|p| p.claimed)
                    .and_then(|p| p.name.clone()),
            });
        }
        if let (Some(to), Some(location)) = (now.precision, incident.location.as_ref())
            && self.precision.is_none_or(|from| to < from)
        {
            changes.push(Change::Located {
                from: self.precision,
                to,
                place: location.name.clone(),
            });
        }
        changes
    }
}

/// The more exact of two precisions (`Point` is the most exact).
fn finer(a: Option<LocationPrecision>, b: Option<LocationPrecision>) -> Option<LocationPrecision> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
mod tests {
    use sitrep_model::{CountryCode, EventType, Location, Perpetrator};

    use super::*;

    fn count(n: u32) -> Option<Count> {
        Some(Count {
            min: Some(n),
            max: Some(n),
            text: n.to_string(),
        })
    }

    fn placed(precision: LocationPrecision) -> Option<Location> {
        Some(Location {
            name: "Tripoli".into(),
            country: CountryCode::new("LY").unwrap(),
            country_name: "Libya".into(),
            admin1: None,
            admin2: None,
            lat: 32.9,
            lon: 13.2,
            geonames_id: None,
            precision,
            text: "Tripoli".into(),
        })
    }

    #[test]
    fn a_repeat_of_the_same_report_does_not_escalate() {
        let mut incident = Incident::new(EventType::ArmedAssault);
        incident.killed = count(2);
        incident.location = placed(LocationPrecision::City);
        let state = AlertState::of(&incident);
        assert!(state.escalation(&state, &incident).is_empty());
    }

    #[test]
    fn a_higher_toll_a_claim_and_a_finer_place_escalate() {
        let mut before = Incident::new(EventType::ArmedAssault);
        before.killed = count(2);
        before.location = placed(LocationPrecision::Admin1);
        let seen = AlertState::of(&before);

        let mut after = before.clone();
        after.killed = count(3);
        after.attackers_killed = count(1);
        after.wounded = count(1);
        after.location = placed(LocationPrecision::City);
        after.perpetrators.push(Perpetrator {
            name: Some("Islamic State".into()),
            claimed: true,
            text: "Islamic State claimed".into(),
        });
        let changes = seen.escalation(&AlertState::of(&after), &after);
        let said: Vec<String> = changes.iter().map(ToString::to_string).collect();
        assert_eq!(
            said,
            [
                "killed 2 -> 4",
                "wounded unknown -> 1",
                "claimed by Islamic State",
                "place admin1 -> city (Tripoli)"
            ]
        );
    }

    #[test]
    fn a_lower_toll_or_a_vaguer_place_does_not_escalate() {
        let mut before = Incident::new(EventType::Bombing);
        before.killed = count(5);
        before.location = placed(LocationPrecision::City);
        let seen = AlertState::of(&before);
        let mut after = before.clone();
        after.killed = count(4);
        after.location = placed(LocationPrecision::Country);
        assert!(seen.escalation(&AlertState::of(&after), &after).is_empty());
    }

    #[test]
    fn merged_states_keep_the_most_heard() {
        let a = AlertState {
            killed: Some(3),
            wounded: None,
            claimed: false,
            precision: Some(LocationPrecision::Admin1),
        };
        let b = AlertState {
            killed: Some(1),
            wounded: Some(4),
            claimed: true,
            precision: Some(LocationPrecision::City),
        };
        assert_eq!(
            a.max(b),
            AlertState {
                killed: Some(3),
                wounded: Some(4),
                claimed: true,
                precision: Some(LocationPrecision::City),
            }
        );
    }
}
