//! Errors and warnings of ingest, each naming where it happened.
//!
//! Every [`IngestError`] carries an [`Origin`]: the source (a path as given, or `<stdin>`), the
//! line for line-based formats, and the record within the source. Its `Display` reads like
//! `feeds/ly.jsonl:41: record "a17": missing field "text"` or
//! `dump.warc.gz: record 12 (WARC-Record-ID <urn:uuid:…>): truncated record body`.
//!
//! Some items are warnings ([`Severity::Warning`]): the article they concern was still read, with
//! a change the user should know about (text cut at the size limit, invalid UTF-8 replaced).

use std::fmt;
use std::sync::Arc;

use sitrep_model::InvalidPublished;

/// The result type of this crate.
pub type Result<T> = std::result::Result<T, IngestError>;

/// Where an error happened: source, line and record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The source: the path as given on the command line, or `<stdin>`.
    pub source: Arc<str>,
    /// The 1-based line, for line-based formats (JSON Lines).
    pub line: Option<u64>,
    /// The record within the source, when the source holds many.
    pub record: Option<RecordRef>,
}

impl Origin {
    /// The origin of a whole source.
    pub fn source(source: impl Into<Arc<str>>) -> Self {
        Origin {
            source: source.into(),
            line: None,
            record: None,
        }
    }

    /// The same source at a 1-based line.
    pub fn at_line(&self, line: u64) -> Self {
        Origin {
            source: self.source.clone(),
            line: Some(line),
            record: None,
        }
    }

    /// The same source and line, naming a record.
    pub fn with_record(&self, record: RecordRef) -> Self {
        Origin {
            source: self.source.clone(),
            line: self.line,
            record: Some(record),
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(record) = &self.record {
            write!(f, ": {record}")?;
        }
        Ok(())
    }
}

/// Which record of a source an error concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordRef {
    /// A record known by its id: `record "a17"`.
    Id(String),
    /// A record known by its 1-based position, with an optional label:
    /// `record 12 (WARC-Record-ID <urn:uuid:…>)`, `entry 3 (id "tag:…")`.
    Numbered {
        /// What the source calls its records: `record`, `entry`.
        kind: &'static str,
        /// 1-based position in the source.
        number: u64,
        /// How the record names itself, when it does.
        label: Option<String>,
    },
}

impl fmt::Display for RecordRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordRef::Id(id) => write!(f, "record {id:?}"),
            RecordRef::Numbered {
                kind,
                number,
                label: None,
            } => write!(f, "{kind} {number}"),
            RecordRef::Numbered {
                kind,
                number,
                label: Some(label),
            } => {
                write!(f, "{kind} {number} ({label})")
            }
        }
    }
}

/// Whether an item stopped an article from being read, or only reports a change to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Severity {
    /// The article (or record, or whole source) was skipped.
    Error,
    /// The article was read; the message says what was changed (cut, replaced characters).
    Warning,
}

