//! Criterion benchmarks of the store (not tests: nothing here asserts a time). Run with
//! `cargo bench -p sitrep-store --bench store`.
//!
//! Queries run on the store named by `SITREP_BENCH_STORE` (for instance the 1,000,000-incident
//! store `scripts/bench-serve.sh` builds, `target/bench/incidents-1000000.db`), or else on
//! 100,000 synthetic incidents written to a temporary store first. Each query benchmark cycles
//! through 64 different queries (boxes, countries, date ranges), so no single query's cache
//! decides the figure.
//!
//! - `store/search_bbox_dates`: the dashboard's map query, as `GET /api/incidents?bbox=…&since=…&until=…&limit=100`;
//! - `store/search_country_type_dates`: a country, an event type and a date range, 100 newest;
//! - `store/search_text`: a place word searched in the reports, 100 newest;
//! - `store/count_bbox_dates`: the number of incidents in a box and a date range;
//! - `store/insert_day`: one day's 560 extracted articles (250 incidents, 1 to 5 reports
//!   each) written to an empty in-memory store in one batch, resolution included;
//! - `store/insert_day_10k_watches`: the same day with 10,000 watches in the store (radii
//!   around the same towns, countries, provinces, boxes), alerts included: the difference with
//!   `insert_day` is what watching costs.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use jiff::civil::Date;
use sitrep_model::{
    Article, ArticleId, ArticleMeta, ByteSpan, Count, CountryCode, DatePrecision, EventDate,
    EventType, Evidence, EvidenceField, ExtractedArticle, Incident, Location, LocationPrecision,
    Perpetrator,
};
use sitrep_store::{BoundingBox, IncidentFilter, IncidentSearch, PageRequest, SortOrder, Store};
use sitrep_watch::{Area, WatchSpec, WebhookPolicy};

/// `(name, country, lat, lon)` of the places incidents are scattered around.
const CENTRES: &[(&str, &str, f64, f64)] = &[
    ("Kabul", "AF", 34.53, 69.17),
    ("Kandahar", "AF", 31.61, 65.71),
    ("Baghdad", "IQ", 33.34, 44.40),
    ("Mosul", "IQ", 36.34, 43.13),
    ("Damascus", "SY", 33.51, 36.29),
    ("Aleppo", "SY", 36.20, 37.16),
    ("Tripoli", "LY", 32.89, 13.19),
    ("Benghazi", "LY", 32.12, 20.07),
    ("Sanaa", "YE", 15.35, 44.21),
    ("Mogadishu", "SO", 2.04, 45.34),
    ("Maiduguri", "NG", 11.85, 13.16),
    ("Gao", "ML", 16.27, -0.04),
    ("Ouagadougou", "BF", 12.37, -1.52),
    ("Goma", "CD", -1.68, 29.23),
    ("Cairo", "EG", 30.04, 31.24),
    ("Peshawar", "PK", 34.01, 71.58),
    ("Quetta", "PK", 30.18, 67.00),
    ("Pattani", "TH", 6.87, 101.25),
    ("Bogota", "CO", 4.61, -74.08),
    ("Donetsk", "UA", 48.02, 37.80),
];

const GROUPS: &[&str] = &[
    "Islamic State",
    "Taliban",
    "al-Shabaab",
    "Boko Haram",
    "Houthis",
];

/// A xorshift64* generator: the same incidents on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn day(offset: usize) -> Date {
    jiff::civil::date(2000, 1, 1)
        .checked_add(jiff::Span::new().days(offset as i64))
        .expect("within the calendar")
}

