//! Bad input: each problem is one error naming its source, and the batch goes on.

mod common;

use common::{Read, WarcRecord, collect, gzip, read_path, warc_file, write};
use sitrep_ingest::{IngestError, Input, ReadOptions, Severity, expand_inputs, read_input};

fn options() -> ReadOptions {
    ReadOptions::default()
}

fn page(n: usize) -> String {
    format!(
        "<html><body><p>Article number {n}: gunmen attacked a checkpoint outside the city.</p></body></html>"
    )
}

/// One error, whose message starts with the file's path.
fn single_error(read: &Read, path: &std::path::Path) -> String {
    assert_eq!(read.errors.len(), 1, "{:?}", read.error_messages());
    let message = read.errors[0].to_string();
    assert!(
        message.starts_with(&path.display().to_string()),
        "{message}"
    );
    message
}

#[test]
fn an_empty_file_is_one_error() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("empty.txt", ""),
        ("blank.txt", " \n\t\n"),
        ("empty.html", "<html><body><nav>Home</nav></body></html>"),
    ] {
        let path = write(dir.path(), name, bytes);
        let read = read_path(&path, &options());
        assert!(read.articles.is_empty());
        let message = single_error(&read, &path);
        assert!(message.ends_with(": empty: no text"), "{message}");
    }
}

#[test]
fn binary_junk_is_one_error() {
    let dir = tempfile::tempdir().unwrap();
    let junk: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    for (name, bytes) in [
        ("junk.txt", junk.clone()),
        ("junk.html", junk.clone()),
        ("doc.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj".to_vec()),
    ] {
        let path = write(dir.path(), name, bytes);
        let read = read_path(&path, &options());
        assert!(read.articles.is_empty());
        assert!(
            matches!(read.errors[..], [IngestError::Binary { .. }]),
            "{:?}",
            read.error_messages()
        );
        assert_eq!(
            single_error(&read, &path),
            format!("{}: binary data, not text; skipped", path.display())
        );
    }
}

#[test]
fn invalid_utf8_is_rejected_or_replaced() {
    let dir = tempfile::tempdir().unwrap();
    // Latin-1 text: many invalid bytes, no charset: rejected.
    let path = write(
        dir.path(),
        "latin1.txt",
        b"Le caf\xe9 a \xe9t\xe9 attaqu\xe9 \xe0 Paris.",
    );
    let read = read_path(&path, &options());
    assert!(read.articles.is_empty());
    assert_eq!(
        single_error(&read, &path),
        format!(
            "{}: not UTF-8 and no charset could decode it",
            path.display()
        )
    );
    // Same as a page without a charset.
    let path = write(
        dir.path(),
        "page.html",
        b"<html><body><p>Le caf\xe9 a \xe9t\xe9 attaqu\xe9 \xe0 Paris.</p></body></html>",
    );
    let read = read_path(&path, &options());
    assert_eq!(
        single_error(&read, &path),
        format!(
            "{}: not UTF-8 and no charset could decode it",
            path.display()
        )
    );
    // One broken byte in a long text: kept, replaced, with a warning.
    let mut text = "Gunmen attacked a checkpoint. ".repeat(10).into_bytes();
    text.push(0xff);
    let path = write(dir.path(), "broken.txt", &text);
    let read = read_path(&path, &options());
    assert!(read.errors.is_empty());
    assert!(read.articles[0].text.ends_with('\u{fffd}'));
    assert_eq!(read.warnings.len(), 1);
    assert_eq!(read.warnings[0].severity(), Severity::Warning);
    assert!(
        read.warnings[0]
            .to_string()
            .contains("1 invalid UTF-8 byte(s) replaced")
    );
}

