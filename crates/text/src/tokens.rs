//! Tokens: words, numbers and punctuation as byte spans into a text.
//!
//! A word starts with a letter and may hold digits, inner hyphens ("twenty-five", "al-Qaeda",
//! "AK-47") and inner apostrophes ("O'Brien"); a possessive "'s" is its own token. Dotted
//! abbreviations of single letters ("U.S.", "a.m.") are one word, dots included. A number is a
//! run of digits with inner commas or dots followed by digits ("1,200", "3.5").

use sitrep_model::ByteSpan;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with digits, inner hyphens and apostrophes.
    Word,
    /// Digits, possibly with inner separators.
    Number,
    /// Any other non-space char.
    Punct,
}

/// One token: where it is and what it is. Its text is `&text[token.span.range()]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the text.
    pub span: ByteSpan,
    /// Kind of token.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.span.range()]
    }

    /// Whether the token is a word starting with an upper-case letter.
    pub fn is_capitalized(&self, text: &str) -> bool {
        self.kind == TokenKind::Word
            && self
                .text(text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }

    /// Whether the token's text equals `word`, ignoring ASCII case.
    pub fn is(&self, text: &str, word: &str) -> bool {
        self.text(text).eq_ignore_ascii_case(word)
    }
}

/// Tokenises the whole text.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    tokenize_into(text, 0, text.len(), &mut tokens);
    tokens
}

/// Tokenises `text[start..end]`; spans are offsets into the whole `text`.
///
/// `start` and `end` must be char boundaries of `text`.
pub fn tokenize_range(text: &str, start: usize, end: usize) -> Vec<Token> {
    let mut tokens = Vec::new();
    tokenize_into(text, start, end, &mut tokens);
    tokens
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

fn tokenize_into(text: &str, start: usize, end: usize, tokens: &mut Vec<Token>) {
    let slice = &text[start..end];
    let chars: Vec<(usize, char)> = slice.char_indices().map(|(i, c)| (i + start, c)).collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let offset = |i: usize| chars.get(i).map_or(end, |&(o, _)| o);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let begin = i;
        let kind = if c.is_alphabetic() {
            if let Some(after) = dotted_abbreviation_end(&chars, i) {
                i = after;
            } else {
                i += 1;
                loop {
                    match at(i) {
                        Some(c) if c.is_alphanumeric() => i += 1,
                        Some(c) if is_hyphen(c) && at(i + 1).is_some_and(char::is_alphanumeric) => {
                            i += 2
                        }
                        Some(c)
                            if is_apostrophe(c)
                                && at(i + 1).is_some_and(char::is_alphabetic)
                                && !is_possessive_s(&chars, i) =>
                        {
                            i += 2
                        }
                        _ => break,
                    }
                }
            }
            TokenKind::Word
        } else if c.is_ascii_digit() {
            i += 1;
            loop {
                match at(i) {
                    Some(c) if c.is_ascii_digit() => i += 1,
                    Some(',' | '.') if at(i + 1).is_some_and(|c| c.is_ascii_digit()) => i += 2,
                    _ => break,
                }
            }
            TokenKind::Number
        } else if is_apostrophe(c) && is_possessive_s(&chars, i) {
            i += 2;
            TokenKind::Word
        } else {
            i += 1;
            TokenKind::Punct
        };
        tokens.push(Token {
            span: ByteSpan {
                start: offset(begin),
                end: offset(i),
            },
            kind,
        });
    }
}

/// An apostrophe at `i` followed by "s" and then a non-letter is a possessive.
fn is_possessive_s(chars: &[(usize, char)], i: usize) -> bool {
    matches!(chars.get(i + 1), Some((_, 's' | 'S')))
        && !chars.get(i + 2).is_some_and(|&(_, c)| c.is_alphanumeric())
}

/// "U.S.", "U.S.A.", "a.m.": single letters each followed by a dot, at least two of them.
fn dotted_abbreviation_end(chars: &[(usize, char)], i: usize) -> Option<usize> {
    let letter_then_dot = |j: usize| {
        chars.get(j).is_some_and(|&(_, c)| c.is_alphabetic())
            && chars.get(j + 1).is_some_and(|&(_, c)| c == '.')
    };
    let mut j = i;
    let mut letters = 0;
    while letter_then_dot(j) {
        letters += 1;
        j += 2;
    }
    (letters >= 2).then_some(j)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn words_numbers_and_punctuation() {
        assert_eq!(
            texts("Gunmen killed 1,200 people."),
            ["Gunmen", "killed", "1,200", "people", "."]
        );
    }

    #[test]
    fn inner_hyphens_and_apostrophes_join() {
        assert_eq!(
            texts("twenty-five al-Qaeda O'Brien AK-47"),
            ["twenty-five", "al-Qaeda", "O'Brien", "AK-47"]
        );
    }

    #[test]
    fn possessives_split_off() {
        assert_eq!(
            texts("Korea’s mission, Kabul's police"),
            ["Korea", "’s", "mission", ",", "Kabul", "'s", "police"]
        );
    }

    #[test]
    fn dotted_abbreviations_are_one_word() {
        assert_eq!(
            texts("the U.S. consulate at 2 a.m. Monday"),
            ["the", "U.S.", "consulate", "at", "2", "a.m.", "Monday"]
        );
        assert_eq!(texts("U.S.A."), ["U.S.A."]);
    }

    #[test]
    fn a_sentence_ending_in_a_word_keeps_its_dot_apart() {
        assert_eq!(texts("He left. Then"), ["He", "left", ".", "Then"]);
    }

    #[test]
    fn ranges_stay_inside_the_given_range() {
        let text = "one two three";
        let tokens = tokenize_range(text, 4, 7);
        assert_eq!(tokens.len(), 1);
        assert_eq!(tokens[0].text(text), "two");
    }
}
