//! `/api/stats`: counts and deaths of the matching incidents by day and type, country and type.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::Serialize;
use sitrep_store::IncidentStats;
use utoipa::ToSchema;

use super::{JSON, bytes_response, query, to_json};
use crate::AppState;
use crate::error::{ErrorBody, Result};
use crate::openapi::{CountryCodeSchema, EventTypeSchema};
use crate::params::SearchParams;

/// Figures over the incidents matching the filters.
#[derive(Debug, Serialize, ToSchema)]
pub struct StatsBody {
    /// Incidents matching.
    pub incidents: u64,
    /// Sum of the known killed figures (best figure of each incident).
    pub killed: u64,
    /// Incidents whose killed figure is unknown (not counted as zero).
    pub killed_unknown: u64,
    /// Per first day and type, by day; undated incidents are left out.
    pub by_day: Vec<DayRow>,
    /// Per country, most incidents first; unlocated incidents are left out.
    pub by_country: Vec<CountryRow>,
    /// Per type, most incidents first.
    pub by_type: Vec<TypeRow>,
}

/// Incidents of one type that started on one day.
#[derive(Debug, Serialize, ToSchema)]
pub struct DayRow {
    /// YYYY-MM-DD.
    #[schema(format = Date, example = "2015-04-12")]
    pub day: String,
    /// Event type.
    #[schema(value_type = EventTypeSchema)]
    pub event_type: &'static str,
    /// How many.
    pub incidents: u64,
    /// Sum of their known killed figures.
    pub killed: u64,
}

/// Incidents in one country.
#[derive(Debug, Serialize, ToSchema)]
pub struct CountryRow {
    /// ISO 3166-1 alpha-2.
    #[schema(value_type = CountryCodeSchema)]
    pub country: String,
    /// How many.
    pub incidents: u64,
    /// Sum of their known killed figures.
    pub killed: u64,
}

/// Incidents of one type.
#[derive(Debug, Serialize, ToSchema)]
pub struct TypeRow {
    /// Event type.
    #[schema(value_type = EventTypeSchema)]
    pub event_type: &'static str,
    /// How many.
    pub incidents: u64,
    /// Sum of their known killed figures.
    pub killed: u64,
}

impl From<IncidentStats> for StatsBody {
    fn from(stats: IncidentStats) -> Self {
        StatsBody {
            incidents: stats.incidents,
            killed: stats.killed,
            killed_unknown: stats.killed_unknown,
            by_day: stats
                .by_day
                .into_iter()
                .map(|d| DayRow {
                    day: d.day.to_string(),
                    event_type: d.event_type.as_str(),
                    incidents: d.incidents,
                    killed: d.killed,
                })
                .collect(),
            by_country: stats
                .by_country
                .into_iter()
                .map(|c| CountryRow {
                    country: c.country.to_string(),
                    incidents: c.incidents,
                    killed: c.killed,
                })
                .collect(),
            by_type: stats
                .by_type
                .into_iter()
                .map(|t| TypeRow {
                    event_type: t.event_type.as_str(),
                    incidents: t.incidents,
                    killed: t.killed,
                })
                .collect(),
        }
    }
}

/// Counts and deaths of the incidents matching the filters, by day and type, by country and
/// by type.
#[utoipa::path(
    get,
    path = "/api/stats",
    tag = "stats",
    params(SearchParams),
    responses(
        (status = 200, description = "Figures over the matching incidents", body = StatsBody),
        (status = 400, description = "A parameter is invalid; the message names it", body = ErrorBody),
        (status = 503, description = "The request took too long", body = ErrorBody),
    )
)]
pub async fn get_stats(
    State(state): State<AppState>,
    search: std::result::Result<Query<SearchParams>, QueryRejection>,
) -> Result<Response> {
    let search = query(search)?.to_search()?;
    let body = state
        .pool
        .run(move |store| to_json(&StatsBody::from(store.search_stats(&search)?)))
        .await?;
    Ok(bytes_response(JSON, body))
}
