//! Searching incidents for the API: a filter plus free-text search, sort orders, keyset
//! (cursor) paging, counts, and light map points.
//!
//! [`IncidentSearch`] adds words to look for to an [`IncidentFilter`]; [`PageRequest`] says how
//! to order the matches and where the page starts. Cursor paging is stable while rows are
//! added: a page starts strictly after the `(sort key, id)` of the last incident of the page
//! before, so no incident is seen twice, unlike `OFFSET` paging.
//!
//! Cursors have the text form `SORT:KEY:ID` (`date_desc:2015-04-12:inc-4a7692540f44af09`,
//! `killed_desc:-:inc-…` when the key is unknown); treat them as opaque.

use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;
use rusqlite::types::Value;
use rusqlite::{ToSql, params_from_iter};
use sitrep_model::{Count, CountryCode, EventType, Incident, IncidentId, StoredIncident};

use crate::Store;
use crate::bbox::BoundingBox;
use crate::error::Result;
use crate::filter::{IncidentFilter, PERPETRATOR_SEPARATOR, SqlFilter};
use crate::read::{
    count_matching, date_column, date_field, decode_incident, decode_incident_row, field,
    with_sources,
};
use crate::sql::{Dialect, Sql};

/// The most words a text search looks for; later words are ignored.
pub const MAX_SEARCH_WORDS: usize = 8;

/// Incidents to find: a filter and, optionally, words that must all appear.
///
/// The filter's own `limit` and `offset` are ignored here: paging is [`PageRequest`]'s.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IncidentSearch {
    /// Every condition of `sitrep query`.
    pub filter: IncidentFilter,
    /// Words that must each appear (case-insensitively: for ASCII letters on SQLite, as its
    /// `LIKE`, for every letter on PostgreSQL, as its `ILIKE`) in the title or text of one of
    /// the incident's articles, in its place name or in its perpetrators' names. Split on white space; at most [`MAX_SEARCH_WORDS`] words are used.
    /// Blank text matches every incident.
    pub text: Option<String>,
}

/// How incidents are ordered. Incidents whose key is unknown come last in every order; ties
/// are broken by id.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum SortOrder {
    /// Newest first, by first day (`date.start`).
    #[default]
    DateDesc,
    /// Oldest first, by first day.
    DateAsc,
    /// Deadliest first, by the best killed figure.
    KilledDesc,
}

impl SortOrder {
    /// Every order.
    pub const ALL: &'static [SortOrder] = &[
        SortOrder::DateDesc,
        SortOrder::DateAsc,
        SortOrder::KilledDesc,
    ];

    /// The name used in URLs and cursors.
    pub const fn as_str(self) -> &'static str {
        match self {
            SortOrder::DateDesc => "date_desc",
            SortOrder::DateAsc => "date_asc",
            SortOrder::KilledDesc => "killed_desc",
        }
    }

    /// The sort column of `incidents AS i`.
    const fn column(self) -> &'static str {
        match self {
            SortOrder::DateDesc | SortOrder::DateAsc => "i.date_start",
            SortOrder::KilledDesc => "i.killed_best",
        }
    }

    /// `ASC` or `DESC`, and the comparison that means "after" in that direction.
    const fn direction(self) -> (&'static str, &'static str) {
        match self {
            SortOrder::DateDesc | SortOrder::KilledDesc => ("DESC", "<"),
            SortOrder::DateAsc => ("ASC", ">"),
        }
    }
}

impl fmt::Display for SortOrder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error returned for an unknown sort order name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown sort order {0:?}; expected one of: date_desc, date_asc, killed_desc")]
pub struct UnknownSortOrder(pub String);

impl FromStr for SortOrder {
    type Err = UnknownSortOrder;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        SortOrder::ALL
            .iter()
            .copied()
            .find(|order| order.as_str() == s)
            .ok_or_else(|| UnknownSortOrder(s.to_string()))
    }
}

/// The sort key of one incident: its first day or its best killed figure; `None` when unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    /// For [`SortOrder::DateDesc`] and [`SortOrder::DateAsc`].
    Date(Option<Date>),
    /// For [`SortOrder::KilledDesc`].
    Killed(Option<u32>),
}

impl SortKey {
    fn to_sql(self) -> Option<Value> {
        match self {
            SortKey::Date(date) => date.map(|d| Value::Text(d.to_string())),
            SortKey::Killed(killed) => killed.map(|k| Value::Integer(i64::from(k))),
        }
    }
}

/// Where a page starts: just after the incident with this sort key and id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    /// The order the cursor was made for.
    pub order: SortOrder,
    /// The sort key of the last incident of the previous page.
    pub key: SortKey,
    /// Its id.
    pub id: IncidentId,
}

/// The error returned for a cursor string that this store did not make.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid cursor {input:?}: {reason}; pass back the `next_cursor` of a previous page")]
pub struct InvalidCursor {
    /// The cursor as given.
    pub input: String,
    /// What is wrong with it.
    pub reason: String,
}

impl Cursor {
    /// The grammar of a cursor, `SORT:KEY:ID`, as a regular expression for the OpenAPI
    /// document: every string it matches parses, and nothing else does. KEY is `-` (no key)
    /// or, for the date orders, the first day as days since 1970-01-01, for `killed_desc` the
    /// killed figure.
    pub const PATTERN: &'static str = "^(?:(?:date_desc|date_asc):(?:-|-?[0-9]{1,7})|killed_desc:(?:-|[0-9]{1,10})):[A-Za-z0-9._:-]{1,128}$";
}

impl fmt::Display for Cursor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:", self.order)?;
        match self.key {
            SortKey::Date(Some(date)) => write!(f, "{}", day_number(date))?,
            SortKey::Killed(Some(killed)) => write!(f, "{killed}")?,
            SortKey::Date(None) | SortKey::Killed(None) => f.write_str("-")?,
        }
        write!(f, ":{}", self.id)
    }
}

impl FromStr for Cursor {
    type Err = InvalidCursor;

