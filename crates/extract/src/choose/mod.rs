//! Learned choices over the rules' candidates: where the text leaves a judgement (which
//! figure is the toll, whether a page reports an incident at all), small linear models fitted
//! on `shared/train` by `sitrep train` score candidates over features the rules compute. The
//! trainer calls the same feature code, so training and extraction never disagree about a
//! feature. Every chosen value keeps the evidence of the statements behind it.

pub mod country_words;
pub mod event;
pub mod linear;
pub mod place;
pub mod relevance;
pub mod toll;

pub use linear::LinearModel;

use crate::error::Result;

/// The fitted models' files, as text.
#[derive(Debug, Clone, Copy)]
pub struct ModelSources<'a> {
    /// `data/models/toll_killed.tsv`.
    pub toll_killed: &'a str,
    /// `data/models/toll_wounded.tsv`.
    pub toll_wounded: &'a str,
    /// `data/models/relevance.tsv`.
    pub relevance: &'a str,
    /// `data/models/event_type.tsv`.
    pub event_type: &'a str,
    /// `data/models/place.tsv`.
    pub place: &'a str,
    /// `data/models/country_words.tsv`.
    pub country_words: &'a str,
}

impl ModelSources<'static> {
    /// The model files embedded in the binary.
    pub fn embedded() -> Self {
        ModelSources {
            toll_killed: include_str!("../../../../data/models/toll_killed.tsv"),
            toll_wounded: include_str!("../../../../data/models/toll_wounded.tsv"),
            relevance: include_str!("../../../../data/models/relevance.tsv"),
            event_type: include_str!("../../../../data/models/event_type.tsv"),
            place: include_str!("../../../../data/models/place.tsv"),
            country_words: include_str!("../../../../data/models/country_words.tsv"),
        }
    }
}

/// The fitted models.
#[derive(Debug, Clone)]
pub struct Models {
    /// Which figure is the main incident's death toll.
    pub toll_killed: LinearModel,
    /// Which figure is the main incident's count of wounded.
    pub toll_wounded: LinearModel,
    /// Whether a page reports an incident.
    pub relevance: LinearModel,
    /// Which event type an incident is.
    pub event_type: event::EventTypeModel,
    /// Which of an incident's places is where it happened.
    pub place: LinearModel,
    /// Which country a report naming no known place is about.
    pub country_words: country_words::CountryWords,
}

impl Models {
    /// Reads the model files; an error names the file and line at fault.
    pub fn parse(sources: ModelSources<'_>) -> Result<Self> {
        Ok(Models {
            toll_killed: LinearModel::parse(
                "toll_killed.tsv",
                sources.toll_killed,
                toll::FEATURES,
            )?,
            toll_wounded: LinearModel::parse(
                "toll_wounded.tsv",
                sources.toll_wounded,
                toll::FEATURES,
            )?,
            relevance: LinearModel::parse("relevance.tsv", sources.relevance, relevance::FEATURES)?,
            event_type: event::EventTypeModel::parse("event_type.tsv", sources.event_type)?,
            place: LinearModel::parse("place.tsv", sources.place, place::FEATURES)?,
            country_words: country_words::CountryWords::parse(sources.country_words)?,
        })
    }
}
