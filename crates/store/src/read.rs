//! Reading: incidents with their sources, articles, counts.
//!
//! Nothing read from the database is trusted: a row that does not decode is an
//! [`Error::CorruptRow`] naming its table and id.

use std::collections::HashMap;

use jiff::civil::Date;
use rusqlite::types::FromSql;
use rusqlite::{Row, ToSql, params};
use sitrep_model::{Article, ArticleId, Incident, IncidentId, IncidentSource, StoredIncident};

use crate::Store;
use crate::error::{Error, Result};
use crate::filter::{IncidentFilter, SqlFilter};
use crate::sql::{self, FromValue, Sql};

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
        self.with_sql(|sql| {
            sql.exists("SELECT 1 FROM articles WHERE id = ?1", params![id.as_str()])
        })
    }

    /// The incidents matching `filter`, newest first (by `date_start`, incidents without a
    /// start date last, then by id), each with all its sources. Costs one query for the
    /// incidents plus one per incident returned for its sources: page with `limit`.
    pub fn query(&self, filter: &IncidentFilter) -> Result<Vec<StoredIncident>> {
        self.with_sql(|sql| {
            let condition = filter.to_sql_for(sql.dialect());
            let text = format!(
                "SELECT i.id, i.data FROM incidents AS i {} \
                 ORDER BY i.date_start DESC NULLS LAST, i.id LIMIT ? OFFSET ?",
                condition.where_clause
            );
            let paging = filter.paging();
            let params: Vec<&dyn ToSql> = condition
                .params
                .iter()
                .chain(&paging)
                .map(|value| value as &dyn ToSql)
                .collect();
            let found = sql
                .query(&text, &params)?
                .iter()
                .map(decode_incident)
                .collect::<Result<Vec<_>>>()?;
            with_sources(sql, found)
        })
    }

    /// How many incidents match `filter`, ignoring its `limit` and `offset` (the total to page
    /// through).
    pub fn count(&self, filter: &IncidentFilter) -> Result<u64> {
        self.with_sql(|sql| {
            let condition = filter.to_sql_for(sql.dialect());
            count_matching(sql, &condition)
        })
    }

    /// One incident with all its sources, or `None` when no incident has this id.
    pub fn incident(&self, id: &IncidentId) -> Result<Option<StoredIncident>> {
        self.with_sql(|sql| {
            let Some(row) = sql.query_first(
                "SELECT id, data FROM incidents WHERE id = ?1",
                params![id.as_str()],
            )?
            else {
                return Ok(None);
            };
            let (id, incident) = decode_incident(&row)?;
            let sources = sources(sql, &id)?;
            Ok(Some(StoredIncident {
                id,
                incident,
                sources,
            }))
        })
    }

    /// One article with its stored cleaned text, or `None` when it is not stored.
    pub fn article(&self, id: &ArticleId) -> Result<Option<Article>> {
        const TABLE: &str = "articles";
        self.with_sql(|sql| {
            let Some(row) = sql.query_first(
                "SELECT source, title, url, published, text FROM articles WHERE id = ?1",
                params![id.as_str()],
            )?
            else {
                return Ok(None);
            };
            let key = id.as_str();
            Ok(Some(Article {
                id: id.clone(),
                source: field(&row, 0, TABLE, key)?,
                title: field(&row, 1, TABLE, key)?,
                url: field(&row, 2, TABLE, key)?,
                published: date_field(&row, 3, TABLE, key)?,
                text: field(&row, 4, TABLE, key)?,
            }))
        })
    }

    /// How many articles, incidents and mentions are stored.
    pub fn stats(&self) -> Result<StoreStats> {
        self.with_sql(|sql| {
            let mut count = |table: &str| -> Result<u64> {
                let n: i64 = sql
                    .query_one(&format!("SELECT count(*) FROM {table}"), params![])?
                    .get(0)?;
                Ok(u64::try_from(n).unwrap_or(0))
            };
            Ok(StoreStats {
                articles: count("articles")?,
                incidents: count("incidents")?,
                mentions: count("mentions")?,
            })
        })
    }
}

/// How many incidents `condition` (over `incidents AS i`) matches.
pub(crate) fn count_matching(sql: &mut dyn Sql, condition: &SqlFilter) -> Result<u64> {
    let text = format!(
        "SELECT count(*) FROM incidents AS i {}",
        condition.where_clause
    );
    let n: i64 = sql.query_one(&text, &condition.param_refs())?.get(0)?;
    Ok(u64::try_from(n).unwrap_or(0))
}

/// The columns of one source, read by [`decode_source`], for mentions `m` joined to their
/// articles `a`.
const SELECT_SOURCES: &str =
    "SELECT m.article_id, m.ordinal, m.data, a.source, a.title, a.url, a.published, m.incident_id
     FROM mentions AS m JOIN articles AS a ON a.id = m.article_id";