#[test]
fn bad_json_lines_are_errors_and_the_rest_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = concat!(
        "{\"id\":\"a1\",\"text\":\"Gunmen attacked a checkpoint.\"}\n",
        "this is not json\n",
        "{\"id\":\"a17\",\"title\":\"no text\"}\n",
        "{\"id\":\"a18\",\"text\":\"A bomb exploded.\",\"published\":\"yesterday\"}\n",
        "{\"id\":\"a19\",\"text\":\"   \"}\n",
        "[1, 2]\n",
        "{\"id\":\"a20\",\"text\":\"Rebels shelled the town.\",\"published\":\"2015-04-13\"}\n",
    );
    let path = write(dir.path(), "feeds/ly.jsonl", jsonl);
    let read = read_path(&path, &options());
    let ids: Vec<_> = read.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a1", "a20"]);
    let p = path.display();
    assert_eq!(
        read.error_messages(),
        [
            format!("{p}:2: invalid JSON: expected ident at column 2"),
            format!("{p}:3: record \"a17\": missing field \"text\""),
            format!(
                "{p}:4: record \"a18\": invalid published date \"yesterday\": expected YYYY-MM-DD or an RFC 3339 timestamp"
            ),
            format!("{p}:5: record \"a19\": empty: no text"),
            format!("{p}:6: invalid JSON: expected an object (an article record)"),
        ]
    );
    assert!(matches!(read.errors[1], IngestError::MissingField { .. }));
    assert!(matches!(
        read.errors[2],
        IngestError::InvalidPublished { .. }
    ));
}

#[test]
fn truncated_gzip_keeps_what_came_before() {
    let dir = tempfile::tempdir().unwrap();
    let lines: String = (0..2000)
        .map(|i| format!("{{\"id\":\"r{i}\",\"text\":\"Report {i}: clashes in district {} left {} dead.\"}}\n", i * 7919 % 1000, i % 13))
        .collect();
    let compressed = gzip(lines.as_bytes());
    let path = write(
        dir.path(),
        "big.jsonl.gz",
        &compressed[..compressed.len() / 2],
    );
    let read = read_path(&path, &options());
    assert!(
        read.articles.len() > 100,
        "{} articles",
        read.articles.len()
    );
    assert!(read.articles.len() < 2000);
    let message = single_error(&read, &path);
    assert!(
        matches!(read.errors[0], IngestError::Truncated { .. }),
        "{message}"
    );
    assert!(message.ends_with("truncated gzip stream"), "{message}");

    // A truncated single-document gzip: one error, no partial article.
    let compressed = gzip(page(1).repeat(50).as_bytes());
    let path = write(
        dir.path(),
        "page.html.gz",
        &compressed[..compressed.len() - 12],
    );
    let read = read_path(&path, &options());
    assert!(read.articles.is_empty());
    assert!(single_error(&read, &path).ends_with("truncated gzip stream"));
}

#[test]
fn a_decompression_bomb_is_stopped_naming_its_file() {
    let dir = tempfile::tempdir().unwrap();
    // Half a million copies of one record compress about 1,000 times: a bomb under a ratio
    // of 100 once 1 MiB is out, and the floor keeps a smaller stream of them whole.
    let record = "{\"id\":\"same\",\"text\":\"Gunmen attacked a checkpoint.\"}\n";
    let bomb = write(
        dir.path(),
        "bomb.jsonl.gz",
        gzip(record.repeat(500_000).as_bytes()),
    );
    let options = ReadOptions {
        max_gzip_ratio: 100,
        bomb_floor_bytes: 1 << 20,
        ..ReadOptions::default()
    };
    let read = read_path(&bomb, &options);
    let message = single_error(&read, &bomb);
    assert!(
        matches!(read.errors[0], IngestError::DecompressionBomb { .. }),
        "{message}"
    );
    assert!(message.contains("decompression bomb"), "{message}");
    assert!(read.articles.len() < 500_000);
    let small = write(
        dir.path(),
        "small.jsonl.gz",
        gzip(record.repeat(1_000).as_bytes()),
    );
    let read = read_path(&small, &options);
    assert!(read.errors.is_empty(), "{:?}", read.error_messages());
    assert_eq!(read.articles.len(), 1_000);
}

