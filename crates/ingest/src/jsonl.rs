//! JSON Lines: one article record per line, read as a stream.
//!
//! Each line is an [`ArticleRecord`] (`{"id", "text", "published"?, "title"?, "url"?,
//! "source"?}`, unknown keys ignored). Blank lines are skipped. A bad line gives one error that
//! names the file, the line and, when it can be read, the record's id; reading goes on with the
//! next line. A record's `published` wins over [`ReadOptions::default_published`]; an invalid
//! one is an error for that record. A record without an id gets the content hash of its text.
//!
//! Also accepted, with the same per-record errors: a JSON array of records (`[{…}, {…}]`),
//! and records pretty-printed over several lines (a sequence of JSON objects separated by
//! whitespace), both read as a stream too.
//!
//! Memory: one line (or record) at a time, each at most [`ReadOptions::max_document_bytes`];
//! a longer one is skipped with [`IngestError::TooLarge`] without being held in memory.

use std::collections::VecDeque;
use std::io::{self, BufRead, Cursor, Read};

use serde_json::Value;
use sitrep_model::{Article, ArticleId, ArticleRecord, parse_published};

use crate::ReadOptions;
use crate::article_text::check_text;
use crate::error::{IngestError, Origin, RecordRef, Result};
use crate::source::read_error;

/// How the records are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layout {
    /// One record per line.
    Lines,
    /// One JSON array of records.
    Array,
}

/// The stream of articles of a JSON Lines source.
pub(crate) struct JsonRecords {
    reader: Box<dyn BufRead + Send>,
    origin: Origin,
    options: ReadOptions,
    mode: Mode,
    line_no: u64,
    buf: Vec<u8>,
    pending: VecDeque<Result<Article>>,
    done: bool,
    seen_record: bool,
}

enum Mode {
    Lines,
    Values(ValueSplitter),
}

impl JsonRecords {
    pub(crate) fn new(
        reader: Box<dyn BufRead + Send>,
        layout: Layout,
        origin: Origin,
        options: ReadOptions,
    ) -> Self {
        let mode = match layout {
            Layout::Lines => Mode::Lines,
            Layout::Array => Mode::Values(ValueSplitter::new(Separator::Array, 1)),
        };
        JsonRecords {
            reader,
            origin,
            options,
            mode,
            line_no: 0,
            buf: Vec::new(),
            pending: VecDeque::new(),
            done: false,
            seen_record: false,
        }
    }

    fn read_line(&mut self) {
        self.buf.clear();
        let limit = self.options.max_document_bytes;
        match read_line_capped(&mut self.reader, &mut self.buf, limit) {
            Err(e) => {
                self.pending
                    .push_back(Err(read_error(&self.origin.at_line(self.line_no + 1), e)));
                self.done = true;
            }
            Ok(LineRead::Eof) => self.done = true,
            Ok(LineRead::TooLong) => {
                self.line_no += 1;
                self.seen_record = true;
                let at = self.origin.at_line(self.line_no);
                self.pending.push_back(Err(IngestError::TooLarge {
                    at,
                    what: "line",
                    limit_bytes: limit,
                }));
            }
            Ok(LineRead::Line) => {
                self.line_no += 1;
                let mut line = trim_line(&self.buf);
                if self.line_no == 1 {
                    line = line.strip_prefix(b"\xef\xbb\xbf").unwrap_or(line);
                }
                if line.iter().all(u8::is_ascii_whitespace) {
                    return;
                }
                let at = self.origin.at_line(self.line_no);
                let first = !self.seen_record;
                self.seen_record = true;
                if first && starts_incomplete_value(line) {
                    self.switch_to_values();
                    return;
                }
                record_to_articles(line, at, None, &self.options, &mut self.pending);
            }
        }
    }

    /// The first record does not end on its line: records are pretty-printed. Reads the rest
    /// of the source as a sequence of JSON values, starting again at this line.
    fn switch_to_values(&mut self) {
        let rest = std::mem::replace(&mut self.reader, Box::new(io::empty()));
        let line = std::mem::take(&mut self.buf);
        self.reader = Box::new(io::BufReader::new(Cursor::new(line).chain(rest)));
        self.mode = Mode::Values(ValueSplitter::new(Separator::Whitespace, self.line_no));
    }

