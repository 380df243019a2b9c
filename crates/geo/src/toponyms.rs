//! Finding place names and demonyms in tokenised text.
//!
//! Candidates are runs of up to [`MAX_NAME_TOKENS`] word tokens that start and end with a
//! capitalised word, with lower-case connectors allowed inside ("Ras al Ain", "Bosnia and
//! Herzegovina"). The longest run that names a place or a demonym wins, and matching goes on
//! after it. Whether a match really is a place here (and which place) is decided later, with the
//! whole article as context.

use std::ops::Range;

use sitrep_model::ByteSpan;
use sitrep_text::{Token, TokenKind};

use crate::gazetteer::{CountryIdx, Gazetteer, Place, name_key};

/// Longest place name tried, in tokens.
pub const MAX_NAME_TOKENS: usize = 5;

/// Lower-case words allowed inside a multi-word place name.
const CONNECTORS: &[&str] = &[
    "al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ath", "de", "del", "la", "le", "les",
    "di", "du", "des", "do", "da", "dos", "das", "of", "and", "upon", "on", "bin", "ibn", "van",
    "der", "den", "y", "e", "i", "sur", "am", "im", "ed", "en", "er", "es", "et", "ez", "ech",
];

/// What a match names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameMatchKind {
    /// A place name; the places it may name.
    Place(Vec<Place>),
    /// A demonym or national adjective ("Libyan", "South Korean").
    Demonym(CountryIdx),
}

/// A place name or demonym found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMatch {
    /// Where it is.
    pub span: ByteSpan,
    /// Token indices it covers.
    pub tokens: Range<usize>,
    /// What it names.
    pub kind: NameMatchKind,
}

fn is_connector(text: &str, token: &Token) -> bool {
    token.kind == TokenKind::Word && CONNECTORS.iter().any(|c| token.is(text, c))
}

/// A capitalised word joined to its article: "al-Ain", "ez-Zor", "el-Sheikh".
fn is_joined_to_article(text: &str, token: &Token) -> bool {
    token.kind == TokenKind::Word && {
        let word = token.text(text);
        word.split_once(['-', '‐', '‑'])
            .is_some_and(|(article, rest)| {
                CONNECTORS.contains(&article) && rest.chars().next().is_some_and(char::is_uppercase)
            })
    }
}

/// Abbreviations that begin place names: "St. Louis", "Ft. Hood", "Mt. Kenya".
const NAME_ABBREVIATIONS: &[&str] = &["St", "Ste", "Ft", "Mt", "Pt"];

/// The full stop of such an abbreviation, written right after it.
fn is_abbreviation_dot(text: &str, before: &Token, token: &Token) -> bool {
    token.text(text) == "."
        && before.span.end == token.span.start
        && NAME_ABBREVIATIONS.contains(&before.text(text))
}

/// A word that may end (and continue) a place name.
fn is_name_word(text: &str, token: &Token) -> bool {
    token.is_capitalized(text) || is_joined_to_article(text, token)
}

/// Finds place names and demonyms among `tokens` (tokens of `text`), in text order, without
/// overlaps.
pub fn find_place_names(gazetteer: &Gazetteer, text: &str, tokens: &[Token]) -> Vec<NameMatch> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !tokens[i].is_capitalized(text) {
            i += 1;
            continue;
        }
        // The furthest end of a capitalised run with connectors.
        let mut limit = i + 1;
        while limit < tokens.len()
            && limit - i < MAX_NAME_TOKENS
            && (is_name_word(text, &tokens[limit])
                || is_connector(text, &tokens[limit])
                || is_abbreviation_dot(text, &tokens[limit - 1], &tokens[limit]))
        {
            limit += 1;
        }
        let mut matched = None;
        for end in (i + 1..=limit).rev() {
            if !is_name_word(text, &tokens[end - 1]) {
                continue;
            }
            let span = ByteSpan {
                start: tokens[i].span.start,
                end: tokens[end - 1].span.end,
            };
            let key = name_key(&text[span.range()]);
            if let Some(country) = gazetteer.demonym_key(&key) {
                matched = Some(NameMatch {
                    span,
                    tokens: i..end,
                    kind: NameMatchKind::Demonym(country),
                });
                break;
            }
            let places = gazetteer.lookup_key(&key);
            if !places.is_empty() {
                matched = Some(NameMatch {
                    span,
                    tokens: i..end,
                    kind: NameMatchKind::Place(places.to_vec()),
                });
                break;
            }
        }
        match matched {
            Some(m) => {
                i = m.tokens.end;
                out.push(m);
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::tests::small;
    use sitrep_text::tokenize;

    fn names(text: &str) -> Vec<(String, bool)> {
        let g = small();
        let tokens = tokenize(text);
        find_place_names(&g, text, &tokens)
            .into_iter()
            .map(|m| {
                (
                    text[m.span.range()].to_string(),
                    matches!(m.kind, NameMatchKind::Demonym(_)),
                )
            })
            .collect()
    }

    #[test]
    fn finds_places_and_demonyms() {
        assert_eq!(
            names("The South Korean Embassy in Tripoli, Libya was attacked."),
            [
                ("South Korean".to_string(), true),
                ("Tripoli".to_string(), false),
                ("Libya".to_string(), false)
            ]
        );
    }

    #[test]
    fn an_abbreviated_saint_continues_the_name() {
        // The test gazetteer knows "St. Louis" in the United States.
        assert_eq!(
            names("a fire in St. Louis, Missouri"),
            [
                ("St. Louis".to_string(), false),
                ("Missouri".to_string(), false)
            ]
        );
    }

    #[test]
    fn lower_case_words_are_not_places() {
        assert!(names("the tripoli road").is_empty());
    }

    #[test]
    fn the_longest_name_wins() {
        assert_eq!(
            names("in South Korea today"),
            [("South Korea".to_string(), false)]
        );
        assert_eq!(
            names("near Ile-de-France"),
            [("Ile-de-France".to_string(), false)]
        );
    }

    #[test]
    fn articles_joined_to_a_capitalised_word_continue_the_name() {
        use crate::gazetteer::GazetteerSources;
        use crate::gazetteer::tests::{ADMIN1, CITIES, COUNTRIES};
        let cities = format!("{CITIES}1\tBir al-Ghanam\t32.3\t12.5\tLY\t77\t1000\t\n");
        let g = Gazetteer::from_sources(GazetteerSources {
            countries: COUNTRIES,
            admin1: ADMIN1,
            cities: &cities,
        })
        .unwrap();
        let text = "clashes near Bir al-Ghanam and in Bir el Ghanam; the al-Ghanam road";
        let found: Vec<&str> = find_place_names(&g, text, &tokenize(text))
            .iter()
            .map(|m| &text[m.span.range()])
            .collect();
        assert_eq!(found, ["Bir al-Ghanam"]);
    }

    #[test]
    fn possessives_do_not_hide_the_name() {
        assert_eq!(names("Libya’s capital"), [("Libya".to_string(), false)]);
    }
}