#[test]
fn a_truncated_warc_record_keeps_the_records_before_it() {
    let dir = tempfile::tempdir().unwrap();
    let records: Vec<_> = (1..=3)
        .map(|n| {
            WarcRecord::response(
                ["https://e.org/1", "https://e.org/2", "https://e.org/3"][n - 1],
                "200 OK",
                "text/html",
                page(n).as_bytes(),
            )
        })
        .collect();
    let whole = warc_file(&records, false);
    let third_id = "<urn:sitrep-test:response:https://e.org/3>";
    let path = write(dir.path(), "dump.warc", &whole[..whole.len() - 40]);
    let read = read_path(&path, &options());
    assert_eq!(read.articles.len(), 2);
    assert_eq!(
        single_error(&read, &path),
        format!(
            "{}: record 3 (WARC-Record-ID {third_id}): truncated record body",
            path.display()
        )
    );

    // The same, gzipped: the gzip stream is cut too.
    let whole = warc_file(&records, true);
    let path = write(dir.path(), "dump.warc.gz", &whole[..whole.len() - 30]);
    let read = read_path(&path, &options());
    assert_eq!(read.articles.len(), 2);
    assert!(single_error(&read, &path).contains(": truncated"));
}

#[test]
fn malformed_warc_headers_end_the_file_with_one_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = warc_file(
        &[WarcRecord::response(
            "https://e.org/1",
            "200 OK",
            "text/html",
            page(1).as_bytes(),
        )],
        false,
    );
    bytes.extend_from_slice(b"WARC/1.0\r\nthis is not a header\r\n\r\n");
    let path = write(dir.path(), "bad.warc", &bytes);
    let read = read_path(&path, &options());
    assert_eq!(read.articles.len(), 1);
    let message = single_error(&read, &path);
    assert!(
        message.contains(": record 2: invalid WARC: malformed record header"),
        "{message}"
    );
}

#[test]
fn a_feed_that_is_not_xml_is_one_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "broken.rss",
        "<rss version=\"2.0\"><channel><title>x</title><item><title>a</b></item></channel></rss>",
    );
    let read = read_path(&path, &options());
    assert!(read.articles.is_empty());
    assert!(single_error(&read, &path).contains(": invalid feed: "));
    let path = write(
        dir.path(),
        "broken.json",
        "{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [",
    );
    let read = read_path(&path, &options());
    assert!(single_error(&read, &path).contains(": invalid feed: "));
}

#[test]
fn a_truncated_feed_keeps_complete_entries() {
    let dir = tempfile::tempdir().unwrap();
    let items: String = (1..=3)
        .map(|i| format!("<item><guid>g{i}</guid><title>T{i}</title><description>Story number {i}.</description></item>\n"))
        .collect();
    let feed = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>W</title>\n{items}</channel></rss>\n"
    );
    let cut = &feed[..feed.find("<item><guid>g3").unwrap() + 30];
    let path = write(dir.path(), "cut.rss", cut);
    let read = read_path(&path, &options());
    assert_eq!(
        read.articles
            .iter()
            .map(|a| a.id.as_str())
            .collect::<Vec<_>>(),
        ["g1", "g2"]
    );
    assert!(
        single_error(&read, &path)
            .ends_with("truncated feed: 2 entries before the break were read")
    );
}

#[test]
fn a_missing_path_is_an_error_item() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.txt");
    let inputs = expand_inputs(&[missing.display().to_string()]);
    assert_eq!(inputs.len(), 1);
    assert_eq!(
        inputs[0].as_ref().unwrap_err().to_string(),
        format!("{}: no such file or directory", missing.display())
    );
    // Reading it directly says the same.
    let read = collect(read_input(&Input::Path(missing.clone()), &options()));
    assert_eq!(
        read.error_messages(),
        [format!("{}: no such file or directory", missing.display())]
    );
    // A pattern that matches nothing.
    let pattern = dir.path().join("*.none").display().to_string();
    let inputs = expand_inputs(std::slice::from_ref(&pattern));
    assert_eq!(
        inputs[0].as_ref().unwrap_err().to_string(),
        format!("{pattern}: no file matches this pattern")
    );
}

