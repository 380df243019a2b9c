//! `read_input` on arbitrary bytes never panics, whatever format they look like.

mod common;

use std::path::Path;

use proptest::prelude::*;
use sitrep_ingest::{Input, ReadOptions, detect_format, read_input, read_reader};

/// Prefixes that steer arbitrary bytes into each reader.
const PREFIXES: &[&[u8]] = &[
    b"",
    b"WARC/1.0\r\n",
    b"WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 40\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
    b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03",
    b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><description>",
    b"<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><content type=\"html\">",
    b"{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [",
    b"<!DOCTYPE html><html><head><meta charset=",
    b"{\"id\": \"a\", \"text\": \"",
    b"[{\"text\": ",
    b"{\n",
    b"\xff\xfe<\x00h\x00",
];

const HINTS: &[&str] = &["x.txt", "x.html", "x.jsonl", "x.rss", "x.warc.gz", "x"];

fn options() -> ReadOptions {
    // Small limits reach the cutting paths with small inputs.
    ReadOptions {
        max_article_bytes: 64,
        max_document_bytes: 256,
        ..ReadOptions::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic(
        prefix in 0..PREFIXES.len(),
        hint in 0..HINTS.len(),
        body in proptest::collection::vec(any::<u8>(), 0..600),
        text in "\\PC{0,200}",
        use_text in any::<bool>(),
    ) {
        let mut bytes = PREFIXES[prefix].to_vec();
        if use_text {
            bytes.extend_from_slice(text.as_bytes());
        } else {
            bytes.extend_from_slice(&body);
        }
        let hint = Path::new(HINTS[hint]);
        let _ = detect_format(&bytes, Some(hint));
        for options in [options(), ReadOptions::default()] {
            for item in read_reader(std::io::Cursor::new(bytes.clone()), "prop", Some(hint), &options) {
                if let Err(e) = item {
                    prop_assert!(e.to_string().starts_with("prop"), "{}", e);
                }
            }
        }
    }
}

#[test]
fn files_of_arbitrary_bytes_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(64));
    runner
        .run(&proptest::collection::vec(any::<u8>(), 0..2000), |bytes| {
            let path = common::write(dir.path(), "f.dat", &bytes);
            let gz = common::write(dir.path(), "f.dat.gz", common::gzip(&bytes));
            for path in [path, gz] {
                read_input(&Input::Path(path), &options()).for_each(drop);
            }
            Ok(())
        })
        .unwrap();
}
