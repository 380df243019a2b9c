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

/// An error and its causes on one line, `outer: cause: cause`, saying each thing once: a cause
/// whose text (or whose text after a label such as `Error code 13:`) the line already holds is
/// left out, and a cause that repeats the context before
/// it (library errors often print their own context and cause) replaces that context.
pub fn error_chain(error: &anyhow::Error) -> String {
    let mut segments: Vec<String> = Vec::new();
    for cause in error.chain() {
        let text = cause.to_string();
        // The same words under a label (`Error code 13: disk is full`) say nothing new either.
        let words = text
            .split_once(": ")
            .map_or(text.as_str(), |(_, rest)| rest);
        if segments.iter().any(|s| s.contains(words)) {
            continue;
        }
        match segments.last_mut() {
            Some(last) if text.starts_with(last.as_str()) => *last = text,
            _ => segments.push(text),
        }
    }
    segments.join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cause_already_in_the_line_is_said_once() {
        let inner = std::io::Error::other("disk is full");
        let error = anyhow::Error::new(inner)
            .context("writing s.db: disk is full")
            .context("ingesting");
        assert_eq!(error_chain(&error), "ingesting: writing s.db: disk is full");
        let plain = anyhow::anyhow!("root").context("outer");
        assert_eq!(error_chain(&plain), "outer: root");
        let repeated =
            anyhow::anyhow!("opening store s.db: unable to open").context("opening store s.db");
        assert_eq!(error_chain(&repeated), "opening store s.db: unable to open");
        let labelled = anyhow::Error::new(std::io::Error::other("Error code 13: disk is full"))
            .context("sqlite: disk is full");
        assert_eq!(error_chain(&labelled), "sqlite: disk is full");
    }
}