/// The order of an incident's sources: by publication date (undated articles last), then
/// article id, then position in the article.
const SOURCE_ORDER: &str = "a.published NULLS LAST, a.id, m.ordinal";

/// Incidents that share one query for their sources: a page's incidents cost one query on
/// top of the page, not one each (a round trip each on PostgreSQL).
const SOURCES_PER_QUERY: usize = 200;

/// Every mention of an incident with its article's metadata, ordered by publication date
/// (undated articles last), then article id, then position in the article.
pub(crate) fn sources(sql: &mut dyn Sql, incident: &IncidentId) -> Result<Vec<IncidentSource>> {
    sql.query(
        &format!("{SELECT_SOURCES} WHERE m.incident_id = ?1 ORDER BY {SOURCE_ORDER}"),
        params![incident.as_str()],
    )?
    .iter()
    .map(|row| decode_source(row, incident.as_str()))
    .collect()
}

/// Incidents with their sources ([`sources`]), read for many incidents per query.
pub(crate) fn with_sources(
    sql: &mut dyn Sql,
    found: Vec<(IncidentId, Incident)>,
) -> Result<Vec<StoredIncident>> {
    let mut by_incident: HashMap<String, Vec<IncidentSource>> = HashMap::new();
    for chunk in found.chunks(SOURCES_PER_QUERY) {
        let placeholders = vec!["?"; chunk.len()].join(", ");
        let ids: Vec<&str> = chunk.iter().map(|(id, _)| id.as_str()).collect();
        let ids: Vec<&dyn ToSql> = ids.iter().map(|id| id as &dyn ToSql).collect();
        let rows = sql.query(
            &format!(
                "{SELECT_SOURCES} WHERE m.incident_id IN ({placeholders}) \
                 ORDER BY m.incident_id, {SOURCE_ORDER}"
            ),
            &ids,
        )?;
        for row in &rows {
            let incident: String = field(row, 7, "mentions", "(unreadable incident id)")?;
            let source = decode_source(row, &incident)?;
            by_incident.entry(incident).or_default().push(source);
        }
    }
    Ok(found
        .into_iter()
        .map(|(id, incident)| StoredIncident {
            sources: by_incident.remove(id.as_str()).unwrap_or_default(),
            id,
            incident,
        })
        .collect())
}

/// One row of [`SELECT_SOURCES`] of `incident`.
fn decode_source(row: &sql::Row, incident: &str) -> Result<IncidentSource> {
    const TABLE: &str = "mentions";
    let article_id: String = field(row, 0, TABLE, incident)?;
    let ordinal: i64 = field(row, 1, TABLE, &article_id)?;
    let key = format!("{article_id}#{ordinal}");
    let data: String = field(row, 2, TABLE, &key)?;
    Ok(IncidentSource {
        incident: decode_json(TABLE, &key, &data)?,
        source: field(row, 3, "articles", &article_id)?,
        title: field(row, 4, "articles", &article_id)?,
        url: field(row, 5, "articles", &article_id)?,
        published: date_field(row, 6, "articles", &article_id)?,
        article_id: ArticleId::new(article_id),
    })
}

/// Decodes `(id, data)` from the incidents table.
pub(crate) fn decode_incident(row: &sql::Row) -> Result<(IncidentId, Incident)> {
    const TABLE: &str = "incidents";
    let id: String = field(row, 0, TABLE, "(unreadable id)")?;
    let data: String = field(row, 1, TABLE, &id)?;
    let incident = decode_json(TABLE, &id, &data)?;
    Ok((IncidentId::new(id), incident))
}

/// One column of a row, a wrong type or NULL where a value must be being a corrupt row.
pub(crate) fn field<T: FromValue>(
    row: &sql::Row,
    index: usize,
    table: &'static str,
    id: &str,
) -> Result<T> {
    row.get(index)
        .map_err(|err| corrupt(table, id, err.to_string()))
}

/// A nullable `YYYY-MM-DD` column.
pub(crate) fn date_field(
    row: &sql::Row,
    index: usize,
    table: &'static str,
    id: &str,
) -> Result<Option<Date>> {
    let text: Option<String> = field(row, index, table, id)?;
    text.map(|text| parse_date(&text, row.column_name(index), table, id))
        .transpose()
}

fn parse_date(text: &str, column: &str, table: &'static str, id: &str) -> Result<Date> {
    text.parse::<Date>().map_err(|err| {
        corrupt(
            table,
            id,
            format!("column {column}: {text:?} is not a date: {err}"),
        )
    })
}

/// Decodes `(id, data)` from a SQLite row of the incidents table.
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
        let name = row.as_ref().column_name(index).unwrap_or("?");
        parse_date(&text, name, table, id)
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
