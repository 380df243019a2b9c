//! Shared helpers for the extraction integration tests: the embedded resources, compiled once
//! per test binary, and short accessors for the fields the tests assert on.
//!
//! Every text in these tests was written for them, in wire-copy style; none comes from the
//! labelled evaluation set.
#![allow(dead_code)]

use std::sync::LazyLock;

use sitrep_extract::{Resources, extract_article};
use sitrep_model::{
    Article, ArticleId, Count, CountryCode, EvidenceField, ExtractedArticle, Incident, TargetType,
};

static RESOURCES: LazyLock<Resources> =
    LazyLock::new(|| Resources::embedded().expect("the embedded data is valid"));

/// Builds the article `sitrep extract` would see (cleaned text, the given publication date).
pub fn article(text: &str, published: &str) -> Article {
    let text = sitrep_text::clean_text(text);
    Article {
        id: ArticleId::from_content(&text),
        text,
        // An empty `published` is an article whose source gives no date.
        published: (!published.is_empty())
            .then(|| published.parse().expect("published is YYYY-MM-DD")),
        title: None,
        url: None,
        source: None,
    }
}

/// Extracts every incident of `text`, published on `published` (YYYY-MM-DD, or "" for none).
pub fn extract(text: &str, published: &str) -> ExtractedArticle {
    extract_article(&article(text, published), &RESOURCES)
}

/// Like [`extract`], also returning the cleaned text that evidence offsets point into.
pub fn extract_with_text(text: &str, published: &str) -> (String, ExtractedArticle) {
    let article = article(text, published);
    let out = extract_article(&article, &RESOURCES);
    (article.text, out)
}

/// The article's main incident: the first one, which must not be background.
pub fn main_incident(text: &str, published: &str) -> Incident {
    let out = extract(text, published);
    let first = out
        .incidents
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no incident in {text:?}"));
    assert!(
        !first.background,
        "the main incident is background: {first:#?}"
    );
    first
}

/// The incident an article is about: the first that is not background, wherever it stands.
pub fn not_background(out: &ExtractedArticle) -> &Incident {
    out.incidents
        .iter()
        .find(|i| !i.background)
        .unwrap_or_else(|| panic!("no main incident: {:#?}", out.incidents))
}

/// A count as `(min, max)`, `None` when the text gave none.
pub fn range(count: &Option<Count>) -> Option<(Option<u32>, Option<u32>)> {
    count.as_ref().map(|c| (c.min, c.max))
}

/// `Some((Some(n), Some(n)))`: the shape of an exact count, for `assert_eq!`.
pub fn exactly(n: u32) -> Option<(Option<u32>, Option<u32>)> {
    Some((Some(n), Some(n)))
}

/// The perpetrators as `(name, claimed)`.
pub fn perpetrators(incident: &Incident) -> Vec<(Option<&str>, bool)> {
    incident
        .perpetrators
        .iter()
        .map(|p| (p.name.as_deref(), p.claimed))
        .collect()
}

/// The perpetrator with the given canonical name, if extracted.
pub fn perpetrator<'a>(
    incident: &'a Incident,
    name: &str,
) -> Option<&'a sitrep_model::Perpetrator> {
    incident
        .perpetrators
        .iter()
        .find(|p| p.name.as_deref() == Some(name))
}

/// The targets as `(type, nationality)`.
pub fn targets(incident: &Incident) -> Vec<(TargetType, Option<&str>)> {
    incident
        .targets
        .iter()
        .map(|t| (t.kind, t.nationality.as_ref().map(CountryCode::as_str)))
        .collect()
}

/// Whether a target of this type (and, when given, this nationality) was extracted.
pub fn has_target(incident: &Incident, kind: TargetType, nationality: Option<&str>) -> bool {
    targets(incident)
        .into_iter()
        .any(|(k, n)| k == kind && (nationality.is_none() || n == nationality))
}

/// The location's country code, if a location was found.
pub fn country(incident: &Incident) -> Option<&str> {
    incident.location.as_ref().map(|l| l.country.as_str())
}

/// The words of every evidence span recorded for `field`.
pub fn evidence_words<'t>(
    text: &'t str,
    incident: &Incident,
    field: EvidenceField,
) -> Vec<&'t str> {
    incident
        .evidence_for(field)
        .map(|span| {
            text.get(span.range())
                .unwrap_or_else(|| panic!("evidence {span:?} for {field:?} is not in the text"))
        })
        .collect()
}

/// (name, country, precision) of an incident's location.
pub fn place(incident: &Incident) -> Option<(&str, &str, sitrep_model::LocationPrecision)> {
    incident
        .location
        .as_ref()
        .map(|l| (l.name.as_str(), l.country.as_str(), l.precision))
}
