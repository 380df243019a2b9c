//! Incidents: one real event with the evidence behind every field.

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::article::ArticleMeta;
use crate::ids::{ArticleId, ByteSpan, CountryCode, GeonamesId, IncidentId};
use crate::taxonomy::{DatePrecision, EventType, LocationPrecision, TargetType, Weapon};

/// What `sitrep extract` prints for one article: the article and the incidents it reports.
///
/// The first incident is the article's main incident; later ones are other incidents it
/// mentions, with `background: true`: earlier attacks recalled for context and attacks
/// elsewhere the same day, told beside the news rather than as it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ExtractedArticle {
    /// Which article this is.
    pub article: ArticleMeta,
    /// The incidents it reports, main incident first.
    pub incidents: Vec<Incident>,
}

/// One incident as reported by one article (or reconciled across several in the store).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Incident {
    /// What kind of event it was.
    pub event_type: EventType,
    /// When it happened, as precisely as the text says.
    pub date: Option<EventDate>,
    /// Local time of day, `HH:MM`, when the text gives it.
    pub time: Option<String>,
    /// Where it happened.
    pub location: Option<Location>,
    /// Who did it; empty when the text names no one.
    pub perpetrators: Vec<Perpetrator>,
    /// Whom or what it was aimed at.
    pub targets: Vec<Target>,
    /// The means used, without repeats, in taxonomy order.
    pub weapons: Vec<Weapon>,
    /// People killed, attackers excluded; `null` when the text does not say.
    pub killed: Option<Count>,
    /// People wounded, attackers excluded; `null` when the text does not say.
    pub wounded: Option<Count>,
    /// People kidnapped or taken hostage; `null` when the text does not say.
    pub kidnapped: Option<Count>,
    /// Attackers killed (suicide bombers, gunmen shot dead); not counted in `killed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attackers_killed: Option<Count>,
    /// Attackers wounded; not counted in `wounded`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attackers_wounded: Option<Count>,
    /// An incident the article mentions beside its news (an earlier attack recalled for
    /// context, another attack the same day), not the news it reports.
    pub background: bool,
    /// How well the fields are supported by direct evidence, from 0 to 1.
    pub confidence: f32,
    /// Byte spans of the words each field rests on.
    pub evidence: Vec<Evidence>,
}

impl Incident {
    /// An incident of the given type with every other field unknown.
    pub fn new(event_type: EventType) -> Self {
        Incident {
            event_type,
            date: None,
            time: None,
            location: None,
            perpetrators: Vec::new(),
            targets: Vec::new(),
            weapons: Vec::new(),
            killed: None,
            wounded: None,
            kidnapped: None,
            attackers_killed: None,
            attackers_wounded: None,
            background: false,
            confidence: 0.0,
            evidence: Vec::new(),
        }
    }

    /// Everyone killed, victims and attackers ([`Count::total`] of `killed` and
    /// `attackers_killed`): the figure to set beside the GTD's `nkill` or ACLED's fatalities.
    pub fn killed_total(&self) -> Option<Count> {
        Count::total(self.killed.as_ref(), self.attackers_killed.as_ref())
    }

    /// Everyone wounded, victims and attackers ([`Count::total`] of `wounded` and
    /// `attackers_wounded`): the figure to set beside the GTD's `nwound`.
    pub fn wounded_total(&self) -> Option<Count> {
        Count::total(self.wounded.as_ref(), self.attackers_wounded.as_ref())
    }

    /// The evidence spans recorded for one field.
    pub fn evidence_for(&self, field: EvidenceField) -> impl Iterator<Item = ByteSpan> + '_ {
        self.evidence
            .iter()
            .filter(move |e| e.field == field)
            .map(|e| e.span)
    }
}

/// When an incident happened.
///
/// `start`/`end` are inclusive calendar days. A relative expression that cannot be resolved
/// (no publication date) keeps its `text` with `start` and `end` null: never a guess shown as
/// a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct EventDate {
    /// First day.
    #[schemars(with = "Option<String>")]
    pub start: Option<Date>,
    /// Last day.
    #[schemars(with = "Option<String>")]
    pub end: Option<Date>,
    /// How exact the range is.
    pub precision: DatePrecision,
    /// The words it was read from ("on Sunday").
    pub text: String,
}

