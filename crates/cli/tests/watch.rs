//! Watches and alerts through the binary: the embassy watch of the seed articles, flags that
//! are refused with the flag named, and webhooks delivered by ingest or later.

mod util;

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use util::{Dir, corpus};

const EMBASSY: &[&str] = &[
    "watch",
    "add",
    "embassy",
    "--near",
    "32.8872,13.1913",
    "--radius-km",
    "25",
    "--target-type",
    "diplomatic",
    "--db",
    "s.db",
];

/// The articles behind the incidents that alerted.
fn alerted_articles(dir: &Dir) -> BTreeSet<String> {
    let alerts = dir
        .run(&["alerts", "--db", "s.db", "--json"])
        .expect_code(0)
        .json_lines();
    let mut articles = BTreeSet::new();
    for alert in alerts {
        let id = alert["incident_id"].as_str().unwrap().to_string();
        let incident = dir
            .run(&["incident", &id, "--db", "s.db", "--format", "json"])
            .expect_code(0)
            .json_lines();
        for source in incident[0]["sources"].as_array().unwrap() {
            articles.insert(source["article_id"].as_str().unwrap().to_string());
        }
    }
    articles
}

#[test]
fn the_embassy_watch_fires_for_both_seed_articles_and_not_for_tripoli_lebanon() {
    let dir = Dir::new();
    dir.run(EMBASSY).expect_code(0);
    let ingest = dir
        .run(&["ingest", &corpus(), "--db", "s.db"])
        .expect_code(0);
    assert!(ingest.stderr.contains(" alerts;"), "{}", ingest.stderr);
    let articles = alerted_articles(&dir);
    assert!(articles.contains("seed-000"), "{articles:?}");
    assert!(articles.contains("seed-003"), "{articles:?}");
    // The corpus's attack in Tripoli, Lebanon is 1,000 km away.
    assert!(!articles.contains("ex-008"), "{articles:?}");

    // The same articles again change nothing, so alert nothing.
    let before = dir
        .run(&["alerts", "--db", "s.db", "--json"])
        .expect_code(0)
        .json_lines()
        .len();
    dir.run(&["ingest", &corpus(), "--db", "s.db"])
        .expect_code(0);
    let after = dir
        .run(&["alerts", "--db", "s.db", "--json"])
        .expect_code(0)
        .json_lines()
        .len();
    assert_eq!(before, after);

    let listed = dir
        .run(&["watch", "list", "--db", "s.db", "--json"])
        .expect_code(0)
        .json_lines();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["alerts"].as_u64(), Some(before as u64));
    dir.run(&["watch", "rm", "embassy", "--db", "s.db"])
        .expect_code(0);
    dir.run(&["watch", "rm", "embassy", "--db", "s.db"])
        .expect_code(2);
}

#[test]
fn bad_watches_are_refused_naming_the_flag() {
    let dir = Dir::new();
    let cases: &[(&[&str], &str)] = &[
        (&["--near", "95,13", "--radius-km", "5"], "--near"),
        (&["--near", "32,13", "--radius-km", "0"], "--radius-km"),
        (&["--near", "32,13", "--radius-km", "99999"], "--radius-km"),
        (&["--near", "x,13", "--radius-km", "5"], "--near"),
        (&["--country", "LY", "--types", "bombing,parade"], "--types"),
        (
            &["--country", "LY", "--target-type", "castles"],
            "--target-type",
        ),
        (&["--country", "Libya"], "--country"),
        (&["--bbox", "14,30,13,93"], "--bbox"),
        (
            &["--country", "LY", "--webhook", "ftp://example.org/x"],
            "--webhook",
        ),
        (
            &["--country", "LY", "--webhook", "http://127.0.0.1:9/x"],
            "--webhook",
        ),
        (&[], "give an area"),
        (&["--country", "LY", "--admin1", "Tripoli"], "one area only"),
    ];
    for (flags, named) in cases {
        let mut args = vec!["watch", "add", "w", "--db", "s.db"];
        args.extend_from_slice(flags);
        let run = dir.run(&args);
        assert_ne!(run.code, Some(0), "{flags:?} was accepted");
        assert!(run.stderr.contains(named), "{flags:?}: {}", run.stderr);
    }
    dir.run(&["watch", "add", "w", "--country", "LY", "--db", "s.db"])
        .expect_code(0);
    let twice = dir.run(&["watch", "add", "w", "--country", "LY", "--db", "s.db"]);
    assert!(twice.stderr.contains("exists already"), "{}", twice.stderr);
}

