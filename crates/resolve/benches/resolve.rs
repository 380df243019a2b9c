//! Criterion benchmark of resolution (not a test: nothing here asserts a time): one day of
//! world news, about 250 incidents reported by 1 to 5 outlets each (about 560 reports), grouped
//! into incidents and reconciled. Run with `cargo bench -p sitrep-resolve --bench resolve`.
//!
//! - `resolve/cluster_day`: [`cluster`] over the day's reports at once;
//! - `resolve/index_day`: the reports placed one by one in a [`MemoryIndex`] (as the store
//!   does as articles arrive), then every incident's fields reconciled.
//!
//! The day is synthetic and deterministic (a fixed-seed generator): incidents in 40 cities,
//! every event type, reports that differ as outlets' reports do (tolls that grow, a day's
//! uncertainty in the date, a named group or not, a place a few kilometres off).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sitrep_model::{
    ArticleId, Count, CountryCode, DatePrecision, EventDate, EventType, Incident, Location,
    LocationPrecision, Perpetrator,
};
use sitrep_resolve::{MemoryIndex, Mention, MentionKey, cluster, reconcile};

const CITIES: &[(&str, &str, f64, f64)] = &[
    ("Kabul", "AF", 34.53, 69.17),
    ("Kandahar", "AF", 31.61, 65.71),
    ("Baghdad", "IQ", 33.34, 44.40),
    ("Mosul", "IQ", 36.34, 43.13),
    ("Damascus", "SY", 33.51, 36.29),
    ("Aleppo", "SY", 36.20, 37.16),
    ("Idlib", "SY", 35.93, 36.63),
    ("Tripoli", "LY", 32.89, 13.19),
    ("Benghazi", "LY", 32.12, 20.07),
    ("Sanaa", "YE", 15.35, 44.21),
    ("Taiz", "YE", 13.58, 44.02),
    ("Mogadishu", "SO", 2.04, 45.34),
    ("Maiduguri", "NG", 11.85, 13.16),
    ("Lagos", "NG", 6.45, 3.39),
    ("Gao", "ML", 16.27, -0.04),
    ("Bamako", "ML", 12.65, -8.00),
    ("Ouagadougou", "BF", 12.37, -1.52),
    ("Niamey", "NE", 13.51, 2.11),
    ("Goma", "CD", -1.68, 29.23),
    ("Beni", "CD", 0.49, 29.47),
    ("Juba", "SS", 4.85, 31.58),
    ("Khartoum", "SD", 15.50, 32.56),
    ("Cairo", "EG", 30.04, 31.24),
    ("Arish", "EG", 31.13, 33.80),
    ("Peshawar", "PK", 34.01, 71.58),
    ("Quetta", "PK", 30.18, 67.00),
    ("Karachi", "PK", 24.86, 67.01),
    ("Srinagar", "IN", 34.08, 74.80),
    ("Pattani", "TH", 6.87, 101.25),
    ("Marawi", "PH", 8.00, 124.29),
    ("Bogota", "CO", 4.61, -74.08),
    ("Culiacan", "MX", 24.80, -107.39),
    ("Donetsk", "UA", 48.02, 37.80),
    ("Beirut", "LB", 33.89, 35.50),
    ("Istanbul", "TR", 41.01, 28.98),
    ("Dhaka", "BD", 23.81, 90.41),
    ("Yangon", "MM", 16.87, 96.20),
    ("Bangui", "CF", 4.36, 18.56),
    ("Maputo", "MZ", -25.97, 32.57),
    ("Nairobi", "KE", -1.29, 36.82),
];

const GROUPS: &[&str] = &[
    "Islamic State",
    "Taliban",
    "al-Shabaab",
    "Boko Haram",
    "Houthis",
    "Allied Democratic Forces",
];

/// A xorshift64* generator: the same day on every machine.
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

fn count(n: u32) -> Count {
    Count {
        min: Some(n),
        max: Some(n),
        text: n.to_string(),
    }
}

/// The reports of one day: `(published, incident)` per outlet per event.
fn day() -> Vec<Mention> {
    let mut rng = Rng(0x05EE_D000_0DA7_0001);
    let day: jiff::civil::Date = "2019-06-14".parse().expect("a valid date");
    let mut mentions = Vec::new();
    for event in 0..250 {
        let (name, country, lat, lon) = CITIES[rng.below(CITIES.len())];
        let event_type = EventType::ALL[rng.below(EventType::ALL.len() - 1)];
        let killed = rng.below(30) as u32;
        let group = (rng.below(2) == 0).then(|| GROUPS[rng.below(GROUPS.len())]);
        let (lat, lon) = (lat + rng.unit() - 0.5, lon + rng.unit() - 0.5);
        for outlet in 0..1 + rng.below(5) {
            let mut incident = Incident::new(event_type);
            let vague = rng.below(5) == 0;
            incident.date = Some(EventDate {
                start: Some(day),
                end: Some(if vague {
                    day.tomorrow().expect("in range")
                } else {
                    day
                }),
                precision: DatePrecision::Day,
                text: "on Friday".into(),
            });
            incident.location = Some(Location {
                name: name.into(),
                country: CountryCode::new(country).expect("a valid code"),
                country_name: country.into(),
                admin1: None,
                admin2: None,
                lat: lat + (rng.unit() - 0.5) * 0.05,
                lon: lon + (rng.unit() - 0.5) * 0.05,
                geonames_id: None,
                precision: LocationPrecision::City,
                text: name.into(),
            });
            incident.killed = Some(count(killed + rng.below(3) as u32));
            incident.wounded = (rng.below(2) == 0).then(|| count(rng.below(40) as u32));
            if let Some(group) = group.filter(|_| rng.below(3) > 0) {
                incident.perpetrators = vec![Perpetrator {
                    name: Some(group.into()),
                    claimed: rng.below(4) == 0,
                    text: group.into(),
                }];
            }
            incident.confidence = 0.8;
            let key = MentionKey::new(ArticleId::new(format!("outlet-{outlet}/{event}")), 0);
            mentions.push(Mention::new(key, incident, day.tomorrow().ok()));
        }
    }
    mentions
}

fn resolve(c: &mut Criterion) {
    let mentions = day();
    let mut group = c.benchmark_group("resolve");
    group.throughput(Throughput::Elements(mentions.len() as u64));
    group.bench_function("cluster_day", |b| {
        b.iter(|| cluster(black_box(mentions.clone())))
    });
    group.bench_function("index_day", |b| {
        b.iter(|| {
            let mut index = MemoryIndex::default();
            for m in black_box(&mentions) {
                index.insert(m.clone());
            }
            index
                .incidents()
                .values()
                .map(|reports| {
                    let values: Vec<Incident> =
                        reports.iter().map(|m| m.incident().clone()).collect();
                    reconcile(&values)
                })
                .count()
        })
    });
    group.finish();
}

criterion_group!(benches, resolve);
criterion_main!(benches);