/// Everything that can go wrong while reading inputs. Every variant names its [`Origin`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IngestError {
    /// A path given on the command line does not exist.
    #[error("{at}: no such file or directory")]
    NotFound {
        /// The path.
        at: Origin,
    },
    /// A glob pattern matched no file.
    #[error("{at}: no file matches this pattern")]
    NoMatch {
        /// The pattern.
        at: Origin,
    },
    /// A glob pattern is not valid.
    #[error("{at}: invalid glob pattern: {message}")]
    Pattern {
        /// The pattern.
        at: Origin,
        /// What is wrong with it.
        message: String,
    },
    /// Reading failed.
    #[error("{at}: {source}")]
    Io {
        /// What was being read.
        at: Origin,
        /// The cause.
        source: std::io::Error,
    },
    /// A JSON record is not valid JSON, or a field has the wrong type.
    #[error("{at}: invalid JSON: {message}")]
    Json {
        /// The record.
        at: Origin,
        /// The parser's message.
        message: String,
    },
    /// A record lacks a required field.
    #[error("{at}: missing field {field:?}")]
    MissingField {
        /// The record.
        at: Origin,
        /// The field's name.
        field: String,
    },
    /// A record's `published` is neither a date nor an RFC 3339 timestamp.
    #[error("{at}: {source}")]
    InvalidPublished {
        /// The record.
        at: Origin,
        /// The value and what was expected.
        source: InvalidPublished,
    },
    /// The input is binary data (NUL or control bytes, a known binary format), not text.
    #[error("{at}: binary data, not text; skipped")]
    Binary {
        /// The source or record.
        at: Origin,
    },
    /// The input, record or entry has no text.
    #[error("{at}: empty: no text")]
    Empty {
        /// The source or record.
        at: Origin,
    },
    /// The bytes are not UTF-8 (more than 1% invalid), and no declared charset decodes them.
    #[error("{at}: not UTF-8 and no charset could decode it")]
    NotUtf8 {
        /// The source or record.
        at: Origin,
    },
    /// Warning: a few invalid bytes were replaced with U+FFFD.
    #[error("{at}: warning: {invalid_bytes} invalid {encoding} byte(s) replaced with U+FFFD")]
    Lossy {
        /// The source or record.
        at: Origin,
        /// The encoding the bytes were decoded as.
        encoding: &'static str,
        /// How many bytes were invalid.
        invalid_bytes: usize,
    },
    /// Warning: the text or document was longer than the limit and was cut.
    #[error(
        "{at}: warning: {what} longer than {limit_bytes} bytes; only the first {limit_bytes} bytes were read"
    )]
    Cut {
        /// The source or record.
        at: Origin,
        /// What was cut (`text`, `HTML page`).
        what: &'static str,
        /// The limit in force.
        limit_bytes: usize,
    },
    /// A record is larger than the limit and was skipped.
    #[error("{at}: {what} longer than {limit_bytes} bytes; skipped")]
    TooLarge {
        /// The record.
        at: Origin,
        /// What was skipped (`line`).
        what: &'static str,
        /// The limit in force.
        limit_bytes: usize,
    },
    /// The input ends in the middle of something; whatever was complete before was read.
    #[error("{at}: truncated {what}")]
    Truncated {
        /// The source or record.
        at: Origin,
        /// What was cut short (`gzip stream`, `record body`, `feed`).
        what: String,
    },
    /// A gzip stream expands far more than text does: reading it stopped.
    #[error(
        "{at}: gzip stream stopped as a decompression bomb: {decompressed_bytes} bytes out of \
         {compressed_bytes} compressed (see ReadOptions::max_gzip_ratio)"
    )]
    DecompressionBomb {
        /// The source.
        at: Origin,
        /// Compressed bytes read when it stopped.
        compressed_bytes: u64,
        /// Bytes decompressed by then.
        decompressed_bytes: u64,
    },
    /// Compressed data is corrupt.
    #[error("{at}: corrupt {what}: {message}")]
    Corrupt {
        /// The source.
        at: Origin,
        /// What is corrupt (`gzip stream`).
        what: &'static str,
        /// The decoder's message.
        message: String,
    },
    /// A feed could not be parsed.
    #[error("{at}: invalid feed: {message}")]
    Feed {
        /// The source.
        at: Origin,
        /// The parser's message.
        message: String,
    },
    /// A WARC file is malformed; records after this point cannot be read.
    #[error("{at}: invalid WARC: {message}")]
    Warc {
        /// The source and record.
        at: Origin,
        /// What is wrong.
        message: String,
    },
    /// A record uses something this crate cannot read (e.g. a content encoding).
    #[error("{at}: unsupported {what}")]
    Unsupported {
        /// The source or record.
        at: Origin,
        /// What is not supported.
        what: String,
    },
}

impl IngestError {
    /// Where the error happened.
    pub fn origin(&self) -> &Origin {
        match self {
            IngestError::NotFound { at }
            | IngestError::NoMatch { at }
            | IngestError::Pattern { at, .. }
            | IngestError::Io { at, .. }
            | IngestError::Json { at, .. }
            | IngestError::MissingField { at, .. }
            | IngestError::InvalidPublished { at, .. }
            | IngestError::Binary { at }
            | IngestError::Empty { at }
            | IngestError::NotUtf8 { at }
            | IngestError::Lossy { at, .. }
            | IngestError::Cut { at, .. }
            | IngestError::TooLarge { at, .. }
            | IngestError::Truncated { at, .. }
            | IngestError::Corrupt { at, .. }
            | IngestError::DecompressionBomb { at, .. }
            | IngestError::Feed { at, .. }
            | IngestError::Warc { at, .. }
            | IngestError::Unsupported { at, .. } => at,
        }
    }

    /// Whether the article concerned was skipped ([`Severity::Error`]) or read with a change
    /// ([`Severity::Warning`]: [`IngestError::Lossy`], [`IngestError::Cut`]).
    pub fn severity(&self) -> Severity {
        match self {
            IngestError::Lossy { .. } | IngestError::Cut { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_errors_name_file_line_and_record() {
        let at = Origin::source("feeds/ly.jsonl")
            .at_line(41)
            .with_record(RecordRef::Id("a17".into()));
        let err = IngestError::MissingField {
            at,
            field: "text".into(),
        };
        assert_eq!(
            err.to_string(),
            r#"feeds/ly.jsonl:41: record "a17": missing field "text""#
        );
        assert_eq!(err.severity(), Severity::Error);
    }

    #[test]
    fn warc_errors_name_the_record_number_and_id() {
        let at = Origin::source("dump.warc.gz").with_record(RecordRef::Numbered {
            kind: "record",
            number: 12,
            label: Some("WARC-Record-ID <urn:uuid:1>".into()),
        });
        let err = IngestError::Truncated {
            at,
            what: "record body".into(),
        };
        assert_eq!(
            err.to_string(),
            "dump.warc.gz: record 12 (WARC-Record-ID <urn:uuid:1>): truncated record body"
        );
    }

    #[test]
    fn cut_and_lossy_are_warnings() {
        let at = Origin::source("a.txt");
        let cut = IngestError::Cut {
            at: at.clone(),
            what: "text",
            limit_bytes: 10,
        };
        assert_eq!(cut.severity(), Severity::Warning);
        let lossy = IngestError::Lossy {
            at,
            encoding: "UTF-8",
            invalid_bytes: 1,
        };
        assert_eq!(lossy.severity(), Severity::Warning);
        assert!(lossy.to_string().starts_with("a.txt: warning:"));
    }
}