/// The (signature, body) of every request a receiver saw.
type Seen = Arc<Mutex<Vec<(String, Vec<u8>)>>>;

/// A receiver on 127.0.0.1 answering 200, recording every request.
fn receiver() -> (String, Seen) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let record = Arc::clone(&seen);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let (mut length, mut signature) = (0usize, String::new());
            let mut line = String::new();
            loop {
                line.clear();
                if reader.read_line(&mut line).unwrap_or(0) == 0 {
                    break;
                }
                let lower = line.trim_end().to_ascii_lowercase();
                if lower.is_empty() {
                    break;
                }
                if let Some(v) = lower.strip_prefix("content-length:") {
                    length = v.trim().parse().unwrap_or(0);
                }
                if lower.starts_with("x-sitrep-signature:") {
                    signature = line.trim_end()[19..].trim().to_string();
                }
            }
            let mut body = vec![0; length];
            let _ = reader.read_exact(&mut body);
            record.lock().unwrap().push((signature, body));
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
        }
    });
    (url, seen)
}

/// Adds the watch "libya" (the country LY) with a webhook to `url` on a private address.
fn add_libya_watch(dir: &Dir, url: &str) -> util::Run {
    add_libya_watch_to(dir, url, "s.db")
}

/// [`add_libya_watch`] in the store `db`.
fn add_libya_watch_to(dir: &Dir, url: &str, db: &str) -> util::Run {
    dir.run(&[
        "watch",
        "add",
        "libya",
        "--country",
        "LY",
        "--webhook",
        url,
        "--allow-private-webhooks",
        "--db",
        db,
    ])
    .expect_code(0)
}

#[test]
fn an_ingest_delivers_the_webhooks_of_its_alerts_on_either_engine() {
    let server = util::fresh_postgres();
    for db in ["s.db"].into_iter().chain(server.as_deref()) {
        let (url, seen) = receiver();
        let dir = Dir::new();
        add_libya_watch_to(&dir, &url, db);
        dir.run(&["ingest", &corpus(), "--db", db, "--allow-private-webhooks"])
            .expect_code(0);
        let alerts = dir
            .run(&["alerts", "--db", db, "--json"])
            .expect_code(0)
            .json_lines();
        assert!(!alerts.is_empty(), "{db}");
        assert_eq!(seen.lock().unwrap().len(), alerts.len(), "{db}");
    }
}

#[test]
fn webhooks_are_delivered_once_signed_even_when_the_ingest_did_not_deliver() {
    let (url, seen) = receiver();
    let dir = Dir::new();
    let added = add_libya_watch(&dir, &url);
    let secret = added.stdout.trim().to_string();
    assert_eq!(secret.len(), 64, "{}", added.stdout);
    // An ingest that stops before delivering (as one killed after its last commit would).
    dir.run(&["ingest", &corpus(), "--db", "s.db", "--no-deliver"])
        .expect_code(0);
    assert!(seen.lock().unwrap().is_empty());
    let alerts = dir
        .run(&["alerts", "--db", "s.db", "--json"])
        .expect_code(0)
        .json_lines();
    assert!(!alerts.is_empty());
    // The next run delivers what was pending, once.
    dir.run(&[
        "alerts",
        "--deliver",
        "--allow-private-webhooks",
        "--db",
        "s.db",
    ])
    .expect_code(0);
    dir.run(&[
        "alerts",
        "--deliver",
        "--allow-private-webhooks",
        "--db",
        "s.db",
    ])
    .expect_code(0);
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), alerts.len());
    let mut ids = BTreeSet::new();
    for (signature, body) in seen.iter() {
        assert!(
            sitrep_notify::verify_signature(&secret, body, signature),
            "bad signature {signature}"
        );
        let payload: serde_json::Value = serde_json::from_slice(body).unwrap();
        assert_eq!(payload["alert"]["watch"], "libya");
        assert_eq!(payload["incident"]["location"]["country"], "LY");
        ids.insert(payload["alert"]["id"].as_i64().unwrap());
    }
    assert_eq!(ids.len(), alerts.len(), "each alert exactly once");
}

