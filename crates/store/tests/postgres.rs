//! What only a shared PostgreSQL store promises: any number of workers writing at once store
//! exactly what one worker stores, and a worker killed in the middle of a batch loses nothing
//! and duplicates nothing once its input is ingested again.
//!
//! These tests need a server: `scripts/test-postgres.sh` starts one and sets
//! `SITREP_TEST_POSTGRES`. Without it they have nothing to test and say so.

mod common;

use std::time::{Duration, Instant};

use jiff::civil::Date;
use sitrep_model::{
    Article, ArticleId, ArticleMeta, Count, CountryCode, DatePrecision, EventDate, EventType,
    ExtractedArticle, Incident, Location, LocationPrecision,
};
use sitrep_store::{IncidentFilter, Store, StoreStats};

type Item = (Article, ExtractedArticle);

fn server() -> Option<String> {
    let url = common::postgres_url();
    if url.is_none() {
        eprintln!(
            "{} is not set: no PostgreSQL server to test against (scripts/test-postgres.sh)",
            common::POSTGRES_VARIABLE
        );
    }
    url
}

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

/// A place: name, country, latitude, longitude.
type Place = (&'static str, &'static str, f64, f64);

const PLACES: [Place; 6] = [
    ("Kabul", "AF", 34.5553, 69.2075),
    ("Baghdad", "IQ", 33.3406, 44.4009),
    ("Mogadishu", "SO", 2.0371, 45.3438),
    ("Tripoli", "LY", 32.8872, 13.1913),
    ("Maiduguri", "NG", 11.8464, 13.1603),
    ("Kandahar", "AF", 31.6133, 65.7101),
];

fn report(kind: EventType, day: &str, place: Place, killed: u32) -> Incident {
    let mut incident = Incident::new(kind);
    incident.date = Some(EventDate {
        start: Some(date(day)),
        end: Some(date(day)),
        precision: DatePrecision::Day,
        text: day.into(),
    });
    incident.location = Some(Location {
        name: place.0.into(),
        country: CountryCode::new(place.1).unwrap(),
        country_name: place.1.into(),
        admin1: None,
        admin2: None,
        lat: place.2,
        lon: place.3,
        geonames_id: None,
        precision: LocationPrecision::City,
        text: place.0.into(),
    });
    incident.killed = Some(Count {
        min: Some(killed),
        max: Some(killed),
        text: format!("killed {killed}"),
    });
    incident.confidence = 0.8;
    incident
}

/// Twelve events in six places over two months, each reported by one to four outlets whose
/// tolls rise as days pass, some articles also recalling an earlier event as background.
fn corpus() -> Vec<Item> {
    let kinds = [
        EventType::Bombing,
        EventType::ArmedAssault,
        EventType::Assassination,
    ];
    let mut items = Vec::new();
    for event in 0..12u32 {
        let place = PLACES[event as usize % PLACES.len()];
        let day = format!("2016-{:02}-{:02}", 7 + event / 6, 3 + 4 * (event % 6));
        let kind = kinds[event as usize % kinds.len()];
        for outlet in 0..=(event % 4) {
            let id = format!("e{event}-o{outlet}");
            let published = date(&day).saturating_add(jiff::Span::new().days(i64::from(outlet)));
            let mut incidents = vec![report(kind, &day, place, 3 + event + 2 * outlet)];
            if outlet == 1 && event > 0 {
                let earlier = event - 1;
                let earlier_place = PLACES[earlier as usize % PLACES.len()];
                let earlier_day =
                    format!("2016-{:02}-{:02}", 7 + earlier / 6, 3 + 4 * (earlier % 6));
                let mut recalled = report(
                    kinds[earlier as usize % kinds.len()],
                    &earlier_day,
                    earlier_place,
                    3 + earlier,
                );
                recalled.background = true;
                incidents.push(recalled);
            }
            let article = Article {
                id: ArticleId::new(id.clone()),
                text: format!("Report {id}."),
                published: Some(published),
                title: Some(format!("Headline {id}")),
                url: Some(format!("https://news.example/{id}")),
                source: Some(format!("Outlet {outlet}")),
            };
            let extracted = ExtractedArticle {
                article: ArticleMeta::from(&article),
                incidents,
            };
            items.push((article, extracted));
        }
    }
    items
}

/// Everything a store holds, in a form to compare: each incident's id, reconciled fields and
/// source articles, and the counts of rows.
fn snapshot(store: &Store) -> (Vec<(String, String, Vec<String>)>, StoreStats) {
    let mut incidents: Vec<_> = store
        .query(&IncidentFilter {
            include_background: true,
            ..IncidentFilter::default()
        })
        .unwrap()
        .into_iter()
        .map(|found| {
            let mut sources: Vec<String> = found
                .sources
                .iter()
                .map(|s| s.article_id.to_string())
                .collect();
            sources.sort();
            (
                found.id.to_string(),
                serde_json::to_string(&found.incident).unwrap(),
                sources,
            )
        })
        .collect();
    incidents.sort();
    (incidents, store.stats().unwrap())
}

