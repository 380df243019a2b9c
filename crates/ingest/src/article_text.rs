//! The checks every article's text goes through, whatever its format: not empty, and at most
//! [`ReadOptions::max_article_bytes`] long (longer texts are cut at a char boundary, with a
//! [`IngestError::Cut`] warning). The text is otherwise left as read: cleaning belongs to
//! `sitrep-text`.

use crate::ReadOptions;
use crate::error::{IngestError, Origin};

/// Checks `text` and cuts it to the limit; pushes a warning to `warnings` when it was cut.
pub(crate) fn check_text(
    mut text: String,
    at: &Origin,
    options: &ReadOptions,
    warnings: &mut Vec<IngestError>,
) -> Result<String, IngestError> {
    if text.trim().is_empty() {
        return Err(IngestError::Empty { at: at.clone() });
    }
    if text.len() > options.max_article_bytes {
        let end = floor_char_boundary(&text, options.max_article_bytes);
        text.truncate(end);
        warnings.push(IngestError::Cut {
            at: at.clone(),
            what: "text",
            limit_bytes: options.max_article_bytes,
        });
    }
    Ok(text)
}

/// The largest char boundary of `text` at or before `index`.
pub(crate) fn floor_char_boundary(text: &str, index: usize) -> usize {
    if index >= text.len() {
        return text.len();
    }
    let mut end = index;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// Collapses runs of whitespace into one space and trims the ends.
pub(crate) fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_texts_are_cut_on_a_char_boundary() {
        let options = ReadOptions {
            max_article_bytes: 4,
            ..ReadOptions::default()
        };
        let mut warnings = Vec::new();
        let text = check_text(
            "ab—cd".into(),
            &Origin::source("t"),
            &options,
            &mut warnings,
        );
        assert_eq!(text.unwrap(), "ab");
        assert!(matches!(
            warnings[..],
            [IngestError::Cut { limit_bytes: 4, .. }]
        ));
    }

    #[test]
    fn blank_texts_are_empty() {
        let mut warnings = Vec::new();
        let err = check_text(
            " \n\t".into(),
            &Origin::source("t"),
            &ReadOptions::default(),
            &mut warnings,
        );
        assert!(matches!(err, Err(IngestError::Empty { .. })));
    }

    #[test]
    fn whitespace_collapses() {
        assert_eq!(collapse_whitespace("  a \n\t b\u{a0}c  "), "a b c");
    }
}
