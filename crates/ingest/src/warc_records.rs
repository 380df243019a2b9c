//! WARC files (`.warc`, `.warc.gz`), read a record at a time.
//!
//! Record headers are parsed by the `warc` crate's parser; bodies are streamed here, so that
//! a record of any size is never held whole: at most [`ReadOptions::max_document_bytes`] of a
//! wanted body are kept (with an [`IngestError::Cut`] warning), the rest is read through.
//!
//! Articles come from:
//! - `response` records whose HTTP status is 200 and whose `Content-Type` is HTML: the payload
//!   goes through the HTML reader (transfer and content encodings undone, the HTTP charset
//!   honoured);
//! - `conversion` records of `text/plain` (the extracted text of WET files): the text as is.
//!
//! The article id is the `WARC-Target-URI`: the same page crawled twice keeps one id, so the
//! store sees one article (a re-crawl with changed text is the same article, updated). A record
//! without a target URI gets the content hash. `published` comes from the page's metadata, else
//! the date of `WARC-Date` (the crawl date), else [`ReadOptions::default_published`].
//!
//! Other records are skipped silently. A truncated record ends the file with one
//! [`IngestError::Truncated`] naming the record number and its `WARC-Record-ID`; the records
//! before it are kept. A malformed header block ends the file with [`IngestError::Warc`]: the
//! format offers no way to find the next record reliably.

use std::collections::VecDeque;
use std::io::{self, BufRead, Read};

use flate2::read::{GzDecoder, ZlibDecoder};
use sitrep_model::{Article, ArticleId};
use warc::{RecordType, WarcHeader};

use crate::ReadOptions;
use crate::article_text::check_text;
use crate::dates::date_as_written;
use crate::decode::{charset_param, decode};
use crate::error::{IngestError, Origin, RecordRef, Result};
use crate::html;
use crate::source::read_error;

/// The longest header block read (WARC or HTTP).
const MAX_HEADER_BYTES: usize = 1024 * 1024;

/// The stream of articles of a WARC source.
pub(crate) struct WarcRecords {
    reader: Box<dyn BufRead + Send>,
    origin: Origin,
    options: ReadOptions,
    number: u64,
    pending: VecDeque<Result<Article>>,
    done: bool,
}

/// What a record's header says.
struct RecordHead {
    record_type: RecordType,
    record_id: Option<String>,
    target_uri: Option<String>,
    date: Option<String>,
    content_type: Option<String>,
    content_length: u64,
}

/// What to do with a record's body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Payload {
    HttpResponse,
    PlainText,
    Skip,
}

impl WarcRecords {
    pub(crate) fn new(
        reader: Box<dyn BufRead + Send>,
        origin: Origin,
        options: ReadOptions,
    ) -> Self {
        WarcRecords {
            reader,
            origin,
            options,
            number: 0,
            pending: VecDeque::new(),
            done: false,
        }
    }

    fn fail(&mut self, error: IngestError) {
        self.pending.push_back(Err(error));
        self.done = true;
    }

