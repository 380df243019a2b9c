//! Format detection: which reader a source goes to, decided from its first bytes.
//!
//! The content decides: gzip and WARC by their magic bytes, binary data by NUL and control
//! bytes or a known binary signature, JSON by a leading `{"` (or `[{`), feeds by their XML root
//! element (`<rss`, `<feed`, `<rdf:RDF`) or the JSON Feed version URL, HTML by a leading tag.
//! The file extension only breaks ties: text that starts with `<` but names no known tag is
//! HTML unless the file is called `.txt`; XML whose root is not found in the head is a feed
//! unless the file is called `.html`/`.xhtml`; words in a file called `.rss`, `.atom`, `.rdf`
//! or `.xml` are a feed that is not XML (an error), not an article.

use std::path::Path;

/// How many bytes of a source [`detect_format`] is given.
pub const HEAD_BYTES: usize = 8 * 1024;

/// The format of a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text: the whole source is one article.
    Text,
    /// JSON Lines: one article record per line (or a JSON array of records).
    JsonLines,
    /// An HTML page: one article, main text extracted.
    Html,
    /// An RSS, Atom or JSON Feed: one article per entry.
    Feed,
    /// A WARC file: one article per HTML response record.
    Warc,
    /// Gzip-compressed data, whose inner format is detected after decompression.
    Gzip,
    /// Binary data: not read.
    Binary,
}

