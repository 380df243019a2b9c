//! An ingest killed with SIGKILL at any moment and run again ends with exactly the store of an
//! ingest that was never interrupted.
//!
//! The test writes a corpus of about a thousand reports (several outlets per event, ids chosen
//! so that later reports often take the lead of incidents stored earlier, background
//! mentions, records repeated in other files), ingests it once without interruption, then, for each of several kill points,
//! ingests it into a fresh store in batches of 16 articles, kills the process with SIGKILL,
//! runs the same ingest again to the end and compares a canonical dump of the two stores:
//! every incident with its reconciled fields and its sources (each with its own values), the
//! aliases of merged ids, the alerts two watches raised (written in the transactions of the
//! incidents that raise them), and the counts of articles, incidents and mentions; every store
//! also passes SQLite's `PRAGMA integrity_check`.
//!
//! Kill points: 30 ms after start (during start-up), and once the store holds 1, 100, 400,
//! 700 and all but 40 articles (watched through a read connection), each followed by a
//! different short delay so that kills land between and inside transactions. One store is
//! killed a second time before it is completed. No assertion is about time: the points wait
//! for progress, and the test checks that at least three kills landed mid-ingest.
//!
//! The same runs against a PostgreSQL store (when `scripts/test-postgres.sh` provides a
//! server) must end with the store of the uninterrupted SQLite ingest.

mod util;

use std::collections::BTreeMap;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use sitrep_model::{ArticleId, IncidentId};
use sitrep_store::{AlertQuery, IncidentFilter, Store, StoreLocation};
use util::Dir;

const EVENTS: usize = 420;

/// (city, country) pairs the gazetteer knows.
const CITIES: &[&str] = &[
    "Kabul",
    "Kandahar",
    "Herat",
    "Baghdad",
    "Mosul",
    "Mogadishu",
    "Maiduguri",
    "Peshawar",
    "Quetta",
    "Aleppo",
    "Benghazi",
    "Sanaa",
];

const OUTLETS: &[&str] = &["wire-z", "wire-m", "wire-a", "wire-q"];

/// A deterministic corpus: one JSON Lines file per outlet, reports of each event spread over
/// them so that the file order is not the order of precedence.
fn write_corpus(dir: &Dir) -> usize {
    let start: jiff::civil::Date = "2019-01-01".parse().unwrap();
    let mut files: Vec<String> = vec![String::new(); OUTLETS.len()];
    let mut articles = 0;
    for event in 0..EVENTS {
        let city = CITIES[event * 7 % CITIES.len()];
        let day = start
            .checked_add(jiff::Span::new().days((event / 3) as i64))
            .unwrap();
        let published = day.tomorrow().unwrap();
        let weekday = day.strftime("%A").to_string();
        let killed = 2 + event % 9;
        let (what, how) = match event % 3 {
            0 => (
                "A car bomb exploded near a market",
                format!("killing {killed} people"),
            ),
            1 => (
                "Gunmen attacked a police checkpoint",
                format!("killing {killed} police officers"),
            ),
            _ => (
                "Gunmen kidnapped aid workers",
                "taking four people hostage".to_string(),
            ),
        };
        let reports = 1 + event % 4;
        for r in 0..reports {
            let outlet = OUTLETS[(event + r) % OUTLETS.len()];
            let toll_words = if r > 0 && event % 3 != 2 {
                format!(" The death toll later rose to {}.", killed + r)
            } else {
                String::new()
            };
            let background = if event % 5 == 0 && event > 30 {
                let past = event - 30;
                format!(
                    " In a similar attack in {} last month, {} people were killed.",
                    CITIES[past * 7 % CITIES.len()],
                    2 + past % 9
                )
            } else {
                String::new()
            };
            let text = format!(
                "{what} in {city} on {weekday}, {how}, officials said.{toll_words}\n\n\
                 Security forces sealed off the area and launched a search for the attackers.{background}"
            );
            let record = serde_json::json!({
                "id": format!("{outlet}-{event:04}"),
                "source": outlet,
                "url": format!("https://{outlet}.example/{event:04}"),
                "published": published.to_string(),
                "text": text,
            });
            files[(event + r) % OUTLETS.len()].push_str(&(record.to_string() + "\n"));
            articles += 1;
            if event % 25 == 3 && r == 0 {
                // The same record again in another file: skipped as a duplicate.
                files[(event + 2) % OUTLETS.len()].push_str(&(record.to_string() + "\n"));
            }
        }
    }
    std::fs::create_dir_all(dir.path().join("corpus")).unwrap();
    for (outlet, content) in OUTLETS.iter().zip(&files) {
        dir.write(&format!("corpus/{outlet}.jsonl"), content);
    }
    articles
}