    fn read_record(&mut self) {
        match skip_blank_lines(&mut self.reader) {
            Ok(true) => {}
            Ok(false) => {
                self.done = true;
                return;
            }
            Err(e) => return self.fail(read_error(&self.origin, e)),
        }
        self.number += 1;
        let numbered = |label: Option<String>| RecordRef::Numbered {
            kind: "record",
            number: self.number,
            label,
        };
        let at = self.origin.with_record(numbered(None));
        let mut block = Vec::new();
        match read_header_block(&mut self.reader, &mut block) {
            Err(e) => return self.fail(read_error(&at, e)),
            Ok(HeaderBlock::Complete) => {}
            Ok(HeaderBlock::Eof) => {
                return self.fail(IngestError::Truncated {
                    at,
                    what: "record header".into(),
                });
            }
            Ok(HeaderBlock::TooLong) => {
                let message = format!("header block longer than {MAX_HEADER_BYTES} bytes");
                return self.fail(IngestError::Warc { at, message });
            }
        }
        let head = match parse_head(&block) {
            Ok(head) => head,
            Err(message) => return self.fail(IngestError::Warc { at, message }),
        };
        let label = head
            .record_id
            .as_ref()
            .map(|id| format!("WARC-Record-ID {id}"));
        let at = self.origin.with_record(numbered(label));
        let payload = payload_kind(&head);
        let keep = if payload == Payload::Skip {
            0
        } else {
            head.content_length
                .min(self.options.max_document_bytes as u64)
        };
        let mut body = Vec::new();
        let kept = (&mut self.reader).take(keep).read_to_end(&mut body);
        if let Err(e) = kept {
            return self.fail(read_error(&at, e));
        }
        let rest = head.content_length - body.len() as u64;
        if (body.len() as u64) < keep {
            return self.fail(IngestError::Truncated {
                at,
                what: "record body".into(),
            });
        }
        match io::copy(&mut (&mut self.reader).take(rest), &mut io::sink()) {
            Err(e) => return self.fail(read_error(&at, e)),
            Ok(skipped) if skipped < rest => {
                return self.fail(IngestError::Truncated {
                    at,
                    what: "record body".into(),
                });
            }
            Ok(_) => {}
        }
        let cut = rest > 0 && payload != Payload::Skip;
        let mut warnings = Vec::new();
        if cut {
            warnings.push(IngestError::Cut {
                at: at.clone(),
                what: "record body",
                limit_bytes: self.options.max_document_bytes,
            });
        }
        let article = match payload {
            Payload::Skip => return,
            Payload::HttpResponse => {
                http_article(&head, &body, cut, &at, &self.options, &mut warnings)
            }
            Payload::PlainText => {
                text_article(&head, &body, cut, &at, &self.options, &mut warnings)
            }
        };
        self.pending.extend(warnings.into_iter().map(Err));
        if let Some(article) = article {
            self.pending.push_back(article);
        }
    }
}

impl Iterator for WarcRecords {
    type Item = Result<Article>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            if self.done {
                return None;
            }
            self.read_record();
        }
    }
}

/// Skips the blank lines between records. Returns false at the end of the input.
fn skip_blank_lines(reader: &mut dyn BufRead) -> io::Result<bool> {
    loop {
        let available = match reader.fill_buf() {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(false);
        }
        let blank = available
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        if blank < available.len() {
            reader.consume(blank);
            return Ok(true);
        }
        let n = available.len();
        reader.consume(n);
    }
}

enum HeaderBlock {
    Complete,
    Eof,
    TooLong,
}

/// Reads header lines up to and including the blank line that ends them.
fn read_header_block(reader: &mut dyn BufRead, block: &mut Vec<u8>) -> io::Result<HeaderBlock> {
    loop {
        let start = block.len();
        let n = reader
            .take((MAX_HEADER_BYTES - start) as u64)
            .read_until(b'\n', block)?;
        if n == 0 {
            return Ok(HeaderBlock::Eof);
        }
        let line = &block[start..];
        if line == b"\r\n" || line == b"\n" {
            return Ok(HeaderBlock::Complete);
        }
        if !line.ends_with(b"\n") {
            return Ok(if block.len() >= MAX_HEADER_BYTES {
                HeaderBlock::TooLong
            } else {
                HeaderBlock::Eof
            });
        }
    }
}

fn parse_head(block: &[u8]) -> std::result::Result<RecordHead, String> {
    let (_, (_version, headers, content_length)) = warc::parser::headers(block).map_err(|_| {
        "malformed record header (expected `WARC/1.x` and header lines)".to_string()
    })?;
    let mut head = RecordHead {
        record_type: RecordType::Unknown(String::new()),
        record_id: None,
        target_uri: None,
        date: None,
        content_type: None,
        content_length: content_length as u64,
    };
    let mut has_length = false;
    let mut has_type = false;
    for (name, value) in headers {
        let value = String::from_utf8_lossy(value).trim().to_string();
        match WarcHeader::from(name) {
            WarcHeader::WarcType => {
                head.record_type = RecordType::from(value.as_str());
                has_type = true;
            }
            WarcHeader::RecordID => head.record_id = Some(value),
            WarcHeader::TargetURI => {
                let uri = value
                    .trim_start_matches('<')
                    .trim_end_matches('>')
                    .trim()
                    .to_string();
                head.target_uri = Some(uri).filter(|u| !u.is_empty());
            }
            WarcHeader::Date => head.date = Some(value),
            WarcHeader::ContentType => head.content_type = Some(value),
            WarcHeader::ContentLength => has_length = true,
            _ => {}
        }
    }
    if !has_length {
        return Err("record without Content-Length".into());
    }
    if !has_type {
        return Err("record without WARC-Type".into());
    }
    Ok(head)
}

