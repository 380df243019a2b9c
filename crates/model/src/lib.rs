//! The types of sitrep: articles, incidents, the taxonomy and the JSON contract.
//!
//! Every other crate speaks these types. They serialise exactly as DESIGN.md describes, and
//! [`extract_output_schema`] gives the JSON Schema of `sitrep extract` output, which is checked in
//! as `schema/sitrep-extract.schema.json`.
//!
//! ```
//! use sitrep_model::{Count, EventType, Incident};
//!
//! let mut incident = Incident::new(EventType::Bombing);
//! incident.killed = Some(Count { min: Some(5), max: None, text: "at least five".into() });
//! let json = serde_json::to_value(&incident).unwrap();
//! assert_eq!(json["event_type"], "bombing");
//! assert_eq!(json["killed"]["min"], 5);
//! assert!(json["wounded"].is_null());
//! ```
#![deny(missing_docs)]

mod article;
mod ids;
mod incident;
mod taxonomy;

pub use article::{Article, ArticleMeta, ArticleRecord, InvalidPublished, parse_published};
pub use ids::{
    ArticleId, ByteSpan, CountryCode, GeonamesId, IncidentId, InvalidCountryCode, InvalidSpan,
};
pub use incident::{
    Count, EventDate, Evidence, EvidenceField, ExtractedArticle, Incident, IncidentSource,
    Location, Perpetrator, StoredIncident, Target,
};
pub use taxonomy::{DatePrecision, EventType, LocationPrecision, TargetType, UnknownLabel, Weapon};

/// The JSON Schema of one line of `sitrep extract` output, as pretty-printed JSON.
pub fn extract_output_schema() -> String {
    let schema = schemars::schema_for!(ExtractedArticle);
    let mut json = serde_json::to_string_pretty(&schema).expect("a schema always serialises");
    json.push('\n');
    json
}
