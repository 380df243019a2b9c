//! Extraction of an article from arbitrary text, as `sitrep extract FILE --published DATE`
//! runs it: the text is decoded (invalid UTF-8 replaced), cleaned with
//! [`sitrep_text::clean_text`], skipped when nothing is left, and extracted with the embedded
//! [`Resources`].

use std::sync::LazyLock;

use sitrep_extract::{Resources, extract_article};
use sitrep_model::{Article, ArticleId, ExtractedArticle, Incident, parse_published};

use crate::checks::{cleaned, count_in_order, first_line_date, span_in};

static RESOURCES: LazyLock<Resources> = LazyLock::new(|| {
    Resources::embedded().expect("the embedded gazetteer and lexicons are valid (tested)")
});

/// The embedded gazetteer, lexicons and models, loaded once per process (as `sitrep` does).
pub fn resources() -> &'static Resources {
    &RESOURCES
}

/// Extracts the incidents of an article whose text is `data`.
///
/// An optional first line that [`parse_published`] reads (`2015-04-13`, or an RFC 3339
/// timestamp) is the publication date, as `--published` gives it; the rest is the text.
///
/// Checks: every evidence span is a char-aligned range of the cleaned text; counts have
/// `min <= max`; dates have `start <= end` and both or neither; a time is `HH:MM`; places have
/// coordinates and confidence in the ranges the store accepts; the result is for this article
/// and serialises to JSON (what `sitrep extract` prints).
pub fn extract_text(data: &[u8]) {
    let (published, body) = first_line_date(data, |line| parse_published(line).ok());
    let text = sitrep_text::clean_text(&String::from_utf8_lossy(body));
    cleaned(&text);
    if text.is_empty() {
        return; // `sitrep extract` reports the article empty and goes on.
    }
    let article = Article {
        id: ArticleId::from_content(&text),
        text,
        published,
        title: None,
        url: None,
        source: None,
    };
    let extracted = extract_article(&article, resources());
    check_extracted(&article, &extracted);
}

/// The invariants of one extraction result for `article`.
pub(crate) fn check_extracted(article: &Article, extracted: &ExtractedArticle) {
    assert_eq!(
        extracted.article.id, article.id,
        "result for another article"
    );
    assert_eq!(extracted.article.published, article.published);
    for incident in &extracted.incidents {
        check_incident(&article.text, incident);
    }
    if let Err(err) = serde_json::to_string(extracted) {
        panic!("extraction result does not serialise: {err}");
    }
}

fn check_incident(text: &str, incident: &Incident) {
    for evidence in &incident.evidence {
        span_in(text, evidence.span, evidence.field.as_str());
    }
    count_in_order(incident.killed.as_ref(), "killed");
    count_in_order(incident.wounded.as_ref(), "wounded");
    count_in_order(incident.kidnapped.as_ref(), "kidnapped");
    count_in_order(incident.attackers_killed.as_ref(), "attackers_killed");
    count_in_order(incident.attackers_wounded.as_ref(), "attackers_wounded");
    if let Some(date) = &incident.date {
        assert_eq!(
            date.start.is_some(),
            date.end.is_some(),
            "date with one end only: {date:?}"
        );
        if let (Some(start), Some(end)) = (date.start, date.end) {
            assert!(start <= end, "date starts after it ends: {date:?}");
        }
    }
    if let Some(time) = &incident.time {
        let valid = time.len() == 5
            && time.as_bytes()[2] == b':'
            && time[..2].parse::<u8>().is_ok_and(|h| h < 24)
            && time[3..].parse::<u8>().is_ok_and(|m| m < 60);
        assert!(valid, "time {time:?} is not HH:MM");
    }
    if let Some(location) = &incident.location {
        assert!(
            (-90.0..=90.0).contains(&location.lat) && (-180.0..=180.0).contains(&location.lon),
            "location {} at {},{} is off the globe",
            location.name,
            location.lat,
            location.lon
        );
    }
    assert!(
        (0.0..=1.0).contains(&incident.confidence),
        "confidence {} is not in 0..=1",
        incident.confidence
    );
}
