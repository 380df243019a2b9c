//! `sitrep follow` against feeds served on 127.0.0.1: new items are read once, a 304 is
//! honoured, a failing feed is read after it recovers, a restart resumes without duplicates,
//! a bad feeds file names its line, and SIGTERM stops cleanly.

mod util;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use util::{Dir, http_get};

/// A feed server: `/news.xml` serves the items in `items` with an ETag that changes with them
/// (304 when the client sends the current one); `/flaky.xml` fails `fail_first` times, then
/// serves like `/news.xml`. Every answer's status is recorded.
#[derive(Default)]
struct Feeds {
    items: Vec<(String, String)>,
    fail_first: usize,
    flaky_calls: usize,
    answered: Vec<(String, u16)>,
    /// The items' pubDate (RFC 2822), when not the fixed day the tests use.
    pub_date: Option<String>,
}

/// The feed of `items`; an item whose guid starts with `private-` links under `/private/`, the
/// others under `/page/`.
fn rss(items: &[(String, String)], base: &str, pub_date: Option<&str>) -> String {
    let pub_date = pub_date.unwrap_or("Mon, 30 Nov 2026 08:00:00 GMT");
    let entries: String = items
        .iter()
        .map(|(guid, text)| {
            let dir = if guid.starts_with("private-") {
                "private"
            } else {
                "page"
            };
            format!(
                "<item><title>{text}</title><guid>{guid}</guid><description>{text}</description>\
                 <link>{base}/{dir}/{guid}</link>\
                 <pubDate>{pub_date}</pubDate></item>"
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Test wire</title>\
         <link>http://127.0.0.1/</link><description>t</description>{entries}</channel></rss>"
    )
}

fn serve(feeds: Arc<Mutex<Feeds>>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let own = base.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request_line = String::new();
            reader.read_line(&mut request_line).unwrap_or(0);
            let path = request_line
                .split_whitespace()
                .nth(1)
                .unwrap_or("")
                .to_string();
            let mut if_none_match = None;
            let mut line = String::new();
            loop {
                line.clear();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
                    break;
                }
                if let Some((k, v)) = line.split_once(':')
                    && k.eq_ignore_ascii_case("if-none-match")
                {
                    if_none_match = Some(v.trim().to_string());
                }
            }
            let mut state = feeds.lock().unwrap();
            let etag = format!("\"v{}\"", state.items.len());
            let failing = path == "/flaky.xml" && {
                state.flaky_calls += 1;
                state.flaky_calls <= state.fail_first
            };
            let (status, body) = if path == "/robots.txt" {
                (200, String::from("User-agent: *\nDisallow: /private/\n"))
            } else if let Some(guid) = path.strip_prefix("/page/") {
                (
                    200,
                    format!(
                        "<!doctype html><html><head><title>{guid}</title></head><body><article>\
                         <h1>Checkpoint attack</h1><p>{PAGE_ONLY} A suicide bomber killed six \
                         police officers at a checkpoint in Kandahar city, Afghanistan, on \
                         Sunday, officials said. The Taliban claimed responsibility in a \
                         statement sent to reporters.</p></article></body></html>"
                    ),
                )
            } else if path == "/page.html" {
                (
                    200,
                    String::from(
                        "<!doctype html><html><body><p>A bomb killed five people in Kabul \
                         on Sunday.</p></body></html>",
                    ),
                )
            } else if failing {
                (500, String::from("oops"))
            } else if if_none_match.as_deref() == Some(etag.as_str()) {
                (304, String::new())
            } else {
                (200, rss(&state.items, &own, state.pub_date.as_deref()))
            };
            state.answered.push((path, status));
            drop(state);
            let _ = write!(
                stream,
                "HTTP/1.1 {status} X\r\nETag: {etag}\r\nContent-Type: application/rss+xml\r\n\
                 Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    base
}

/// Words only the item pages hold, not the feed.
const PAGE_ONLY: &str = "The full report from the provincial capital follows.";

/// A feed server holding one item (the Kandahar attack) and a directory whose feeds.txt
/// lists its feed.
fn kandahar_wire() -> (Arc<Mutex<Feeds>>, Dir) {
    let feeds = Arc::new(Mutex::new(Feeds::default()));
    feeds
        .lock()
        .unwrap()
        .items
        .push(("k1".into(), KANDAHAR.into()));
    let base = serve(Arc::clone(&feeds));
    let dir = Dir::new();
    dir.write("feeds.txt", format!("# test wire\n{base}/news.xml\n"));
    (feeds, dir)
}

const KANDAHAR: &str = "A suicide bomber killed six police officers at a checkpoint in Kandahar city, Afghanistan, on Sunday, officials said.";
const MOSUL: &str = "Gunmen killed four soldiers in an attack on an army post in Mosul, Iraq, on Sunday, officials said.";

fn articles(dir: &Dir) -> usize {
    dir.incidents("s.db")
        .iter()
        .map(|i| i["sources"].as_array().unwrap().len())
        .sum()
}

fn feed_state(dir: &Dir, suffix: &str) -> serde_json::Value {
    dir.run(&["feeds", "--db", "s.db", "--json"])
        .expect_code(0)
        .json_lines()
        .into_iter()
        .find(|f| f["url"].as_str().unwrap().ends_with(suffix))
        .unwrap_or_else(|| panic!("no feed ending {suffix}"))
}

#[test]
fn new_items_are_read_once_304_is_honoured_and_a_restart_resumes() {
    let (feeds, dir) = kandahar_wire();
    let once = ["follow", "--feeds", "feeds.txt", "--once", "--db", "s.db"];

    let first = dir.run(&once).expect_code(0);
    assert!(first.stderr.contains("1 new items"), "{}", first.stderr);
    assert_eq!(articles(&dir), 1);

    // Nothing new: the server answers 304 to the validator it gave.
    let second = dir.run(&once).expect_code(0);
    assert!(second.stderr.contains("not modified"), "{}", second.stderr);
    assert_eq!(feeds.lock().unwrap().answered.last().unwrap().1, 304);

    // A new item between polls is read, once; the old one is not read again.
    feeds
        .lock()
        .unwrap()
        .items
        .push(("m1".into(), MOSUL.into()));
    let third = dir.run(&once).expect_code(0);
    assert!(third.stderr.contains("1 new items"), "{}", third.stderr);
    assert_eq!(articles(&dir), 2);
    let state = feed_state(&dir, "/news.xml");
    assert_eq!(state["items"], 2);
    assert_eq!(state["etag"], "\"v2\"");
    assert!(state["last_error"].is_null());
}

#[test]
fn a_failing_feed_backs_off_and_is_read_when_it_recovers() {
    let feeds = Arc::new(Mutex::new(Feeds {
        fail_first: 1,
        ..Feeds::default()
    }));
    feeds
        .lock()
        .unwrap()
        .items
        .push(("k1".into(), KANDAHAR.into()));
    let base = serve(Arc::clone(&feeds));
    let dir = Dir::new();
    dir.write(
        "feeds.txt",
        format!("{base}/flaky.xml\n{base}/news.xml\n{base}/page.html\n"),
    );
    let once = ["follow", "--feeds", "feeds.txt", "--once", "--db", "s.db"];
    let first = dir.run(&once).expect_code(0);
    assert!(first.stderr.contains("answered 500"), "{}", first.stderr);
    let flaky = feed_state(&dir, "/flaky.xml");
    assert_eq!(flaky["failures"], 1);
    assert!(flaky["last_error"].as_str().unwrap().contains("500"));
    // The other feed was read all the same.
    assert_eq!(feed_state(&dir, "/news.xml")["items"], 1);
    // A page that is not a feed is a failure of that feed, not an article.
    let page = feed_state(&dir, "/page.html");
    assert_eq!(
        (page["failures"].as_u64(), page["items"].as_u64()),
        (Some(1), Some(0))
    );
    assert!(
        page["last_error"].as_str().unwrap().contains("not a feed"),
        "{page}"
    );

    dir.run(&once).expect_code(0);
    let flaky = feed_state(&dir, "/flaky.xml");
    assert_eq!(flaky["failures"], 0);
    assert!(flaky["last_error"].is_null());
    // Both feeds carry the same item: it is stored once.
    assert_eq!(articles(&dir), 1);
}

#[test]
fn a_bad_feeds_file_names_its_line() {
    let dir = Dir::new();
    dir.write(
        "feeds.txt",
        "https://example.org/rss\nftp://example.org/x\n",
    );
    let run = dir.run(&["follow", "--feeds", "feeds.txt", "--once", "--db", "s.db"]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("feeds.txt:2:"), "{}", run.stderr);
    let bad = dir.run(&[
        "follow",
        "--feeds",
        "feeds.txt",
        "--interval",
        "0s",
        "--db",
        "s.db",
    ]);
    assert_eq!(bad.code, Some(2));
    assert!(bad.stderr.contains("--interval"), "{}", bad.stderr);
}

/// Checks `done` every `every` until it holds; fails saying `what` did not happen if it does
/// not within `limit`.
fn wait_until(limit: Duration, every: Duration, what: &str, mut done: impl FnMut() -> bool) {
    let started = Instant::now();
    while !done() {
        assert!(started.elapsed() < limit, "{what}");
        std::thread::sleep(every);
    }
}

/// `sitrep ARGS` running in `dir`, its standard error piped.
fn spawn_sitrep(dir: &Dir, args: &[&str]) -> std::process::Child {
    std::process::Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(args)
        .current_dir(dir.path())
        .env_remove("SITREP_DB")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

/// Sends SIGTERM to the process `pid`.
fn sigterm(pid: u32) {
    std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
}

/// Sends SIGTERM to `child` and waits: it must exit with 0.
fn terminate(child: &mut std::process::Child) {
    sigterm(child.id());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
}

/// Stops `child` with SIGTERM (it must exit with 0); what it wrote to standard error.
fn terminate_with_output(child: std::process::Child) -> String {
    sigterm(child.id());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    stderr
}

#[test]
fn sigterm_stops_after_the_poll_in_flight() {
    let (feeds, dir) = kandahar_wire();
    let child = spawn_sitrep(
        &dir,
        &[
            "follow",
            "--feeds",
            "feeds.txt",
            "--interval",
            "1s",
            "--db",
            "s.db",
        ],
    );
    // Wait for two polls (the second a 304), then stop it.
    wait_until(
        Duration::from_secs(30),
        Duration::from_millis(100),
        "no second poll",
        || feeds.lock().unwrap().answered.len() >= 2,
    );
    let stderr = terminate_with_output(child);
    assert!(stderr.contains("stopped following"), "{stderr}");
    assert_eq!(articles(&dir), 1);
}

#[test]
fn a_file_dropped_in_the_folder_is_read_once_when_complete() {
    let dir = Dir::new();
    std::fs::create_dir(dir.path().join("incoming")).unwrap();
    let once = ["follow", "--dir", "incoming", "--once", "--db", "s.db"];
    // A file changed within the last seconds may still be growing: it waits. (Its time is set
    // ahead so that the binary's start-up, seconds in a debug build, cannot make it quiet.)
    let fresh = dir.write("incoming/kandahar.txt", KANDAHAR);
    std::fs::File::options()
        .write(true)
        .open(&fresh)
        .unwrap()
        .set_modified(std::time::SystemTime::now() + Duration::from_secs(3_600))
        .unwrap();
    let first = dir.run(&once).expect_code(0);
    assert!(!first.stderr.contains("new files"), "{}", first.stderr);
    // Once it has been quiet for a while it is read, once.
    let past = std::time::SystemTime::now() - Duration::from_secs(60);
    std::fs::File::options()
        .write(true)
        .open(&fresh)
        .unwrap()
        .set_modified(past)
        .unwrap();
    dir.write("incoming/.mosul.txt.part", MOSUL);
    let second = dir.run(&once).expect_code(0);
    assert!(second.stderr.contains("1 new files"), "{}", second.stderr);
    assert_eq!(articles(&dir), 1);
    let third = dir.run(&once).expect_code(0);
    assert!(!third.stderr.contains("new files"), "{}", third.stderr);
    assert_eq!(articles(&dir), 1);
    let state = feed_state(&dir, "incoming");
    assert_eq!(state["items"], 1);
    let missing = dir.run(&["follow", "--dir", "nowhere", "--once", "--db", "s.db"]);
    assert_eq!(missing.code, Some(2));
    assert!(
        missing.stderr.contains("--dir nowhere"),
        "{}",
        missing.stderr
    );
}

#[test]
fn a_followed_folder_reads_a_file_when_its_event_comes() {
    let dir = Dir::new();
    std::fs::create_dir(dir.path().join("incoming")).unwrap();
    let child = spawn_sitrep(&dir, &["follow", "--dir", "incoming", "--db", "s.db"]);
    // The first look at the (empty) folder creates the store; then a file lands, written
    // aside and renamed into place as a complete file.
    wait_until(
        Duration::from_secs(30),
        Duration::from_millis(100),
        "no store",
        || dir.path().join("s.db").exists(),
    );
    std::thread::sleep(Duration::from_millis(500));
    let part = dir.write("incoming/.kandahar.txt.part", KANDAHAR);
    std::fs::rename(&part, dir.path().join("incoming/kandahar.txt")).unwrap();
    // Read well before the 30 s periodic look: the file event made the folder due.
    wait_until(
        Duration::from_secs(20),
        Duration::from_millis(200),
        "the file was not read on its event",
        || articles(&dir) >= 1,
    );
    let stderr = terminate_with_output(child);
    assert!(stderr.contains("1 new files"), "{stderr}");
    assert_eq!(articles(&dir), 1);
}

#[test]
fn serve_can_follow_feeds_in_the_same_process() {
    let (feeds, dir) = kandahar_wire();
    // Published a minute ago: within the window of the end-to-end latency.
    let a_minute_ago = jiff::Timestamp::now() - jiff::SignedDuration::from_secs(60);
    feeds.lock().unwrap().pub_date = Some(
        a_minute_ago
            .strftime("%a, %d %b %Y %H:%M:%S GMT")
            .to_string(),
    );
    // The store must exist before serving.
    dir.run(&["token", "create", "ops", "--db", "s.db"])
        .expect_code(0);
    let (mut child, address, lines_rx) = util::serve(
        &dir,
        &[
            "serve",
            "--db",
            "s.db",
            "--listen",
            "127.0.0.1:0",
            "--follow",
            "feeds.txt",
            "--follow-interval",
            "1s",
        ],
    );
    let started = Instant::now();
    loop {
        let listed: serde_json::Value = serde_json::from_str(&http_get(&address, "/api/feeds"))
            .unwrap_or(serde_json::Value::Null);
        if listed[0]["items"] == 1 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the feed was not read: {listed}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    let incidents: serde_json::Value =
        serde_json::from_str(&http_get(&address, "/api/incidents")).unwrap();
    assert!(!incidents["items"].as_array().unwrap().is_empty());
    // The follower's latency histograms are in /metrics: the poll that read the item, and
    // the processing of its one new item.
    let metrics = http_get(&address, "/metrics");
    assert!(
        metrics.contains("sitrep_feed_poll_duration_seconds_count{outcome=\"fetched\"}"),
        "{metrics}"
    );
    assert!(
        metrics.contains("sitrep_item_processing_seconds_count 1"),
        "{metrics}"
    );
    // Stored within the minute after the item's time: in the 120 s bucket, not the 30 s one.
    assert!(
        metrics.contains("sitrep_item_end_to_end_seconds_count 1"),
        "{metrics}"
    );
    assert!(
        metrics.contains("sitrep_item_end_to_end_seconds_bucket{le=\"30\"} 0")
            && metrics.contains("sitrep_item_end_to_end_seconds_bucket{le=\"120\"} 1"),
        "{metrics}"
    );
    terminate(&mut child);
    let rest: Vec<String> = lines_rx.try_iter().collect();
    assert!(rest.iter().any(|l| l.contains("stopped")), "{rest:?}");
}

#[test]
fn pages_are_fetched_when_robots_txt_allows_them() {
    let feeds = Arc::new(Mutex::new(Feeds::default()));
    {
        let mut state = feeds.lock().unwrap();
        state.items.push(("k1".into(), KANDAHAR.into()));
        state.items.push(("private-m1".into(), MOSUL.into()));
    }
    let base = serve(Arc::clone(&feeds));
    let dir = Dir::new();
    dir.write("feeds.txt", format!("{base}/news.xml\n"));
    let run = dir
        .run(&[
            "follow",
            "--feeds",
            "feeds.txt",
            "--once",
            "--fetch-pages",
            "--page-interval",
            "1s",
            "--db",
            "s.db",
        ])
        .expect_code(0);
    assert!(
        run.stderr.contains("robots.txt disallows"),
        "{}",
        run.stderr
    );
    let asked: Vec<String> = feeds
        .lock()
        .unwrap()
        .answered
        .iter()
        .map(|(path, _)| path.clone())
        .collect();
    assert_eq!(
        asked.iter().filter(|p| *p == "/robots.txt").count(),
        1,
        "{asked:?}"
    );
    assert!(asked.contains(&"/page/k1".to_string()), "{asked:?}");
    assert!(
        !asked.iter().any(|p| p.starts_with("/private/")),
        "{asked:?}"
    );
    // The allowed page's text replaced the feed's summary; the other kept its summary.
    let incidents = dir.incidents("s.db");
    let mut texts = Vec::new();
    for incident in &incidents {
        let id = incident["id"].as_str().unwrap();
        let shown = dir
            .run(&["incident", id, "--db", "s.db", "--format", "json"])
            .expect_code(0)
            .stdout;
        texts.push(shown);
    }
    assert!(
        texts.iter().any(|t| t.contains(PAGE_ONLY)),
        "no page text stored"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.contains("Mosul") && !t.contains(PAGE_ONLY))
    );
}