impl Format {
    /// A short lower-case name (`text`, `jsonl`, `html`, `feed`, `warc`, `gzip`, `binary`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::JsonLines => "jsonl",
            Format::Html => "html",
            Format::Feed => "feed",
            Format::Warc => "warc",
            Format::Gzip => "gzip",
            Format::Binary => "binary",
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Signatures of binary formats that would otherwise pass as text.
const BINARY_MAGIC: &[&[u8]] = &[
    b"%PDF-",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"\x7fELF",
    b"BZh",
    b"\xfd7zXZ",
    b"\x28\xb5\x2f\xfd",
    b"SQLite format 3",
    b"RIFF",
    b"OggS",
    b"ID3",
];

/// Decides the format of a source from its first bytes (see [`HEAD_BYTES`]), with the file
/// extension of `path_hint` only as a tie-breaker. An empty head is [`Format::Text`] (the text
/// reader reports it empty).
///
/// ```
/// use sitrep_ingest::{detect_format, Format};
/// use std::path::Path;
///
/// let html = b"<!DOCTYPE html><html><body><p>Gunmen attacked</p></body></html>";
/// assert_eq!(detect_format(html, Some(Path::new("saved.txt"))), Format::Html);
/// assert_eq!(detect_format(b"{\"id\":\"a1\",\"text\":\"x\"}\n", None), Format::JsonLines);
/// assert_eq!(detect_format(b"\x1f\x8b\x08\x00", Some(Path::new("x.txt"))), Format::Gzip);
/// ```
pub fn detect_format(head: &[u8], path_hint: Option<&Path>) -> Format {
    if head.starts_with(&[0x1f, 0x8b]) {
        return Format::Gzip;
    }
    if head.starts_with(b"WARC/") {
        return Format::Warc;
    }
    // UTF-16 text starts with its byte-order mark; sniff it as text after decoding.
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(head)
        && encoding != encoding_rs::UTF_8
    {
        let (decoded, _) = encoding.decode_without_bom_handling(&head[bom_len..]);
        return detect_text_format(decoded.as_bytes(), path_hint);
    }
    if BINARY_MAGIC.iter().any(|magic| head.starts_with(magic)) || looks_binary(head) {
        return Format::Binary;
    }
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    detect_text_format(head, path_hint)
}

fn detect_text_format(head: &[u8], path_hint: Option<&Path>) -> Format {
    let extension = path_hint
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default();
    let trimmed = trim_start(head);
    match trimmed.first() {
        Some(b'{') => {
            let after = trim_start(&trimmed[1..]);
            if declares_json_feed(head) {
                Format::Feed
            } else if after.first() == Some(&b'"')
                || (after.is_empty() && matches!(extension.as_str(), "jsonl" | "ndjson" | "json"))
            {
                Format::JsonLines
            } else {
                Format::Text
            }
        }
        Some(b'[') => {
            let after = trim_start(&trimmed[1..]);
            if after.first() == Some(&b'{')
                || (after.is_empty() && matches!(extension.as_str(), "jsonl" | "ndjson" | "json"))
            {
                Format::JsonLines
            } else {
                Format::Text
            }
        }
        Some(b'<') => detect_markup(trimmed, &extension),
        _ => {
            // Text that starts with words but is a whole HTML page further on.
            let window = &head[..head.len().min(1024)];
            if contains_ignore_case(window, b"<!doctype html")
                || contains_ignore_case(window, b"<html")
            {
                Format::Html
            } else if FEED_EXTENSIONS.contains(&extension.as_str()) {
                // A feed file that is not XML: the feed reader says so, naming the file.
                Format::Feed
            } else {
                Format::Text
            }
        }
    }
}

/// Extensions that declare an XML feed: a file so named that holds words instead of markup is
/// a broken feed (an error), not an article.
const FEED_EXTENSIONS: &[&str] = &["rss", "atom", "rdf", "xml"];

/// Whether a JSON head holds `"version": "https://jsonfeed.org/version/…"`.
fn declares_json_feed(head: &[u8]) -> bool {
    const URL: &[u8] = b"\"https://jsonfeed.org/version/";
    let mut from = 0;
    while let Some(i) = find_ignore_case(&head[from..], URL) {
        let before = trim_end(&head[..from + i]);
        if let Some(before) = before.strip_suffix(b":")
            && trim_end(before).ends_with(b"\"version\"")
        {
            return true;
        }
        from += i + URL.len();
    }
    false
}

/// `markup` starts with `<`.
fn detect_markup(markup: &[u8], extension: &str) -> Format {
    const FEED_ROOTS: &[&[u8]] = &[b"<rss", b"<feed", b"<rdf:rdf", b"<channel"];
    let mut rest = markup;
    // Skip the XML prolog, processing instructions, comments and the doctype to reach the root.
    let mut saw_xml_prolog = false;
    loop {
        rest = trim_start(rest);
        if starts_with_ignore_case(rest, b"<?xml") {
            saw_xml_prolog = true;
        }
        let skip_to: Option<&[u8]> = if rest.starts_with(b"<?") {
            Some(b"?>")
        } else if rest.starts_with(b"<!--") {
            Some(b"-->")
        } else if rest.starts_with(b"<!") && !starts_with_ignore_case(rest, b"<!doctype html") {
            Some(b">")
        } else {
            None
        };
        match skip_to {
            Some(end) => match find(rest, end) {
                Some(i) => rest = &rest[i + end.len()..],
                None => {
                    rest = &[];
                    break;
                }
            },
            None => break,
        }
    }
    if FEED_ROOTS.iter().any(|root| starts_with_tag(rest, root)) {
        return Format::Feed;
    }
    if starts_with_ignore_case(rest, b"<!doctype html") || starts_with_tag(rest, b"<html") {
        return Format::Html;
    }
    if saw_xml_prolog {
        // XML whose root is not a feed root, or lies past the head.
        return match extension {
            "html" | "htm" | "xhtml" => Format::Html,
            _ if rest.is_empty() => Format::Feed,
            _ => Format::Html,
        };
    }
    // `<word…`: HTML, unless the file says it is text and the word is no HTML tag
    // ("<Reuters> Gunmen attacked…" in a .txt file).
    let names_a_tag = rest.len() > 1 && (rest[1].is_ascii_alphabetic() || rest[1] == b'!');
    if names_a_tag && (extension != "txt" || looks_like_known_tag(rest)) {
        Format::Html
    } else {
        Format::Text
    }
}

fn looks_like_known_tag(rest: &[u8]) -> bool {
    const TAGS: &[&[u8]] = &[
        b"<head",
        b"<body",
        b"<meta",
        b"<title",
        b"<div",
        b"<p",
        b"<article",
        b"<section",
        b"<main",
        b"<h1",
        b"<h2",
        b"<h3",
        b"<span",
        b"<table",
        b"<link",
        b"<script",
        b"<style",
        b"<!--",
    ];
    TAGS.iter().any(|tag| starts_with_tag(rest, tag))
}

/// Whether `bytes` starts with `tag` (case-insensitive) followed by a delimiter.
fn starts_with_tag(bytes: &[u8], tag: &[u8]) -> bool {
    starts_with_ignore_case(bytes, tag)
        && bytes
            .get(tag.len())
            .is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/' | b':'))
}

/// Whether bytes look like binary data rather than text in any 8-bit encoding: a NUL byte, or
/// more than 5% control bytes other than tab, newlines, form feed and escape. Text that starts
/// with a UTF-16 byte-order mark is text.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return false;
    }
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    if sample.contains(&0) {
        return true;
    }
    let controls = sample
        .iter()
        .filter(|&&b| matches!(b, 0x01..=0x08 | 0x0b | 0x0e..=0x1a | 0x1c..=0x1f | 0x7f))
        .count();
    controls * 20 > sample.len()
}

fn trim_end(bytes: &[u8]) -> &[u8] {
    let end = bytes
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(0, |i| i + 1);
    &bytes[..end]
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..]
}