fn payload_kind(head: &RecordHead) -> Payload {
    let content_type = head
        .content_type
        .as_deref()
        .unwrap_or_default()
        .to_ascii_lowercase();
    match head.record_type {
        RecordType::Response if content_type.starts_with("application/http") => {
            Payload::HttpResponse
        }
        RecordType::Conversion if content_type.starts_with("text/plain") => Payload::PlainText,
        _ => Payload::Skip,
    }
}

/// The article of an HTTP response record, or `None` when the response is not an HTML page
/// with status 200.
fn http_article(
    head: &RecordHead,
    body: &[u8],
    cut: bool,
    at: &Origin,
    options: &ReadOptions,
    warnings: &mut Vec<IngestError>,
) -> Option<Result<Article>> {
    let response = HttpResponse::parse(body)?;
    if response.status != 200 {
        return None;
    }
    let content_type = response
        .header("content-type")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let media_type = content_type.split(';').next().unwrap_or_default().trim();
    let is_html = match media_type {
        "text/html" | "application/xhtml+xml" => true,
        "" => {
            crate::detect_format(
                &response.body[..response.body.len().min(crate::format::HEAD_BYTES)],
                None,
            ) == crate::Format::Html
        }
        _ => false,
    };
    if !is_html {
        return None;
    }
    let payload = match response.decoded_body(options.max_document_bytes, cut) {
        Ok(payload) => payload,
        Err(e) => return Some(Err(e.into_error(at))),
    };
    let charset = charset_param(content_type.as_bytes());
    let page = match html::read_page(&payload, cut, charset.as_deref(), at, warnings) {
        Ok(page) => page,
        Err(e) => return Some(Err(e)),
    };
    let text = match check_text(page.text, at, options, warnings) {
        Ok(text) => text,
        Err(e) => return Some(Err(e)),
    };
    let id = match &head.target_uri {
        Some(uri) => ArticleId::new(uri.as_str()),
        None => ArticleId::from_content(&text),
    };
    let crawl_date = head.date.as_deref().and_then(date_as_written);
    Some(Ok(Article {
        id,
        text,
        published: page
            .meta
            .published
            .or(crawl_date)
            .or(options.default_published),
        title: page.meta.title,
        url: head.target_uri.clone().or(page.meta.url),
        source: page.meta.source,
    }))
}

/// The article of a `conversion` record of plain text.
fn text_article(
    head: &RecordHead,
    body: &[u8],
    cut: bool,
    at: &Origin,
    options: &ReadOptions,
    warnings: &mut Vec<IngestError>,
) -> Option<Result<Article>> {
    let article = (|| {
        let charset = head
            .content_type
            .as_deref()
            .and_then(|ct| charset_param(ct.as_bytes()));
        let decoded = decode(body, charset.as_deref(), cut, at)?;
        warnings.extend(decoded.warning);
        let text = check_text(decoded.text, at, options, warnings)?;
        let id = match &head.target_uri {
            Some(uri) => ArticleId::new(uri.as_str()),
            None => ArticleId::from_content(&text),
        };
        Ok(Article {
            id,
            text,
            published: head
                .date
                .as_deref()
                .and_then(date_as_written)
                .or(options.default_published),
            title: None,
            url: head.target_uri.clone(),
            source: None,
        })
    })();
    Some(article)
}

/// An HTTP response as stored in a WARC record.
struct HttpResponse<'a> {
    status: u16,
    headers: Vec<(String, String)>,
    body: &'a [u8],
}

enum PayloadError {
    Unsupported(String),
    Corrupt(io::Error),
}