    fn read_value(&mut self) {
        let Mode::Values(splitter) = &mut self.mode else {
            return;
        };
        let limit = self.options.max_document_bytes;
        match splitter.next_value(&mut self.reader, &mut self.buf, limit) {
            Err(SplitError::Io(e)) => {
                let at = self.origin.at_line(splitter.line);
                self.pending.push_back(Err(read_error(&at, e)));
                self.done = true;
            }
            Err(SplitError::Syntax(message)) => {
                let at = self.origin.at_line(splitter.line);
                self.pending
                    .push_back(Err(IngestError::Json { at, message }));
                self.done = true;
            }
            Ok(Split::End) => self.done = true,
            Ok(Split::TooLong { line }) => {
                let at = self.origin.at_line(line);
                self.pending.push_back(Err(IngestError::TooLarge {
                    at,
                    what: "record",
                    limit_bytes: limit,
                }));
            }
            Ok(Split::Value { line, number }) => {
                let at = self.origin.at_line(line);
                let value = std::mem::take(&mut self.buf);
                record_to_articles(&value, at, Some(number), &self.options, &mut self.pending);
                self.buf = value;
            }
        }
    }
}

impl Iterator for JsonRecords {
    type Item = Result<Article>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            if self.done {
                return None;
            }
            match self.mode {
                Mode::Lines => self.read_line(),
                Mode::Values(_) => self.read_value(),
            }
        }
    }
}

/// Whether a line is the start of a JSON value that continues on later lines.
fn starts_incomplete_value(line: &[u8]) -> bool {
    match serde_json::from_slice::<Value>(line) {
        Err(e) => e.is_eof(),
        Ok(_) => false,
    }
}

/// Turns one record (its JSON bytes) into an article or an error, pushed to `out` with any
/// warnings. `number` is the record's position when records are not one per line.
fn record_to_articles(
    json: &[u8],
    at: Origin,
    number: Option<u64>,
    options: &ReadOptions,
    out: &mut VecDeque<Result<Article>>,
) {
    let name = |id: Option<&str>| -> Option<RecordRef> {
        let id = id.filter(|id| !id.is_empty()).map(str::to_string);
        match (number, id) {
            (None, Some(id)) => Some(RecordRef::Id(id)),
            (None, None) => None,
            (Some(number), id) => Some(RecordRef::Numbered {
                kind: "record",
                number,
                label: id.map(|id| format!("id {id:?}")),
            }),
        }
    };
    let named = |at: &Origin, id: Option<&str>| match name(id) {
        Some(record) => at.with_record(record),
        None => at.clone(),
    };
    match serde_json::from_slice::<ArticleRecord>(json) {
        Ok(record) => {
            let at = named(&at, record.id.as_deref());
            let mut warnings = Vec::new();
            let article = article_from_record(record, &at, options, &mut warnings);
            out.extend(warnings.into_iter().map(Err));
            out.push_back(article);
        }
        Err(e) => {
            let value = serde_json::from_slice::<Value>(json).ok();
            let id = value
                .as_ref()
                .and_then(|v| v.get("id"))
                .and_then(Value::as_str);
            let at = named(&at, id);
            let error = if value.as_ref().is_some_and(|v| !v.is_object()) {
                IngestError::Json {
                    at,
                    message: "expected an object (an article record)".into(),
                }
            } else {
                json_error(at, &e)
            };
            out.push_back(Err(error));
        }
    }
}

fn json_error(at: Origin, e: &serde_json::Error) -> IngestError {
    let message = e.to_string();
    if let Some(rest) = message.strip_prefix("missing field `")
        && let Some((field, _)) = rest.split_once('`')
    {
        return IngestError::MissingField {
            at,
            field: field.to_string(),
        };
    }
    // Within one record the line is already named; keep the column.
    let message = match message.rfind(" at line ") {
        Some(i) => format!("{} at column {}", &message[..i], e.column()),
        None => message,
    };
    IngestError::Json { at, message }
}

/// Checks a record and makes its article.
pub(crate) fn article_from_record(
    record: ArticleRecord,
    at: &Origin,
    options: &ReadOptions,
    warnings: &mut Vec<IngestError>,
) -> Result<Article> {
    let published = match record.published.as_deref().map(str::trim) {
        Some(value) if !value.is_empty() => {
            Some(
                parse_published(value).map_err(|source| IngestError::InvalidPublished {
                    at: at.clone(),
                    source,
                })?,
            )
        }
        _ => options.default_published,
    };
    let text = check_text(record.text, at, options, warnings)?;
    let id = match record.id.filter(|id| !id.trim().is_empty()) {
        Some(id) => ArticleId::new(id),
        None => ArticleId::from_content(&text),
    };
    let nonempty = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
    Ok(Article {
        id,
        text,
        published,
        title: nonempty(record.title),
        url: nonempty(record.url),
        source: nonempty(record.source),
    })
}

