//! Reading one source: open it, read its head, detect the format, hand it to the reader of
//! that format.
//!
//! Streaming formats (JSON Lines, WARC, and gzip around anything) are read a record at a time.
//! Whole-document formats (plain text, HTML, feeds) are read into memory up to a limit:
//! [`ReadOptions::max_article_bytes`] for plain text, [`ReadOptions::max_document_bytes`] for
//! HTML pages and feeds; what lies beyond is not read, and a [`IngestError::Cut`] warning
//! says so.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use sitrep_model::{Article, ArticleId};

use crate::article_text::check_text;
use crate::decode::decode;
use crate::error::{IngestError, Origin, Result};
use crate::format::{HEAD_BYTES, detect_format, looks_binary};
use crate::gzip::{BombLimit, BombStopped, GzipFailure, GzipReader};
use crate::jsonl::{JsonRecords, Layout};
use crate::{Format, Input, ReadOptions, feed, html, warc_records};

/// The articles of one source, boxed.
pub(crate) type ArticleIter = Box<dyn Iterator<Item = Result<Article>> + Send>;

/// How many gzip layers are unwrapped before giving up.
const MAX_GZIP_LAYERS: usize = 3;

/// Buffer size of stream readers.
const BUFFER_BYTES: usize = 256 * 1024;

/// The name of stdin in messages.
pub(crate) const STDIN_NAME: &str = "<stdin>";

/// Opens `input` on first use and reads it.
pub(crate) fn open_input(input: &Input, options: &ReadOptions) -> ArticleIter {
    let input = input.clone();
    let options = options.clone();
    Box::new(
        std::iter::once_with(move || -> ArticleIter {
            match &input {
                Input::Path(path) => {
                    let origin = Origin::source(path.display().to_string());
                    match File::open(path) {
                        Ok(file) => route(
                            Box::new(file),
                            origin,
                            Some(path.clone()),
                            options.clone(),
                            0,
                        ),
                        Err(e) if e.kind() == io::ErrorKind::NotFound => {
                            Box::new(std::iter::once(Err(IngestError::NotFound { at: origin })))
                        }
                        Err(source) => {
                            Box::new(std::iter::once(Err(IngestError::Io { at: origin, source })))
                        }
                    }
                }
                Input::Stdin => route(
                    Box::new(io::stdin()),
                    Origin::source(STDIN_NAME),
                    None,
                    options.clone(),
                    0,
                ),
            }
        })
        .flatten(),
    )
}

/// Detects the format of `reader` from its head and reads it with the matching reader.
pub(crate) fn route(
    mut reader: Box<dyn Read + Send>,
    origin: Origin,
    path_hint: Option<PathBuf>,
    options: ReadOptions,
    gzip_layers: usize,
) -> ArticleIter {
    let (head, head_error) = read_head(&mut reader);
    if head.is_empty()
        && let Some(e) = head_error
    {
        return one(Err(read_error(&origin, e)));
    }
    let format = detect_format(&head, path_hint.as_deref());
    // The head is read again by the format's reader; an error met while reading the head
    // comes back right after it.
    let reader: Box<dyn Read + Send> = match head_error {
        Some(e) => Box::new(Cursor::new(head).chain(FailingReader(Some(e)))),
        None => Box::new(Cursor::new(head).chain(reader)),
    };
    match format {
        Format::Gzip if gzip_layers >= MAX_GZIP_LAYERS => one(Err(IngestError::Unsupported {
            at: origin,
            what: format!("gzip nested more than {MAX_GZIP_LAYERS} layers deep"),
        })),
        Format::Gzip => {
            let inner_hint = path_hint.map(|p| strip_gz(&p));
            route(
                Box::new(GzipReader::new(
                    reader,
                    BombLimit {
                        floor_bytes: options.bomb_floor_bytes,
                        max_ratio: options.max_gzip_ratio,
                    },
                )),
                origin,
                inner_hint,
                options,
                gzip_layers + 1,
            )
        }
        Format::JsonLines => {
            let mut buffered = BufReader::with_capacity(BUFFER_BYTES, reader);
            let layout = match first_non_space(&mut buffered) {
                Ok(Some(b'[')) => Layout::Array,
                _ => Layout::Lines,
            };
            Box::new(JsonRecords::new(
                Box::new(buffered),
                layout,
                origin,
                options,
            ))
        }
        Format::Warc => {
            let buffered = BufReader::with_capacity(BUFFER_BYTES, reader);
            Box::new(warc_records::WarcRecords::new(
                Box::new(buffered),
                origin,
                options,
            ))
        }
        Format::Binary => one(Err(IngestError::Binary { at: origin })),
        Format::Text => {
            let read = read_capped(reader, options.max_article_bytes);
            Box::new(read_text(read, &origin, &options).into_iter())
        }
        Format::Html => {
            let read = read_capped(reader, options.max_document_bytes);
            Box::new(read_html(read, &origin, &options).into_iter())
        }
        Format::Feed => {
            let read = read_capped(reader, options.max_document_bytes);
            Box::new(feed::read_feed(read, &origin, &options).into_iter())
        }
    }
}

fn one(item: Result<Article>) -> ArticleIter {
    Box::new(std::iter::once(item))
}

