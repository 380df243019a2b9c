//! Aggregates over the incidents matching a search: counts and deaths by day and type, by
//! country, by type, and in total. One scan of the matches per table of figures.

use jiff::civil::Date;
use sitrep_model::{CountryCode, EventType};

use crate::Store;
use crate::error::{Error, Result};
use crate::read::{date_field, field};
use crate::search::IncidentSearch;
use crate::sql::Sql;

/// Figures over the incidents matching a search.
///
/// `killed` sums the best killed figure of each incident whose toll is known; incidents whose
/// toll is unknown are counted in `killed_unknown`, never as zero.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IncidentStats {
    /// Incidents matching.
    pub incidents: u64,
    /// Sum of the known killed figures.
    pub killed: u64,
    /// Incidents whose killed figure is unknown.
    pub killed_unknown: u64,
    /// Incidents and deaths per first day and type, by day then type; undated incidents are
    /// left out.
    pub by_day: Vec<DayTypeCount>,
    /// Incidents and deaths per country, most incidents first; unlocated incidents are left out.
    pub by_country: Vec<CountryCount>,
    /// Incidents and deaths per type, most incidents first.
    pub by_type: Vec<TypeCount>,
}

/// Incidents of one type that started on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayTypeCount {
    /// The first day (`date.start`).
    pub day: Date,
    /// The type.
    pub event_type: EventType,
    /// How many.
    pub incidents: u64,
    /// Sum of their known killed figures.
    pub killed: u64,
}

/// Incidents in one country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryCount {
    /// The country.
    pub country: CountryCode,
    /// How many.
    pub incidents: u64,
    /// Sum of their known killed figures.
    pub killed: u64,
}

/// Incidents of one type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeCount {
    /// The type.
    pub event_type: EventType,
    /// How many.
    pub incidents: u64,
    /// Sum of their known killed figures.
    pub killed: u64,
}

impl Store {
    /// Counts and deaths of the incidents matching `search`, grouped several ways.
    pub fn search_stats(&self, search: &IncidentSearch) -> Result<IncidentStats> {
        self.with_sql(|sql| search_stats(sql, search))
    }
}

fn search_stats(sql: &mut dyn Sql, search: &IncidentSearch) -> Result<IncidentStats> {
    const TABLE: &str = "incidents";
    const KEY: &str = "(aggregate)";
    let condition = search.to_sql_for(sql.dialect());
    let params = condition.param_refs();
    let from = format!("FROM incidents AS i {}", condition.where_clause);
    // PostgreSQL sums integers as NUMERIC: back to a 64-bit integer, as SQLite gives.
    let killed = "CAST(coalesce(sum(i.killed_best), 0) AS BIGINT)";
    let to_u64 = |n: i64| u64::try_from(n).unwrap_or(0);
    let event_type = |text: String| -> Result<EventType> {
        text.parse().map_err(|err| Error::CorruptRow {
            table: TABLE,
            id: KEY.into(),
            reason: format!("column event_type: {err}"),
        })
    };

    let mut stats = IncidentStats::default();
    let row = sql.query_one(
        &format!("SELECT count(*), {killed}, count(*) - count(i.killed_best) {from}"),
        &params,
    )?;
    stats.incidents = to_u64(field(&row, 0, TABLE, KEY)?);
    stats.killed = to_u64(field(&row, 1, TABLE, KEY)?);
    stats.killed_unknown = to_u64(field(&row, 2, TABLE, KEY)?);

    let rows = sql.query(
        &format!(
            "SELECT i.date_start, i.event_type, count(*), {killed} {from}
             {} i.date_start IS NOT NULL
             GROUP BY i.date_start, i.event_type ORDER BY i.date_start, i.event_type",
            if condition.where_clause.is_empty() {
                "WHERE"
            } else {
                "AND"
            }
        ),
        &params,
    )?;
    for row in &rows {
        let Some(day) = date_field(row, 0, TABLE, KEY)? else {
            continue;
        };
        stats.by_day.push(DayTypeCount {
            day,
            event_type: event_type(field(row, 1, TABLE, KEY)?)?,
            incidents: to_u64(field(row, 2, TABLE, KEY)?),
            killed: to_u64(field(row, 3, TABLE, KEY)?),
        });
    }

    let rows = sql.query(
        &format!(
            "SELECT i.country, count(*) AS n, {killed} {from}
             GROUP BY i.country ORDER BY n DESC, i.country"
        ),
        &params,
    )?;
    for row in &rows {
        let country: Option<String> = field(row, 0, TABLE, KEY)?;
        let Some(country) = country else { continue };
        let country = CountryCode::new(&country).map_err(|err| Error::CorruptRow {
            table: TABLE,
            id: KEY.into(),
            reason: format!("column country: {err}"),
        })?;
        stats.by_country.push(CountryCount {
            country,
            incidents: to_u64(field(row, 1, TABLE, KEY)?),
            killed: to_u64(field(row, 2, TABLE, KEY)?),
        });
    }

    let rows = sql.query(
        &format!(
            "SELECT i.event_type, count(*) AS n, {killed} {from}
             GROUP BY i.event_type ORDER BY n DESC, i.event_type"
        ),
        &params,
    )?;
    for row in &rows {
        stats.by_type.push(TypeCount {
            event_type: event_type(field(row, 0, TABLE, KEY)?)?,
            incidents: to_u64(field(row, 1, TABLE, KEY)?),
            killed: to_u64(field(row, 2, TABLE, KEY)?),
        });
    }
    Ok(stats)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::IncidentFilter;
    use crate::search::tests::store_with_fixtures;

    #[test]
    fn counts_every_way_and_keeps_unknown_apart() {
        let store = store_with_fixtures();
        let stats = store.search_stats(&IncidentSearch::default()).unwrap();
        assert_eq!(stats.incidents, 5);
        assert_eq!(stats.killed, 7 + 2 + 40 + 5);
        assert_eq!(stats.killed_unknown, 1);
        // Two incidents on 2015-04-12, of two types; the undated one is left out.
        assert_eq!(stats.by_day.len(), 4);
        assert_eq!(stats.by_day[0].day, "2015-04-12".parse::<Date>().unwrap());
        assert_eq!(stats.by_day[0].event_type, EventType::ArmedAssault);
        assert_eq!(stats.by_day[1].event_type, EventType::Bombing);
        assert_eq!(stats.by_day[1].killed, 0);
        assert_eq!(stats.by_country[0].country.as_str(), "LY");
        assert_eq!(stats.by_country[0].incidents, 2);
        assert_eq!(stats.by_country.len(), 3);
        assert_eq!(stats.by_type[0].event_type, EventType::Bombing);
        assert_eq!(stats.by_type[0].incidents, 2);
        assert_eq!(stats.by_type[0].killed, 7);
    }

    #[test]
    fn follows_the_search() {
        let store = store_with_fixtures();
        let search = IncidentSearch {
            filter: IncidentFilter {
                country: Some(CountryCode::new("LY").unwrap()),
                ..IncidentFilter::default()
            },
            text: Some("embassy".into()),
        };
        let stats = store.search_stats(&search).unwrap();
        assert_eq!(stats.incidents, 1);
        assert_eq!(stats.killed, 2);
        assert_eq!(stats.by_day.len(), 1);
        assert_eq!(stats.by_type.len(), 1);
    }

    #[test]
    fn an_empty_match_gives_zeros() {
        let store = store_with_fixtures();
        let search = IncidentSearch {
            text: Some("nothing-matches-this".into()),
            ..IncidentSearch::default()
        };
        let stats = store.search_stats(&search).unwrap();
        assert_eq!(stats, IncidentStats::default());
    }
}
