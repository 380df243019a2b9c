//! The errors of the store: what went wrong, and where (path, table, article or incident id).

use std::path::PathBuf;

/// The result of every store operation.
pub type Result<T> = std::result::Result<T, Error>;

/// Everything that can go wrong while opening, writing or reading a store.
///
/// The first variants are caused by the caller's input (a bad record, a database written by a
/// newer sitrep) and say how to fix it; [`Error::Sqlite`] and [`Error::CorruptRow`] are internal.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The database file could not be opened or set up.
    #[error("opening store {}: {source}", path.display())]
    Open {
        /// The database file.
        path: PathBuf,
        /// What SQLite said.
        #[source]
        source: rusqlite::Error,
    },

    /// The database was written by a newer sitrep whose schema this code does not know.
    #[error(
        "store schema version {found} is newer than the newest this sitrep knows ({supported}); \
         upgrade sitrep to open it"
    )]
    SchemaTooNew {
        /// `PRAGMA user_version` of the database.
        found: u32,
        /// The newest schema version this code can migrate to.
        supported: u32,
    },

    /// A migration script failed; the database stays at the version before it.
    #[error("migrating store schema to version {version}: {source}")]
    Migration {
        /// The version the failing script migrates to.
        version: u32,
        /// What SQLite said.
        #[source]
        source: rusqlite::Error,
    },

    /// The extraction result passed with an article is for another article.
    #[error("article {article}: extraction result is for article {extracted}")]
    ArticleMismatch {
        /// The id of the article given.
        article: String,
        /// The id in the extraction result.
        extracted: String,
    },

    /// An article holds a value the store cannot keep faithfully.
    #[error("article {article}: {reason}")]
    InvalidArticle {
        /// The article's id.
        article: String,
        /// What is wrong with it, naming the field.
        reason: String,
    },

    /// An extracted incident holds a value the store cannot keep faithfully.
    #[error("article {article}: incident {ordinal}: {reason}")]
    InvalidIncident {
        /// The article it was extracted from.
        article: String,
        /// Its position in the article's incident list (0 is the main incident).
        ordinal: usize,
        /// What is wrong with it, naming the field.
        reason: String,
    },

    /// A stored row could not be read back into the model's types.
    #[error("corrupt row in table {table}, id {id}: {reason}")]
    CorruptRow {
        /// The table.
        table: &'static str,
        /// The row's id (for `mentions`, `article_id#ordinal`).
        id: String,
        /// What could not be decoded.
        reason: String,
    },

    /// A watch that cannot be added (the field at fault and why).
    #[error("invalid watch: {0}")]
    InvalidWatch(#[from] sitrep_watch::InvalidWatch),

    /// A watch with this name exists already.
    #[error("a watch named {name:?} exists already; remove it first or choose another name")]
    DuplicateWatch {
        /// The name.
        name: String,
    },

    /// A token with this name exists (or existed: revoked names are not reused).
    #[error("a token named {name:?} exists already; choose another name")]
    DuplicateToken {
        /// The name.
        name: String,
    },

    /// A token name that is not 1 to 64 letters, digits, `-`, `_` or `.`.
    #[error("token name {name:?}: use 1 to 64 letters, digits, '-', '_' or '.'")]
    InvalidTokenName {
        /// The name given.
        name: String,
    },

    /// The operating system gave no random bytes for a secret.
    #[error("generating a secret: {0}")]
    Random(String),

    /// Any other SQLite failure.
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),

    /// The PostgreSQL database could not be reached or set up.
    #[error("opening store {location}: {source}")]
    OpenPostgres {
        /// The location, without its password.
        location: String,
        /// What PostgreSQL (or the connection) said.
        #[source]
        source: postgres::Error,
    },

    /// The location asks for TLS (`sslmode=require`), which sitrep's PostgreSQL client does
    /// not speak yet.
    #[error(
        "opening store {location}: sitrep connects to PostgreSQL without TLS for now; drop \
         sslmode=require and reach the server over a private network or an SSH tunnel"
    )]
    TlsUnsupported {
        /// The location, without its password.
        location: String,
    },

    /// A PostgreSQL schema migration failed; the database stays at the version before it.
    #[error("migrating PostgreSQL store schema to version {version}: {source}")]
    PostgresMigration {
        /// The version the failing script migrates to.
        version: u32,
        /// What PostgreSQL said.
        #[source]
        source: postgres::Error,
    },

    /// Any other PostgreSQL failure.
    #[error("postgres: {0}")]
    Postgres(#[from] postgres::Error),

    /// A column of a result that does not hold what the code reads from it.
    #[error("reading column {column}: {reason}")]
    Column {
        /// The column's name.
        column: String,
        /// What it holds instead.
        reason: String,
    },

    /// A copy's target store already holds rows.
    #[error(
        "the target store is not empty (table {table} holds {rows} rows); copy into a new file \
         or an empty database"
    )]
    TargetNotEmpty {
        /// A table that holds rows.
        table: &'static str,
        /// How many.
        rows: u64,
    },

    /// An operation this backend does not offer yet.
    #[error("{operation} is not available on a PostgreSQL store yet; use a SQLite store file")]
    Unsupported {
        /// What was asked, e.g. "full-text search".
        operation: &'static str,
    },
}

