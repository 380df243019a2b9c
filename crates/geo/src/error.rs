//! Errors of loading a gazetteer.

/// What went wrong reading gazetteer data.
#[derive(Debug, thiserror::Error)]
pub enum GeoError {
    /// A row of a data file could not be read.
    #[error("{file}:{line}: {message}")]
    BadRow {
        /// Which data file.
        file: &'static str,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A data file lacks its header or a column.
    #[error("{file}: missing column {column:?} in the header")]
    MissingColumn {
        /// Which data file.
        file: &'static str,
        /// The column expected.
        column: &'static str,
    },
}

/// Result of gazetteer operations.
pub type Result<T> = std::result::Result<T, GeoError>;