#[test]
fn a_directory_with_a_mix_reads_everything_it_can() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "a-good.txt",
        "Gunmen attacked a checkpoint on Sunday.",
    );
    write(root, "b-empty.txt", "");
    write(root, "c-junk.bin", [0u8, 159, 146, 150, 0, 1, 2, 3, 255, 0]);
    write(
        root,
        "d-mixed.jsonl",
        "{\"id\":\"j1\",\"text\":\"One.\"}\nnot json\n{\"id\":\"j2\",\"text\":\"Two.\"}\n",
    );
    write(
        root,
        "e-broken.rss",
        "<rss><channel><item><title>a</b></item></channel></rss>",
    );
    write(root, "sub/f-page.html", page(6));
    write(root, "sub/deeper/g-page.html.gz", gzip(page(7).as_bytes()));
    write(root, ".hidden.txt", "Never read.");
    write(root, ".git/config", "[core]");
    let missing = root.join("zz-missing.txt");

    let inputs = expand_inputs(&[root.display().to_string(), missing.display().to_string()]);
    let names: Vec<String> = inputs
        .iter()
        .map(|i| match i {
            Ok(input) => input
                .name()
                .trim_start_matches(&root.display().to_string())
                .to_string(),
            Err(e) => e.to_string(),
        })
        .collect();
    assert_eq!(
        names,
        [
            "/a-good.txt",
            "/b-empty.txt",
            "/c-junk.bin",
            "/d-mixed.jsonl",
            "/e-broken.rss",
            "/sub/deeper/g-page.html.gz",
            "/sub/f-page.html",
            &format!("{}: no such file or directory", missing.display()),
        ]
    );

    let mut all = Read::default();
    for input in inputs {
        let items: Box<dyn Iterator<Item = Result<_, IngestError>>> = match input {
            Ok(input) => Box::new(read_input(&input, &options())),
            Err(e) => Box::new(std::iter::once(Err(e))),
        };
        let read = collect(items);
        all.articles.extend(read.articles);
        all.errors.extend(read.errors);
    }
    assert_eq!(all.articles.len(), 5, "{:?}", all.articles);
    let failed: Vec<String> = all
        .errors
        .iter()
        .map(|e| {
            e.origin()
                .source
                .trim_start_matches(&root.display().to_string())
                .to_string()
        })
        .collect();
    assert_eq!(
        failed,
        [
            "/b-empty.txt",
            "/c-junk.bin",
            "/d-mixed.jsonl",
            "/e-broken.rss",
            "/zz-missing.txt"
        ]
    );
}

#[test]
fn a_glob_pattern_expands_to_sorted_matches() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "b.txt", "x");
    write(dir.path(), "a.txt", "x");
    write(dir.path(), "c.html", "x");
    write(dir.path(), ".d.txt", "x");
    let pattern = dir.path().join("*.txt").display().to_string();
    let inputs: Vec<_> = expand_inputs(&[pattern, "-".into()])
        .into_iter()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        inputs,
        [
            Input::Path(dir.path().join("a.txt")),
            Input::Path(dir.path().join("b.txt")),
            Input::Stdin
        ]
    );
}

#[test]
fn overlong_texts_are_cut_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let options = ReadOptions {
        max_article_bytes: 10,
        ..ReadOptions::default()
    };
    let path = write(dir.path(), "long.txt", "Benghazi — Libya — Tripoli");
    let read = read_path(&path, &options);
    assert!(read.errors.is_empty());
    assert_eq!(read.articles[0].text, "Benghazi ");
    assert_eq!(read.warnings.len(), 1);
    assert!(matches!(read.warnings[0], IngestError::Cut { .. }));
}
