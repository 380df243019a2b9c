//! Small checked value types: ids, country codes and byte spans.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest, Sha256};

/// The id of an article: the id its record gave, or a stable hash of its text.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(transparent)]
pub struct ArticleId(String);

impl ArticleId {
    /// Wraps an id given by the source.
    pub fn new(id: impl Into<String>) -> Self {
        ArticleId(id.into())
    }

    /// A stable id derived from the article's text: `sha256:` and the first 16 hex digits of the
    /// SHA-256 of the text. The same text always gets the same id, on every machine.
    pub fn from_content(text: &str) -> Self {
        ArticleId(format!("sha256:{}", short_hash(text.as_bytes())))
    }

    /// The id as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The id of a stored incident: that of its leading mention ([`IncidentId::for_mention`]), the
/// report that comes first in resolution's precedence order (news before background, precise
/// before vague, then by article id). It does not depend on the order articles arrive in, so it
/// survives re-ingest; when a report that precedes the leader joins later, the incident takes
/// its id and the store keeps the old one as an alias.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(transparent)]
pub struct IncidentId(String);

impl IncidentId {
    /// Wraps a stored id.
    pub fn new(id: impl Into<String>) -> Self {
        IncidentId(id.into())
    }

    /// The id of the incident led by mention number `ordinal` of `article`.
    pub fn for_mention(article: &ArticleId, ordinal: usize) -> Self {
        let key = format!("{}#{ordinal}", article.as_str());
        IncidentId(format!("inc-{}", short_hash(key.as_bytes())))
    }

    /// The id as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for IncidentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn short_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// A GeoNames feature id.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(transparent)]
pub struct GeonamesId(pub u32);

/// An ISO 3166-1 alpha-2 country code, upper case ("LY", "KR", "XK" for Kosovo).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode([u8; 2]);

/// The error returned for a string that is not two ASCII letters.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid country code {0:?}: expected two letters (ISO 3166-1 alpha-2, e.g. \"LY\")")]
pub struct InvalidCountryCode(pub String);

impl CountryCode {
    /// Checks and upper-cases a two-letter code.
    pub fn new(code: &str) -> Result<Self, InvalidCountryCode> {
        match code.as_bytes() {
            [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => Ok(CountryCode([
                a.to_ascii_uppercase(),
                b.to_ascii_uppercase(),
            ])),
            _ => Err(InvalidCountryCode(code.to_string())),
        }
    }

    /// The code as a string slice.
    pub fn as_str(&self) -> &str {
        // Both bytes are ASCII letters, checked in `new`.
        std::str::from_utf8(&self.0).expect("country codes are ASCII")
    }
}

impl std::str::FromStr for CountryCode {
    type Err = InvalidCountryCode;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CountryCode::new(s.trim())
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CountryCode({})", self.as_str())
    }
}

impl Serialize for CountryCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CountryCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        CountryCode::new(&s).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for CountryCode {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CountryCode".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[A-Z]{2}$",
            "description": "ISO 3166-1 alpha-2 country code"
        })
    }
}

/// A half-open range of UTF-8 byte offsets into an article's cleaned text.
///
/// Both ends lie on char boundaries of the text the span was made for; [`ByteSpan::new`] checks
/// this, so `&text[span.range()]` never panics for that text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
pub struct ByteSpan {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

/// The error returned for a span that does not fit its text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("span {start}..{end} is not a char-aligned range of a text of {len} bytes")]
pub struct InvalidSpan {
    /// Requested start.
    pub start: usize,
    /// Requested end.
    pub end: usize,
    /// Length of the text.
    pub len: usize,
}

impl ByteSpan {
    /// Checks that `start..end` is a char-aligned range of `text`.
    pub fn new(text: &str, start: usize, end: usize) -> Result<Self, InvalidSpan> {
        if start <= end
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end)
        {
            Ok(ByteSpan { start, end })
        } else {
            Err(InvalidSpan {
                start,
                end,
                len: text.len(),
            })
        }
    }

    /// The range, for slicing the text the span was made for.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Number of bytes covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: ByteSpan) -> ByteSpan {
        ByteSpan {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(&self, other: &ByteSpan) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `other` lies inside this span.
    pub fn contains(&self, other: &ByteSpan) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_ids_are_stable_and_differ_by_text() {
        let a = ArticleId::from_content("Gunmen attacked a checkpoint.");
        let b = ArticleId::from_content("Gunmen attacked a checkpoint.");
        let c = ArticleId::from_content("Gunmen attacked a convoy.");
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert!(a.as_str().starts_with("sha256:"));
        assert_eq!(a.as_str().len(), "sha256:".len() + 16);
    }

    #[test]
    fn country_codes_are_checked_and_upper_cased() {
        assert_eq!(CountryCode::new("ly").unwrap().as_str(), "LY");
        assert!(CountryCode::new("LBY").is_err());
        assert!(CountryCode::new("L1").is_err());
        assert!(CountryCode::new("").is_err());
        let json = serde_json::to_string(&CountryCode::new("KR").unwrap()).unwrap();
        assert_eq!(json, "\"KR\"");
        assert!(serde_json::from_str::<CountryCode>("\"Korea\"").is_err());
    }

    #[test]
    fn spans_must_lie_on_char_boundaries() {
        let text = "Benghazi — Libya";
        let dash = text.find('—').unwrap();
        assert!(ByteSpan::new(text, 0, 8).is_ok());
        assert!(ByteSpan::new(text, dash + 1, text.len()).is_err());
        assert!(ByteSpan::new(text, 3, 2).is_err());
        assert!(ByteSpan::new(text, 0, text.len() + 1).is_err());
    }
}
