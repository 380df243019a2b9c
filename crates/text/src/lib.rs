//! Text primitives for sitrep: cleaning raw article text, splitting it into sentences, tokenising
//! it, and reading numbers written as digits or words.
//!
//! Everything here works on byte offsets into one string and never allocates per token: a
//! [`Token`] is a span plus a kind. Offsets are UTF-8 byte offsets on char boundaries.
//!
//! ```
//! use sitrep_text::{clean_text, split_sentences, tokenize};
//!
//! let text = clean_text("Gunmen killed two guards.\n\nLeave a Reply\n© 2006-2016 Example News.");
//! assert_eq!(text, "Gunmen killed two guards.");
//! let sentences = split_sentences(&text);
//! assert_eq!(sentences.len(), 1);
//! let words: Vec<&str> = tokenize(&text).iter().map(|t| t.text(&text)).collect();
//! assert_eq!(words, ["Gunmen", "killed", "two", "guards", "."]);
//! ```
#![deny(missing_docs)]

mod clean;
mod numbers;
mod sentences;
mod tokens;

pub use clean::clean_text;
pub use numbers::{Quantity, QuantityMatch, number_word_value, read_quantity};
pub use sentences::{Sentence, split_sentences};
pub use tokens::{Token, TokenKind, tokenize, tokenize_range};

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds a string for case- and accent-insensitive comparison: lower case, accents removed,
/// curly apostrophes and dashes made plain.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_folded(c, &mut out);
    }
    out
}

/// Appends the folded form of one char (see [`fold`]).
pub fn push_folded(c: char, out: &mut String) {
    let mapped = match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' | 'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å'
        | 'Ā' => 'a',
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => 'c',
        'ď' | 'đ' | 'Ď' | 'Đ' => 'd',
        'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'É' | 'È' | 'Ê' | 'Ë' | 'Ē' => {
            'e'
        }
        'ğ' | 'Ğ' => 'g',
        'í' | 'ì' | 'î' | 'ï' | 'ī' | 'ı' | 'İ' | 'Í' | 'Ì' | 'Î' | 'Ï' | 'Ī' => 'i',
        'ł' | 'Ł' => 'l',
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' => 'n',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' | 'ő' | 'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' | 'Ø' | 'Ō' => {
            'o'
        }
        'ř' | 'Ř' => 'r',
        'ś' | 'š' | 'ş' | 'ș' | 'Ś' | 'Š' | 'Ş' | 'Ș' => 's',
        'ť' | 'ţ' | 'ț' | 'Ť' | 'Ţ' | 'Ț' => 't',
        'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'Ú' | 'Ù' | 'Û' | 'Ü' | 'Ū' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        'ž' | 'ź' | 'ż' | 'Ž' | 'Ź' | 'Ż' => 'z',
        '’' | '‘' | 'ʼ' | '`' | 'ʻ' | 'ʿ' | 'ʾ' => '\'',
        '–' | '—' | '‐' | '‑' => '-',
        // Any other accented letter: its base letter ("ḏ" → "d", "ḩ" → "h"), from its
        // canonical decomposition without the combining marks.
        _ => {
            for base in std::iter::once(c).nfd().filter(|&d| !is_combining_mark(d)) {
                out.extend(base.to_lowercase());
            }
            return;
        }
    };
    out.push(mapped);
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folding_drops_case_and_accents() {
        assert_eq!(fold("Maïduguri"), "maiduguri");
        assert_eq!(fold("Shīnḏanḏ"), "shindand");
        assert_eq!(fold("Imām Şāḩib"), "imam sahib");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Kabul’s"), "kabul's");
    }

    #[test]
    fn folding_keeps_letters_without_a_decomposition() {
        assert_eq!(fold("Дамаск"), "дамаск");
        assert_eq!(fold("دمشق"), "دمشق");
    }
}
