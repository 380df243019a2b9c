//! Errors of building extraction resources. Extraction itself cannot fail.

/// What went wrong building [`crate::Resources`].
#[derive(Debug, thiserror::Error)]
pub enum ResourceError {
    /// The gazetteer tables could not be read.
    #[error("gazetteer: {0}")]
    Gazetteer(#[from] sitrep_geo::GeoError),
    /// A lexicon row is malformed.
    #[error("{file}:{line}: {message}")]
    Lexicon {
        /// Which lexicon.
        file: &'static str,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A fitted model file is malformed or was fitted on other features.
    #[error("{file}:{line}: {message}")]
    Model {
        /// Which model file (under `data/models/`).
        file: &'static str,
        /// 1-based line; 0 when the whole file is at fault.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A lexicon could not be compiled into an automaton.
    #[error("{file}: cannot build the matcher: {message}")]
    Automaton {
        /// Which lexicon.
        file: &'static str,
        /// Why.
        message: String,
    },
}

/// Result of building resources.
pub type Result<T> = std::result::Result<T, ResourceError>;
