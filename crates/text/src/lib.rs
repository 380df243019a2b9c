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

/// Folds a string for case- and accent-insensitive comparison: lower case, common Latin
/// accents removed, curly apostrophes and dashes made plain.
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
        _ => {
            for l in c.to_lowercase() {
                out.push(l);
            }
            return;
        }
    };
    out.push(mapped);
}