/// Where an incident happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Location {
    /// Gazetteer name of the place, or the article's name for a place the gazetteer lacks
    /// (then `geonames_id` is null and the coordinates are those of its division or country).
    pub name: String,
    /// Country.
    pub country: CountryCode,
    /// English name of the country.
    pub country_name: String,
    /// First-level division (state, province, governorate).
    pub admin1: Option<String>,
    /// Second-level division (district, county, department, upazila), when known. Absent
    /// from records written before it existed.
    #[serde(default)]
    pub admin2: Option<String>,
    /// Latitude, WGS 84.
    pub lat: f64,
    /// Longitude, WGS 84.
    pub lon: f64,
    /// GeoNames id of the place.
    pub geonames_id: Option<GeonamesId>,
    /// How exact the location is.
    pub precision: LocationPrecision,
    /// The words it was read from.
    pub text: String,
}

/// Who carried out an incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Perpetrator {
    /// Canonical group name; `null` for generic actors ("gunmen", "suspected rebels").
    pub name: Option<String>,
    /// Whether the text says the group claimed responsibility.
    pub claimed: bool,
    /// The words it was read from.
    pub text: String,
}

/// Whom or what an incident was aimed at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Target {
    /// Kind of target.
    #[serde(rename = "type")]
    pub kind: TargetType,
    /// Nationality of the target, when the text gives it.
    pub nationality: Option<CountryCode>,
    /// The words it was read from.
    pub text: String,
}

/// A number of people, as a range: "at least 5" is `{min: 5, max: null}`, "as many as 40" is
/// `{min: null, max: 40}`, "two" is `{min: 2, max: 2}`, "no one was hurt" is `{min: 0, max: 0}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Count {
    /// Lower bound, when known.
    pub min: Option<u32>,
    /// Upper bound, when known.
    pub max: Option<u32>,
    /// The words it was read from.
    pub text: String,
}

impl Count {
    /// The single value when the range is exact (`min == max`).
    pub fn exact(&self) -> Option<u32> {
        match (self.min, self.max) {
            (Some(a), Some(b)) if a == b => Some(a),
            _ => None,
        }
    }

    /// The best single figure: the exact value, else the lower bound, else the upper bound.
    pub fn best(&self) -> Option<u32> {
        self.exact().or(self.min).or(self.max)
    }

    /// Victims and attackers together, as sources that count everyone who died do (the
    /// Global Terrorism Database's `nkill` is `killed + attackers_killed`).
    ///
    /// `None` when neither count is known; one count alone when only it is known (an attacker
    /// toll the text does not give is absent, not zero). When both are known, `min` is the
    /// sum of the lower bounds, or the one lower bound given (the other count is at least 0),
    /// and `max` the sum of the upper bounds only when both give one. Sums saturate at
    /// `u32::MAX`. The words are both counts' words, victims first.
    pub fn total(victims: Option<&Count>, attackers: Option<&Count>) -> Option<Count> {
        match (victims, attackers) {
            (None, None) => None,
            (Some(one), None) | (None, Some(one)) => Some(one.clone()),
            (Some(v), Some(a)) => {
                let add = |x: Option<u32>, y: Option<u32>| Some(x?.saturating_add(y?));
                let text = if v.text == a.text || a.text.is_empty() {
                    v.text.clone()
                } else if v.text.is_empty() {
                    a.text.clone()
                } else {
                    format!("{}; {}", v.text, a.text)
                };
                Some(Count {
                    min: add(v.min, a.min).or(v.min).or(a.min),
                    max: add(v.max, a.max),
                    text,
                })
            }
        }
    }
}

/// Which field of an incident a span of evidence supports.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceField {
    /// `event_type`.
    EventType,
    /// `date`.
    Date,
    /// `time`.
    Time,
    /// `location`.
    Location,
    /// One of `perpetrators`.
    Perpetrators,
    /// One of `targets`.
    Targets,
    /// One of `weapons`.
    Weapons,
    /// `killed`.
    Killed,
    /// `wounded`.
    Wounded,
    /// `kidnapped`.
    Kidnapped,
    /// `attackers_killed`.
    AttackersKilled,
    /// `attackers_wounded`.
    AttackersWounded,
}

impl EvidenceField {
    /// The snake_case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            EvidenceField::EventType => "event_type",
            EvidenceField::Date => "date",
            EvidenceField::Time => "time",
            EvidenceField::Location => "location",
            EvidenceField::Perpetrators => "perpetrators",
            EvidenceField::Targets => "targets",
            EvidenceField::Weapons => "weapons",
            EvidenceField::Killed => "killed",
            EvidenceField::Wounded => "wounded",
            EvidenceField::Kidnapped => "kidnapped",
            EvidenceField::AttackersKilled => "attackers_killed",
            EvidenceField::AttackersWounded => "attackers_wounded",
        }
    }
}