#[test]
fn tokens_are_shown_once_listed_by_name_and_revoked() {
    let dir = Dir::new();
    let created = dir
        .run(&["token", "create", "ops", "--db", "s.db"])
        .expect_code(0);
    let token = created.stdout.trim();
    assert!(token.starts_with("sitrep_") && token.len() > 40, "{token}");
    let listed = dir.run(&["token", "list", "--db", "s.db"]).expect_code(0);
    assert!(listed.stdout.contains("ops") && listed.stdout.contains("live"));
    assert!(!listed.stdout.contains(token));
    dir.run(&["token", "revoke", "ops", "--db", "s.db"])
        .expect_code(0);
    dir.run(&["token", "revoke", "ops", "--db", "s.db"])
        .expect_code(2);
}

/// The alert ids a receiver answered, and how many calls it got.
type Answered = (Arc<Mutex<Vec<i64>>>, Arc<Mutex<usize>>);

/// A receiver whose first call hangs (never answered: the sender is stuck in it) and whose
/// later calls answer 200; records the alert ids of the calls it answered.
fn hanging_first_receiver() -> (String, Answered) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let answered = Arc::new(Mutex::new(Vec::new()));
    let calls = Arc::new(Mutex::new(0usize));
    let (record, count) = (Arc::clone(&answered), Arc::clone(&calls));
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let (record, count) = (Arc::clone(&record), Arc::clone(&count));
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut length = 0usize;
                let mut line = String::new();
                loop {
                    line.clear();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
                        break;
                    }
                    if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                        length = v.trim().parse().unwrap_or(0);
                    }
                }
                let mut body = vec![0; length];
                let _ = reader.read_exact(&mut body);
                let first = {
                    let mut n = count.lock().unwrap();
                    *n += 1;
                    *n == 1
                };
                if first {
                    std::thread::sleep(std::time::Duration::from_secs(60));
                    return;
                }
                let payload: serde_json::Value = serde_json::from_slice(&body).unwrap();
                record
                    .lock()
                    .unwrap()
                    .push(payload["alert"]["id"].as_i64().unwrap());
                let _ = write!(
                    stream,
                    "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                );
            });
        }
    });
    (url, (answered, calls))
}

#[test]
fn an_ingest_killed_while_delivering_loses_no_alert_and_sends_none_twice() {
    let (url, (answered, calls)) = hanging_first_receiver();
    let dir = Dir::new();
    add_libya_watch(&dir, &url);
    let mut ingest = std::process::Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args([
            "ingest",
            &corpus(),
            "--db",
            "s.db",
            "--allow-private-webhooks",
        ])
        .current_dir(dir.path())
        .env_remove("SITREP_DB")
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // The ingest has stored its alerts and is stuck in its first delivery: kill it there.
    let started = std::time::Instant::now();
    while *calls.lock().unwrap() == 0 {
        assert!(started.elapsed().as_secs() < 60, "no delivery began");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    ingest.kill().unwrap();
    ingest.wait().unwrap();
    let alerts: BTreeSet<i64> = dir
        .run(&["alerts", "--db", "s.db", "--json", "--limit", "1000"])
        .expect_code(0)
        .json_lines()
        .iter()
        .map(|a| a["id"].as_i64().unwrap())
        .collect();
    assert!(!alerts.is_empty());
    // The next runs deliver everything, the alert leased by the dead process once its lease
    // has run out (25 s).
    let deliver = [
        "alerts",
        "--deliver",
        "--allow-private-webhooks",
        "--db",
        "s.db",
    ];
    let started = std::time::Instant::now();
    loop {
        dir.run(&deliver).expect_code(0);
        let got: BTreeSet<i64> = answered.lock().unwrap().iter().copied().collect();
        if got == alerts {
            break;
        }
        assert!(
            started.elapsed().as_secs() < 90,
            "delivered {got:?} of {alerts:?}"
        );
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
    let answered = answered.lock().unwrap();
    assert_eq!(
        answered.len(),
        alerts.len(),
        "each alert answered once: {answered:?}"
    );
}