/// A line without its line ending.
fn trim_line(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

enum LineRead {
    Line,
    TooLong,
    Eof,
}

/// Reads one line (with its `\n`) into `buf`, holding at most `limit` bytes: a longer line is
/// read through without being kept, and reported as [`LineRead::TooLong`].
fn read_line_capped(
    reader: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<LineRead> {
    let mut overflow = false;
    let mut any = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(match (any, overflow) {
                (false, _) => LineRead::Eof,
                (true, true) => LineRead::TooLong,
                (true, false) => LineRead::Line,
            });
        }
        any = true;
        let (n, found) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        if !overflow {
            if buf.len() + n > limit {
                overflow = true;
                buf.clear();
            } else {
                buf.extend_from_slice(&available[..n]);
            }
        }
        reader.consume(n);
        if found {
            return Ok(if overflow {
                LineRead::TooLong
            } else {
                LineRead::Line
            });
        }
    }
}

/// What separates top-level values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Separator {
    /// Inside a JSON array: commas, up to the closing `]`.
    Array,
    /// Whitespace, up to the end of the input.
    Whitespace,
}

enum Split {
    /// A value is in the buffer; it started at `line` and is record `number`.
    Value {
        line: u64,
        number: u64,
    },
    /// A value longer than the limit was read through and dropped.
    TooLong {
        line: u64,
    },
    End,
}

enum SplitError {
    Io(io::Error),
    Syntax(String),
}

/// Cuts a stream of JSON values into one value at a time, without parsing them: it tracks
/// strings, escapes and bracket depth only. Values are parsed (and errors reported) one by one.
struct ValueSplitter {
    separator: Separator,
    opened: bool,
    line: u64,
    number: u64,
}

impl ValueSplitter {
    fn new(separator: Separator, line: u64) -> Self {
        ValueSplitter {
            separator,
            opened: separator == Separator::Whitespace,
            line,
            number: 0,
        }
    }

