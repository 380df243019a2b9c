//! Reading sources: HTML pages, feeds, JSON Lines, WARC and gzip, through
//! [`sitrep_ingest::read_reader`] as `sitrep ingest FILE` reads a file, then
//! [`sitrep_text::clean_text`] as the pipeline does before extraction.
//!
//! Each format's target names its input like a file of that format (`page.html`,
//! `feed.xml`, …) and skips inputs that the program would hand to another reader: those are
//! the other targets' work, and skipping them keeps each corpus about its own format.
//!
//! Checks on every item read: an article's text is not blank and within
//! [`ReadOptions::max_article_bytes`], and its id is not empty; every error and warning names
//! the source first; the text cleaned as the pipeline cleans it keeps what
//! [`sitrep_text::clean_text`] promises.

use std::io::{Cursor, Write};
use std::path::Path;

use flate2::Compression;
use flate2::write::GzEncoder;
use sitrep_ingest::{Format, HEAD_BYTES, IngestError, ReadOptions, detect_format, read_reader};
use sitrep_model::Article;

use crate::checks::cleaned;

/// The source name errors must start with.
const SOURCE: &str = "fuzz-input";

/// Reads an HTML page (`page.html`): decoding, boilerplate removal, metadata.
///
/// Checks: those of every item read (see the module).
pub fn html_page(data: &[u8]) {
    read_as(data, "page.html", Format::Html);
}

/// Reads an RSS, Atom or JSON feed (`feed.xml`), and the instants `sitrep follow` reads from a
/// fetched feed ([`sitrep_ingest::feed_entry_times`]).
///
/// Checks: those of every item read, and that no entry time has an empty id.
pub fn feed(data: &[u8]) {
    for (id, _) in sitrep_ingest::feed_entry_times(data) {
        assert!(!id.as_str().is_empty(), "feed entry time with an empty id");
    }
    read_as(data, "feed.xml", Format::Feed);
}

/// Reads JSON Lines records, or a JSON array of records (`records.jsonl`).
///
/// Checks: those of every item read.
pub fn json_lines(data: &[u8]) {
    read_as(data, "records.jsonl", Format::JsonLines);
}

/// Reads a WARC file (`crawl.warc`): its HTML responses and WET conversions.
///
/// Checks: those of every item read.
pub fn warc(data: &[u8]) {
    read_as(data, "crawl.warc", Format::Warc);
}

/// Reads gzip input (`input.gz`): the stream is decompressed and its content detected and read
/// again, up to three layers deep.
///
/// Input that starts with the gzip magic bytes is read as it is (corrupt, truncated and
/// concatenated streams); any other input is first compressed (one member), so that what lies
/// inside a valid stream is fuzzed too.
///
/// Checks: those of every item read.
pub fn gzip(data: &[u8]) {
    if data.starts_with(&[0x1f, 0x8b]) {
        read(data.to_vec(), "input.gz");
        return;
    }
    let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
    let compressed = encoder
        .write_all(data)
        .and_then(|()| encoder.finish())
        .expect("compressing into memory cannot fail");
    read(compressed, "input.gz");
}

/// Reads `data` named `hint` when the program would read it as `format`.
fn read_as(data: &[u8], hint: &str, format: Format) {
    let head = &data[..data.len().min(HEAD_BYTES)];
    if detect_format(head, Some(Path::new(hint))) == format {
        read(data.to_vec(), hint);
    }
}

/// Reads every item of `data` with the default options, as `sitrep ingest` does, and checks
/// each.
fn read(data: Vec<u8>, hint: &str) {
    let options = ReadOptions::default();
    let items = read_reader(Cursor::new(data), SOURCE, Some(Path::new(hint)), &options);
    for item in items {
        match item {
            Ok(article) => check_article(&article, &options),
            Err(err) => check_error(&err),
        }
    }
}

fn check_article(article: &Article, options: &ReadOptions) {
    assert!(
        !article.text.trim().is_empty(),
        "article {:?} with blank text",
        article.id.as_str()
    );
    assert!(
        article.text.len() <= options.max_article_bytes,
        "article {:?} of {} bytes passes the limit of {}",
        article.id.as_str(),
        article.text.len(),
        options.max_article_bytes
    );
    assert!(!article.id.as_str().is_empty(), "article with an empty id");
    cleaned(&sitrep_text::clean_text(&article.text));
}

fn check_error(err: &IngestError) {
    let message = err.to_string();
    assert!(
        message.starts_with(SOURCE),
        "error does not name its source: {message}"
    );
}