    /// Parses what [`Cursor::PATTERN`] matches. Keys beyond the range of dates (years -9999
    /// to 9999) or of counts are taken as the nearest end of it.
    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        static GRAMMAR: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(Cursor::PATTERN).expect("the cursor pattern compiles"));
        let invalid = |reason: &str| InvalidCursor {
            input: s.to_string(),
            reason: reason.to_string(),
        };
        if !GRAMMAR.is_match(s) {
            return Err(invalid(
                "expected SORT:KEY:ID (KEY `-` or a whole number, ID of letters, digits and ._:-)",
            ));
        }
        let mut parts = s.splitn(3, ':');
        let (Some(order), Some(key), Some(id)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(invalid("expected SORT:KEY:ID"));
        };
        let order: SortOrder = order.parse().map_err(|_| invalid("unknown sort order"))?;
        let number = |key: &str| {
            key.parse::<i64>()
                .map_err(|_| invalid("key is not a number"))
        };
        let key = match (order, key) {
            (SortOrder::DateDesc | SortOrder::DateAsc, "-") => SortKey::Date(None),
            (SortOrder::KilledDesc, "-") => SortKey::Killed(None),
            (SortOrder::DateDesc | SortOrder::DateAsc, key) => {
                SortKey::Date(Some(date_of_day_number(number(key)?)))
            }
            (SortOrder::KilledDesc, key) => {
                SortKey::Killed(Some(u32::try_from(number(key)?).unwrap_or(u32::MAX)))
            }
        };
        Ok(Cursor {
            order,
            key,
            id: IncidentId::new(id),
        })
    }
}

/// Which page of matches to return.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRequest {
    /// Order of the matches.
    pub order: SortOrder,
    /// Start after this incident; `None` for the first page. Its order must be `order`.
    pub after: Option<Cursor>,
    /// At most this many incidents.
    pub limit: usize,
}

/// One page of matches.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The incidents, each with all its sources.
    pub incidents: Vec<StoredIncident>,
    /// Where the next page starts; `None` on the last page.
    pub next: Option<Cursor>,
}

/// What the map needs of one incident, read from indexed columns without decoding its JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct IncidentPoint {
    /// Its id.
    pub id: IncidentId,
    /// Its type.
    pub event_type: EventType,
    /// Its first day.
    pub date: Option<Date>,
    /// Latitude, WGS 84.
    pub lat: f64,
    /// Longitude, WGS 84.
    pub lon: f64,
    /// Place name.
    pub place: Option<String>,
    /// Country.
    pub country: Option<CountryCode>,
    /// Best killed figure ([`Count::best`](sitrep_model::Count::best)); `None` when unknown.
    pub killed: Option<u32>,
    /// Best wounded figure; `None` when unknown.
    pub wounded: Option<u32>,
    /// Best figure of everyone killed, victims and attackers
    /// ([`Incident::killed_total`](sitrep_model::Incident::killed_total)); `None` when unknown.
    pub killed_total: Option<u32>,
    /// Best figure of everyone wounded, victims and attackers
    /// ([`Incident::wounded_total`](sitrep_model::Incident::wounded_total)); `None` when unknown.
    pub wounded_total: Option<u32>,
    /// Named perpetrators.
    pub perpetrators: Vec<String>,
    /// A past incident mentioned for context.
    pub background: bool,
}

impl IncidentSearch {
    /// The box, when a box and a date bound are both set: then the R*Tree over coordinates
    /// and first day (`incidents_rtree_time`) serves the search instead of the
    /// two-dimensional one, finding the same incidents without reading every incident in the
    /// box whatever its date. A box crossing the antimeridian takes the general path.
    fn time_box(&self) -> Option<BoundingBox> {
        let bbox = self.filter.bbox.filter(|b| !b.crosses_antimeridian())?;
        let dated = self.filter.since.is_some() || self.filter.until.is_some();
        let finite = [bbox.min_lon, bbox.min_lat, bbox.max_lon, bbox.max_lat]
            .iter()
            .all(|edge| edge.is_finite());
        (dated && finite).then_some(bbox)
    }

    /// The candidates of the time index: a query of `columns` of `incidents_rtree_time`
    /// (`rid`; `max_day` is the first day as days since 1970-01-01) and its parameters. The
    /// index keeps 32-bit floats rounded outwards, so candidates must pass
    /// [`Self::exact_sql`].
    fn time_index_sql(&self, bbox: BoundingBox, columns: &str) -> (String, Vec<Value>) {
        let mut sql = format!(
            "SELECT {columns} FROM incidents_rtree_time \
             WHERE max_lon >= ? AND min_lon <= ? AND max_lat >= ? AND min_lat <= ?"
        );
        let mut params: Vec<Value> = [bbox.min_lon, bbox.max_lon, bbox.min_lat, bbox.max_lat]
            .map(Value::Real)
            .into();
        if let Some(since) = self.filter.since {
            sql.push_str(" AND max_day >= julianday(?) - 2440587.5");
            params.push(Value::Text(since.to_string()));
        }
        if let Some(until) = self.filter.until {
            sql.push_str(" AND min_day <= julianday(?) - 2440587.5");
            params.push(Value::Text(until.to_string()));
        }
        (sql, params)
    }

    /// Every condition as an exact test on the incident row, with no index lookup when the
    /// time index serves the box ([`Self::time_box`], SQLite only); the full condition
    /// otherwise.
    fn exact_sql(&self, dialect: Dialect) -> SqlFilter {
        let time_box = self.time_box().filter(|_| dialect == Dialect::Sqlite);
        let mut sql = match time_box {
            Some(bbox) => {
                let without_box = IncidentFilter {
                    bbox: None,
                    ..self.filter.clone()
                };
                let mut sql = without_box.to_sql_for(dialect);
                sql.push_condition(
                    "i.lon BETWEEN ? AND ? AND i.lat BETWEEN ? AND ?",
                    [bbox.min_lon, bbox.max_lon, bbox.min_lat, bbox.max_lat].map(Value::Real),
                );
                sql
            }
            None => self.filter.to_sql_for(dialect),
        };
        // SQLite's LIKE ignores the case of ASCII letters; PostgreSQL's ILIKE that of every
        // letter its locale knows.
        let like = match dialect {
            Dialect::Sqlite => "LIKE",
            Dialect::Postgres => "ILIKE",
        };
        let words = self
            .text
            .as_deref()
            .unwrap_or("")
            .split_whitespace()
            .take(MAX_SEARCH_WORDS);
        for word in words {
            let pattern = format!("%{}%", escape_like(word));
            let condition = format!(
                "(EXISTS (SELECT 1 FROM mentions AS m JOIN articles AS a \
                                 ON a.id = m.article_id \
                         WHERE m.incident_id = i.id \
                           AND (a.title {like} ? ESCAPE '\\' OR a.text {like} ? ESCAPE '\\')) \
                 OR i.place {like} ? ESCAPE '\\' OR i.perpetrators {like} ? ESCAPE '\\')"
            );
            sql.push_condition(&condition, std::iter::repeat_n(Value::Text(pattern), 4));
        }
        sql
    }

