//! Criterion benchmarks of date finding and resolution (not tests: nothing here asserts a
//! time). Run with `cargo bench -p sitrep-time --bench dates`.
//!
//! - `dates/expressions`: a paragraph of 24 date expressions of every kind ("on Sunday", "late
//!   on Tuesday", "16 May 2018", "May 16", "last week", "three days ago", "11/09/2012", "in
//!   2014"...), found and resolved against the publication date;
//! - `dates/feature`: every date in a 6 KB feature, as extraction does once per article;
//! - `dates/unanchored`: the same paragraph without a publication date (relative expressions
//!   keep their text and precision, no day).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sitrep_time::find_dates;

const FEATURE: &str = include_str!("../../extract/benches/data/feature.txt");

const EXPRESSIONS: &str = "Gunmen attacked the convoy on Sunday, officials said. A second \
attack came late on Tuesday, and a third on Wednesday evening. The market was hit on 16 May \
2018 and again on May 16, 2019; a bombing on 3 March killed nine. Last week, a checkpoint was \
attacked, and two days ago a bus was ambushed. Yesterday, troops clashed with rebels; earlier \
this month, a mosque was bombed. The base was attacked on 11/09/2012 and on 25/12/2014. In \
2014, the group seized the town; in mid-2016 it lost it, and in January 2017 it returned. \
The talks of June 2015 failed. On Friday night, shelling resumed. The previous attack, on \
Feb. 14, killed 17. Attacks rose this year and last year, since 2009. Early on Monday, a \
roadside bomb exploded; on the morning of Thursday, a second one was found.";

fn dates(c: &mut Criterion) {
    let published = Some("2019-06-14".parse().expect("a valid date"));
    let mut group = c.benchmark_group("dates");
    group.throughput(Throughput::Bytes(EXPRESSIONS.len() as u64));
    group.bench_function("expressions", |b| {
        b.iter(|| find_dates(black_box(EXPRESSIONS), 0..EXPRESSIONS.len(), published))
    });
    group.bench_function("unanchored", |b| {
        b.iter(|| find_dates(black_box(EXPRESSIONS), 0..EXPRESSIONS.len(), None))
    });
    let feature_published = Some("2020-02-13".parse().expect("a valid date"));
    group.throughput(Throughput::Bytes(FEATURE.len() as u64));
    group.bench_function("feature", |b| {
        b.iter(|| find_dates(black_box(FEATURE), 0..FEATURE.len(), feature_published))
    });
    group.finish();
}

criterion_group!(benches, dates);
criterion_main!(benches);