fn starts_with_ignore_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes.len() >= prefix.len() && bytes[..prefix.len()].eq_ignore_ascii_case(prefix)
}

pub(crate) fn contains_ignore_case(haystack: &[u8], needle: &[u8]) -> bool {
    find_ignore_case(haystack, needle).is_some()
}

pub(crate) fn find_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    haystack
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if haystack.len() < needle.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detect(bytes: &[u8], name: &str) -> Format {
        detect_format(bytes, Some(Path::new(name)))
    }

    #[test]
    fn html_saved_as_txt_is_html() {
        assert_eq!(
            detect(b"  <!doctype html>\n<html><body>x</body></html>", "a.txt"),
            Format::Html
        );
        assert_eq!(detect(b"<html lang=en><p>x", "a.txt"), Format::Html);
        assert_eq!(detect(b"<div><p>x</p></div>", "a.txt"), Format::Html);
        assert_eq!(detect(b"<!-- saved --><html>", "a.dat"), Format::Html);
    }

    #[test]
    fn jsonl_saved_as_dat_is_jsonl() {
        assert_eq!(
            detect(b"{\"id\": \"a\", \"text\": \"x\"}\n", "a.dat"),
            Format::JsonLines
        );
        assert_eq!(
            detect(b"\n\n  {\n\"text\": \"x\"}", "a.txt"),
            Format::JsonLines
        );
        assert_eq!(detect(b"[{\"text\": \"x\"}]", "a.dat"), Format::JsonLines);
    }

    #[test]
    fn text_that_starts_with_braces_is_text() {
        assert_eq!(detect(b"{Updated} Gunmen attacked", "a.dat"), Format::Text);
        assert_eq!(detect(b"[Reuters] Gunmen attacked", "a.dat"), Format::Text);
        assert_eq!(
            detect(b"<<BREAKING>> Gunmen attacked", "a.txt"),
            Format::Text
        );
        assert_eq!(
            detect(b"Gunmen attacked a checkpoint.", "a.html"),
            Format::Text
        );
    }

    #[test]
    fn feeds_are_found_by_their_root() {
        let rss = b"<?xml version=\"1.0\"?>\n<!-- c -->\n<rss version=\"2.0\"><channel>";
        assert_eq!(detect(rss, "a.txt"), Format::Feed);
        assert_eq!(
            detect(b"<feed xmlns=\"http://www.w3.org/2005/Atom\">", "a"),
            Format::Feed
        );
        assert_eq!(
            detect(b"<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\">", "a"),
            Format::Feed
        );
        let json_feed = b"{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}";
        assert_eq!(detect(json_feed, "feed.json"), Format::Feed);
        let record = b"{\"text\": \"see https://jsonfeed.org/version/1\"}";
        assert_eq!(detect(record, "a.jsonl"), Format::JsonLines);
        let xhtml = b"<?xml version=\"1.0\"?><!DOCTYPE html><html xmlns=\"x\">";
        assert_eq!(detect(xhtml, "a.xml"), Format::Html);
    }

    #[test]
    fn words_in_a_feed_file_are_a_broken_feed_not_an_article() {
        let words = b"Service unavailable, please try again later.";
        assert_eq!(
            detect_format(words, Some(Path::new("news.rss"))),
            Format::Feed
        );
        assert_eq!(
            detect_format(words, Some(Path::new("news.XML"))),
            Format::Feed
        );
        assert_eq!(
            detect_format(words, Some(Path::new("news.txt"))),
            Format::Text
        );
        assert_eq!(detect_format(words, None), Format::Text);
    }

    #[test]
    fn magic_bytes_win_over_extensions() {
        assert_eq!(
            detect(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "a.txt"),
            Format::Warc
        );
        assert_eq!(detect(b"\x1f\x8b\x08\x00\x00", "a.html"), Format::Gzip);
        assert_eq!(detect(b"%PDF-1.7\n%\xe2\xe3", "a.txt"), Format::Binary);
        assert_eq!(detect(b"abc\x00\x01\x02def", "a.txt"), Format::Binary);
    }

    #[test]
    fn latin1_text_is_not_binary() {
        assert_eq!(
            detect(b"Caf\xe9 attaqu\xe9 \xe0 Paris", "a.txt"),
            Format::Text
        );
    }

    #[test]
    fn utf16_with_bom_is_sniffed_after_decoding() {
        let mut bytes = vec![0xff, 0xfe];
        for unit in "<html><body>x</body></html>".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(detect(&bytes, "a.txt"), Format::Html);
    }

    #[test]
    fn empty_is_text() {
        assert_eq!(detect_format(b"", None), Format::Text);
        assert_eq!(detect_format(b"   \n", None), Format::Text);
    }
}