/// Reads up to [`HEAD_BYTES`]; an error ends the head early and is returned beside it.
fn read_head(reader: &mut dyn Read) -> (Vec<u8>, Option<io::Error>) {
    let mut head = vec![0; HEAD_BYTES];
    let mut filled = 0;
    while filled < head.len() {
        match reader.read(&mut head[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => {
                head.truncate(filled);
                return (head, Some(e));
            }
        }
    }
    head.truncate(filled);
    (head, None)
}

/// The first byte that is not whitespace (or a UTF-8 byte-order mark), without consuming it.
fn first_non_space(reader: &mut BufReader<Box<dyn Read + Send>>) -> io::Result<Option<u8>> {
    let bytes = reader.fill_buf()?;
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    Ok(bytes.iter().copied().find(|b| !b.is_ascii_whitespace()))
}

/// A reader that fails once with a stored error, then ends.
struct FailingReader(Option<io::Error>);

impl Read for FailingReader {
    fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
        match self.0.take() {
            Some(e) => Err(e),
            None => Ok(0),
        }
    }
}

/// `page.html.gz` → `page.html`, so the inner format keeps its extension hint.
fn strip_gz(path: &Path) -> PathBuf {
    match path.extension().and_then(|e| e.to_str()) {
        Some(ext) if ext.eq_ignore_ascii_case("gz") || ext.eq_ignore_ascii_case("tgz") => {
            path.with_extension("")
        }
        _ => path.to_path_buf(),
    }
}

/// A whole document read into memory.
pub(crate) struct WholeRead {
    /// The bytes read, at most the limit.
    pub bytes: Vec<u8>,
    /// Whether the source holds more than the limit.
    pub cut: bool,
    /// The limit in force.
    pub limit_bytes: usize,
    /// An error that ended the reading early.
    pub error: Option<io::Error>,
}

/// Reads at most `limit` bytes, and one more to know whether there is more.
pub(crate) fn read_capped(reader: impl Read, limit: usize) -> WholeRead {
    let mut bytes = Vec::new();
    let error = reader.take(limit as u64 + 1).read_to_end(&mut bytes).err();
    let cut = bytes.len() > limit;
    bytes.truncate(limit);
    WholeRead {
        bytes,
        cut,
        limit_bytes: limit,
        error,
    }
}

/// The error for a failed read: a truncated or corrupt gzip stream, or plain I/O.
pub(crate) fn read_error(at: &Origin, e: io::Error) -> IngestError {
    let at = at.clone();
    if let Some(stopped) = e
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<BombStopped>())
    {
        return IngestError::DecompressionBomb {
            at,
            compressed_bytes: stopped.compressed_bytes,
            decompressed_bytes: stopped.decompressed_bytes,
        };
    }
    let gzip = e
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<GzipFailure>())
        .is_some();
    match (gzip, e.kind()) {
        (true, io::ErrorKind::UnexpectedEof) => IngestError::Truncated {
            at,
            what: "gzip stream".into(),
        },
        (true, _) => {
            let message = e.get_ref().map(ToString::to_string).unwrap_or_default();
            IngestError::Corrupt {
                at,
                what: "gzip stream",
                message,
            }
        }
        (false, io::ErrorKind::UnexpectedEof) => IngestError::Truncated {
            at,
            what: "input".into(),
        },
        (false, _) => IngestError::Io { at, source: e },
    }
}

/// Plain text: the whole source is one article, id = content hash.
fn read_text(read: WholeRead, at: &Origin, options: &ReadOptions) -> Vec<Result<Article>> {
    if let Some(e) = read.error {
        return vec![Err(read_error(at, e))];
    }
    if looks_binary(&read.bytes) {
        return vec![Err(IngestError::Binary { at: at.clone() })];
    }
    let mut items = Vec::new();
    let decoded = match decode(&read.bytes, None, read.cut, at) {
        Ok(decoded) => decoded,
        Err(e) => return vec![Err(e)],
    };
    items.extend(decoded.warning.map(Err));
    if read.cut {
        items.push(Err(IngestError::Cut {
            at: at.clone(),
            what: "text",
            limit_bytes: read.limit_bytes,
        }));
    }
    let mut warnings = Vec::new();
    let article = check_text(decoded.text, at, options, &mut warnings).map(|text| Article {
        id: ArticleId::from_content(&text),
        text,
        published: options.default_published,
        title: None,
        url: None,
        source: None,
    });
    items.extend(warnings.into_iter().map(Err));
    items.push(article);
    items
}

/// An HTML page: one article, id = content hash of the extracted text.
fn read_html(read: WholeRead, at: &Origin, options: &ReadOptions) -> Vec<Result<Article>> {
    if let Some(e) = read.error {
        return vec![Err(read_error(at, e))];
    }
    let mut warnings = Vec::new();
    if read.cut {
        warnings.push(IngestError::Cut {
            at: at.clone(),
            what: "HTML page",
            limit_bytes: read.limit_bytes,
        });
    }
    let article =
        html::read_page(&read.bytes, read.cut, None, at, &mut warnings).and_then(|page| {
            let text = check_text(page.text, at, options, &mut warnings)?;
            Ok(Article {
                id: ArticleId::from_content(&text),
                text,
                published: page.meta.published.or(options.default_published),
                title: page.meta.title,
                url: page.meta.url,
                source: page.meta.source,
            })
        });
    let mut items: Vec<_> = warnings.into_iter().map(Err).collect();
    items.push(article);
    items
}
