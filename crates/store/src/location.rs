//! Where a store lives: a SQLite file, or a PostgreSQL database named by a URL.

use std::ffi::{OsStr, OsString};
use std::fmt;
use std::path::PathBuf;

/// Where a store lives, as given on a command line (`--db`, `$SITREP_DB`): a location starting
/// with `postgres://` or `postgresql://` is a PostgreSQL database, anything else a SQLite file.
///
/// ```
/// use sitrep_store::StoreLocation;
///
/// let file = StoreLocation::from("incidents.db");
/// assert_eq!(file, StoreLocation::File("incidents.db".into()));
/// let shared = StoreLocation::from("postgres://desk:secret@db.example/sitrep");
/// assert!(matches!(shared, StoreLocation::Postgres(_)));
/// // Shown without its password.
/// assert_eq!(shared.to_string(), "postgres://desk:***@db.example/sitrep");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreLocation {
    /// A SQLite database file (created when missing).
    File(PathBuf),
    /// A PostgreSQL connection URL.
    Postgres(String),
}

/// The URL schemes of PostgreSQL locations.
const POSTGRES_SCHEMES: [&str; 2] = ["postgres://", "postgresql://"];

impl StoreLocation {
    /// Whether there is a store to read: the file exists, or the location is a database
    /// server (which says for itself when it cannot be reached).
    pub fn exists(&self) -> bool {
        match self {
            StoreLocation::File(path) => path.exists(),
            StoreLocation::Postgres(_) => true,
        }
    }
}

impl From<&OsStr> for StoreLocation {
    fn from(text: &OsStr) -> Self {
        match text.to_str() {
            Some(url)
                if POSTGRES_SCHEMES.iter().any(|scheme| {
                    url.get(..scheme.len())
                        .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
                }) =>
            {
                StoreLocation::Postgres(url.to_string())
            }
            _ => StoreLocation::File(PathBuf::from(text)),
        }
    }
}

impl From<OsString> for StoreLocation {
    fn from(text: OsString) -> Self {
        StoreLocation::from(text.as_os_str())
    }
}

impl From<&str> for StoreLocation {
    fn from(text: &str) -> Self {
        StoreLocation::from(OsStr::new(text))
    }
}

impl From<PathBuf> for StoreLocation {
    fn from(path: PathBuf) -> Self {
        StoreLocation::from(path.into_os_string())
    }
}

impl fmt::Display for StoreLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreLocation::File(path) => write!(f, "{}", path.display()),
            StoreLocation::Postgres(url) => f.write_str(&crate::pg::redact(url)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_postgres_schemes_name_a_server() {
        for url in [
            "postgres://h/db",
            "postgresql://u@h:5433/db",
            "POSTGRES://h/db",
        ] {
            assert!(
                matches!(StoreLocation::from(url), StoreLocation::Postgres(_)),
                "{url}"
            );
        }
        for path in ["sitrep.db", "postgres.db", "./postgres://x", "/data/pg"] {
            assert_eq!(
                StoreLocation::from(path),
                StoreLocation::File(path.into()),
                "{path}"
            );
        }
    }
}