fn ingest_command(dir: &Dir, db: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sitrep"));
    // Small batches: many commits, so that kills land between and inside transactions.
    cmd.args(["ingest", "corpus", "--db", db, "--batch", "16"])
        .current_dir(dir.path())
        .env_remove("SITREP_DB")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    cmd
}

/// Adds the watches every store of the test starts with, so that alerts are written in the
/// same transactions as the incidents that raise them.
fn add_watches(dir: &Dir, db: &str) {
    for flags in [
        &["watch", "add", "iraq", "--country", "IQ"][..],
        &[
            "watch",
            "add",
            "kabul",
            "--near",
            "34.53,69.17",
            "--radius-km",
            "50",
        ][..],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_sitrep"))
            .args(flags)
            .args(["--db", db])
            .current_dir(dir.path())
            .env_remove("SITREP_DB")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{flags:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// Runs an ingest to the end, checking it succeeds.
fn ingest_to_end(dir: &Dir, db: &str) {
    let out = ingest_command(dir, db).output().unwrap();
    assert!(
        out.status.success(),
        "ingest into {db} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// When to kill an ingest.
#[derive(Debug, Clone, Copy)]
enum KillPoint {
    /// This long after it starts (during start-up, before anything is written).
    After(Duration),
    /// Once the store holds at least this many articles, and then this long again (so that
    /// the kill lands between or inside transactions).
    Stored(u64, Duration),
}

/// Where `--db db` run in `dir` puts the store.
fn location(dir: &Dir, db: &str) -> StoreLocation {
    match StoreLocation::from(db) {
        StoreLocation::File(path) => StoreLocation::File(dir.path().join(path)),
        server => server,
    }
}

/// Starts an ingest and kills it with SIGKILL at `point`. Returns whether it was still
/// running when killed.
fn ingest_killed_at(dir: &Dir, db: &str, point: KillPoint) -> bool {
    let store_at = location(dir, db);
    let mut child = ingest_command(dir, db).spawn().unwrap();
    let started = Instant::now();
    let mut store: Option<Store> = None;
    loop {
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the ingest never reached {point:?}"
        );
        let due = match point {
            KillPoint::After(after) => started.elapsed() >= after,
            KillPoint::Stored(articles, _) => {
                // Open a reader only once the ingest has created the file.
                if store.is_none() && store_at.exists() {
                    store = Store::open_location(&store_at).ok();
                }
                store
                    .as_ref()
                    .and_then(|s| s.stats().ok())
                    .is_some_and(|stats| stats.articles >= articles)
            }
        };
        if due {
            if let KillPoint::Stored(_, then) = point {
                std::thread::sleep(then);
            }
            // `Child::kill` sends SIGKILL on Unix.
            let running = child.kill().is_ok();
            child.wait().unwrap();
            return running;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

fn articles_stored(store_at: &StoreLocation) -> u64 {
    if !store_at.exists() {
        return 0;
    }
    Store::open_location(store_at)
        .unwrap()
        .stats()
        .unwrap()
        .articles
}

/// Everything resolution decided, in a canonical order, as pretty JSON.
fn dump(store_at: &StoreLocation) -> String {
    let store = Store::open_location(store_at).unwrap();
    let stats = store.stats().unwrap();
    let mut incidents = store
        .query(&IncidentFilter {
            include_background: true,
            ..IncidentFilter::default()
        })
        .unwrap();
    incidents.sort_by(|a, b| a.id.cmp(&b.id));
    // Where the id of every mention points now (itself, an alias target, or nothing).
    let mut aliases = BTreeMap::new();
    for incident in &incidents {
        for source in &incident.sources {
            for ordinal in 0..4 {
                let id =
                    IncidentId::for_mention(&ArticleId::new(source.article_id.as_str()), ordinal);
                if let Some(now) = store.current_incident_id(&id).unwrap()
                    && now != id
                {
                    aliases.insert(id.to_string(), now.to_string());
                }
            }
        }
    }
    let problems = store.integrity_problems().unwrap();
    assert!(problems.is_empty(), "integrity_check: {problems:?}");
    // Alerts without their ids and times, which depend on when they were written.
    let mut alerts: Vec<String> = store
        .alerts(&AlertQuery {
            watch: None,
            after: Some(0),
            limit: 1_000_000,
        })
        .unwrap()
        .into_iter()
        .map(|a| format!("{} {} {:?} {:?}", a.watch, a.incident_id, a.kind, a.reason))
        .collect();
    alerts.sort();
    let value = serde_json::json!({
        "alerts": alerts,
        "articles": stats.articles,
        "incidents": stats.incidents,
        "mentions": stats.mentions,
        "aliases": aliases,
        "incident_list": incidents,
    });
    serde_json::to_string_pretty(&value).unwrap()
}

/// Panics with the first differing line when two dumps differ.
fn assert_same(expected: &str, found: &str, what: &str) {
    if expected == found {
        return;
    }
    let (line, (e, f)) = expected
        .lines()
        .zip(found.lines())
        .enumerate()
        .find(|(_, (e, f))| e != f)
        .unwrap_or((0, ("(length differs)", "(length differs)")));
    panic!(
        "{what}: the store differs from the uninterrupted one at line {}:\n  expected: {e}\n  found:    {f}",
        line + 1
    );
}

#[test]
fn an_ingest_killed_at_any_moment_and_run_again_ends_with_the_same_store() {
    killed_ingests_end_with_the_store_of_one_never_killed(|n| format!("killed-{n}.db"));
}

#[test]
fn a_postgres_ingest_killed_at_any_moment_and_run_again_ends_with_the_same_store() {
    if util::fresh_postgres().is_none() {
        return;
    }
    killed_ingests_end_with_the_store_of_one_never_killed(|_| {
        util::fresh_postgres().expect("the server is still there")
    });
}

/// Ingests the corpus once into a SQLite file without interruption, then into a store named
/// by `killed_store(n)` for each kill point, killed there and run again to the end, and
/// compares each with the first.
fn killed_ingests_end_with_the_store_of_one_never_killed(killed_store: impl Fn(usize) -> String) {
    let dir = Dir::new();
    let total = write_corpus(&dir) as u64;

    add_watches(&dir, "full.db");
    ingest_to_end(&dir, "full.db");
    let expected = dump(&location(&dir, "full.db"));
    assert!(expected.contains("\"iraq "), "the watches raised alerts");
    assert!(
        expected.contains("\"aliases\": {\n"),
        "some ids were taken over"
    );
    let stored = articles_stored(&location(&dir, "full.db"));
    assert_eq!(stored, total);

    let ms = Duration::from_millis;
    let points = [
        KillPoint::After(ms(30)),
        KillPoint::Stored(1, ms(0)),
        KillPoint::Stored(100, ms(7)),
        KillPoint::Stored(400, ms(3)),
        KillPoint::Stored(700, ms(11)),
        KillPoint::Stored(total - 40, ms(1)),
    ];
    let mut partial = 0;
    for (n, point) in points.into_iter().enumerate() {
        let db = killed_store(n);
        add_watches(&dir, &db);
        let killed = ingest_killed_at(&dir, &db, point);
        let at_kill = articles_stored(&location(&dir, &db));
        eprintln!("killed at {point:?}: {at_kill} of {total} articles stored");
        if killed && at_kill > 0 && at_kill < total {
            partial += 1;
        }
        if n == 2 {
            // Killed a second time before it is allowed to finish.
            ingest_killed_at(&dir, &db, KillPoint::Stored(at_kill + 200, ms(5)));
        }
        ingest_to_end(&dir, &db);
        assert_same(
            &expected,
            &dump(&location(&dir, &db)),
            &format!("killed at {point:?} ({at_kill} of {total} articles stored)"),
        );
    }
    // Kills wait for stored articles, so they land mid-ingest; if few did, the test would
    // prove little.
    assert!(
        partial >= 3,
        "only {partial} kills landed in the middle of an ingest"
    );
}
