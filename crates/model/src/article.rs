//! Articles: the input records every source is turned into.

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::ids::ArticleId;

/// One news report, ready for extraction.
///
/// `text` is the cleaned text that extraction saw and that the store keeps: every evidence
/// offset of the incidents extracted from it points into this string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The given id, or a content hash ([`ArticleId::from_content`]).
    pub id: ArticleId,
    /// The text (cleaned once, before extraction).
    pub text: String,
    /// Publication date, the anchor for relative dates ("on Sunday").
    pub published: Option<Date>,
    /// Headline, when the source has one apart from the text.
    pub title: Option<String>,
    /// Where the article was read from on the web.
    pub url: Option<String>,
    /// Outlet or feed name.
    pub source: Option<String>,
}

/// The JSON Lines input record: `{"id", "text", "published"?, "title"?, "url"?, "source"?}`.
///
/// Unknown keys are ignored. `published` is `YYYY-MM-DD` or RFC 3339; see [`parse_published`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ArticleRecord {
    /// The article's id; when missing, a content hash is used.
    #[serde(default)]
    pub id: Option<String>,
    /// The article text.
    pub text: String,
    /// Publication date or timestamp.
    #[serde(default)]
    pub published: Option<String>,
    /// Headline.
    #[serde(default)]
    pub title: Option<String>,
    /// URL.
    #[serde(default)]
    pub url: Option<String>,
    /// Outlet or feed name.
    #[serde(default)]
    pub source: Option<String>,
}

/// The error returned for a `published` value that is neither a date nor an RFC 3339 timestamp.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid published date {0:?}: expected YYYY-MM-DD or an RFC 3339 timestamp")]
pub struct InvalidPublished(pub String);

/// Parses a publication date: `2015-04-13`, or an RFC 3339 timestamp such as
/// `2015-04-13T01:20:00+02:00`, whose calendar date as written (in its own offset) is the day
/// the article was published where it was published.
pub fn parse_published(value: &str) -> Result<Date, InvalidPublished> {
    let value = value.trim();
    let invalid = || InvalidPublished(value.to_string());
    let date_part = value.get(..10).ok_or_else(invalid)?;
    let date: Date = date_part.parse().map_err(|_| invalid())?;
    let rest = &value[10..];
    if rest.is_empty() {
        return Ok(date);
    }
    if rest.starts_with(['T', 't', ' ']) {
        // Check that the whole value is a valid timestamp, not a date followed by junk.
        let normalised = format!("{date_part}T{}", &rest[1..]);
        if normalised.parse::<jiff::Timestamp>().is_ok()
            || normalised.parse::<jiff::civil::DateTime>().is_ok()
        {
            return Ok(date);
        }
    }
    Err(invalid())
}

/// The article part of extraction output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ArticleMeta {
    /// The article's id.
    pub id: ArticleId,
    /// Outlet or feed name.
    pub source: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publication date.
    #[schemars(with = "Option<String>")]
    pub published: Option<Date>,
}

impl From<&Article> for ArticleMeta {
    fn from(article: &Article) -> Self {
        ArticleMeta {
            id: article.id.clone(),
            source: article.source.clone(),
            title: article.title.clone(),
            published: article.published,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_accepts_dates_and_timestamps() {
        let day: Date = "2015-04-13".parse().unwrap();
        assert_eq!(parse_published("2015-04-13"), Ok(day));
        assert_eq!(parse_published("2015-04-13T23:10:00Z"), Ok(day));
        assert_eq!(parse_published("2015-04-13T01:20:00+02:00"), Ok(day));
        assert_eq!(parse_published(" 2015-04-13 "), Ok(day));
    }

    #[test]
    fn published_rejects_junk() {
        assert!(parse_published("13/04/2015").is_err());
        assert!(parse_published("2015-04-13garbage").is_err());
        assert!(parse_published("2015-02-30").is_err());
        assert!(parse_published("").is_err());
        assert!(parse_published("2015-04-1é").is_err());
    }

    #[test]
    fn records_ignore_unknown_keys() {
        let rec: ArticleRecord =
            serde_json::from_str(r#"{"text":"x","lang":"en","id":"a1"}"#).unwrap();
        assert_eq!(rec.id.as_deref(), Some("a1"));
        assert!(serde_json::from_str::<ArticleRecord>(r#"{"id":"a1"}"#).is_err());
    }
}
