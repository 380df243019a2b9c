//! Reads news in every input format into sitrep [`Article`]s.
//!
//! Sources are plain text, JSON Lines, HTML pages, RSS/Atom/JSON feeds and WARC files, each
//! possibly gzipped, from files, directories, glob patterns or stdin. The format is decided
//! from the content ([`detect_format`]), the file extension only breaking ties, so an HTML page
//! saved as `.txt` is still read as HTML.
//!
//! [`read_input`] reads one source lazily and yields its articles and its errors, one item
//! each: one bad record never ends a batch, and no input can make it panic. Every error names
//! its source, line and record ([`IngestError`]); warnings ([`Severity::Warning`]: text cut at
//! the size limit, invalid bytes replaced) come just before the article they concern, which is
//! still yielded. Text is not cleaned here: that is `sitrep-text`'s job.
//!
//! ```
//! use std::io::Cursor;
//! use sitrep_ingest::{read_reader, ReadOptions};
//!
//! let jsonl = b"{\"id\":\"a1\",\"text\":\"Gunmen attacked a checkpoint.\",\"published\":\"2015-04-13\"}\n\
//!               {\"id\":\"a2\"}\n";
//! let items: Vec<_> = read_reader(Cursor::new(&jsonl[..]), "feeds/ly.jsonl", None, &ReadOptions::default())
//!     .collect();
//! let article = items[0].as_ref().unwrap();
//! assert_eq!(article.id.as_str(), "a1");
//! assert_eq!(article.published, Some("2015-04-13".parse().unwrap()));
//! let error = items[1].as_ref().unwrap_err();
//! assert_eq!(error.to_string(), r#"feeds/ly.jsonl:2: record "a2": missing field "text""#);
//! ```
//!
//! # Formats
//!
//! | format | articles | id | published |
//! | --- | --- | --- | --- |
//! | plain text | the whole source | content hash | `default_published` |
//! | JSON Lines (or a JSON array) | one per record | the record's `id`, else content hash | the record's, else `default_published` |
//! | HTML page | one, main text without boilerplate | content hash of the text | page metadata, else `default_published` |
//! | RSS, Atom, JSON Feed | one per entry | guid / entry id, else link, else content hash | entry published, else updated |
//! | WARC | one per HTML `response` (and WET `conversion`) record | `WARC-Target-URI` | page metadata, else `WARC-Date` |
//!
//! Gzip is recognised anywhere by its magic bytes and decompressed as a stream; the inner
//! format is detected again. Dates are always the calendar date as written in the source's own
//! offset (`2015-04-13T01:20:00+02:00` is April 13), never shifted to UTC.
//!
//! Invalid UTF-8 is decoded lossily, with a warning, when at most 1% of the bytes are invalid;
//! beyond that the source is rejected ([`IngestError::NotUtf8`]) unless it declares a charset
//! (HTML `<meta charset>`, HTTP `Content-Type`) or starts with a byte-order mark, which are
//! decoded with `encoding_rs`. NUL bytes, many control bytes or a known binary signature make a
//! source [`IngestError::Binary`].
//!
//! Memory stays bounded: JSON Lines and WARC are read a record at a time and gzip is
//! decompressed as a stream, so a 1 GB file is never held whole. Whole-document formats are read
//! up to a limit: [`ReadOptions::max_article_bytes`] for plain text,
//! [`ReadOptions::max_document_bytes`] for a page or a feed (a 50 MB page is cut at 16 MiB,
//! with a warning).
#![deny(missing_docs)]

mod article_text;
mod dates;
mod decode;
mod error;
mod feed;
mod format;
mod gzip;
mod html;
mod inputs;
mod jsonl;
mod source;
mod warc_records;

use std::io::Read;
use std::path::Path;

use jiff::civil::Date;
use sitrep_model::Article;

pub use error::{IngestError, Origin, RecordRef, Result, Severity};
pub use feed::entry_times as feed_entry_times;
pub use format::{Format, HEAD_BYTES, detect_format};
pub use inputs::{Input, expand_inputs};

