//! Phrase lexicons compiled into one Aho-Corasick automaton each.
//!
//! A lexicon file is tab-separated; `#` starts a comment line. Its first column lists phrases
//! separated by `|`; a parenthesised suffix such as `bomb(s)` stands for both `bomb` and `bombs`.
//! Matching is ASCII case-insensitive, leftmost-longest, and only whole words match.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, MatchKind};
use sitrep_model::ByteSpan;

use crate::error::{ResourceError, Result};

/// One match of a lexicon phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch<T> {
    /// Where it is.
    pub span: ByteSpan,
    /// The value of the phrase's row.
    pub value: T,
    /// Index of the pattern that matched (see [`PhraseLexicon::pattern`]).
    pub pattern: usize,
}

/// A compiled lexicon mapping phrases to values.
#[derive(Debug, Clone)]
pub struct PhraseLexicon<T> {
    automaton: AhoCorasick,
    values: Vec<T>,
    patterns: Vec<String>,
}

/// Expands `car bomb(s)` into `car bomb` and `car bombs`; several groups multiply.
pub fn expand_phrase(phrase: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut rest = phrase;
    while let Some(open) = rest.find('(') {
        let Some(close_rel) = rest[open..].find(')') else {
            break;
        };
        let close = open + close_rel;
        let before = &rest[..open];
        let optional = &rest[open + 1..close];
        let mut next = Vec::with_capacity(out.len() * 2);
        for prefix in &out {
            next.push(format!("{prefix}{before}"));
            next.push(format!("{prefix}{before}{optional}"));
        }
        out = next;
        rest = &rest[close + 1..];
    }
    for s in &mut out {
        s.push_str(rest);
    }
    out.into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Parses lexicon rows: yields (line number, columns) for every non-comment, non-blank line.
pub fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|(n, l)| (n, l.split('\t').collect()))
}

impl<T: Copy> PhraseLexicon<T> {
    /// Compiles `(phrase, value)` pairs; phrases are expanded with [`expand_phrase`].
    pub fn new<'a>(
        file: &'static str,
        entries: impl IntoIterator<Item = (&'a str, T)>,
    ) -> Result<Self> {
        Self::build(file, entries, true)
    }

    /// Like [`PhraseLexicon::new`], but matching exactly as written (for acronyms).
    pub fn case_sensitive<'a>(
        file: &'static str,
        entries: impl IntoIterator<Item = (&'a str, T)>,
    ) -> Result<Self> {
        Self::build(file, entries, false)
    }

    fn build<'a>(
        file: &'static str,
        entries: impl IntoIterator<Item = (&'a str, T)>,
        fold_case: bool,
    ) -> Result<Self> {
        let mut patterns = Vec::new();
        let mut values = Vec::new();
        for (phrase, value) in entries {
            for p in expand_phrase(phrase) {
                patterns.push(p);
                values.push(value);
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(fold_case)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .map_err(|e| ResourceError::Automaton {
                file,
                message: e.to_string(),
            })?;
        Ok(PhraseLexicon {
            automaton,
            values,
            patterns,
        })
    }

    /// Every whole-word match in `text`, in text order, without overlaps. A match that is
    /// not a whole word ("bomb" in "bombshell") does not hide a whole-word match that starts
    /// inside it.
    pub fn find_all(&self, text: &str) -> Vec<PhraseMatch<T>> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < text.len() {
            let Some(m) = self.automaton.find(Input::new(text).span(pos..text.len())) else {
                break;
            };
            if is_word_boundary(bytes, m.start(), m.end()) {
                out.push(PhraseMatch {
                    span: ByteSpan {
                        start: m.start(),
                        end: m.end(),
                    },
                    value: self.values[m.pattern().as_usize()],
                    pattern: m.pattern().as_usize(),
                });
                pos = m.end();
            } else {
                pos = m.start() + 1;
                while pos < text.len() && !text.is_char_boundary(pos) {
                    pos += 1;
                }
            }
        }
        out
    }

    /// The text of pattern `i`, as expanded from the lexicon.
    pub fn pattern(&self, i: usize) -> &str {
        &self.patterns[i]
    }

    /// Number of compiled patterns.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Whether the lexicon is empty.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}

/// Whether `bytes[start..end]` is delimited by non-word characters on both sides. Multi-byte
/// letters count as word characters.
pub fn is_word_boundary(bytes: &[u8], start: usize, end: usize) -> bool {
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
    let before_ok = start == 0 || !is_word(bytes[start - 1]) || !is_word(bytes[start]);
    let after_ok = end >= bytes.len() || !is_word(bytes[end]) || !is_word(bytes[end - 1]);
    before_ok && after_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn optional_suffixes_expand() {
        assert_eq!(expand_phrase("car bomb(s)"), ["car bomb", "car bombs"]);
        assert_eq!(expand_phrase("clash(es)"), ["clash", "clashes"]);
        assert_eq!(
            expand_phrase("mortar(s) shell(s)"),
            [
                "mortar shell",
                "mortar shells",
                "mortars shell",
                "mortars shells"
            ]
        );
        assert_eq!(expand_phrase("police"), ["police"]);
    }

    #[test]
    fn matches_whole_words_case_insensitively_longest_first() {
        let lex = PhraseLexicon::new("test", [("bomb(s)", 1), ("car bomb(s)", 2)]).unwrap();
        let text = "A Car Bomb and two bombs, but no bombshell.";
        let found: Vec<(&str, i32)> = lex
            .find_all(text)
            .iter()
            .map(|m| (&text[m.span.range()], m.value))
            .collect();
        assert_eq!(found, [("Car Bomb", 2), ("bombs", 1)]);
    }

    #[test]
    fn case_sensitive_lexicons_match_as_written() {
        let lex = PhraseLexicon::case_sensitive("test", [("IS", 1)]).unwrap();
        let text = "IS claimed it; it is said";
        assert_eq!(lex.find_all(text).len(), 1);
    }

    #[test]
    fn rows_skip_comments_and_blanks() {
        let rows: Vec<_> = rows("# comment\n\na\tb\n").collect();
        assert_eq!(rows, [(3, vec!["a", "b"])]);
    }
}
