//! Criterion benchmarks of extraction, one article at a time (not tests: nothing here asserts
//! a time). Run with `cargo bench -p sitrep-extract --bench extract`; `scripts/bench.sh` gives
//! the corpus-scale figures and BENCHMARKS.md the results.
//!
//! - `resources/embedded`: compiling the embedded gazetteer and lexicons (most of start-up);
//! - `extract/wire_short`: a 1 KB wire item from the example corpus;
//! - `extract/feature_long`: a 6 KB feature (`benches/data/feature.txt`) with a dozen
//!   incidents, most of them background;
//! - `extract/html_page`: a 48 KB news page with menus, scripts, adverts, related links and
//!   comments around a 1.2 KB story (`benches/data/page.html`), read as sitrep reads it (main
//!   text, cleaning) and extracted; throughput counts the page's bytes;
//! - `extract/example_corpus`: the 17 articles of `examples/corpus.jsonl` one after another.

use std::hint::black_box;
use std::io::Cursor;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sitrep_extract::{Resources, extract_article};
use sitrep_ingest::{ReadOptions, read_reader};
use sitrep_model::{Article, ArticleId};

const CORPUS: &[u8] = include_bytes!("../../../examples/corpus.jsonl");
const FEATURE: &str = include_str!("data/feature.txt");
const PAGE: &[u8] = include_bytes!("data/page.html");

/// Articles read and cleaned as `sitrep extract` does.
fn read(bytes: &'static [u8], name: &str, published: Option<&str>) -> Vec<Article> {
    let options = ReadOptions {
        default_published: published.map(|d| d.parse().expect("a valid date")),
        ..ReadOptions::default()
    };
    read_reader(Cursor::new(bytes), name, Some(Path::new(name)), &options)
        .filter_map(Result::ok)
        .map(|mut article| {
            article.text = sitrep_text::clean_text(&article.text);
            article
        })
        .collect()
}

fn resources(c: &mut Criterion) {
    let mut group = c.benchmark_group("resources");
    group.sample_size(10);
    group.bench_function("embedded", |b| {
        b.iter(|| Resources::embedded().expect("the embedded data is valid"))
    });
    group.finish();
}

fn extract(c: &mut Criterion) {
    let resources = Resources::embedded().expect("the embedded data is valid");
    let corpus = read(CORPUS, "corpus.jsonl", None);
    let wire = corpus
        .iter()
        .find(|a| a.id.as_str() == "ex-005")
        .expect("ex-005 is in the example corpus")
        .clone();
    let feature = Article {
        id: ArticleId::from_content(FEATURE),
        text: sitrep_text::clean_text(FEATURE),
        published: Some("2020-02-13".parse().expect("a valid date")),
        title: None,
        url: None,
        source: None,
    };
    let mut group = c.benchmark_group("extract");
    for (name, article) in [("wire_short", &wire), ("feature_long", &feature)] {
        group.throughput(Throughput::Bytes(article.text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| extract_article(black_box(article), &resources))
        });
    }
    group.throughput(Throughput::Bytes(PAGE.len() as u64));
    group.bench_function("html_page", |b| {
        b.iter(|| {
            read(black_box(PAGE), "page.html", Some("2013-05-18"))
                .iter()
                .map(|article| extract_article(article, &resources))
                .collect::<Vec<_>>()
        })
    });
    let bytes: usize = corpus.iter().map(|a| a.text.len()).sum();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("example_corpus", |b| {
        b.iter(|| {
            black_box(&corpus)
                .iter()
                .map(|article| extract_article(article, &resources))
                .collect::<Vec<_>>()
        })
    });
    group.finish();
}

criterion_group!(benches, resources, extract);
criterion_main!(benches);
