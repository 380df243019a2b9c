//! The sitrep store: articles, the incidents read from them and the mentions that link the two,
//! kept in SQLite. This crate is the only code in sitrep that speaks SQL.
//!
//! - An **article** is kept with the cleaned text extraction saw, so that evidence offsets always
//!   point into stored text.
//! - A **mention** is one article's report of one incident, with the values that article gave.
//! - An **incident** is one real event: fields reconciled from all its mentions and a stable
//!   [`IncidentId`](sitrep_model::IncidentId). Mentions from different articles that report
//!   the same event are grouped into one incident as they are stored, by the rules of
//!   `sitrep-resolve`, the same whatever order articles arrive in; an incident's id is that of
//!   its leading mention ([`IncidentId::for_mention`](sitrep_model::IncidentId::for_mention)),
//!   and an id that merged into another stays an alias ([`Store::current_incident_id`]).
//!
//! Ingest is idempotent: storing an article already stored changes nothing and returns
//! [`InsertOutcome::Skipped`]; each article is stored in one transaction with its incidents, so
//! an interrupted ingest leaves whole articles or nothing of them.
//!
//! ```
//! use sitrep_model::{Article, ArticleId, ArticleMeta, Count, EventType, ExtractedArticle, Incident};
//! use sitrep_store::{IncidentFilter, InsertOutcome, Store};
//!
//! # fn main() -> sitrep_store::Result<()> {
//! let mut store = Store::open_in_memory()?;
//! let article = Article {
//!     id: ArticleId::new("a1"),
//!     text: "A car bomb killed five people.".into(),
//!     published: Some("2015-04-12".parse().unwrap()),
//!     title: None,
//!     url: None,
//!     source: Some("wire".into()),
//! };
//! let mut bombing = Incident::new(EventType::Bombing);
//! bombing.killed = Some(Count { min: Some(5), max: Some(5), text: "killed five".into() });
//! let extracted = ExtractedArticle { article: ArticleMeta::from(&article), incidents: vec![bombing] };
//!
//! assert_eq!(store.insert_article(&article, &extracted)?, InsertOutcome::Inserted { incidents: 1 });
//! assert_eq!(store.insert_article(&article, &extracted)?, InsertOutcome::Skipped);
//!
//! let deadly = IncidentFilter { min_killed: Some(3), ..IncidentFilter::default() };
//! let found = store.query(&deadly)?;
//! assert_eq!(found.len(), 1);
//! assert_eq!(found[0].sources[0].article_id, article.id);
//! # Ok(())
//! # }
//! ```
//!
//! A [`Store`] wraps one connection: use it from one thread at a time, and open one store per
//! thread or process to read concurrently (file databases use WAL, so readers do not block
//! the writer).
//!
//! The store lives in a SQLite file by default, or in a PostgreSQL database shared by many
//! machines ([`Store::open_location`] with a `postgres://` [`StoreLocation`]): the same
//! schema, the same resolution and the same results, with any number of processes writing at
//! once.
#![deny(missing_docs)]

mod bbox;
mod copy;
mod error;
mod feeds;
mod filter;
mod insert;
mod interrupt;
mod location;
mod migrations;
mod outbox;
mod pg;
mod read;
mod resolution;
mod search;
mod secrets;
mod sql;
mod stats;
mod tokens;
mod tuning;
mod watches;

use std::cell::RefCell;
use std::path::Path;
use std::time::Duration;

use rusqlite::Connection;
use rusqlite::functions::FunctionFlags;

pub use bbox::BoundingBox;
pub use copy::CopyReport;
pub use error::{Error, InvalidBoundingBox, Result, StorageProblem, storage_problem_of};
pub use feeds::{FeedState, PollRecord};
pub use filter::IncidentFilter;
pub use insert::{BatchOutcome, InsertOutcome};
pub use interrupt::InterruptHandle;
pub use location::StoreLocation;
pub use outbox::{Delivery, OutboxStats};
pub use read::StoreStats;
pub use resolution::IncidentChanges;
pub use search::{
    Cursor, IncidentPoint, IncidentSearch, InvalidCursor, MAX_SEARCH_WORDS, Page, PageRequest,
    SortKey, SortOrder, UnknownSortOrder,
};
pub use stats::{CountryCount, DayTypeCount, IncidentStats, TypeCount};
pub use tokens::{StoredToken, TOKEN_PREFIX};
pub use tuning::ReadTuning;
pub use watches::{AddedWatch, AlertQuery, DEFAULT_ALERT_LIMIT, StoredWatch};