impl PayloadError {
    fn into_error(self, at: &Origin) -> IngestError {
        match self {
            PayloadError::Unsupported(what) => IngestError::Unsupported {
                at: at.clone(),
                what,
            },
            PayloadError::Corrupt(e) => IngestError::Corrupt {
                at: at.clone(),
                what: "HTTP payload",
                message: e.to_string(),
            },
        }
    }
}

impl<'a> HttpResponse<'a> {
    /// Parses status line and headers; `None` when the bytes are not an HTTP response.
    fn parse(bytes: &'a [u8]) -> Option<Self> {
        let window = &bytes[..bytes.len().min(MAX_HEADER_BYTES)];
        let (head_len, body_start) = match window.windows(4).position(|w| w == b"\r\n\r\n") {
            Some(i) => (i, i + 4),
            None => {
                let i = window.windows(2).position(|w| w == b"\n\n")?;
                (i, i + 2)
            }
        };
        let head = String::from_utf8_lossy(&bytes[..head_len]);
        let mut lines = head.lines();
        let status_line = lines.next()?;
        let mut parts = status_line.split_whitespace();
        if !parts.next()?.starts_with("HTTP/") {
            return None;
        }
        let status = parts.next()?.parse().ok()?;
        let headers = lines
            .filter_map(|line| line.split_once(':'))
            .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_string()))
            .collect();
        Some(HttpResponse {
            status,
            headers,
            body: &bytes[body_start..],
        })
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The body with transfer and content encodings undone, at most `limit` bytes.
    /// `cut` says the body was cut at the size limit.
    fn decoded_body(&self, limit: usize, cut: bool) -> std::result::Result<Vec<u8>, PayloadError> {
        let chunked = self
            .header("transfer-encoding")
            .is_some_and(|te| te.to_ascii_lowercase().contains("chunked"));
        // Crawlers often store the body already de-chunked but keep the header: only undo
        // chunking when the body really is chunked.
        let body = if chunked {
            dechunk(self.body).unwrap_or_else(|| self.body.to_vec())
        } else {
            self.body.to_vec()
        };
        let encoding = self
            .header("content-encoding")
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        // A body cut at the size limit ends mid-stream: keep what decompresses.
        let capped = |reader: &mut dyn Read| -> std::result::Result<Vec<u8>, PayloadError> {
            let mut out = Vec::new();
            match reader.take(limit as u64).read_to_end(&mut out) {
                Ok(_) => Ok(out),
                Err(_) if cut && !out.is_empty() => Ok(out),
                Err(e) => Err(PayloadError::Corrupt(e)),
            }
        };
        let is_gzip = body.starts_with(&[0x1f, 0x8b]);
        match encoding.as_str() {
            "" | "identity" | "none" => Ok(body),
            // Some crawlers decode the body and keep the header; trust the magic bytes.
            "gzip" | "x-gzip" if is_gzip => capped(&mut GzDecoder::new(&body[..])),
            "gzip" | "x-gzip" => Ok(body),
            // "deflate" is zlib-wrapped by the standard, raw deflate by some servers.
            "deflate" => capped(&mut ZlibDecoder::new(&body[..]))
                .or_else(|_| capped(&mut flate2::read::DeflateDecoder::new(&body[..]))),
            other => Err(PayloadError::Unsupported(format!(
                "content encoding {other:?}"
            ))),
        }
    }
}

/// Undoes HTTP chunked transfer encoding; `None` when the body is not validly chunked.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let line_end = body.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&body[..line_end]).ok()?;
        let size_text = size_text.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        body = &body[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size..)?;
        body = body.strip_prefix(b"\r\n")?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(
            dechunk(b"5\r\nHello\r\n6;x=y\r\n world\r\n0\r\n\r\n").as_deref(),
            Some(&b"Hello world"[..])
        );
        assert_eq!(dechunk(b"<html>"), None);
    }

    #[test]
    fn http_responses_parse() {
        let r = HttpResponse::parse(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>x",
        )
        .unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
        assert_eq!(r.body, b"<p>x");
        assert!(HttpResponse::parse(b"garbage").is_none());
    }
}
