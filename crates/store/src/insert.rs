//! Writing: articles and their mentions, each mention placed in an incident (new or existing)
//! by resolution, in one transaction per call.

use rusqlite::config::DbConfig;
use rusqlite::{Connection, params};
use sitrep_model::{Article, ExtractedArticle, Incident};
use sitrep_resolve::{Mention, MentionKey};

use crate::error::{Error, Result};
use crate::pg;
use crate::resolution::{IncidentChanges, Resolver};
use crate::sql::Sql;
use crate::watches::raise_alerts;
use crate::{Backend, Store};

/// What [`Store::insert_article`] did with an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InsertOutcome {
    /// The article was new; it is stored with this many mentions (its extracted incidents),
    /// each now part of an incident, new or existing (see [`BatchOutcome::incidents`]).
    Inserted {
        /// Number of mentions stored.
        incidents: usize,
    },
    /// An article with this id was already stored; nothing changed.
    Skipped,
}

/// What [`Store::insert_batch_resolved`] did: one outcome per article, and what happened to
/// incidents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchOutcome {
    /// One outcome per item, in order.
    pub articles: Vec<InsertOutcome>,
    /// Incidents created, updated with new reports, and merged into others.
    pub incidents: IncidentChanges,
    /// Alerts raised for watches (first matches and escalations).
    pub alerts: usize,
}

/// The page cache of a connection that writes, in KiB (SQLite takes a negative number as KiB).
const WRITE_CACHE_KIB: i64 = -64 * 1024;

/// Pages of WAL after which a commit checkpoints them into the database file
/// (`PRAGMA wal_autocheckpoint`; SQLite's default is 1,000).
const WAL_CHECKPOINT_PAGES: i64 = 8_192;

/// Prepared statements kept per connection while writing.
const STATEMENT_CACHE: usize = 64;

/// An article checked and encoded, ready to write.
struct PreparedArticle<'a> {
    article: &'a Article,
    /// The extracted incidents with their JSON, in extraction order.
    incidents: Vec<(&'a Incident, String)>,
}

impl Store {
    /// Stores one article (its cleaned text, metadata and url) and its extracted incidents, in
    /// one transaction.
    ///
    /// Returns [`InsertOutcome::Skipped`] when an article with the same id is already stored:
    /// nothing changes, even if `extracted` differs from what was stored. Otherwise each
    /// extracted incident is stored as a mention (numbered from 0 in extraction order) and
    /// resolved: it joins the stored incident it matches, or creates one, by the rules of
    /// `sitrep-resolve` (see the crate docs); the incident's fields are reconciled from all
    /// its mentions. An incident reported once has exactly that report's values and the id
    /// [`IncidentId::for_mention`](sitrep_model::IncidentId::for_mention) of it.
    ///
    /// Errors, storing nothing, when `extracted` is for another article
    /// ([`Error::ArticleMismatch`]), when the article holds a NUL character
    /// ([`Error::InvalidArticle`]) or an incident holds a coordinate or confidence that is not
    /// finite or out of range, or a name with a NUL character ([`Error::InvalidIncident`]).
    pub fn insert_article(
        &mut self,
        article: &Article,
        extracted: &ExtractedArticle,
    ) -> Result<InsertOutcome> {
        let prepared = prepare(article, extracted)?;
        let mut outcome = self.write_batch(std::slice::from_ref(&prepared))?;
        Ok(outcome.articles.remove(0))
    }

    /// Stores many articles in one transaction (much faster than one by one), returning one
    /// outcome per item, in order.
    ///
    /// An article given twice in the batch is stored once and then skipped. On error nothing of
    /// the batch is stored; the error names the offending article, so a caller can drop it and
    /// retry the rest.
    pub fn insert_batch(
        &mut self,
        items: &[(Article, ExtractedArticle)],
    ) -> Result<Vec<InsertOutcome>> {
        Ok(self.insert_batch_resolved(items)?.articles)
    }