/// Options that apply to every source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    /// The publication date of articles whose source gives none (plain text files, records
    /// without `published`, pages without a date).
    pub default_published: Option<Date>,
    /// The longest article text kept, in bytes (default 5 MiB). Longer texts are cut at a char
    /// boundary, with an [`IngestError::Cut`] warning.
    pub max_article_bytes: usize,
    /// The most bytes read of one document (default 16 MiB): an HTML page, a feed, a WARC
    /// record's payload, a JSON line. A longer page or feed is cut, with a warning; a longer
    /// JSON line is skipped, with an [`IngestError::TooLarge`] error.
    pub max_document_bytes: usize,
    /// The largest ratio of decompressed to compressed bytes of a gzip stream (default 200),
    /// checked once its output passes [`ReadOptions::bomb_floor_bytes`]: past it the stream is
    /// a decompression bomb, and its source ends with an [`IngestError::DecompressionBomb`]
    /// error (what was read before stays read).
    pub max_gzip_ratio: u64,
    /// Output of a gzip stream below this many bytes is never a bomb (default 64 MiB).
    pub bomb_floor_bytes: u64,
}

impl ReadOptions {
    /// Default of [`ReadOptions::max_article_bytes`]: 5 MiB.
    pub const DEFAULT_MAX_ARTICLE_BYTES: usize = 5 * 1024 * 1024;
    /// Default of [`ReadOptions::max_document_bytes`]: 16 MiB.
    pub const DEFAULT_MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;
    /// Default of [`ReadOptions::max_gzip_ratio`]: 200.
    pub const DEFAULT_MAX_GZIP_RATIO: u64 = 200;
    /// Default of [`ReadOptions::bomb_floor_bytes`]: 64 MiB.
    pub const DEFAULT_BOMB_FLOOR_BYTES: u64 = 64 * 1024 * 1024;
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            default_published: None,
            max_article_bytes: Self::DEFAULT_MAX_ARTICLE_BYTES,
            max_document_bytes: Self::DEFAULT_MAX_DOCUMENT_BYTES,
            max_gzip_ratio: Self::DEFAULT_MAX_GZIP_RATIO,
            bomb_floor_bytes: Self::DEFAULT_BOMB_FLOOR_BYTES,
        }
    }
}

/// The articles of one source, read lazily: the source is opened on the first call to `next`.
///
/// Yields `Ok(article)` for each article and `Err` for each problem, in source order; see
/// [`IngestError::severity`] for warnings. Never panics on any input.
pub struct Articles {
    inner: source::ArticleIter,
}

impl Iterator for Articles {
    type Item = Result<Article>;

    fn next(&mut self) -> Option<Self::Item> {
        self.inner.next()
    }
}

impl std::fmt::Debug for Articles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Articles").finish_non_exhaustive()
    }
}

/// Reads one input lazily: yields its articles (text not cleaned; ids as given, else as each
/// format documents, else a content hash) and its per-record errors.
pub fn read_input(input: &Input, options: &ReadOptions) -> Articles {
    Articles {
        inner: source::open_input(input, options),
    }
}

/// Reads any byte stream like a file, lazily: `source_name` names it in errors, `path_hint` lends its
/// extension to format detection. For sources other than files and stdin (network, queues).
pub fn read_reader(
    reader: impl Read + Send + 'static,
    source_name: &str,
    path_hint: Option<&Path>,
    options: &ReadOptions,
) -> Articles {
    let origin = Origin::source(source_name);
    let path_hint = path_hint.map(Path::to_path_buf);
    let options = options.clone();
    let inner = std::iter::once_with(move || {
        source::route(Box::new(reader), origin, path_hint, options, 0)
    });
    Articles {
        inner: Box::new(inner.flatten()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_and_errors_cross_threads() {
        fn assert_send<T: Send>() {}
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send::<Articles>();
        assert_send_sync::<IngestError>();
        assert_send_sync::<ReadOptions>();
    }

    #[test]
    fn reading_is_lazy() {
        use std::sync::Arc;
        use std::sync::atomic::{AtomicBool, Ordering};

        struct Watched(Arc<AtomicBool>, std::io::Cursor<&'static [u8]>);
        impl Read for Watched {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                self.0.store(true, Ordering::SeqCst);
                self.1.read(buf)
            }
        }

        let touched = Arc::new(AtomicBool::new(false));
        let reader = Watched(touched.clone(), std::io::Cursor::new(b"Gunmen attacked."));
        let mut articles = read_reader(reader, "watched", None, &ReadOptions::default());
        assert!(
            !touched.load(Ordering::SeqCst),
            "nothing is read before the first item"
        );
        assert_eq!(articles.next().unwrap().unwrap().text, "Gunmen attacked.");
        assert!(touched.load(Ordering::SeqCst));
        assert!(articles.next().is_none());
    }
}
