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
/// reports, with `background: true` for past incidents mentioned for context.
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
    /// A past incident mentioned for context, not the news the article reports.
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
    /// Gazetteer name of the place.
    pub name: String,
    /// Country.
    pub country: CountryCode,
    /// English name of the country.
    pub country_name: String,
    /// First-level division (state, province, governorate).
    pub admin1: Option<String>,
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