/// One article reporting one incident. `event` names the incident: reports of the same event
/// share its place, day and group, so that resolution merges them.
fn report(event: usize, outlet: usize, date: Date, rng: &mut Rng) -> (Article, ExtractedArticle) {
    let mut event_rng = Rng(0x5EED ^ (event as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let (place, country, lat, lon) = CENTRES[event_rng.below(CENTRES.len())];
    let lat = lat + (event_rng.unit() + event_rng.unit() - 1.0) * 2.5;
    let lon = lon + (event_rng.unit() + event_rng.unit() - 1.0) * 2.5;
    let event_type = EventType::ALL[event_rng.below(EventType::ALL.len() - 1)];
    let group = format!("{} (cell {event})", GROUPS[event_rng.below(GROUPS.len())]);
    let killed = event_rng.below(20) as u32 + rng.below(3) as u32;
    let text = format!(
        "A {} near {place} killed {killed} people, officials said.",
        event_type.as_str().replace('_', " ")
    );
    let article = Article {
        id: ArticleId::new(format!("outlet-{outlet}/{event}")),
        published: date.tomorrow().ok(),
        title: Some(format!("Attack near {place}")),
        url: None,
        source: Some(format!("outlet-{outlet}")),
        text,
    };
    let mut incident = Incident::new(event_type);
    incident.date = Some(EventDate {
        start: Some(date),
        end: Some(date),
        precision: DatePrecision::Day,
        text: "on the day".into(),
    });
    incident.location = Some(Location {
        name: place.into(),
        country: CountryCode::new(country).expect("a valid code"),
        country_name: country.into(),
        admin1: None,
        admin2: None,
        lat,
        lon,
        geonames_id: None,
        precision: LocationPrecision::City,
        text: place.into(),
    });
    incident.killed = Some(Count {
        min: Some(killed),
        max: Some(killed),
        text: killed.to_string(),
    });
    incident.perpetrators = vec![Perpetrator {
        name: Some(group.clone()),
        claimed: false,
        text: group,
    }];
    incident.confidence = 0.8;
    let at = article.text.find(place).expect("the place is in the text");
    incident.evidence = vec![Evidence {
        field: EvidenceField::Location,
        span: ByteSpan::new(&article.text, at, at + place.len()).expect("in the text"),
    }];
    let extracted = ExtractedArticle {
        article: ArticleMeta::from(&article),
        incidents: vec![incident],
    };
    (article, extracted)
}

/// The store to query: `SITREP_BENCH_STORE`, or 100,000 synthetic incidents over 25 years.
fn store() -> (Store, Option<tempfile::TempDir>) {
    if let Some(path) = std::env::var_os("SITREP_BENCH_STORE") {
        let store = Store::open(&PathBuf::from(path)).expect("SITREP_BENCH_STORE opens");
        return (store, None);
    }
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut store = Store::open(&dir.path().join("bench.db")).expect("a new store");
    let mut rng = Rng(0x5EED_0000_2024_0002);
    for start in (0..100_000).step_by(10_000) {
        let batch: Vec<_> = (start..start + 10_000)
            .map(|event| {
                let date = day(rng.below(25 * 365));
                report(event, 0, date, &mut rng)
            })
            .collect();
        store
            .insert_batch(&batch)
            .expect("synthetic articles are valid");
    }
    (store, Some(dir))
}

/// 64 searches of one kind, the same every run.
fn searches(kind: &str) -> Vec<IncidentSearch> {
    let mut rng = Rng(0x5EED_0000_0000_0064);
    (0..64)
        .map(|_| {
            let (place, country, lat, lon) = CENTRES[rng.below(CENTRES.len())];
            let span = 30 + rng.below(3 * 365);
            let start = rng.below(25 * 365 - span);
            let mut filter = IncidentFilter {
                since: Some(day(start)),
                until: Some(day(start + span)),
                ..IncidentFilter::default()
            };
            let mut text = None;
            match kind {
                "bbox" => {
                    let half = 1.0 + rng.unit() * 5.0;
                    filter.bbox = Some(
                        BoundingBox::new(lon - half, lat - half, lon + half, lat + half)
                            .expect("a valid box"),
                    );
                }
                "country" => {
                    filter.country = Some(CountryCode::new(country).expect("a valid code"));
                    filter.event_type = Some(EventType::ALL[rng.below(EventType::ALL.len() - 1)]);
                }
                _ => {
                    filter.since = None;
                    filter.until = None;
                    text = Some(place.to_string());
                }
            }
            IncidentSearch { filter, text }
        })
        .collect()
}

fn queries(c: &mut Criterion) {
    let (store, _dir) = store();
    let page = PageRequest {
        order: SortOrder::DateDesc,
        after: None,
        limit: 100,
    };
    let mut group = c.benchmark_group("store");
    group.throughput(Throughput::Elements(1));
    for (name, kind) in [
        ("search_bbox_dates", "bbox"),
        ("search_country_type_dates", "country"),
        ("search_text", "text"),
    ] {
        let searches = searches(kind);
        let mut next = 0;
        group.bench_function(name, |b| {
            b.iter(|| {
                next = (next + 1) % searches.len();
                store
                    .search_page(black_box(&searches[next]), &page)
                    .expect("the query runs")
            })
        });
    }
    let searches = searches("bbox");
    let mut next = 0;
    group.bench_function("count_bbox_dates", |b| {
        b.iter(|| {
            next = (next + 1) % searches.len();
            store
                .search_count(black_box(&searches[next]))
                .expect("the count runs")
        })
    });
    group.finish();
}

fn insert(c: &mut Criterion) {
    let mut rng = Rng(0x05EE_D000_0DA7_0003);
    let date = day(7000);
    let mut articles = Vec::new();
    for event in 0..250 {
        for outlet in 0..1 + rng.below(5) {
            articles.push(report(event, outlet, date, &mut rng));
        }
    }
    let mut group = c.benchmark_group("store");
    group.sample_size(20);
    group.throughput(Throughput::Elements(articles.len() as u64));
    group.bench_function("insert_day", |b| {
        b.iter_batched(
            || Store::open_in_memory().expect("an in-memory store"),
            |mut store| {
                store
                    .insert_batch(black_box(&articles))
                    .expect("synthetic articles are valid")
            },
            BatchSize::PerIteration,
        )
    });
    let watches = watches(10_000);
    {
        let mut store = Store::open_in_memory().expect("an in-memory store");
        for spec in &watches {
            store
                .add_watch(spec, WebhookPolicy::PublicOnly)
                .expect("generated watches are valid");
        }
        let outcome = store
            .insert_batch_resolved(&articles)
            .expect("synthetic articles are valid");
        eprintln!(
            "store/insert_day_10k_watches: {} incidents raise {} alerts",
            outcome.incidents.created, outcome.alerts
        );
    }
    group.bench_function("insert_day_10k_watches", |b| {
        b.iter_batched(
            || {
                let store = Store::open_in_memory().expect("an in-memory store");
                for spec in &watches {
                    store
                        .add_watch(spec, WebhookPolicy::PublicOnly)
                        .expect("generated watches are valid");
                }
                store
            },
            |mut store| {
                store
                    .insert_batch(black_box(&articles))
                    .expect("synthetic articles are valid")
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

/// `n` watches: 85 % radii of 5 to 100 km around points near the towns incidents happen in,
/// 10 % countries, 5 % boxes of about a degree.
fn watches(n: usize) -> Vec<WatchSpec> {
    let mut rng = Rng(0x00A7_C4E5_0000_0001);
    (0..n)
        .map(|i| {
            let (_, country, lat, lon) = CENTRES[rng.below(CENTRES.len())];
            let lat = lat + (rng.unit() - 0.5) * 6.0;
            let lon = lon + (rng.unit() - 0.5) * 6.0;
            let area = match rng.below(20) {
                0 | 1 => Area::Country {
                    country: CountryCode::new(country).expect("a valid code"),
                },
                2 => Area::Bbox {
                    min_lon: lon - 0.5,
                    min_lat: lat - 0.5,
                    max_lon: lon + 0.5,
                    max_lat: lat + 0.5,
                },
                _ => Area::Near {
                    lat,
                    lon,
                    radius_km: 5.0 + rng.unit() * 95.0,
                    radius_km_by_type: Default::default(),
                },
            };
            WatchSpec::new(format!("w{i}"), area)
        })
        .collect()
}

criterion_group!(benches, queries, insert);
criterion_main!(benches);
