//! Reading: incidents with their sources, articles, counts.
//!
//! Nothing read from the database is trusted: a row that does not decode is an
//! [`Error::CorruptRow`] naming its table and id.

use jiff::civil::Date;
use rusqlite::types::FromSql;
use rusqlite::{Row, params_from_iter};
use sitrep_model::{Article, ArticleId, Incident, IncidentId, IncidentSource, StoredIncident};

use crate::Store;
use crate::error::{Error, Result};
use crate::filter::IncidentFilter;

/// How much a store holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StoreStats {
    /// Articles stored.
    pub articles: u64,
    /// Incidents (distinct events).
    pub incidents: u64,
    /// Mentions: reports of an incident by an article.
    pub mentions: u64,
}

impl Store {
    /// Whether an article with this id is stored.
    pub fn has_article(&self, id: &ArticleId) -> Result<bool> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT 1 FROM articles WHERE id = ?1")?;
        Ok(stmt.exists([id.as_str()])?)
    }

    /// The incidents matching `filter`, newest first (by `date_start`, incidents without a
    /// start date last, then by id), each with all its sources. Costs one query for the
    /// incidents plus one per incident returned for its sources: page with `limit`.
    pub fn query(&self, filter: &IncidentFilter) -> Result<Vec<StoredIncident>> {
        let sql = filter.to_sql();
        let text = format!(
            "SELECT i.id, i.data FROM incidents AS i {} \
             ORDER BY i.date_start DESC NULLS LAST, i.id LIMIT ? OFFSET ?",
            sql.where_clause
        );
        let mut stmt = self.conn.prepare_cached(&text)?;
        let params = sql.params.into_iter().chain(filter.paging());
        let mut rows = stmt.query(params_from_iter(params))?;
        let mut found = Vec::new();
        while let Some(row) = rows.next()? {
            let (id, incident) = decode_incident_row(row)?;
            found.push((id, incident));
        }
        found
            .into_iter()
            .map(|(id, incident)| {
                let sources = self.sources(&id)?;
                Ok(StoredIncident {
                    id,
                    incident,
                    sources,
                })
            })
            .collect()
    }

    /// How many incidents match `filter`, ignoring its `limit` and `offset` (the total to page
    /// through).
    pub fn count(&self, filter: &IncidentFilter) -> Result<u64> {
        let sql = filter.to_sql();
        let text = format!("SELECT count(*) FROM incidents AS i {}", sql.where_clause);
        let mut stmt = self.conn.prepare_cached(&text)?;
        let n: i64 = stmt.query_row(params_from_iter(sql.params), |row| row.get(0))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// One incident with all its sources, or `None` when no incident has this id.
    pub fn incident(&self, id: &IncidentId) -> Result<Option<StoredIncident>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, data FROM incidents WHERE id = ?1")?;
        let mut rows = stmt.query([id.as_str()])?;
        let Some(row) = rows.next()? else {
            return Ok(None);
        };
        let (id, incident) = decode_incident_row(row)?;
        let sources = self.sources(&id)?;
        Ok(Some(StoredIncident {
            id,
            incident,
            sources,
        }))
    }

    /// One article with its stored cleaned text, or `None` when it is not stored.
    pub fn article(&self, id: &ArticleId) -> Result<Option<Article>> {
        const TABLE: &str = "articles";
        let mut stmt = self.conn.prepare_cached(
            "SELECT source, title, url, published, text FROM articles WHERE id = ?1",
        )?;
        let mut rows = stmt.query([id.as_str()])?;
        let Some(row) = rows.next()? else {
            return Ok(None);
        };
        let key = id.as_str();
        Ok(Some(Article {
            id: id.clone(),
            source: column(row, 0, TABLE, key)?,
            title: column(row, 1, TABLE, key)?,
            url: column(row, 2, TABLE, key)?,
            published: date_column(row, 3, TABLE, key)?,
            text: column(row, 4, TABLE, key)?,
        }))
    }

    /// How many articles, incidents and mentions are stored.
    pub fn stats(&self) -> Result<StoreStats> {
        let count = |table: &str| -> Result<u64> {
            let n: i64 =
                self.conn
                    .query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
                        row.get(0)
                    })?;
            Ok(u64::try_from(n).unwrap_or(0))
        };
        Ok(StoreStats {
            articles: count("articles")?,
            incidents: count("incidents")?,
            mentions: count("mentions")?,
        })
    }

    /// Every mention of an incident with its article's metadata, ordered by publication date
    /// (undated articles last), then article id, then position in the article.
    pub(crate) fn sources(&self, incident: &IncidentId) -> Result<Vec<IncidentSource>> {
        const TABLE: &str = "mentions";
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.article_id, m.ordinal, m.data, a.source, a.title, a.url, a.published
             FROM mentions AS m JOIN articles AS a ON a.id = m.article_id
             WHERE m.incident_id = ?1
             ORDER BY a.published NULLS LAST, a.id, m.ordinal",
        )?;
        let mut rows = stmt.query([incident.as_str()])?;
        let mut sources = Vec::new();
        while let Some(row) = rows.next()? {
            let article_id: String = column(row, 0, TABLE, incident.as_str())?;
            let ordinal: i64 = column(row, 1, TABLE, &article_id)?;
            let key = format!("{article_id}#{ordinal}");
            let data: String = column(row, 2, TABLE, &key)?;
            sources.push(IncidentSource {
                incident: decode_json(TABLE, &key, &data)?,
                source: column(row, 3, "articles", &article_id)?,
                title: column(row, 4, "articles", &article_id)?,
                url: column(row, 5, "articles", &article_id)?,
                published: date_column(row, 6, "articles", &article_id)?,
                article_id: ArticleId::new(article_id),
            });
        }
        Ok(sources)
    }
}

/// Decodes `(id, data)` from the incidents table.
pub(crate) fn decode_incident_row(row: &Row<'_>) -> Result<(IncidentId, Incident)> {
    const TABLE: &str = "incidents";
    let id: String = column(row, 0, TABLE, "(unreadable id)")?;
    let data: String = column(row, 1, TABLE, &id)?;
    let incident = decode_json(TABLE, &id, &data)?;
    Ok((IncidentId::new(id), incident))
}

fn decode_json(table: &'static str, id: &str, data: &str) -> Result<Incident> {
    serde_json::from_str(data)
        .map_err(|err| corrupt(table, id, format!("data is not a valid incident: {err}")))
}

/// One column of a row, a wrong type or NULL where a value must be being a corrupt row.
pub(crate) fn column<T: FromSql>(
    row: &Row<'_>,
    index: usize,
    table: &'static str,
    id: &str,
) -> Result<T> {
    row.get(index).map_err(|err| {
        let name = row.as_ref().column_name(index).unwrap_or("?");
        corrupt(table, id, format!("column {name}: {err}"))
    })
}

/// A nullable `YYYY-MM-DD` column.
pub(crate) fn date_column(
    row: &Row<'_>,
    index: usize,
    table: &'static str,
    id: &str,
) -> Result<Option<Date>> {
    let text: Option<String> = column(row, index, table, id)?;
    text.map(|text| {
        text.parse::<Date>().map_err(|err| {
            let name = row.as_ref().column_name(index).unwrap_or("?");
            corrupt(
                table,
                id,
                format!("column {name}: {text:?} is not a date: {err}"),
            )
        })
    })
    .transpose()
}

fn corrupt(table: &'static str, id: &str, reason: String) -> Error {
    Error::CorruptRow {
        table,
        id: id.to_string(),
        reason,
    }
}
