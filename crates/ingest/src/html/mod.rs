//! HTML pages and fragments → text and metadata.
//!
//! A page goes: bytes → decoded text (byte-order mark, else the transport's charset, else the
//! page's `<meta charset>`, else UTF-8; see `decode`) → html5ever tree → the element holding
//! the article ([`main_text`]) → paragraphs without boilerplate ([`render`]) joined by blank
//! lines, and its metadata ([`metadata`]). A leading heading that repeats the title is dropped,
//! since the title is kept apart.
//!
//! Before parsing, elements nested deeper than any real page are flattened ([`nesting`]), as
//! html5ever's cost grows with the square of the depth.
//!
//! Feed entries use [`fragment_to_text`]: the same rendering, without boilerplate detection.

mod main_text;
mod metadata;
mod nesting;
mod render;

use scraper::Html;

pub(crate) use metadata::PageMeta;

use crate::decode::{decode, html_declared_charset};
use crate::error::{IngestError, Origin};
use crate::format::looks_binary;
use render::{Scope, render};

/// What a page holds: metadata and main text (paragraphs joined by blank lines).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Page {
    pub meta: PageMeta,
    pub text: String,
}

/// Decodes and extracts a page. `cut` says the bytes were cut at a size limit;
/// `transport_charset` is the charset of an HTTP `Content-Type` header. Warnings go to
/// `warnings`.
pub(crate) fn read_page(
    bytes: &[u8],
    cut: bool,
    transport_charset: Option<&str>,
    at: &Origin,
    warnings: &mut Vec<IngestError>,
) -> Result<Page, IngestError> {
    if looks_binary(bytes) {
        return Err(IngestError::Binary { at: at.clone() });
    }
    let declared = transport_charset
        .map(str::to_string)
        .or_else(|| html_declared_charset(bytes));
    let decoded = decode(bytes, declared.as_deref(), cut, at)?;
    warnings.extend(decoded.warning);
    Ok(extract_page(&decoded.text))
}

/// Extracts metadata and main text from a decoded page.
pub(crate) fn extract_page(html: &str) -> Page {
    let doc = Html::parse_document(&nesting::limit_nesting(html));
    let main = main_text::main_container(&doc);
    let meta = metadata::page_meta(&doc, main);
    let mut paragraphs = render(main, Scope::Page);
    if let (Some(title), Some(first)) = (&meta.title, paragraphs.first())
        && first.to_lowercase() == title.to_lowercase()
    {
        paragraphs.remove(0);
    }
    Page {
        meta,
        text: paragraphs.join("\n\n"),
    }
}

/// A feed entry's content → text. Markup is rendered like a page (paragraphs separated by
/// blank lines) but without boilerplate detection; plain text keeps its blank-line paragraph
/// breaks, with whitespace collapsed inside each paragraph.
pub(crate) fn fragment_to_text(content: &str) -> String {
    if has_markup(content) {
        let doc = Html::parse_fragment(&nesting::limit_nesting(content));
        render(doc.tree.root(), Scope::Fragment).join("\n\n")
    } else {
        plain_paragraphs(content).join("\n\n")
    }
}

/// Plain text split into paragraphs at blank lines, whitespace collapsed inside each.
fn plain_paragraphs(text: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current = render::Paragraphs::default();
    for line in text.lines() {
        if line.trim().is_empty() {
            current.end_block();
        } else {
            current.push_text(line);
            current.push_space();
        }
    }
    paragraphs.extend(current.finish());
    paragraphs
}

/// Whether `text` contains a tag, a comment or a character reference.
fn has_markup(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || matches!(w[1], b'/' | b'!')))
        || text.contains("&#")
        || ["&amp;", "&lt;", "&gt;", "&quot;", "&nbsp;", "&apos;"]
            .iter()
            .any(|e| text.contains(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_repeating_the_title_is_dropped() {
        let page = extract_page(
            "<html><head><meta property=\"og:title\" content=\"Attack on checkpoint\"></head><body><article>\
             <h1>Attack on checkpoint</h1><p>Gunmen attacked a checkpoint in the north of the city.</p>\
             </article></body></html>",
        );
        assert_eq!(page.meta.title.as_deref(), Some("Attack on checkpoint"));
        assert_eq!(
            page.text,
            "Gunmen attacked a checkpoint in the north of the city."
        );
    }

    #[test]
    fn very_deep_pages_parse_quickly_and_keep_their_text() {
        let n = 200_000;
        let html = format!(
            "<body>{}<p>Deep inside the page there is a sentence.</p>{}</body>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        assert_eq!(
            extract_page(&html).text,
            "Deep inside the page there is a sentence."
        );
    }

    #[test]
    fn fragments_keep_paragraphs() {
        assert_eq!(
            fragment_to_text("<p>One &amp; two.</p><p>Three.</p>"),
            "One & two.\n\nThree."
        );
        assert_eq!(
            fragment_to_text("One\n  and   two.\n\n\nThree.\n"),
            "One and two.\n\nThree."
        );
        assert_eq!(fragment_to_text("a < b and c > d"), "a < b and c > d");
    }
}