    /// The whole search as a condition over `incidents AS i`, for either engine.
    pub(crate) fn to_sql_for(&self, dialect: Dialect) -> SqlFilter {
        let mut sql = self.exact_sql(dialect);
        if dialect == Dialect::Sqlite
            && let Some(bbox) = self.time_box()
        {
            let (index, params) = self.time_index_sql(bbox, "rid");
            sql.push_condition(&format!("i.rid IN ({index})"), params);
        }
        sql
    }
}

/// Days from 1970-01-01 to `date` (negative before), as the time index counts them.
/// The date `days` days after 1970-01-01, taken to the nearest end of the range of dates
/// beyond it.
fn date_of_day_number(days: i64) -> Date {
    let epoch = jiff::civil::date(1970, 1, 1);
    let span = jiff::Span::new().try_days(days).ok();
    match span.and_then(|span| epoch.checked_add(span).ok()) {
        Some(date) => date,
        None if days < 0 => Date::MIN,
        None => Date::MAX,
    }
}

fn day_number(date: Date) -> i64 {
    let days = jiff::civil::date(1970, 1, 1)
        .until(date)
        .expect("two civil dates are always a whole number of days apart")
        .get_days();
    i64::from(days)
}

/// Escapes `%`, `_` and `\` for a `LIKE … ESCAPE '\'` pattern.
fn escape_like(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

impl SqlFilter {
    /// Adds one more condition, AND-ed with the others.
    pub(crate) fn push_condition(
        &mut self,
        condition: &str,
        params: impl IntoIterator<Item = Value>,
    ) {
        if self.where_clause.is_empty() {
            self.where_clause = format!("WHERE {condition}");
        } else {
            self.where_clause.push_str(" AND ");
            self.where_clause.push_str(condition);
        }
        self.params.extend(params);
    }
}

/// `ORDER BY` for an order: unknown keys last, then id. PostgreSQL is told so with
/// `NULLS LAST`, which its indexes on `(date_start DESC NULLS LAST, …)` and
/// `(date_start, …)` serve in order (a page then reads a few index entries, not every match);
/// SQLite's plans are made for the `IS NULL` form.
fn order_by(order: SortOrder, dialect: Dialect) -> String {
    let column = order.column();
    let (direction, _) = order.direction();
    match dialect {
        Dialect::Sqlite => format!("ORDER BY {column} IS NULL, {column} {direction}, i.id"),
        Dialect::Postgres => format!("ORDER BY {column} {direction} NULLS LAST, i.id"),
    }
}

impl Store {
    /// One page of the incidents matching `search`, each with all its sources, and the cursor
    /// of the next page. Costs one query for the page plus one per incident for its sources.
    ///
    /// A cursor made for another order than `page.order` matches as if its key were of this
    /// order; callers should reject it first (the API does).
    pub fn search_page(&self, search: &IncidentSearch, page: &PageRequest) -> Result<Page> {
        if !self.is_postgres()
            && let Some(bbox) = search.time_box()
            && matches!(page.order, SortOrder::DateDesc | SortOrder::DateAsc)
        {
            return self.search_page_by_day(search, page, bbox);
        }
        self.with_sql(|sql| search_page(sql, search, page))
    }

    /// [`Store::search_page`] for a box-and-dates search in date order: candidates come out of
    /// the time index already in day order, and incident rows are read only until the page is
    /// full (and its last day complete, since ties are ordered by id), instead of reading and
    /// sorting every incident in the box and date range.
    fn search_page_by_day(
        &self,
        search: &IncidentSearch,
        page: &PageRequest,
        bbox: BoundingBox,
    ) -> Result<Page> {
        let descending = page.order == SortOrder::DateDesc;
        let (index, params) = search.time_index_sql(bbox, "rid, max_day");
        // The days to scan, first and last (either may be open).
        let mut first = search.filter.since.map(day_number);
        let mut last = search.filter.until.map(day_number);
        let mut after: Option<(i64, &IncidentId)> = None;
        if let Some(cursor) = &page.after {
            let SortKey::Date(Some(date)) = cursor.key else {
                // Undated incidents come last, and a date bound excludes them all.
                return Ok(Page {
                    incidents: Vec::new(),
                    next: None,
                });
            };
            let day = day_number(date);
            if descending {
                last = Some(last.map_or(day, |l| l.min(day)));
            } else {
                first = Some(first.map_or(day, |f| f.max(day)));
            }
            after = Some((day, &cursor.id));
        }
        let index = format!(
            "{index} AND max_day >= ? AND min_day <= ? ORDER BY max_day {}",
            if descending { "DESC" } else { "ASC" }
        );
        let exact = search.exact_sql(Dialect::Sqlite);
        let text = format!(
            "SELECT i.id, i.data, i.date_start FROM incidents AS i {} AND i.rid = ?",
            exact.where_clause
        );
        let mut candidates_stmt = self.sqlite("search with cursors")?.prepare_cached(&index)?;
        let mut rows_stmt = self.sqlite("search with cursors")?.prepare_cached(&text)?;

        // Windows of days from the start of the order, doubling in length, until the page is
        // full: a page needs only its first days, not every day of the range. With an open
        // range, one window covers it all.
        let mut found: Vec<(IncidentId, Incident, Option<Date>)> = Vec::new();
        let mut window: i64 = 16;
        let mut edge = if descending { last } else { first };
        loop {
            let (from, to) = match (first, last, edge) {
                (Some(first), Some(_), Some(edge)) if descending => {
                    ((edge - window + 1).max(first), edge)
                }
                (Some(_), Some(last), Some(edge)) => (edge, (edge + window - 1).min(last)),
                _ => (first.unwrap_or(i64::MIN), last.unwrap_or(i64::MAX)),
            };
            if from > to {
                break;
            }
            let window_params = params
                .iter()
                .cloned()
                .chain([Value::Integer(from), Value::Integer(to)]);
            let candidates: Vec<(i64, i64)> = candidates_stmt
                .query_map(params_from_iter(window_params), |row| {
                    // Whole day numbers are exact in the index's 32-bit floats.
                    Ok((row.get::<_, i64>(0)?, row.get::<_, f64>(1)?.round() as i64))
                })?
                .collect::<rusqlite::Result<_>>()?;
            let mut day_group: Vec<(IncidentId, Incident, Option<Date>)> = Vec::new();
            let mut current_day = None;
            for (rid, day) in candidates {
                if current_day != Some(day) {
                    day_group.sort_by(|a, b| a.0.cmp(&b.0));
                    found.append(&mut day_group);
                    if found.len() > page.limit {
                        break;
                    }
                    current_day = Some(day);
                }
                let params = exact.params.iter().cloned().chain([Value::Integer(rid)]);
                let mut rows = rows_stmt.query(params_from_iter(params))?;
                let Some(row) = rows.next()? else { continue };
                let (id, incident) = decode_incident_row(row)?;
                if let Some((cursor_day, cursor_id)) = after
                    && day == cursor_day
                    && id <= *cursor_id
                {
                    continue;
                }
                let date = date_column(row, 2, "incidents", id.as_str())?;
                day_group.push((id, incident, date));
            }
            day_group.sort_by(|a, b| a.0.cmp(&b.0));
            found.append(&mut day_group);
            let done = found.len() > page.limit
                || first.is_none()
                || last.is_none()
                || (descending && Some(from) == first)
                || (!descending && Some(to) == last);
            if done {
                break;
            }
            edge = Some(if descending { from - 1 } else { to + 1 });
            window = window.saturating_mul(2);
        }

        let more = found.len() > page.limit;
        found.truncate(page.limit);
        let next = match (more, found.last()) {
            (true, Some((id, _, date))) => Some(Cursor {
                order: page.order,
                key: SortKey::Date(*date),
                id: id.clone(),
            }),
            _ => None,
        };
        let found = found
            .into_iter()
            .map(|(id, incident, _)| (id, incident))
            .collect();
        let incidents = self.with_sql(|sql| with_sources(sql, found))?;
        Ok(Page { incidents, next })
    }

    /// How many incidents match `search`.
    pub fn search_count(&self, search: &IncidentSearch) -> Result<u64> {
        self.with_sql(|sql| {
            let condition = search.to_sql_for(sql.dialect());
            count_matching(sql, &condition)
        })
    }

    /// The located incidents matching `search`, at most `limit`, in `order`: what a map draws.
    /// Incidents without coordinates are left out.
    pub fn search_points(
        &self,
        search: &IncidentSearch,
        order: SortOrder,
        limit: usize,
    ) -> Result<Vec<IncidentPoint>> {
        self.with_sql(|sql| search_points(sql, search, order, limit))
    }
}

/// [`Store::search_points`] on either engine.
fn search_points(
    sql: &mut dyn Sql,
    search: &IncidentSearch,
    order: SortOrder,
    limit: usize,
) -> Result<Vec<IncidentPoint>> {
    const TABLE: &str = "incidents";
    let mut condition = search.to_sql_for(sql.dialect());
    condition.push_condition("i.lat IS NOT NULL AND i.lon IS NOT NULL", []);
    let text = format!(
        "SELECT i.id, i.event_type, i.date_start, i.lat, i.lon, i.place, i.country,
                    i.killed_best, i.wounded_min, i.wounded_max, i.perpetrators, i.background,
                    i.killed_min, i.killed_max, i.attackers_killed_min, i.attackers_killed_max,
                    i.attackers_wounded_min, i.attackers_wounded_max
             FROM incidents AS i {} {} LIMIT ?",
        condition.where_clause,
        order_by(order, sql.dialect())
    );
    let limit = Value::Integer(i64::try_from(limit).unwrap_or(i64::MAX));
    let params: Vec<&dyn ToSql> = condition
        .params
        .iter()
        .chain([&limit])
        .map(|value| value as &dyn ToSql)
        .collect();
    let rows = sql.query(&text, &params)?;
    let mut points = Vec::new();
    for row in &rows {
        let id: String = field(row, 0, TABLE, "(unreadable id)")?;
        let key = id.as_str();
        let event_type: String = field(row, 1, TABLE, key)?;
        let event_type = event_type.parse().map_err(|err| crate::Error::CorruptRow {
            table: TABLE,
            id: id.clone(),
            reason: format!("column event_type: {err}"),
        })?;
        let country: Option<String> = field(row, 6, TABLE, key)?;
        let count = |index: usize| -> Result<Option<u32>> {
            let n: Option<i64> = field(row, index, TABLE, key)?;
            Ok(n.and_then(|n| u32::try_from(n).ok()))
        };
        // The bounds of one count as a `Count` (without its words), `None` when neither
        // bound is known.
        let bounds = |min: usize, max: usize| -> Result<Option<Count>> {
            let (min, max) = (count(min)?, count(max)?);
            Ok((min.is_some() || max.is_some()).then(|| Count {
                min,
                max,
                text: String::new(),
            }))
        };
        let total = |victims: Option<Count>, attackers: Option<Count>| {
            Count::total(victims.as_ref(), attackers.as_ref())
                .as_ref()
                .and_then(Count::best)
        };
        let killed_total = total(bounds(12, 13)?, bounds(14, 15)?);
        let wounded_total = total(bounds(8, 9)?, bounds(16, 17)?);
        let perpetrators: Option<String> = field(row, 10, TABLE, key)?;
        let background: bool = field(row, 11, TABLE, key)?;
        points.push(IncidentPoint {
            event_type,
            date: date_field(row, 2, TABLE, key)?,
            lat: field(row, 3, TABLE, key)?,
            lon: field(row, 4, TABLE, key)?,
            place: field(row, 5, TABLE, key)?,
            country: country.and_then(|c| CountryCode::new(&c).ok()),
            killed: count(7)?,
            wounded: count(8)?.or(count(9)?),
            killed_total,
            wounded_total,
            perpetrators: perpetrators
                .map(|p| p.split(PERPETRATOR_SEPARATOR).map(str::to_string).collect())
                .unwrap_or_default(),
            background,
            id: IncidentId::new(id),
        });
    }
    Ok(points)
}

/// [`Store::search_page`] by the general path: one query ordered by the sort key.
fn search_page(sql: &mut dyn Sql, search: &IncidentSearch, page: &PageRequest) -> Result<Page> {
    let mut condition = search.to_sql_for(sql.dialect());
    if let Some(after) = &page.after {
        let column = page.order.column();
        let (_, after_op) = page.order.direction();
        let id = Value::Text(after.id.as_str().to_string());
        match after.key.to_sql() {
            Some(key) => condition.push_condition(
                &format!(
                    "({column} {after_op} ? OR ({column} = ? AND i.id > ?) \
                     OR {column} IS NULL)"
                ),
                [key.clone(), key, id],
            ),
            None => condition.push_condition(&format!("({column} IS NULL AND i.id > ?)"), [id]),
        }
    }
    let text = format!(
        "SELECT i.id, i.data, i.date_start, i.killed_best FROM incidents AS i {} {} LIMIT ?",
        condition.where_clause,
        order_by(page.order, sql.dialect())
    );
    // One more than asked tells whether there is a next page.
    let fetch = Value::Integer(i64::try_from(page.limit.saturating_add(1)).unwrap_or(i64::MAX));
    let params: Vec<&dyn ToSql> = condition
        .params
        .iter()
        .chain([&fetch])
        .map(|value| value as &dyn ToSql)
        .collect();
    let rows = sql.query(&text, &params)?;
    let more = rows.len() > page.limit;
    let mut found = Vec::new();
    let mut keys = Vec::new();
    for row in rows.iter().take(page.limit) {
        let (id, incident) = decode_incident(row)?;
        let key = match page.order {
            SortOrder::DateDesc | SortOrder::DateAsc => {
                SortKey::Date(date_field(row, 2, "incidents", id.as_str())?)
            }
            SortOrder::KilledDesc => {
                let killed: Option<i64> = field(row, 3, "incidents", id.as_str())?;
                SortKey::Killed(killed.and_then(|k| u32::try_from(k).ok()))
            }
        };
        keys.push(key);
        found.push((id, incident));
    }
    let next = match (more, found.last(), keys.last()) {
        (true, Some((id, _)), Some(key)) => Some(Cursor {
            order: page.order,
            key: *key,
            id: id.clone(),
        }),
        _ => None,
    };
    let incidents = with_sources(sql, found)?;
    Ok(Page { incidents, next })
}

#[cfg(test)]
pub(crate) mod tests {
    use sitrep_model::{
        Article, ArticleId, ArticleMeta, Count, EventDate, ExtractedArticle, Incident, Location,
        LocationPrecision, Perpetrator,
    };

    use super::*;
    use crate::BoundingBox;

    /// One synthetic incident to store: `(id, title, text, type, date, killed, place)`.
    pub(crate) struct Fixture {
        pub id: &'static str,
        pub text: &'static str,
        pub event_type: EventType,
        pub date: Option<&'static str>,
        pub killed: Option<u32>,
        pub place: Option<(&'static str, &'static str, f64, f64)>,
        pub perpetrator: Option<&'static str>,
    }

    pub(crate) fn fixtures() -> Vec<Fixture> {
        vec![
            Fixture {
                id: "a1",
                text: "A car bomb exploded near the market in Kabul.",
                event_type: EventType::Bombing,
                date: Some("2016-06-09"),
                killed: Some(7),
                place: Some(("Kabul", "AF", 34.53, 69.17)),
                perpetrator: Some("Taliban"),
            },
            Fixture {
                id: "a2",
                text: "Gunmen attacked the embassy in Tripoli.",
                event_type: EventType::ArmedAssault,
                date: Some("2015-04-12"),
                killed: Some(2),
                place: Some(("Tripoli", "LY", 32.89, 13.19)),
                perpetrator: Some("Islamic State"),
            },
            Fixture {
                id: "a3",
                text: "Another bomb in Tripoli 100% destroyed a café_bar.",
                event_type: EventType::Bombing,
                date: Some("2015-04-12"),
                killed: None,
                place: Some(("Tripoli", "LY", 32.88, 13.18)),
                perpetrator: None,
            },
            Fixture {
                id: "a4",
                text: "Shelling was reported somewhere, on an unknown day.",
                event_type: EventType::Shelling,
                date: None,
                killed: Some(40),
                place: None,
                perpetrator: None,
            },
            Fixture {
                id: "a5",
                text: "Clashes in Taiz left five dead.",
                event_type: EventType::ArmedClash,
                date: Some("2017-08-22"),
                killed: Some(5),
                place: Some(("Taiz", "YE", 13.58, 44.02)),
                perpetrator: Some("Houthis"),
            },
        ]
    }

    pub(crate) fn store_with_fixtures() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        for f in fixtures() {
            let article = Article {
                id: ArticleId::new(f.id),
                text: f.text.to_string(),
                published: Some("2020-01-01".parse().unwrap()),
                title: Some(format!("Report {}", f.id)),
                url: None,
                source: Some("wire".into()),
            };
            let mut incident = Incident::new(f.event_type);
            incident.date = f.date.map(|d| EventDate {
                start: Some(d.parse().unwrap()),
                end: Some(d.parse().unwrap()),
                precision: sitrep_model::DatePrecision::Day,
                text: d.into(),
            });
            incident.killed = f.killed.map(|k| Count {
                min: Some(k),
                max: Some(k),
                text: "killed".into(),
            });
            incident.location = f.place.map(|(name, country, lat, lon)| Location {
                name: name.into(),
                country: CountryCode::new(country).unwrap(),
                country_name: country.into(),
                admin1: None,
                admin2: None,
                lat,
                lon,
                geonames_id: None,
                precision: LocationPrecision::City,
                text: name.into(),
            });
            incident.perpetrators = f
                .perpetrator
                .map(|name| Perpetrator {
                    name: Some(name.into()),
                    claimed: false,
                    text: name.into(),
                })
                .into_iter()
                .collect();
            let extracted = ExtractedArticle {
                article: ArticleMeta::from(&article),
                incidents: vec![incident],
            };
            store.insert_article(&article, &extracted).unwrap();
        }
        store
    }

    fn id_of(article: &str) -> IncidentId {
        IncidentId::for_mention(&ArticleId::new(article), 0)
    }

    fn all_pages(store: &Store, search: &IncidentSearch, order: SortOrder) -> Vec<IncidentId> {
        let mut seen = Vec::new();
        let mut after = None;
        loop {
            let page = store
                .search_page(
                    search,
                    &PageRequest {
                        order,
                        after,
                        limit: 2,
                    },
                )
                .unwrap();
            assert!(page.incidents.len() <= 2);
            seen.extend(page.incidents.iter().map(|i| i.id.clone()));
            match page.next {
                Some(next) => {
                    // Cursors survive their text form.
                    after = Some(next.to_string().parse().unwrap());
                }
                None => return seen,
            }
        }
    }

    #[test]
    fn pages_cover_every_match_once_in_each_order() {
        let store = store_with_fixtures();
        let search = IncidentSearch::default();
        let by_date = all_pages(&store, &search, SortOrder::DateDesc);
        let mut tripoli = [id_of("a2"), id_of("a3")];
        tripoli.sort();
        assert_eq!(
            by_date,
            [
                id_of("a5"),
                id_of("a1"),
                tripoli[0].clone(),
                tripoli[1].clone(),
                id_of("a4")
            ]
        );
        let oldest = all_pages(&store, &search, SortOrder::DateAsc);
        assert_eq!(
            oldest,
            [
                tripoli[0].clone(),
                tripoli[1].clone(),
                id_of("a1"),
                id_of("a5"),
                id_of("a4")
            ]
        );
        let deadliest = all_pages(&store, &search, SortOrder::KilledDesc);
        assert_eq!(
            deadliest,
            [
                id_of("a4"),
                id_of("a1"),
                id_of("a5"),
                id_of("a2"),
                id_of("a3")
            ]
        );
    }

    #[test]
    fn a_page_carries_sources() {
        let store = store_with_fixtures();
        let page = store
            .search_page(
                &IncidentSearch::default(),
                &PageRequest {
                    order: SortOrder::DateDesc,
                    after: None,
                    limit: 10,
                },
            )
            .unwrap();
        assert_eq!(page.incidents.len(), 5);
        assert!(page.next.is_none());
        assert!(page.incidents.iter().all(|i| i.sources.len() == 1));
    }

    #[test]
    fn text_search_needs_every_word_and_escapes_wildcards() {
        let store = store_with_fixtures();
        let search = |text: &str| IncidentSearch {
            text: Some(text.into()),
            ..IncidentSearch::default()
        };
        assert_eq!(store.search_count(&search("tripoli")).unwrap(), 2);
        assert_eq!(store.search_count(&search("TRIPOLI embassy")).unwrap(), 1);
        // Perpetrator names and headlines are searched too.
        assert_eq!(store.search_count(&search("houthis")).unwrap(), 1);
        assert_eq!(store.search_count(&search("Report a1")).unwrap(), 1);
        // `%` and `_` are literal.
        assert_eq!(store.search_count(&search("100%")).unwrap(), 1);
        assert_eq!(store.search_count(&search("é_b")).unwrap(), 1);
        assert_eq!(store.search_count(&search("e_b")).unwrap(), 0);
        assert_eq!(store.search_count(&search("%")).unwrap(), 1);
        assert_eq!(store.search_count(&search("   ")).unwrap(), 5);
    }

    #[test]
    fn search_combines_with_the_filter() {
        let store = store_with_fixtures();
        let search = IncidentSearch {
            filter: IncidentFilter {
                bbox: Some(BoundingBox::new(10.0, 30.0, 20.0, 35.0).unwrap()),
                since: Some("2015-01-01".parse().unwrap()),
                ..IncidentFilter::default()
            },
            text: Some("bomb".into()),
        };
        assert_eq!(store.search_count(&search).unwrap(), 1);
        let points = store
            .search_points(&search, SortOrder::DateDesc, 100)
            .unwrap();
        assert_eq!(points.len(), 1);
        assert_eq!(points[0].id, id_of("a3"));
        assert_eq!(points[0].killed, None);
        assert_eq!(points[0].place.as_deref(), Some("Tripoli"));
    }

    #[test]
    fn box_and_dates_find_what_the_plain_filter_finds() {
        let store = store_with_fixtures();
        let boxes = [
            "-180,-90,180,90",
            "13.18,32.88,13.19,32.89",
            "13.185,32.885,13.2,32.9",
            "60,30,70,40",
            "0,0,1,1",
        ];
        let dates = [
            (None, Some("2015-04-12")),
            (Some("2015-04-12"), None),
            (Some("2015-04-13"), Some("2017-08-22")),
            (Some("2015-04-12"), Some("2015-04-12")),
            (Some("1990-01-01"), Some("2030-12-31")),
        ];
        for bbox in boxes {
            for (since, until) in dates {
                let filter = IncidentFilter {
                    bbox: Some(bbox.parse().unwrap()),
                    since: since.map(|d| d.parse().unwrap()),
                    until: until.map(|d| d.parse().unwrap()),
                    include_background: true,
                    ..IncidentFilter::default()
                };
                let search = IncidentSearch {
                    filter: filter.clone(),
                    text: None,
                };
                assert!(
                    search
                        .to_sql_for(Dialect::Sqlite)
                        .where_clause
                        .contains("incidents_rtree_time")
                );
                let expected: Vec<IncidentId> = store
                    .query(&filter)
                    .unwrap()
                    .into_iter()
                    .map(|i| i.id)
                    .collect();
                let found: Vec<IncidentId> = store
                    .search_page(
                        &search,
                        &PageRequest {
                            order: SortOrder::DateDesc,
                            after: None,
                            limit: 100,
                        },
                    )
                    .unwrap()
                    .incidents
                    .into_iter()
                    .map(|i| i.id)
                    .collect();
                assert_eq!(found, expected, "{bbox} {since:?}..{until:?}");
                assert_eq!(store.search_count(&search).unwrap(), expected.len() as u64);
                // Page by page, two at a time, both ways: the same order, ties by id.
                assert_eq!(all_pages(&store, &search, SortOrder::DateDesc), expected);
                let mut oldest: Vec<(Option<Date>, IncidentId)> = store
                    .query(&filter)
                    .unwrap()
                    .into_iter()
                    .map(|i| (i.incident.date.and_then(|d| d.start), i.id))
                    .collect();
                oldest.sort();
                let oldest: Vec<IncidentId> = oldest.into_iter().map(|(_, id)| id).collect();
                assert_eq!(all_pages(&store, &search, SortOrder::DateAsc), oldest);
            }
        }
    }

    #[test]
    fn a_box_across_the_antimeridian_finds_both_its_halves() {
        let store = store_with_fixtures();
        // West edge at 50°E, east edge at 20°E: everything but 20°E..50°E, so Kabul (69°E)
        // and Tripoli (13°E) but not Taiz (44°E).
        for until in [None, Some("2030-01-01")] {
            let filter = IncidentFilter {
                bbox: Some("50,-90,20,90".parse().unwrap()),
                until: until.map(|d| d.parse().unwrap()),
                include_background: true,
                ..IncidentFilter::default()
            };
            let mut found: Vec<IncidentId> = store
                .query(&filter)
                .unwrap()
                .into_iter()
                .map(|i| i.id)
                .collect();
            found.sort();
            let mut expected = vec![id_of("a1"), id_of("a2"), id_of("a3")];
            expected.sort();
            assert_eq!(found, expected, "until {until:?}");
            let search = IncidentSearch { filter, text: None };
            assert_eq!(store.search_count(&search).unwrap(), 3);
            let mut paged = all_pages(&store, &search, SortOrder::DateDesc);
            paged.sort();
            assert_eq!(paged, expected);
        }
    }

    #[test]
    fn day_windows_page_many_incidents_in_order() {
        // 300 incidents on 120 days (several a day), in two places.
        let mut store = Store::open_in_memory().unwrap();
        let mut items = Vec::new();
        for n in 0..300u32 {
            let article = Article {
                id: ArticleId::new(format!("w{n:03}")),
                text: "Report.".into(),
                published: None,
                title: None,
                url: None,
                source: None,
            };
            let day = jiff::civil::date(2019, 1, 1)
                .checked_add(jiff::Span::new().days(i64::from(n * 7 % 120)))
                .unwrap();
            let mut incident = Incident::new(EventType::Bombing);
            incident.date = Some(EventDate {
                start: Some(day),
                end: Some(day),
                precision: sitrep_model::DatePrecision::Day,
                text: String::new(),
            });
            let (lat, lon) = if n % 2 == 0 {
                (10.0, 10.0)
            } else {
                (50.0, 50.0)
            };
            incident.location = Some(Location {
                name: "P".into(),
                country: CountryCode::new("AF").unwrap(),
                country_name: "A".into(),
                admin1: None,
                admin2: None,
                lat: lat + f64::from(n) * 0.1,
                lon,
                geonames_id: None,
                precision: LocationPrecision::City,
                text: String::new(),
            });
            // A group of its own: no two merge.
            incident.perpetrators = vec![Perpetrator {
                name: Some(format!("g{n}")),
                claimed: false,
                text: String::new(),
            }];
            let extracted = ExtractedArticle {
                article: ArticleMeta::from(&article),
                incidents: vec![incident],
            };
            items.push((article, extracted));
        }
        store.insert_batch(&items).unwrap();
        for (bbox, since, until) in [
            ("0,0,20,90", "2019-01-01", "2019-12-31"),
            ("-180,-90,180,90", "2019-02-10", "2019-03-20"),
            ("40,0,60,90", "2018-01-01", "2019-01-20"),
        ] {
            let filter = IncidentFilter {
                bbox: Some(bbox.parse().unwrap()),
                since: Some(since.parse().unwrap()),
                until: Some(until.parse().unwrap()),
                ..IncidentFilter::default()
            };
            let search = IncidentSearch {
                filter: filter.clone(),
                text: None,
            };
            let expected: Vec<IncidentId> = store
                .query(&filter)
                .unwrap()
                .into_iter()
                .map(|i| i.id)
                .collect();
            assert!(expected.len() > 10, "{bbox}");
            assert_eq!(
                all_pages(&store, &search, SortOrder::DateDesc),
                expected,
                "{bbox}"
            );
            let asc = all_pages(&store, &search, SortOrder::DateAsc);
            let mut by_day: Vec<(Date, IncidentId)> = store
                .query(&filter)
                .unwrap()
                .into_iter()
                .map(|i| (i.incident.date.and_then(|d| d.start).unwrap(), i.id))
                .collect();
            by_day.sort();
            assert_eq!(
                asc,
                by_day.into_iter().map(|(_, id)| id).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn the_time_index_is_filled_from_rows_stored_before_it() {
        let mut store = store_with_fixtures();
        store
            .sqlite("a test")
            .unwrap()
            .execute_batch(
                "DROP TRIGGER incidents_rtree_time_insert;
                 DROP TRIGGER incidents_rtree_time_update;
                 DROP TRIGGER incidents_rtree_time_delete;
                 DROP TABLE incidents_rtree_time;
                 ALTER TABLE mention_blocks DROP COLUMN event_type;
                 ALTER TABLE mention_blocks DROP COLUMN place_precision;
                 ALTER TABLE mention_blocks DROP COLUMN lat;
                 ALTER TABLE mention_blocks DROP COLUMN admin1;
                 ALTER TABLE incidents DROP COLUMN attackers_killed_min;
                 ALTER TABLE incidents DROP COLUMN attackers_killed_max;
                 ALTER TABLE incidents DROP COLUMN attackers_wounded_min;
                 ALTER TABLE incidents DROP COLUMN attackers_wounded_max;
                 DROP TABLE feed_items;
                 DROP TABLE feeds;
                 DROP TABLE api_tokens;
                 DROP INDEX incident_aliases_target;
                 DROP TABLE outbox;
                 DROP TABLE alerts;
                 DROP TABLE alert_state;
                 DROP TABLE watches;
                 PRAGMA user_version = 3;",
            )
            .unwrap();
        crate::migrations::migrate(store.sqlite_mut("a test").unwrap()).unwrap();
        let indexed: i64 = store
            .sqlite("a test")
            .unwrap()
            .query_row("SELECT count(*) FROM incidents_rtree_time", [], |r| {
                r.get(0)
            })
            .unwrap();
        // Located and dated: a1, a2, a3 and a5.
        assert_eq!(indexed, 4);
        let search = IncidentSearch {
            filter: IncidentFilter {
                bbox: Some("13,32,14,33".parse().unwrap()),
                until: Some("2015-12-31".parse().unwrap()),
                ..IncidentFilter::default()
            },
            text: None,
        };
        assert_eq!(store.search_count(&search).unwrap(), 2);
    }

    #[test]
    fn points_leave_out_unlocated_incidents_and_respect_the_limit() {
        let store = store_with_fixtures();
        let all = IncidentSearch::default();
        let points = store
            .search_points(&all, SortOrder::KilledDesc, 100)
            .unwrap();
        assert_eq!(points.len(), 4);
        assert_eq!(points[0].id, id_of("a1"));
        assert_eq!(points[0].perpetrators, ["Taliban"]);
        assert_eq!(points[0].country, Some(CountryCode::new("AF").unwrap()));
        assert_eq!(
            store
                .search_points(&all, SortOrder::DateDesc, 2)
                .unwrap()
                .len(),
            2
        );
    }

    /// A located bombing reported by `article`: 6 victims, at least 10 wounded, and
    /// `attackers` attackers killed and 2 wounded.
    fn report_with_attackers(article: &str, attackers: u32) -> (Article, ExtractedArticle) {
        let article = Article {
            id: ArticleId::new(article),
            text: "A suicide bomber killed six people in Kabul.".into(),
            published: Some("2016-07-24".parse().unwrap()),
            title: None,
            url: None,
            source: None,
        };
        let count = |min, max| {
            Some(Count {
                min,
                max,
                text: "words".into(),
            })
        };
        let mut incident = Incident::new(EventType::Bombing);
        incident.date = Some(EventDate {
            start: Some("2016-07-23".parse().unwrap()),
            end: Some("2016-07-23".parse().unwrap()),
            precision: sitrep_model::DatePrecision::Day,
            text: "Saturday".into(),
        });
        incident.location = Some(Location {
            name: "Kabul".into(),
            country: CountryCode::new("AF").unwrap(),
            country_name: "Afghanistan".into(),
            admin1: None,
            admin2: None,
            lat: 34.5553,
            lon: 69.2075,
            geonames_id: None,
            precision: LocationPrecision::City,
            text: "Kabul".into(),
        });
        incident.killed = count(Some(6), Some(6));
        incident.attackers_killed = count(Some(attackers), Some(attackers));
        incident.wounded = count(Some(10), None);
        incident.attackers_wounded = count(Some(2), Some(2));
        let extracted = ExtractedArticle {
            article: ArticleMeta::from(&article),
            incidents: vec![incident],
        };
        (article, extracted)
    }

    #[test]
    fn points_carry_victims_and_attackers_together() {
        let mut store = Store::open_in_memory().unwrap();
        let (article, extracted) = report_with_attackers("first", 1);
        store.insert_article(&article, &extracted).unwrap();
        let all = IncidentSearch::default();
        let points = store.search_points(&all, SortOrder::DateDesc, 10).unwrap();
        assert_eq!(points.len(), 1);
        assert_eq!(points[0].killed, Some(6));
        assert_eq!(points[0].killed_total, Some(7));
        assert_eq!(points[0].wounded, Some(10));
        assert_eq!(points[0].wounded_total, Some(12));
        // A later report of the same bombing with two attackers dead updates the row.
        let (article, extracted) = report_with_attackers("second", 2);
        store.insert_article(&article, &extracted).unwrap();
        let points = store.search_points(&all, SortOrder::DateDesc, 10).unwrap();
        assert_eq!(points.len(), 1, "the reports merged");
        assert_eq!(points[0].killed, Some(6));
        assert_eq!(points[0].killed_total, Some(8));
        // Victims alone, without attackers, are their own total.
        let store = store_with_fixtures();
        let points = store
            .search_points(&all, SortOrder::KilledDesc, 100)
            .unwrap();
        assert!(points.iter().all(|p| p.killed_total == p.killed));
    }

    #[test]
    fn cursors_round_trip_and_reject_junk() {
        let cursor = Cursor {
            order: SortOrder::KilledDesc,
            key: SortKey::Killed(None),
            id: IncidentId::new("inc:with:colons"),
        };
        assert_eq!(cursor.to_string(), "killed_desc:-:inc:with:colons");
        assert_eq!(cursor.to_string().parse::<Cursor>().unwrap(), cursor);
        let day: Date = "2015-04-12".parse().unwrap();
        let dated = Cursor {
            order: SortOrder::DateAsc,
            key: SortKey::Date(Some(day)),
            id: IncidentId::new("inc-1"),
        };
        assert_eq!(dated.to_string(), "date_asc:16537:inc-1");
        assert_eq!(dated.to_string().parse::<Cursor>().unwrap(), dated);
        let before_1970: Cursor = "date_desc:-3653:inc-2".parse().unwrap();
        assert_eq!(
            before_1970.key,
            SortKey::Date(Some("1960-01-01".parse().unwrap()))
        );
        // Keys past the ends of their ranges are the ends.
        let far: Cursor = "date_desc:9999999:inc-3".parse().unwrap();
        assert_eq!(far.key, SortKey::Date(Some(Date::MAX)));
        let early: Cursor = "date_asc:-9999999:inc-3".parse().unwrap();
        assert_eq!(early.key, SortKey::Date(Some(Date::MIN)));
        let huge: Cursor = "killed_desc:9999999999:inc-3".parse().unwrap();
        assert_eq!(huge.key, SortKey::Killed(Some(u32::MAX)));
        for junk in [
            "",
            "date_desc",
            "date_desc:16537",
            "date_desc:16537:",
            "nope:1:inc",
            "date_desc:2015-04-12:inc",
            "date_desc:12345678:inc",
            "killed_desc:-5:inc",
            "killed_desc:5:inc 5",
            "killed_desc:5:inc\n",
            " date_desc:5:inc",
        ] {
            let err = junk.parse::<Cursor>().unwrap_err();
            assert!(err.to_string().contains("next_cursor"), "{err}");
        }
    }

    #[test]
    fn sort_orders_parse_by_name() {
        for order in SortOrder::ALL {
            assert_eq!(order.as_str().parse::<SortOrder>().unwrap(), *order);
        }
        let err = "newest".parse::<SortOrder>().unwrap_err();
        assert!(err.to_string().contains("date_desc"), "{err}");
    }
}