/// How long a statement waits for another connection's lock before failing with "busy".
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// A sitrep database: open it, insert articles with their extracted incidents, query incidents.
#[derive(Debug)]
pub struct Store {
    backend: Backend,
}

/// The engine behind a store.
#[derive(Debug)]
enum Backend {
    /// An embedded SQLite database.
    Sqlite(Connection),
    /// A connection to a PostgreSQL server. Reading needs the client mutably while the store's
    /// reading methods take `&self`; a store is used from one thread at a time, so a
    /// `RefCell` suffices (never borrowed across a call that borrows it again).
    Postgres(Box<RefCell<pg::PgBackend>>),
}

impl Store {
    /// Opens or creates the database at `path` and brings its schema up to date.
    ///
    /// The connection uses WAL journaling where the file system allows it (readers in other
    /// processes do not block the writer; `synchronous = NORMAL`, so a power cut may lose the
    /// last transactions but never corrupts the file, and re-ingest restores them), enforces
    /// foreign keys, and waits up to 10 s for locks held by other connections.
    ///
    /// Errors with [`Error::Open`] naming the path when the file cannot be opened or is not a
    /// SQLite database, and with [`Error::SchemaTooNew`] when a newer sitrep wrote it.
    pub fn open(path: &Path) -> Result<Store> {
        let open_error = |source| Error::Open {
            path: path.to_path_buf(),
            source,
        };
        let conn = Connection::open(path).map_err(open_error)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(open_error)?;
        // Reading the mode back also makes SQLite read the file: junk fails here, with the path.
        let _mode: String = conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))
            .map_err(open_error)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(open_error)?;
        Store::set_up(conn).map_err(|err| match err {
            Error::Sqlite(source) => open_error(source),
            other => other,
        })
    }

    /// A fresh database in memory, gone when the store is dropped (for tests and one-off runs).
    pub fn open_in_memory() -> Result<Store> {
        Store::set_up(Connection::open_in_memory()?)
    }

    /// Connects to a PostgreSQL database (`postgres://user:password@host:port/db`, or
    /// libpq's `key=value` form) and brings its schema up to date. Connecting gives up after
    /// 10 s unless the location says otherwise (`connect_timeout=`).
    ///
    /// Errors with [`Error::OpenPostgres`] naming the location (without its password) when
    /// the server cannot be reached or refuses the login, and with [`Error::SchemaTooNew`]
    /// when a newer sitrep set the database up.
    pub fn open_postgres(url: &str) -> Result<Store> {
        Ok(Store {
            backend: Backend::Postgres(Box::new(RefCell::new(pg::PgBackend::connect(url)?))),
        })
    }

    /// Opens the store at `location`: a SQLite file ([`Store::open`]) or a PostgreSQL
    /// database ([`Store::open_postgres`]).
    pub fn open_location(location: &StoreLocation) -> Result<Store> {
        match location {
            StoreLocation::File(path) => Store::open(path),
            StoreLocation::Postgres(url) => Store::open_postgres(url),
        }
    }

    /// Whether the connection can still be used: false once a PostgreSQL server closed it
    /// (restarted, or the session was terminated); a pool then opens a new one.
    pub fn is_connected(&self) -> bool {
        match &self.backend {
            Backend::Sqlite(_) => true,
            Backend::Postgres(backend) => !backend.borrow().client.is_closed(),
        }
    }

    /// Whether the connection still answers: on PostgreSQL an empty query makes the round trip
    /// (within `timeout`), so a session the server closed while it sat idle is noticed before
    /// a request uses it; a file store always answers.
    pub fn answers(&self, timeout: std::time::Duration) -> bool {
        match &self.backend {
            Backend::Sqlite(_) => true,
            Backend::Postgres(backend) => backend.borrow_mut().client.is_valid(timeout).is_ok(),
        }
    }

    /// Whether the store is a PostgreSQL database.
    pub fn is_postgres(&self) -> bool {
        matches!(self.backend, Backend::Postgres(_))
    }

    fn set_up(mut conn: Connection) -> Result<Store> {
        conn.pragma_update(None, "foreign_keys", true)?;
        register_functions(&conn)?;
        migrations::migrate(&mut conn)?;
        Ok(Store {
            backend: Backend::Sqlite(conn),
        })
    }

    /// The SQLite connection, for what only the SQLite backend offers (`operation` names it
    /// in the error otherwise).
    fn sqlite(&self, operation: &'static str) -> Result<&Connection> {
        match &self.backend {
            Backend::Sqlite(conn) => Ok(conn),
            Backend::Postgres(_) => Err(Error::Unsupported { operation }),
        }
    }

    /// [`Store::sqlite`], mutably.
    #[cfg(test)]
    fn sqlite_mut(&mut self, operation: &'static str) -> Result<&mut Connection> {
        match &mut self.backend {
            Backend::Sqlite(conn) => Ok(conn),
            Backend::Postgres(_) => Err(Error::Unsupported { operation }),
        }
    }

    /// Runs `read` with the store's connection as a [`sql::Sql`] (outside any transaction).
    fn with_sql<T>(&self, read: impl FnOnce(&mut dyn sql::Sql) -> Result<T>) -> Result<T> {
        match &self.backend {
            Backend::Sqlite(conn) => read(&mut sql::Sqlite(conn)),
            Backend::Postgres(backend) => read(&mut backend.borrow_mut().sql()),
        }
    }

    /// Runs `work` in one transaction (SQLite: `BEGIN IMMEDIATE`, so that other writers wait
    /// rather than fail on commit), committed when it returns `Ok`, rolled back otherwise.
    fn in_transaction<T>(
        &mut self,
        work: impl FnOnce(&mut dyn sql::Sql) -> Result<T>,
    ) -> Result<T> {
        match &mut self.backend {
            Backend::Sqlite(conn) => {
                let tx =
                    conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
                let done = work(&mut sql::Sqlite(&tx))?;
                tx.commit()?;
                Ok(done)
            }
            Backend::Postgres(backend) => {
                let pg::PgBackend { client, statements } = backend.get_mut();
                let mut tx = client.transaction()?;
                let done = work(&mut pg::PgSql {
                    client: &mut tx,
                    statements,
                })?;
                tx.commit()?;
                Ok(done)
            }
        }
    }

    /// SQLite's check of the whole file (`PRAGMA integrity_check`): the problems it finds,
    /// none for a sound store. A PostgreSQL server checks its own pages: none are reported.
    pub fn integrity_problems(&self) -> Result<Vec<String>> {
        let Backend::Sqlite(conn) = &self.backend else {
            return Ok(Vec::new());
        };
        let mut statement = conn.prepare("PRAGMA integrity_check")?;
        let rows = statement.query_map([], |row| row.get::<_, String>(0))?;
        let mut problems = Vec::new();
        for row in rows {
            let line = row?;
            if line != "ok" {
                problems.push(line);
            }
        }
        Ok(problems)
    }

    /// The schema version after migrations (`PRAGMA user_version`, or the version recorded in
    /// a PostgreSQL database; the two engines number their scripts apart).
    pub fn schema_version(&self) -> Result<u32> {
        match &self.backend {
            Backend::Sqlite(conn) => migrations::user_version(conn),
            Backend::Postgres(backend) => backend.borrow_mut().schema_version(),
        }
    }
}

/// Registers the SQL functions the queries use.
///
/// `sitrep_perpetrator_match(perpetrators, needle)` is true when one of the `'; '`-separated
/// names contains `needle`, which must already be lower-cased, ignoring case with Unicode rules
/// (SQLite's `LIKE` folds ASCII only).
fn register_functions(conn: &Connection) -> Result<()> {
    conn.create_scalar_function(
        "sitrep_perpetrator_match",
        2,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let names = ctx.get_raw(0).as_str_or_null()?;
            let needle = ctx.get_raw(1).as_str_or_null()?.unwrap_or("");
            Ok(names.is_some_and(|names| {
                names
                    .split(filter::PERPETRATOR_SEPARATOR)
                    .any(|name| name.to_lowercase().contains(needle))
            }))
        },
    )?;
    Ok(())
}
