//! Bad sources in the middle of an ingest into a store that already holds incidents: a
//! truncated gzip stream, a truncated WARC record, a feed that is not XML, a 50 MB HTML page
//! and a file that vanishes while the ingest runs. Each gets one line naming it; the good
//! sources around them are stored; nothing stored before is lost.

mod corpus;
mod util;

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use util::Dir;

/// A short report that extraction reads as an attack of its own.
fn report(id: &str, city: &str, day: &str) -> String {
    serde_json::json!({
        "id": id,
        "published": "2023-06-02",
        "url": format!("https://other.example/{id}"),
        "text": format!("Gunmen shot dead three police officers at a checkpoint in {city} on {day}, police said."),
    })
    .to_string()
        + "\n"
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// Lines on stderr that report a problem (errors and warnings).
fn problems(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.starts_with("sitrep: error:") || l.starts_with("sitrep: warning:"))
        .collect()
}

/// Opens the FIFO for writing once the reader has opened it (waiting at most a minute).
fn open_fifo_for_writing(path: &std::path::Path) -> std::fs::File {
    const O_NONBLOCK: i32 = 0o4000;
    let started = Instant::now();
    loop {
        match std::fs::OpenOptions::new()
            .write(true)
            .custom_flags(O_NONBLOCK)
            .open(path)
        {
            Ok(file) => return file,
            // ENXIO: no reader yet.
            Err(e)
                if e.raw_os_error() == Some(6) && started.elapsed() < Duration::from_secs(60) =>
            {
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(e) => panic!("opening the FIFO {}: {e}", path.display()),
        }
    }
}

#[test]
fn bad_sources_are_named_once_and_the_rest_is_stored() {
    let dir = Dir::new();
    dir.write("corpus.jsonl", corpus::jsonl(&corpus::docs()));
    dir.run(&["ingest", "--db", "s.db", "corpus.jsonl"])
        .expect_code(0);
    let before = corpus::incidents(&dir, "s.db");
    assert_eq!(before.len(), 6);

    // A gzip stream cut in its middle: records before the cut may be read, not the rest.
    let records: String = (0..40)
        .map(|n| report(&format!("gz-{n}"), "Peshawar", "Thursday"))
        .collect();
    let packed = gzip(records.as_bytes());
    dir.write("truncated.jsonl.gz", &packed[..packed.len() / 2]);

    // A WARC file whose second record's body is cut short.
    let pages: Vec<corpus::Doc> = ["Larkana", "Quetta"]
        .iter()
        .enumerate()
        .map(|(n, city)| corpus::Doc {
            id: format!("warc-{n}"),
            source: "Other".into(),
            title: format!("Attack in {city}"),
            url: format!("https://other.example/warc-{n}"),
            published: "2023-06-02".into(),
            text: format!(
                "Gunmen shot dead three police officers at a checkpoint in {city} on Thursday, police said."
            ),
        })
        .collect();
    let mut warc = corpus::warc(&pages);
    warc.truncate(warc.len() - 300);
    dir.write("truncated.warc", &warc);

    // A feed that is not XML (an error page saved under the feed's name).
    dir.write(
        "feed.rss",
        "Service temporarily unavailable. Please try again later.\n",
    );

    // A 50 MB page: the story first, then 50 MB of inline script.
    let mut page = String::from(
        "<!DOCTYPE html><html><head><title>Attack in Multan</title></head><body><article>\
         <p>Gunmen shot dead three police officers at a checkpoint in Multan on Thursday, police said.</p>\
         </article><script>",
    );
    page.push_str(&"var x = 1;\n".repeat(50 * 1024 * 1024 / 11));
    page.push_str("</script></body></html>");
    dir.write("huge.html", page);

    dir.write("vanishing.jsonl", report("vanish-1", "Sukkur", "Thursday"));
    dir.write("good.jsonl", report("good-1", "Hyderabad", "Thursday"));

    // The ingest reads a FIFO first; the test removes `vanishing.jsonl` while the ingest
    // waits on it, so the file vanishes after the inputs were listed and before it is read.
    let fifo = dir.path().join("first.jsonl");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args([
            "ingest",
            "--db",
            "s.db",
            "first.jsonl",
            "truncated.jsonl.gz",
            "truncated.warc",
            "feed.rss",
            "huge.html",
            "vanishing.jsonl",
            "good.jsonl",
        ])
        .current_dir(dir.path())
        .env_remove("SITREP_DB")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut writer = open_fifo_for_writing(&fifo);
    std::fs::remove_file(dir.path().join("vanishing.jsonl")).unwrap();
    writer
        .write_all(report("fifo-1", "Bannu", "Thursday").as_bytes())
        .unwrap();
    drop(writer);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");

    let problems = problems(&stderr);
    for (name, words) in [
        ("truncated.jsonl.gz", "truncated gzip stream"),
        ("truncated.warc", "truncated"),
        ("feed.rss", "invalid feed"),
        ("huge.html", "longer than"),
        ("vanishing.jsonl", "no such file"),
    ] {
        let lines: Vec<&&str> = problems.iter().filter(|l| l.contains(name)).collect();
        assert_eq!(lines.len(), 1, "one line naming {name}:\n{stderr}");
        assert!(lines[0].contains(words), "{name}: {}", lines[0]);
    }
    assert_eq!(problems.len(), 5, "nothing else is reported:\n{stderr}");
    let summary = stderr.lines().last().unwrap();
    assert!(
        summary.contains("4 failed (") && summary.contains("1 truncated gzip stream"),
        "{summary}"
    );

    // The good sources around the bad ones are stored, and so is everything before.
    let after = corpus::incidents(&dir, "s.db");
    let urls: Vec<String> = after
        .iter()
        .flat_map(|i| i["sources"].as_array().unwrap().clone())
        .filter_map(|s| s["url"].as_str().map(str::to_string))
        .collect();
    for id in ["fifo-1", "good-1", "warc-0"] {
        assert!(
            urls.contains(&format!("https://other.example/{id}")),
            "{id} stored"
        );
    }
    assert!(
        after.iter().any(|i| i["location"]["name"] == "Multan"),
        "the cut page's story is stored"
    );
    for old in &before {
        let id = old["id"].as_str().unwrap();
        assert_eq!(
            after.iter().find(|i| i["id"] == id),
            Some(old),
            "incident {id} unchanged"
        );
    }
}
