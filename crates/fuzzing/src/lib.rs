//! Fuzzing entry points: one function per place where outside bytes enter sitrep.
//!
//! Each function takes the fuzzer's bytes, runs them through the library the way the program
//! does (the same readers, options and order of steps as `sitrep extract`, `sitrep ingest`,
//! `sitrep serve` and `sitrep follow`), and asserts the invariants that must hold for any
//! input: no panic, evidence and mention spans on char boundaries inside their text, errors
//! that name their source, a parameter error that is a 4xx and never a 500, and a few more,
//! listed on each function. A broken invariant panics, which libFuzzer reports as a crash.
//!
//! The cargo-fuzz project in `fuzz/` (nightly) has one target per entry of [`TARGETS`], each a
//! one-line call into this crate; `tests/regressions.rs` (stable) replays every saved finding
//! and every corpus input through the same functions, so `cargo test` keeps them. The inputs
//! are bytes as the program receives them, so seeds and findings can be read and edited:
//! where an entry needs a publication date, it is an optional first line (see
//! [`extract_text`] and [`dates`]).
//!
//! ```
//! // A feed that stops in the middle of its second item: the first is read, then a
//! // `Truncated` error naming the source.
//! sitrep_fuzzing::feed(b"<rss><channel><item><guid>a</guid><description>Gunmen attacked \
//!     a checkpoint.</description></item><item><descr");
//! // Every target runs by name, as the regression test does.
//! let (_, numbers) = sitrep_fuzzing::TARGETS.iter().find(|(name, _)| *name == "numbers").unwrap();
//! numbers(b"between 5 and 7 people");
//! ```
#![deny(missing_docs)]

mod checks;
mod extraction;
mod ingest;
mod query;
mod text;
mod watch;

pub use extraction::{extract_text, resources};
pub use ingest::{feed, gzip, html_page, json_lines, warc};
pub use query::query_params;
pub use text::{dates, numbers};
pub use watch::watch_spec;

/// A fuzz target: takes the fuzzer's bytes and panics when an invariant breaks.
pub type Target = fn(&[u8]);

/// Every fuzz target by name: the name of its file in `fuzz/fuzz_targets/` and of its folders
/// in `fuzz/corpus/` and `fuzz/regressions/`.
pub const TARGETS: &[(&str, Target)] = &[
    ("extract", extract_text),
    ("html", html_page),
    ("feed", feed),
    ("jsonl", json_lines),
    ("warc", warc),
    ("gzip", gzip),
    ("dates", dates),
    ("numbers", numbers),
    ("query_params", query_params),
    ("watch_spec", watch_spec),
];
