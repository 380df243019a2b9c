//! The labelled records.

use serde::Deserialize;

/// One labelled record.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldRecord {
    /// Id, matched to the prediction's article id.
    pub id: String,
    /// Which source labelled it ("gtd", "rand", "wiki"); whole news pages have none.
    #[serde(default)]
    pub source: Option<String>,
    /// The text given to extraction.
    pub text: String,
    /// Publication date given to extraction.
    #[serde(default)]
    pub published: Option<String>,
    /// The coded fields.
    pub gold: GoldFields,
}

impl GoldRecord {
    /// The source name reports group by: the record's own, "news" for a whole page (a record
    /// that says whether it is an incident at all), "unknown" otherwise.
    pub fn source_name(&self) -> &str {
        match (&self.source, self.gold.is_incident) {
            (Some(s), _) => s,
            (None, Some(_)) => "news",
            (None, None) => "unknown",
        }
    }
}

/// The coded fields; `None` when the source does not code a field.
#[derive(Debug, Clone, Default, Deserialize)]
#[allow(missing_docs)]
pub struct GoldFields {
    pub date: Option<String>,
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub city: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub event_type: Option<String>,
    pub target_type: Option<String>,
    pub target_nationality: Option<String>,
    pub perpetrator: Option<String>,
    pub claimed: Option<bool>,
    pub weapon: Option<String>,
    pub killed: Option<u32>,
    pub wounded: Option<u32>,
    pub kidnapped: Option<u32>,
    #[serde(default)]
    pub killed_at_least: Option<bool>,
    #[serde(default)]
    pub wounded_at_least: Option<bool>,
    /// Perpetrators among the killed (GTD `nkillter`, Wikipedia's "(+N)", news pages).
    #[serde(default)]
    pub perpetrators_killed: Option<u32>,
    /// Whole news pages only: whether the page reports an incident at all.
    #[serde(default)]
    pub is_incident: Option<bool>,
    /// Whole news pages only: other defensible cities (a quarter of the city, a district).
    #[serde(default, deserialize_with = "one_or_many")]
    pub city_alt: Vec<String>,
    /// Whole news pages only: earlier or other incidents the page mentions.
    #[serde(default)]
    pub background: Vec<GoldBackground>,
}

/// An incident a news page mentions besides its main one.
#[derive(Debug, Clone, Default, Deserialize)]
#[allow(missing_docs)]
pub struct GoldBackground {
    pub date: Option<String>,
    pub country: Option<String>,
    pub city: Option<String>,
    pub killed: Option<u32>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A string, a list of strings or null.
fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match Option::<OneOrMany>::deserialize(d)? {
        None => Vec::new(),
        Some(OneOrMany::One(s)) => vec![s],
        Some(OneOrMany::Many(v)) => v,
    })
}