    /// [`Store::insert_batch`], also saying how many incidents were created, updated with new
    /// reports, or merged into others.
    pub fn insert_batch_resolved(
        &mut self,
        items: &[(Article, ExtractedArticle)],
    ) -> Result<BatchOutcome> {
        let prepared = items
            .iter()
            .map(|(article, extracted)| prepare(article, extracted))
            .collect::<Result<Vec<_>>>()?;
        self.write_batch(&prepared)
    }

    /// Writes a batch in one transaction: on SQLite with the connection tuned for writing
    /// meanwhile; on PostgreSQL holding the write lock (see [`crate::pg`]), tried again when
    /// PostgreSQL aborts it for a conflict with another transaction.
    fn write_batch(&mut self, prepared: &[PreparedArticle<'_>]) -> Result<BatchOutcome> {
        let now = jiff::Timestamp::now().to_string();
        if let Backend::Sqlite(conn) = &self.backend {
            tune_for_writing(conn)?;
            let outcome = self.in_transaction(|sql| {
                // A mention may point at an incident whose row `finish` writes at the end.
                sql.execute("PRAGMA defer_foreign_keys = ON", &[])?;
                write_all(sql, prepared, &now)
            });
            if let Backend::Sqlite(conn) = &self.backend {
                conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, false)?;
            }
            return outcome;
        }
        let mut attempt = 1;
        loop {
            let result = self.in_transaction(|sql| {
                sql.execute("SELECT pg_advisory_xact_lock(?1)", params![pg::WRITE_LOCK])?;
                write_all(sql, prepared, &now)
            });
            match result {
                Err(err) if pg::is_conflict(&err) && attempt < pg::WRITE_ATTEMPTS => attempt += 1,
                result => return result,
            }
        }
    }
}

/// Tunes a SQLite connection for a batch of writes (the planner stability guarantee is
/// turned off again after the batch).
fn tune_for_writing(conn: &Connection) -> Result<()> {
    // Resolution reads recent mentions again and again: keep up to 64 MiB of pages in
    // memory (SQLite's default is 2 MiB) so that lookups do not go back to the file.
    conn.pragma_update(None, "cache_size", WRITE_CACHE_KIB)?;
    // Writing with resolution uses about 20 distinct statements; rusqlite caches 16 by
    // default, and a cache that is too small re-parses SQL on every call.
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    // Check the WAL back into the file every 32 MiB instead of SQLite's 4 MiB: a batch
    // writes more than 4 MiB, so each commit copied its pages back, and pages that every
    // batch touches (indexes, blocks, incidents) were copied once per batch.
    let _pages: i64 =
        conn.pragma_update_and_check(None, "wal_autocheckpoint", WAL_CHECKPOINT_PAGES, |row| {
            row.get(0)
        })?;
    // Without the query planner stability guarantee SQLite re-prepares the lookup of
    // neighbours on every run (the profile showed 15% of writing in `sqlite3Reprepare`):
    // its plan is marked as depending on the bound values. Writing needs no plan that
    // depends on values; reading keeps them (a `LIKE` with a bound pattern).
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
    Ok(())
}