/// The error returned for a bounding box that is not `minlon,minlat,maxlon,maxlat` with
/// longitudes in -180..=180 and latitudes in -90..=90.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum InvalidBoundingBox {
    /// Not exactly four comma-separated parts.
    #[error(
        "bounding box {input:?}: expected 4 comma-separated numbers \
         minlon,minlat,maxlon,maxlat, got {parts}"
    )]
    PartCount {
        /// The whole input.
        input: String,
        /// How many parts it had.
        parts: usize,
    },
    /// A part is not a finite number.
    #[error("bounding box: {name} {value:?} is not a finite number")]
    NotANumber {
        /// `min_lon`, `min_lat`, `max_lon` or `max_lat`.
        name: &'static str,
        /// The part as given.
        value: String,
    },
    /// A part lies outside the range of its coordinate.
    #[error("bounding box: {name} {value} is outside {min}..={max}")]
    OutOfRange {
        /// `min_lon`, `min_lat`, `max_lon` or `max_lat`.
        name: &'static str,
        /// The value given.
        value: f64,
        /// Smallest allowed value.
        min: f64,
        /// Largest allowed value.
        max: f64,
    },
}

/// A cause of failure that lies with the store's file or its disk, not with sitrep or the
/// input: what an operator fixes before running the same command again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageProblem {
    /// The disk (or the file system's quota) is full.
    DiskFull,
    /// The file, its folder or its file system is read-only.
    ReadOnly,
    /// Another process held a lock on the store for longer than the busy timeout.
    Locked,
}

impl StorageProblem {
    /// What happened and what to do, in one sentence for people.
    pub fn advice(self) -> &'static str {
        match self {
            StorageProblem::DiskFull => {
                "the disk holding the store is full; the transaction that failed was rolled \
                 back, so nothing is half-written: free space and run the same command again \
                 (what is already stored is skipped)"
            }
            StorageProblem::ReadOnly => {
                "the store (its file, folder or file system) is read-only; sitrep needs to \
                 write next to it (its journal files), even to read it: copy it to a writable \
                 place or remount"
            }
            StorageProblem::Locked => {
                "another process held a lock on the store for more than 10 s; nothing was \
                 written: run again when it is done (one writer at a time; readers never block)"
            }
        }
    }
}

impl Error {
    /// The storage problem behind this error, when SQLite names one.
    pub fn storage_problem(&self) -> Option<StorageProblem> {
        let sqlite = match self {
            Error::Sqlite(e) => e,
            Error::Migration { source, .. } => source,
            Error::Open { path, source } => {
                // SQLite says only "unable to open" when it cannot create its journal next to
                // a store on a read-only file system: ask the file system.
                if source.sqlite_error_code() == Some(rusqlite::ErrorCode::CannotOpen)
                    && path.exists()
                    && std::fs::OpenOptions::new()
                        .append(true)
                        .open(path)
                        .is_err_and(|e| {
                            matches!(
                                e.kind(),
                                std::io::ErrorKind::ReadOnlyFilesystem
                                    | std::io::ErrorKind::PermissionDenied
                            )
                        })
                {
                    return Some(StorageProblem::ReadOnly);
                }
                source
            }
            _ => return None,
        };
        storage_problem_of(sqlite)
    }
}

/// The storage problem behind a SQLite error, if any.
pub fn storage_problem_of(error: &rusqlite::Error) -> Option<StorageProblem> {
    use rusqlite::ErrorCode;
    let rusqlite::Error::SqliteFailure(failure, _) = error else {
        return None;
    };
    match failure.code {
        ErrorCode::DiskFull => Some(StorageProblem::DiskFull),
        ErrorCode::ReadOnly => Some(StorageProblem::ReadOnly),
        ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => Some(StorageProblem::Locked),
        _ => None,
    }
}