/// The words one field rests on: UTF-8 byte offsets into the article's cleaned text, on char
/// boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Evidence {
    /// The field supported.
    pub field: EvidenceField,
    /// Where the words are.
    #[serde(flatten)]
    pub span: ByteSpan,
}

/// An incident in the store: its reconciled fields and every report it was read from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct StoredIncident {
    /// Stable id.
    pub id: IncidentId,
    /// Reconciled fields.
    #[serde(flatten)]
    pub incident: Incident,
    /// Every report of this incident, each with its own extracted values.
    pub sources: Vec<IncidentSource>,
}

/// One article's report of a stored incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct IncidentSource {
    /// The article.
    pub article_id: ArticleId,
    /// Outlet.
    pub source: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Publication date.
    #[schemars(with = "Option<String>")]
    pub published: Option<Date>,
    /// The values this article gave (its evidence points into this article's text).
    pub incident: Incident,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(min: Option<u32>, max: Option<u32>, text: &str) -> Count {
        Count {
            min,
            max,
            text: text.into(),
        }
    }

    fn bounds(c: Option<Count>) -> Option<(Option<u32>, Option<u32>)> {
        c.map(|c| (c.min, c.max))
    }

    #[test]
    fn total_adds_victims_and_attackers() {
        let victims = count(Some(6), Some(6), "six people were killed");
        let bomber = count(Some(1), Some(1), "the bomber");
        let total = Count::total(Some(&victims), Some(&bomber)).unwrap();
        assert_eq!((total.min, total.max), (Some(7), Some(7)));
        assert_eq!(total.exact(), Some(7));
        assert_eq!(total.text, "six people were killed; the bomber");
        // The same words for both counts are not repeated.
        let both = count(Some(1), Some(1), "six people were killed");
        assert_eq!(
            Count::total(Some(&victims), Some(&both)).unwrap().text,
            "six people were killed"
        );
    }

    #[test]
    fn total_of_unknown_counts_is_unknown_and_one_known_count_is_itself() {
        let victims = count(Some(6), Some(6), "six");
        let bomber = count(Some(1), Some(1), "bomber");
        assert_eq!(Count::total(None, None), None);
        assert_eq!(Count::total(Some(&victims), None), Some(victims.clone()));
        assert_eq!(Count::total(None, Some(&bomber)), Some(bomber.clone()));
    }

    #[test]
    fn total_bounds_are_summed_only_where_both_give_them() {
        let at_least_12 = count(Some(12), None, "at least 12");
        let up_to_40 = count(None, Some(40), "as many as 40");
        let two = count(Some(2), Some(2), "two gunmen");
        let five_to_seven = count(Some(5), Some(7), "five to seven");
        // An open upper bound stays open.
        assert_eq!(
            bounds(Count::total(Some(&at_least_12), Some(&two))),
            Some((Some(14), None))
        );
        // The other count is at least 0, so one lower bound is still a lower bound.
        assert_eq!(
            bounds(Count::total(Some(&up_to_40), Some(&two))),
            Some((Some(2), Some(42)))
        );
        assert_eq!(
            bounds(Count::total(Some(&two), Some(&up_to_40))),
            Some((Some(2), Some(42)))
        );
        assert_eq!(
            bounds(Count::total(Some(&five_to_seven), Some(&two))),
            Some((Some(7), Some(9)))
        );
        let huge = count(Some(u32::MAX), Some(u32::MAX), "");
        assert_eq!(
            bounds(Count::total(Some(&huge), Some(&two))),
            Some((Some(u32::MAX), Some(u32::MAX)))
        );
    }

    #[test]
    fn incident_totals_read_the_victim_and_attacker_fields() {
        let mut incident = Incident::new(EventType::Bombing);
        assert_eq!(incident.killed_total(), None);
        assert_eq!(incident.wounded_total(), None);
        incident.killed = Some(count(Some(6), Some(6), "six"));
        incident.attackers_killed = Some(count(Some(1), Some(1), "bomber"));
        incident.wounded = Some(count(Some(10), None, "at least ten"));
        incident.attackers_wounded = Some(count(Some(2), Some(2), "two attackers"));
        assert_eq!(bounds(incident.killed_total()), Some((Some(7), Some(7))));
        assert_eq!(bounds(incident.wounded_total()), Some((Some(12), None)));
    }
}