/// Writes a batch inside the caller's transaction: articles, mentions, resolution, alerts.
fn write_all(
    conn: &mut dyn Sql,
    prepared: &[PreparedArticle<'_>],
    now: &str,
) -> Result<BatchOutcome> {
    let mut resolver = Resolver::prepare(conn, now)?;
    let articles = prepared
        .iter()
        .map(|item| write(conn, item, now, &mut resolver))
        .collect::<Result<Vec<_>>>()?;
    let finished = resolver.finish(conn, now)?;
    // Alerts are raised in the transaction that changed the incidents: both or neither.
    let alerts = raise_alerts(conn, &finished.written, now)?;
    Ok(BatchOutcome {
        articles,
        incidents: finished.changes,
        alerts,
    })
}

/// Checks an article against its extraction result and encodes its incidents.
fn prepare<'a>(
    article: &'a Article,
    extracted: &'a ExtractedArticle,
) -> Result<PreparedArticle<'a>> {
    if extracted.article.id != article.id {
        return Err(Error::ArticleMismatch {
            article: article.id.to_string(),
            extracted: extracted.article.id.to_string(),
        });
    }
    // PostgreSQL text cannot hold NUL, and no field of a news article needs it: refused on
    // both engines, so that a store holds the same whichever engine it is on.
    let fields = [
        ("id", Some(article.id.as_str())),
        ("title", article.title.as_deref()),
        ("url", article.url.as_deref()),
        ("source", article.source.as_deref()),
        ("text", Some(article.text.as_str())),
    ];
    if let Some((field, _)) = fields
        .iter()
        .find(|(_, value)| value.is_some_and(|v| v.contains('\0')))
    {
        return Err(Error::InvalidArticle {
            article: article.id.to_string(),
            reason: format!("{field} holds a NUL character"),
        });
    }
    let invalid = |ordinal: usize, reason: String| Error::InvalidIncident {
        article: article.id.to_string(),
        ordinal,
        reason,
    };
    let mut incidents = Vec::with_capacity(extracted.incidents.len());
    for (ordinal, incident) in extracted.incidents.iter().enumerate() {
        check_incident(incident).map_err(|reason| invalid(ordinal, reason))?;
        // JSON would turn a non-finite float into `null`, which would not read back: checked
        // above, so encoding cannot lose anything.
        let json = serde_json::to_string(incident)
            .map_err(|err| invalid(ordinal, format!("cannot be encoded as JSON: {err}")))?;
        incidents.push((incident, json));
    }
    Ok(PreparedArticle { article, incidents })
}

/// Rejects values that would not survive storage or would poison the spatial index.
fn check_incident(incident: &Incident) -> std::result::Result<(), String> {
    if let Some(location) = &incident.location {
        if !(-90.0..=90.0).contains(&location.lat) {
            return Err(format!("location.lat {} is not in -90..=90", location.lat));
        }
        if !(-180.0..=180.0).contains(&location.lon) {
            return Err(format!(
                "location.lon {} is not in -180..=180",
                location.lon
            ));
        }
    }
    let names = incident
        .location
        .iter()
        .flat_map(|l| [Some(l.name.as_str()), l.admin1.as_deref()])
        .chain(incident.perpetrators.iter().map(|p| p.name.as_deref()))
        .flatten();
    for name in names {
        if name.contains('\0') {
            return Err(format!("the name {name:?} holds a NUL character"));
        }
    }
    if !(0.0..=1.0).contains(&incident.confidence) {
        return Err(format!(
            "confidence {} is not in 0..=1",
            incident.confidence
        ));
    }
    Ok(())
}

/// Writes one prepared article unless it is already stored, and resolves its mentions.
fn write(
    tx: &mut dyn Sql,
    item: &PreparedArticle<'_>,
    now: &str,
    resolver: &mut Resolver,
) -> Result<InsertOutcome> {
    let article = item.article;
    // An article stored already (by an earlier batch, or by another worker that committed
    // first: PostgreSQL then waits for that commit) inserts nothing.
    let inserted = tx.execute(
        "INSERT INTO articles (id, source, title, url, published, text, ingested_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (id) DO NOTHING",
        params![
            article.id.as_str(),
            article.source,
            article.title,
            article.url,
            article.published.map(|date| date.to_string()),
            article.text,
            now,
        ],
    )?;
    if inserted == 0 {
        return Ok(InsertOutcome::Skipped);
    }

    for (ordinal, (incident, json)) in item.incidents.iter().enumerate() {
        let ordinal = u32::try_from(ordinal).map_err(|_| Error::InvalidIncident {
            article: article.id.to_string(),
            ordinal,
            reason: "an article holds at most 2^32 incidents".into(),
        })?;
        let key = MentionKey::new(article.id.clone(), ordinal);
        // Stored as its own leader until resolution says otherwise.
        tx.execute(
            "INSERT INTO mentions (article_id, ordinal, incident_id, data)
             VALUES (?1, ?2, ?3, ?4)",
            params![
                article.id.as_str(),
                ordinal,
                key.incident_id().as_str(),
                json
            ],
        )?;
        let mention = Mention::new(key, (*incident).clone(), article.published);
        resolver.add(tx, mention)?;
    }
    Ok(InsertOutcome::Inserted {
        incidents: item.incidents.len(),
    })
}
