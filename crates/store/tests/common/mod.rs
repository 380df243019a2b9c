//! What the store's test suites share: a fresh store on the engine under test.
//!
//! Tests that hold for every engine open their store with [`fresh_store`]: an in-memory
//! SQLite database, or, when `SITREP_TEST_POSTGRES` holds a PostgreSQL URL
//! (`scripts/test-postgres.sh` starts a throw-away server and sets it), a new schema of that
//! database, so that the same tests run against both engines.

#![allow(dead_code)] // Each test crate uses part of this module.

use std::sync::atomic::{AtomicUsize, Ordering};

use sitrep_store::Store;

/// The variable naming the PostgreSQL database to test against.
pub const POSTGRES_VARIABLE: &str = "SITREP_TEST_POSTGRES";

/// The PostgreSQL URL under test, if any.
pub fn postgres_url() -> Option<String> {
    std::env::var(POSTGRES_VARIABLE)
        .ok()
        .filter(|url| !url.is_empty())
}

/// A new, empty store on the engine under test.
pub fn fresh_store() -> Store {
    match postgres_url() {
        Some(url) => Store::open_postgres(&fresh_schema(&url)).unwrap(),
        None => Store::open_in_memory().unwrap(),
    }
}

/// Creates a new schema in the database at `url` and returns a URL whose connections use it:
/// every test gets empty tables, and tests run in parallel.
pub fn fresh_schema(url: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let schema = format!(
        "test_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let mut admin = postgres::Client::connect(url, postgres::NoTls).unwrap();
    admin
        .batch_execute(&format!("CREATE SCHEMA {schema}"))
        .unwrap();
    let separator = if url.contains('?') { '&' } else { '?' };
    format!("{url}{separator}options=-csearch_path%3D{schema}")
}
