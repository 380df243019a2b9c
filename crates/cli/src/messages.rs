//! Messages to the user on stderr, prefixed `sitrep:`, and the count of rejected inputs that
//! decides the exit status.
//!
//! This module owns the one piece of global state of the binary: how many inputs were
//! rejected. `main` reads it at the end to choose the exit code.

use std::sync::atomic::{AtomicUsize, Ordering};

static ERRORS: AtomicUsize = AtomicUsize::new(0);

/// Reports a rejected input (a file, a record) and counts it.
pub fn error(message: impl std::fmt::Display) {
    ERRORS.fetch_add(1, Ordering::Relaxed);
    eprintln!("sitrep: error: {message}");
}

/// Reports something that changed an input (cut, repaired).
pub fn warning(message: impl std::fmt::Display) {
    eprintln!("sitrep: warning: {message}");
}

/// An informational line.
pub fn note(message: impl std::fmt::Display) {
    eprintln!("sitrep: {message}");
}

/// How many errors were reported.
pub fn errors() -> usize {
    ERRORS.load(Ordering::Relaxed)
}
