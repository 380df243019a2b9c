//! Criterion benchmarks of watch matching (not tests: nothing here asserts a time). Run with
//! `cargo bench -p sitrep-watch --bench watch`.
//!
//! - `watch/index_10k`: building the index of 10,000 watches (what a write does once per batch);
//! - `watch/match_10k`: which of 10,000 watches one incident matches, cycling through 1,000
//!   incidents placed around the world's towns (most match a few watches, many none).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sitrep_model::{CountryCode, EventType, Incident, Location, LocationPrecision};
use sitrep_watch::{Area, WatchIndex, WatchSpec};

/// A xorshift64* generator: the same watches on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Two-letter codes to spread country and province watches over.
const COUNTRIES: &[&str] = &[
    "AF", "IQ", "SY", "LY", "YE", "SO", "NG", "ML", "PK", "IN", "CO", "UA",
];

/// 10,000 watches over populated latitudes: 85 % radii of 5 to 100 km, 10 % countries,
/// 5 % provinces.
fn watches(rng: &mut Rng) -> Vec<(usize, WatchSpec)> {
    (0..10_000)
        .map(|i| {
            let pick = (rng.unit() * 20.0) as usize;
            let country = COUNTRIES[(rng.unit() * COUNTRIES.len() as f64) as usize];
            let area = match pick {
                0 | 1 => Area::Country {
                    country: CountryCode::new(country).unwrap(),
                },
                2 => Area::Admin1 {
                    name: format!("Province {}", i % 50),
                    country: None,
                },
                _ => Area::Near {
                    lat: rng.unit() * 120.0 - 50.0,
                    lon: rng.unit() * 360.0 - 180.0,
                    radius_km: 5.0 + rng.unit() * 95.0,
                    radius_km_by_type: Default::default(),
                },
            };
            (i, WatchSpec::new(format!("w{i}"), area))
        })
        .collect()
}

fn incidents(rng: &mut Rng) -> Vec<Incident> {
    (0..1_000)
        .map(|i| {
            let mut incident = Incident::new(EventType::Bombing);
            incident.location = Some(Location {
                name: "town".into(),
                country: CountryCode::new(COUNTRIES[i % COUNTRIES.len()]).unwrap(),
                country_name: "country".into(),
                admin1: Some(format!("Province {}", i % 70)),
                admin2: None,
                lat: rng.unit() * 120.0 - 50.0,
                lon: rng.unit() * 360.0 - 180.0,
                geonames_id: None,
                precision: LocationPrecision::City,
                text: "town".into(),
            });
            incident
        })
        .collect()
}

fn matching(c: &mut Criterion) {
    let mut rng = Rng(0x0057_A7C4_0000_0001);
    let specs = watches(&mut rng);
    let incidents = incidents(&mut rng);
    let mut group = c.benchmark_group("watch");
    group.bench_function("index_10k", |b| {
        b.iter(|| WatchIndex::new(black_box(specs.clone())))
    });
    let index = WatchIndex::new(specs);
    let mut i = 0;
    group.throughput(Throughput::Elements(1));
    group.bench_function("match_10k", |b| {
        b.iter(|| {
            i = (i + 1) % incidents.len();
            index.matches(black_box(&incidents[i])).len()
        })
    });
    group.finish();
}

criterion_group!(benches, matching);
criterion_main!(benches);
