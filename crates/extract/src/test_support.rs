//! Shared resources for unit tests: the embedded data, compiled once per test process.

use std::sync::LazyLock;

use crate::Resources;

static RESOURCES: LazyLock<Resources> =
    LazyLock::new(|| Resources::embedded().expect("embedded data is valid"));

/// The embedded resources.
pub fn resources() -> &'static Resources {
    &RESOURCES
}