/// The store one worker makes of the whole corpus, in order, in batches of 4.
fn single_worker(base: &str) -> (Vec<(String, String, Vec<String>)>, StoreStats) {
    let mut store = Store::open_postgres(&common::fresh_schema(base)).unwrap();
    for batch in corpus().chunks(4) {
        store.insert_batch(batch).unwrap();
    }
    snapshot(&store)
}

#[test]
fn four_workers_on_overlapping_input_store_what_one_worker_stores() {
    let Some(base) = server() else { return };
    let expected = single_worker(&base);
    assert!(
        expected.0.len() >= 12,
        "the corpus holds twelve events: {:?}",
        expected.1
    );
    assert!(
        expected.0.iter().any(|(_, _, sources)| sources.len() >= 4),
        "reports of one event are merged"
    );
    let url = common::fresh_schema(&base);
    // Each worker reads three quarters of the articles (so every article is read by three
    // workers), in its own order, in batches of 3.
    let all = corpus();
    std::thread::scope(|scope| {
        for worker in 0..4usize {
            let url = &url;
            let all = &all;
            scope.spawn(move || {
                let mut mine: Vec<Item> = all
                    .iter()
                    .enumerate()
                    .filter(|(index, _)| index % 4 != worker)
                    .map(|(_, item)| item.clone())
                    .collect();
                if worker % 2 == 1 {
                    mine.reverse();
                }
                let turn = worker * 5 % mine.len();
                mine.rotate_left(turn);
                let mut store = Store::open_postgres(url).unwrap();
                for batch in mine.chunks(3) {
                    store.insert_batch(batch).unwrap();
                }
            });
        }
    });
    let store = Store::open_postgres(&url).unwrap();
    assert_eq!(snapshot(&store), expected);
}

#[test]
fn a_worker_killed_in_the_middle_of_a_batch_loses_and_duplicates_nothing_after_a_rerun() {
    let Some(base) = server() else { return };
    let expected = single_worker(&base);
    let url = common::fresh_schema(&base);
    let all = corpus();
    let (first, rest) = all.split_at(8);
    let mut store = Store::open_postgres(&url).unwrap();
    store.insert_batch(first).unwrap();

    // Hold the incidents table so that the next batch stops where resolution writes
    // incidents, after its articles, mentions and blocking keys: then kill its connection.
    let mut blocker = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let mut hold = blocker.transaction().unwrap();
    hold.batch_execute("LOCK TABLE incidents IN ACCESS EXCLUSIVE MODE")
        .unwrap();
    let failed = std::thread::scope(|scope| {
        let writer = scope.spawn(move || store.insert_batch(rest));
        let mut killer = postgres::Client::connect(&url, postgres::NoTls).unwrap();
        let started = Instant::now();
        loop {
            let killed: Vec<bool> = killer
                .query(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                     WHERE wait_event_type = 'Lock' AND wait_event = 'relation'
                       AND pid <> pg_backend_pid()
                       AND datname = current_database()",
                    &[],
                )
                .unwrap()
                .iter()
                .map(|row| row.get(0))
                .collect();
            if killed.contains(&true) {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "the writer never waited on the held table"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        writer.join().unwrap()
    });
    hold.rollback().unwrap();
    assert!(failed.is_err(), "the killed batch reports failure");

    let mut rerun = Store::open_postgres(&url).unwrap();
    assert_eq!(rerun.stats().unwrap().articles, first.len() as u64);
    for batch in all.chunks(5) {
        rerun.insert_batch(batch).unwrap();
    }
    assert_eq!(snapshot(&rerun), expected);
}

#[test]
fn a_server_that_cannot_be_reached_is_an_error_naming_it_without_the_password() {
    // Port 1 on the loopback interface refuses connections at once.
    let err = Store::open_postgres("postgres://desk:hunter2@127.0.0.1:1/sitrep").unwrap_err();
    let message = err.to_string();
    assert!(message.contains("127.0.0.1:1"), "{message}");
    assert!(!message.contains("hunter2"), "{message}");
}

#[test]
fn a_location_that_requires_tls_is_refused_saying_why() {
    let err = Store::open_postgres("postgres://desk:hunter2@127.0.0.1:1/sitrep?sslmode=require")
        .unwrap_err();
    assert!(
        matches!(err, sitrep_store::Error::TlsUnsupported { .. }),
        "{err}"
    );
    let message = err.to_string();
    assert!(
        message.contains("without TLS") && !message.contains("hunter2"),
        "{message}"
    );
}
