//! Aggregates over the incidents matching a search: counts and deaths by day and type, by
//! country, by type, and in total. One scan of the matches per table of figures.

use jiff::civil::Date;
use rusqlite::params_from_iter;
use sitrep_model::{CountryCode, EventType};

use crate::Store;
use crate::error::{Error, Result};
use crate::read::{column, date_column};
use crate::search::IncidentSearch;

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
        const TABLE: &str = "incidents";
        let sql = search.to_sql();
        let from = format!("FROM incidents AS i {}", sql.where_clause);
        let to_u64 = |n: i64| u64::try_from(n).unwrap_or(0);
        let event_type = |text: String| -> Result<EventType> {
            text.parse().map_err(|err| Error::CorruptRow {
                table: TABLE,
                id: "(aggregate)".into(),
                reason: format!("column event_type: {err}"),
            })
        };

        let mut stats = IncidentStats::default();
        let mut stmt = self.sqlite("statistics")?.prepare_cached(&format!(
            "SELECT count(*), coalesce(sum(i.killed_best), 0),
                    count(*) - count(i.killed_best) {from}"
        ))?;
        let (incidents, killed, unknown): (i64, i64, i64) = stmt
            .query_row(params_from_iter(sql.params.iter()), |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?))
            })?;
        stats.incidents = to_u64(incidents);
        stats.killed = to_u64(killed);
        stats.killed_unknown = to_u64(unknown);

        let mut stmt = self.sqlite("statistics")?.prepare_cached(&format!(
            "SELECT i.date_start, i.event_type, count(*), coalesce(sum(i.killed_best), 0) {from}
             {} i.date_start IS NOT NULL
             GROUP BY i.date_start, i.event_type ORDER BY i.date_start, i.event_type",
            if sql.where_clause.is_empty() {
                "WHERE"
            } else {
                "AND"
            }
        ))?;
        let mut rows = stmt.query(params_from_iter(sql.params.iter()))?;
        while let Some(row) = rows.next()? {
            let Some(day) = date_column(row, 0, TABLE, "(aggregate)")? else {
                continue;
            };
            stats.by_day.push(DayTypeCount {
                day,
                event_type: event_type(column(row, 1, TABLE, "(aggregate)")?)?,
                incidents: to_u64(column(row, 2, TABLE, "(aggregate)")?),
                killed: to_u64(column(row, 3, TABLE, "(aggregate)")?),
            });
        }

        let mut stmt = self.sqlite("statistics")?.prepare_cached(&format!(
            "SELECT i.country, count(*) AS n, coalesce(sum(i.killed_best), 0) {from}
             GROUP BY i.country ORDER BY n DESC, i.country"
        ))?;
        let mut rows = stmt.query(params_from_iter(sql.params.iter()))?;
        while let Some(row) = rows.next()? {
            let country: Option<String> = column(row, 0, TABLE, "(aggregate)")?;
            let Some(country) = country else { continue };
            let country = CountryCode::new(&country).map_err(|err| Error::CorruptRow {
                table: TABLE,
                id: "(aggregate)".into(),
                reason: format!("column country: {err}"),
            })?;
            stats.by_country.push(CountryCount {
                country,
                incidents: to_u64(column(row, 1, TABLE, "(aggregate)")?),
                killed: to_u64(column(row, 2, TABLE, "(aggregate)")?),
            });
        }

        let mut stmt = self.sqlite("statistics")?.prepare_cached(&format!(
            "SELECT i.event_type, count(*) AS n, coalesce(sum(i.killed_best), 0) {from}
             GROUP BY i.event_type ORDER BY n DESC, i.event_type"
        ))?;
        let mut rows = stmt.query(params_from_iter(sql.params.iter()))?;
        while let Some(row) = rows.next()? {
            stats.by_type.push(TypeCount {
                event_type: event_type(column(row, 0, TABLE, "(aggregate)")?)?,
                incidents: to_u64(column(row, 1, TABLE, "(aggregate)")?),
                killed: to_u64(column(row, 2, TABLE, "(aggregate)")?),
            });
        }
        Ok(stats)
    }
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
