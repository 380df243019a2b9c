//! Incident filters and their translation to a SQL `WHERE` clause with bound parameters.

use jiff::civil::Date;
use rusqlite::types::Value;
use sitrep_model::{CountryCode, EventType};

use crate::bbox::BoundingBox;
use crate::sql::Dialect;

/// The separator of perpetrator names in the `incidents.perpetrators` column.
pub(crate) const PERPETRATOR_SEPARATOR: &str = "; ";

/// Which incidents to return, and which page of them.
///
/// Every field set narrows the result; the default matches every incident that is news (not
/// background). Results are ordered by `date_start` descending, incidents without a start date
/// last, then by id; [`Store::count`](crate::Store::count) ignores `limit` and `offset`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IncidentFilter {
    /// Only incidents located in this country.
    pub country: Option<CountryCode>,
    /// Only incidents of this type.
    pub event_type: Option<EventType>,
    /// Only incidents whose first day (`date.start`) is this day or later. Incidents without a
    /// start date are excluded when `since` or `until` is set.
    pub since: Option<Date>,
    /// Only incidents whose first day (`date.start`) is this day or earlier. Both bounds compare
    /// the start day, so an incident dated "March 2015" (1–31 March) is in `since: 2015-03-01`
    /// but not in `since: 2015-03-15`: simple, and served by the date indexes.
    pub until: Option<Date>,
    /// Only incidents with coordinates inside this box (edges included); incidents without a
    /// location are excluded.
    pub bbox: Option<BoundingBox>,
    /// Only incidents whose best killed figure ([`Count::best`](sitrep_model::Count::best)) is
    /// at least this; incidents whose death toll is unknown are excluded.
    pub min_killed: Option<u32>,
    /// Only incidents one of whose named perpetrators contains this text, ignoring case
    /// (Unicode) and surrounding spaces. Empty text matches every incident.
    pub perpetrator: Option<String>,
    /// Also return background incidents (attacks an article only mentions beside its news).
    pub include_background: bool,
    /// At most this many incidents.
    pub limit: Option<usize>,
    /// Skip this many incidents first.
    pub offset: usize,
}

/// A filter as SQL over `incidents AS i`: the condition and its parameters, in order.
pub(crate) struct SqlFilter {
    /// `WHERE …`, or empty.
    pub where_clause: String,
    /// One value per `?`.
    pub params: Vec<Value>,
}

impl SqlFilter {
    /// The parameters, as a statement takes them.
    pub(crate) fn param_refs(&self) -> Vec<&dyn rusqlite::ToSql> {
        self.params
            .iter()
            .map(|value| value as &dyn rusqlite::ToSql)
            .collect()
    }
}

impl IncidentFilter {
    /// The `WHERE` clause selecting the incidents this filter matches (paging aside), for
    /// either engine: SQLite looks boxes up in its R*Tree, PostgreSQL tests the coordinates
    /// held in its indexes ordered by first day.
    pub(crate) fn to_sql_for(&self, dialect: Dialect) -> SqlFilter {
        let mut conditions: Vec<&str> = Vec::new();
        let mut params: Vec<Value> = Vec::new();
        if !self.include_background {
            conditions.push("i.background = 0");
        }
        if let Some(country) = self.country {
            conditions.push("i.country = ?");
            params.push(Value::Text(country.as_str().to_string()));
        }
        if let Some(event_type) = self.event_type {
            conditions.push("i.event_type = ?");
            params.push(Value::Text(event_type.as_str().to_string()));
        }
        // ISO dates compare as strings (years 0000–9999).
        if let Some(since) = self.since {
            conditions.push("i.date_start >= ?");
            params.push(Value::Text(since.to_string()));
        }
        if let Some(until) = self.until {
            conditions.push("i.date_start <= ?");
            params.push(Value::Text(until.to_string()));
        }
        if let Some(bbox) = self.bbox {
            let edges = [bbox.min_lon, bbox.min_lat, bbox.max_lon, bbox.max_lat];
            if edges.iter().any(|edge| edge.is_nan()) {
                // An unchecked box with a NaN edge contains no point.
                conditions.push("1 = 0");
            } else if dialect == Dialect::Postgres {
                let halves = bbox.halves();
                conditions.push(if halves.len() == 1 {
                    "(i.lon BETWEEN ? AND ? AND i.lat BETWEEN ? AND ?)"
                } else {
                    "((i.lon BETWEEN ? AND ? AND i.lat BETWEEN ? AND ?) \
                     OR (i.lon BETWEEN ? AND ? AND i.lat BETWEEN ? AND ?))"
                });
                for half in halves {
                    params.extend(
                        [half.min_lon, half.max_lon, half.min_lat, half.max_lat].map(Value::Real),
                    );
                }
            } else {
                // The R*Tree keeps 32-bit floats rounded outwards, so it may return points just
                // outside the box: the exact test on the stored coordinates follows it. A box
                // crossing the antimeridian is looked up as its two halves.
                let halves = bbox.halves();
                let one = "(i.rid IN (SELECT rid FROM incidents_rtree \
                           WHERE max_lon >= ? AND min_lon <= ? AND max_lat >= ? AND min_lat <= ?) \
                           AND i.lon BETWEEN ? AND ? AND i.lat BETWEEN ? AND ?)";
                conditions.push(if halves.len() == 1 {
                    one
                } else {
                    "(\
                     (i.rid IN (SELECT rid FROM incidents_rtree \
                     WHERE max_lon >= ? AND min_lon <= ? AND max_lat >= ? AND min_lat <= ?) \
                     AND i.lon BETWEEN ? AND ? AND i.lat BETWEEN ? AND ?) \
                     OR (i.rid IN (SELECT rid FROM incidents_rtree \
                     WHERE max_lon >= ? AND min_lon <= ? AND max_lat >= ? AND min_lat <= ?) \
                     AND i.lon BETWEEN ? AND ? AND i.lat BETWEEN ? AND ?))"
                });
                for half in halves {
                    for _ in 0..2 {
                        params.extend(
                            [half.min_lon, half.max_lon, half.min_lat, half.max_lat]
                                .map(Value::Real),
                        );
                    }
                }
            }
        }
        if let Some(min_killed) = self.min_killed {
            conditions.push("i.killed_best >= ?");
            params.push(Value::Integer(i64::from(min_killed)));
        }
        if let Some(perpetrator) = &self.perpetrator {
            let needle = perpetrator.trim().to_lowercase();
            if needle.contains('\0') {
                // Names come from cleaned text, which holds no control characters (and
                // PostgreSQL text cannot hold NUL at all): nothing matches.
                conditions.push("1 = 0");
            } else if !needle.is_empty() {
                conditions.push("sitrep_perpetrator_match(i.perpetrators, ?)");
                params.push(Value::Text(needle));
            }
        }
        let where_clause = if conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", conditions.join(" AND "))
        };
        SqlFilter {
            where_clause,
            params,
        }
    }

    /// `LIMIT ? OFFSET ?` values; no limit is the largest (PostgreSQL refuses SQLite's -1).
    pub(crate) fn paging(&self) -> [Value; 2] {
        let clamp = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
        [
            Value::Integer(self.limit.map_or(i64::MAX, clamp)),
            Value::Integer(clamp(self.offset)),
        ]
    }
}
