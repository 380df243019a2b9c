//! Criterion benchmarks of the gazetteer (not tests: nothing here asserts a time). Run with
//! `cargo bench -p sitrep-geo --bench gazetteer`.
//!
//! - `gazetteer/build`: the three embedded tables (170,000 places, 300,000 spellings) into a
//!   [`Gazetteer`]: most of sitrep's start-up;
//! - `gazetteer/lookup_hit`, `lookup_miss`: one spelling to its places, for 16 spellings that
//!   name places (accents, apostrophes and case varying) and 16 capitalised words that do not;
//! - `gazetteer/find_place_names`: every place name and demonym in a 6 KB feature (tokenised
//!   beforehand), as extraction does once per article.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sitrep_geo::{Gazetteer, GazetteerSources, find_place_names};

const SOURCES: GazetteerSources<'static> = GazetteerSources {
    countries: include_str!("../../../data/geo/countries.tsv"),
    admin1: include_str!("../../../data/geo/admin1.tsv"),
    admin2: include_str!("../../../data/geo/admin2.tsv"),
    cities: include_str!("../../../data/geo/cities.tsv"),
};

const FEATURE: &str = include_str!("../../extract/benches/data/feature.txt");

const PLACES: &[&str] = &[
    "Tripoli",
    "Maiduguri",
    "Ras al-Ain",
    "São Paulo",
    "N'Djamena",
    "KABUL",
    "Mogadishu",
    "Borno",
    "South Korea",
    "Île-de-France",
    "Deir ez-Zor",
    "Peshawar",
    "Benghazi",
    "Ouagadougou",
    "St. Louis",
    "Aleppo",
];

const NOT_PLACES: &[&str] = &[
    "Reuters",
    "Monday",
    "Islamic State",
    "Interior Ministry",
    "Brigadier",
    "Witnesses",
    "The",
    "Police",
    "Hospital",
    "President",
    "Officials",
    "Saad Kareem",
    "Foreign Affairs",
    "However",
    "Boko Haram",
    "United Nations Security Council",
];

fn gazetteer(c: &mut Criterion) {
    let mut group = c.benchmark_group("gazetteer");
    group.sample_size(10);
    group.bench_function("build", |b| {
        b.iter(|| Gazetteer::from_sources(black_box(SOURCES)).expect("valid tables"))
    });
    group.finish();

    let g = Gazetteer::from_sources(SOURCES).expect("valid tables");
    let mut group = c.benchmark_group("gazetteer");
    group.throughput(Throughput::Elements(PLACES.len() as u64));
    group.bench_function("lookup_hit", |b| {
        b.iter(|| {
            black_box(PLACES)
                .iter()
                .map(|name| g.lookup(name).len())
                .sum::<usize>()
        })
    });
    group.throughput(Throughput::Elements(NOT_PLACES.len() as u64));
    group.bench_function("lookup_miss", |b| {
        b.iter(|| {
            black_box(NOT_PLACES)
                .iter()
                .map(|name| g.lookup(name).len())
                .sum::<usize>()
        })
    });
    let tokens = sitrep_text::tokenize(FEATURE);
    group.throughput(Throughput::Bytes(FEATURE.len() as u64));
    group.bench_function("find_place_names", |b| {
        b.iter(|| find_place_names(&g, black_box(FEATURE), &tokens))
    });
    group.finish();
}

criterion_group!(benches, gazetteer);
criterion_main!(benches);
