//! The labelled records.

use serde::Deserialize;

/// One labelled record.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldRecord {
    /// Id, matched to the prediction's article id.
    pub id: String,
    /// Which source labelled it ("gtd", "rand", "wiki").
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
}
