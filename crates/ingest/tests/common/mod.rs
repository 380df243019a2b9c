//! Helpers shared by the integration tests: temp files, gzip, WARC records, reading.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::Compression;
use flate2::write::GzEncoder;
use sitrep_ingest::{IngestError, Input, ReadOptions, Severity, read_input};
use sitrep_model::Article;
use warc::{RecordBuilder, RecordType, WarcHeader, WarcWriter};

/// Writes `bytes` to `dir/name` (creating parent directories) and returns the path.
pub fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Gzips bytes as one member.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// Everything read from a file: articles, errors and warnings apart.
#[derive(Debug, Default)]
pub struct Read {
    pub articles: Vec<Article>,
    pub errors: Vec<IngestError>,
    pub warnings: Vec<IngestError>,
}

impl Read {
    pub fn error_messages(&self) -> Vec<String> {
        self.errors.iter().map(ToString::to_string).collect()
    }

    pub fn only_article(&self) -> &Article {
        assert!(
            self.errors.is_empty(),
            "unexpected errors: {:?}",
            self.error_messages()
        );
        assert_eq!(
            self.articles.len(),
            1,
            "expected one article, got {:?}",
            self.articles
        );
        &self.articles[0]
    }
}

pub fn read_path(path: &Path, options: &ReadOptions) -> Read {
    collect(read_input(&Input::Path(path.to_path_buf()), options))
}

pub fn collect(items: impl Iterator<Item = Result<Article, IngestError>>) -> Read {
    let mut read = Read::default();
    for item in items {
        match item {
            Ok(article) => read.articles.push(article),
            Err(e) if e.severity() == Severity::Warning => read.warnings.push(e),
            Err(e) => read.errors.push(e),
        }
    }
    read
}

/// Whitespace collapsed: paragraphs compare equal across formats whatever their breaks.
pub fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One WARC record, as the `warc` crate writes it.
pub struct WarcRecord<'a> {
    pub record_type: RecordType,
    pub target_uri: Option<&'a str>,
    pub content_type: &'a str,
    pub date: &'a str,
    pub body: Vec<u8>,
}

impl WarcRecord<'_> {
    /// A `response` record of an HTTP response with the given status, content type and body.
    pub fn response<'a>(
        uri: &'a str,
        status: &str,
        content_type: &str,
        body: &[u8],
    ) -> WarcRecord<'a> {
        let mut http =
            format!("HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nServer: test\r\n\r\n")
                .into_bytes();
        http.extend_from_slice(body);
        WarcRecord {
            record_type: RecordType::Response,
            target_uri: Some(uri),
            content_type: "application/http; msgtype=response",
            date: "2015-04-14T08:00:00Z",
            body: http,
        }
    }

    /// The record's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        // A stable id, so tests can name it.
        let id = format!(
            "<urn:sitrep-test:{}:{}>",
            self.record_type,
            self.target_uri.unwrap_or("none")
        );
        let mut builder = RecordBuilder::default()
            .warc_id(id)
            .warc_type(self.record_type.clone())
            .header(WarcHeader::Date, self.date)
            .header(WarcHeader::ContentType, self.content_type)
            .body(self.body.clone());
        if let Some(uri) = self.target_uri {
            builder = builder.header(WarcHeader::TargetURI, uri);
        }
        let record = builder.build().unwrap();
        let mut out = Vec::new();
        WarcWriter::new(&mut out).write(&record).unwrap();
        out
    }
}

/// A WARC file of the records, plain or with each record gzipped as its own member (as
/// `.warc.gz` files are written).
pub fn warc_file(records: &[WarcRecord<'_>], gzipped: bool) -> Vec<u8> {
    records
        .iter()
        .flat_map(|r| {
            if gzipped {
                gzip(&r.to_bytes())
            } else {
                r.to_bytes()
            }
        })
        .collect()
}