    fn next_byte(reader: &mut dyn BufRead) -> io::Result<Option<u8>> {
        loop {
            match reader.fill_buf() {
                Ok([]) => return Ok(None),
                Ok(bytes) => {
                    let b = bytes[0];
                    reader.consume(1);
                    return Ok(Some(b));
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        }
    }

    fn next_value(
        &mut self,
        reader: &mut dyn BufRead,
        buf: &mut Vec<u8>,
        limit: usize,
    ) -> std::result::Result<Split, SplitError> {
        buf.clear();
        // Skip to the start of the next value.
        let first = loop {
            let Some(b) = Self::next_byte(reader).map_err(SplitError::Io)? else {
                return match (self.separator, self.opened) {
                    (Separator::Array, true) => {
                        Err(SplitError::Syntax("unexpected end inside the array".into()))
                    }
                    (Separator::Array, false) => Err(SplitError::Syntax("expected `[`".into())),
                    (Separator::Whitespace, _) => Ok(Split::End),
                };
            };
            match b {
                b'\n' => self.line += 1,
                b if b.is_ascii_whitespace() => {}
                0xef | 0xbb | 0xbf if self.number == 0 && !self.opened => {}
                b'[' if !self.opened => self.opened = true,
                b',' if self.separator == Separator::Array && self.opened => {}
                b']' if self.separator == Separator::Array && self.opened => return Ok(Split::End),
                _ if !self.opened => return Err(SplitError::Syntax("expected `[`".into())),
                b => break b,
            }
        };
        self.number += 1;
        let start_line = self.line;
        let mut overflow = false;
        let mut push = |buf: &mut Vec<u8>, b: u8| {
            if overflow {
                return;
            }
            if buf.len() >= limit {
                overflow = true;
                buf.clear();
            } else {
                buf.push(b);
            }
        };
        push(buf, first);
        let (mut depth, mut in_string, mut escaped) = (0usize, first == b'"', false);
        if matches!(first, b'{' | b'[') {
            depth = 1;
        }
        let scalar = depth == 0 && !in_string;
        loop {
            if depth == 0 && !in_string && !scalar {
                break;
            }
            let Some(b) = Self::next_byte(reader).map_err(SplitError::Io)? else {
                if scalar && self.separator == Separator::Whitespace {
                    break;
                }
                return Err(SplitError::Syntax(format!(
                    "unexpected end in record starting at line {start_line}"
                )));
            };
            if b == b'\n' {
                self.line += 1;
            }
            if in_string {
                if escaped {
                    escaped = false;
                } else if b == b'\\' {
                    escaped = true;
                } else if b == b'"' {
                    in_string = false;
                    if scalar {
                        push(buf, b);
                        break;
                    }
                }
                push(buf, b);
                continue;
            }
            if scalar && (b.is_ascii_whitespace() || matches!(b, b',' | b']')) {
                if b == b']' {
                    // End of the array: the next call ends.
                    self.separator = Separator::Whitespace;
                }
                break;
            }
            match b {
                b'"' => in_string = true,
                b'{' | b'[' => depth += 1,
                b'}' | b']' => depth = depth.saturating_sub(1),
                _ => {}
            }
            push(buf, b);
        }
        Ok(if overflow {
            Split::TooLong { line: start_line }
        } else {
            Split::Value {
                line: start_line,
                number: self.number,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &'static [u8], layout: Layout) -> Vec<Result<Article>> {
        let options = ReadOptions {
            default_published: "2015-01-01".parse().ok(),
            ..ReadOptions::default()
        };
        JsonRecords::new(
            Box::new(io::BufReader::new(bytes)),
            layout,
            Origin::source("f.jsonl"),
            options,
        )
        .collect()
    }

    fn messages(items: &[Result<Article>]) -> Vec<String> {
        items
            .iter()
            .map(|r| match r {
                Ok(a) => format!("ok {}", a.id),
                Err(e) => e.to_string(),
            })
            .collect()
    }

    #[test]
    fn a_bad_line_does_not_stop_the_rest() {
        let items = read(
            b"{\"id\":\"a1\",\"text\":\"One.\",\"published\":\"2015-04-13\"}\n\
              \n\
              not json\n\
              {\"id\":\"a17\",\"title\":\"x\"}\n\
              {\"id\":\"a18\",\"text\":\"Two.\",\"published\":\"13/04/2015\"}\n\
              {\"text\":\"Three.\"}\r\n",
            Layout::Lines,
        );
        let m = messages(&items);
        assert_eq!(m[0], "ok a1");
        assert_eq!(m[1], "f.jsonl:3: invalid JSON: expected ident at column 2");
        assert_eq!(m[2], "f.jsonl:4: record \"a17\": missing field \"text\"");
        assert!(
            m[3].starts_with("f.jsonl:5: record \"a18\": invalid published date \"13/04/2015\""),
            "{}",
            m[3]
        );
        assert_eq!(m[4], format!("ok {}", ArticleId::from_content("Three.")));
        assert_eq!(items.len(), 5);
        let first = items[0].as_ref().unwrap();
        assert_eq!(first.published, "2015-04-13".parse().ok());
        let last = items[4].as_ref().unwrap();
        assert_eq!(last.published, "2015-01-01".parse().ok());
    }

    #[test]
    fn arrays_are_read_record_by_record() {
        let items = read(b"[\n {\"id\":\"a\",\"text\":\"One, ] \\\" [\"},\n {\"id\":\"b\"},\n 3,\n {\"text\":\"Two.\"}\n]\n", Layout::Array);
        let m = messages(&items);
        assert_eq!(m[0], "ok a");
        assert_eq!(
            m[1],
            "f.jsonl:3: record 2 (id \"b\"): missing field \"text\""
        );
        assert_eq!(
            m[2],
            "f.jsonl:4: record 3: invalid JSON: expected an object (an article record)"
        );
        assert!(m[3].starts_with("ok sha256:"));
        assert_eq!(items[0].as_ref().unwrap().text, "One, ] \" [");
    }

    #[test]
    fn pretty_printed_records_are_read() {
        let items = read(
            b"{\n  \"id\": \"a\",\n  \"text\": \"One.\"\n}\n{\n  \"id\": \"b\"\n}\n",
            Layout::Lines,
        );
        let m = messages(&items);
        assert_eq!(
            m,
            [
                "ok a",
                "f.jsonl:5: record 2 (id \"b\"): missing field \"text\""
            ]
        );
    }

    #[test]
    fn overlong_lines_are_skipped_without_being_kept() {
        let options = ReadOptions {
            max_document_bytes: 64,
            ..ReadOptions::default()
        };
        let long = format!(
            "{{\"text\":\"{}\"}}\n{{\"id\":\"b\",\"text\":\"ok\"}}\n",
            "x".repeat(200)
        );
        let items: Vec<_> = JsonRecords::new(
            Box::new(io::BufReader::new(Cursor::new(long.into_bytes()))),
            Layout::Lines,
            Origin::source("f.jsonl"),
            options,
        )
        .collect();
        let m = messages(&items);
        assert_eq!(m, ["f.jsonl:1: line longer than 64 bytes; skipped", "ok b"]);
    }
}
