//! `/api/incidents`: pages of incidents, one incident, and the GeoJSON and CSV exports.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderName, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use sitrep_model::{Count, IncidentId, StoredIncident};
use utoipa::ToSchema;

use super::{JSON, bytes_response, query, to_json};
use crate::AppState;
use crate::error::{ApiError, ErrorBody, Result};
use crate::export::{FeatureCollection, to_csv};
use crate::openapi::StoredIncidentSchema;
use crate::params::{ExportParams, PageParams, SearchParams};

/// A stored incident as the API gives it: its fields, sources and evidence, and the counts of
/// victims and attackers together that sit beside the GTD's and ACLED's.
#[derive(Debug, Serialize, ToSchema)]
pub struct IncidentWithTotals {
    /// The stored incident.
    #[serde(flatten)]
    #[schema(value_type = StoredIncidentSchema)]
    pub incident: StoredIncident,
    /// Everyone killed, victims and attackers: `killed + attackers_killed`, as the GTD's
    /// `nkill` and ACLED's fatalities count; null when neither is known.
    pub killed_total: Option<Total>,
    /// Everyone wounded, victims and attackers: `wounded + attackers_wounded`, as the GTD's
    /// `nwound` counts; null when neither is known.
    pub wounded_total: Option<Total>,
}

/// A total of people as a range, like a count without its words: `min` the sum of the lower
/// bounds (or the one given), `max` the sum of the upper bounds when both counts give one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
pub struct Total {
    /// Lower bound, when known.
    pub min: Option<u32>,
    /// Upper bound, when known.
    pub max: Option<u32>,
}

impl Total {
    fn of(count: Option<Count>) -> Option<Total> {
        count.map(|c| Total {
            min: c.min,
            max: c.max,
        })
    }
}

impl From<StoredIncident> for IncidentWithTotals {
    fn from(incident: StoredIncident) -> Self {
        IncidentWithTotals {
            killed_total: Total::of(incident.incident.killed_total()),
            wounded_total: Total::of(incident.incident.wounded_total()),
            incident,
        }
    }
}

/// One page of incidents.
#[derive(Debug, Serialize, ToSchema)]
pub struct IncidentPage {
    /// The incidents of this page, each with its sources and evidence.
    pub items: Vec<IncidentWithTotals>,
    /// Pass as `cursor` (with the same filters and sort) for the next page; null on the last.
    #[schema(example = "date_desc:2015-04-12:inc-4a7692540f44af09")]
    pub next_cursor: Option<String>,
    /// How many incidents match the filters in all pages; only with `total=true`, since
    /// counting reads every match (null otherwise).
    pub total: Option<u64>,
}

/// The header that carries the next page's cursor of a CSV page.
pub const NEXT_CURSOR_HEADER: &str = "x-next-cursor";

/// The CSV response header that carries the number of matches when `total=true`.
pub const TOTAL_COUNT_HEADER: &str = "x-total-count";

/// Incidents matching the filters, a page at a time.
#[utoipa::path(
    get,
    path = "/api/incidents",
    tag = "incidents",
    params(SearchParams, PageParams),
    responses(
        (status = 200, description = "A page of matching incidents", body = IncidentPage),
        (status = 400, description = "A parameter is invalid; the message names it", body = ErrorBody),
        (status = 503, description = "The request took too long", body = ErrorBody),
    )
)]
pub async fn list_incidents(
    State(state): State<AppState>,
    search: std::result::Result<Query<SearchParams>, QueryRejection>,
    page: std::result::Result<Query<PageParams>, QueryRejection>,
) -> Result<Response> {
    let search = query(search)?.to_search()?;
    let page = query(page)?;
    let with_total = page.wants_total()?;
    let page = page.to_page(state.config.default_page_size, state.config.max_page_size)?;
    let body = state
        .pool
        .run(move |store| {
            let found = store.search_page(&search, &page)?;
            let total = if with_total {
                Some(store.search_count(&search)?)
            } else {
                None
            };
            to_json(&IncidentPage {
                items: found.incidents.into_iter().map(Into::into).collect(),
                next_cursor: found.next.map(|c| c.to_string()),
                total,
            })
        })
        .await?;
    Ok(bytes_response(JSON, body))
}

/// One incident with every source that reported it and the evidence spans of each.
///
/// Evidence offsets of a source are UTF-8 byte offsets into that source's article text
/// (`/api/articles/{article_id}`). An id that has merged into another incident answers with
/// that incident, whose `id` is the current one.
#[utoipa::path(
    get,
    path = "/api/incidents/{id}",
    tag = "incidents",
    params(("id" = String, Path, description = "Incident id", example = "inc-4a7692540f44af09")),
    responses(
        (status = 200, description = "The incident", body = IncidentWithTotals),
        (status = 404, description = "No incident has this id", body = ErrorBody),
    )
)]
pub async fn get_incident(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response> {
    let body = state
        .pool
        .run(move |store| {
            let id = IncidentId::new(id);
            let not_found = || ApiError::NotFound(format!("no incident with id {:?}", id.as_str()));
            // An id that merged into another incident answers with that incident.
            let current = store.current_incident_id(&id)?.ok_or_else(not_found)?;
            match store.incident(&current)? {
                Some(incident) => to_json(&IncidentWithTotals::from(incident)),
                None => Err(not_found()),
            }
        })
        .await?;
    Ok(bytes_response(JSON, body))
}

/// Located incidents matching the filters as a GeoJSON FeatureCollection of points, for maps.
#[utoipa::path(
    get,
    path = "/api/incidents.geojson",
    tag = "incidents",
    params(SearchParams, ExportParams),
    responses(
        (status = 200, description = "The matching located incidents", body = FeatureCollection,
         content_type = "application/geo+json"),
        (status = 400, description = "A parameter is invalid; the message names it", body = ErrorBody),
        (status = 503, description = "The request took too long", body = ErrorBody),
    )
)]
pub async fn incidents_geojson(
    State(state): State<AppState>,
    search: std::result::Result<Query<SearchParams>, QueryRejection>,
    export: std::result::Result<Query<ExportParams>, QueryRejection>,
) -> Result<Response> {
    let search = query(search)?.to_search()?;
    let (order, limit) = query(export)?.to_export(state.config.max_export)?;
    let body = state
        .pool
        .run(move |store| {
            let mut points = store.search_points(&search, order, limit.saturating_add(1))?;
            let truncated = points.len() > limit;
            points.truncate(limit);
            to_json(&FeatureCollection::new(points, truncated))
        })
        .await?;
    Ok(bytes_response("application/geo+json", body))
}

/// Incidents matching the filters as CSV, a page at a time: the next page's cursor is in the
/// `X-Next-Cursor` header.
///
/// Columns: `id`, `date_start`, `date_end`, `date_precision`, `time`, `event_type`, `place`,
/// `admin1`, `country`, `lat`, `lon`, `location_precision`, `killed_min`, `killed_max`,
/// `wounded_min`, `wounded_max`, `kidnapped_min`, `kidnapped_max`, `perpetrators`, `claimed`,
/// `targets`, `weapons`, `background`, `confidence`, `sources`, `killed_total_min`,
/// `killed_total_max`, `wounded_total_min`, `wounded_total_max`, `admin2` (the district or
/// county, last so that readers of the earlier columns by position keep working). Counts are
/// lower and upper
/// bounds, empty when unknown (unknown is not zero). `killed_*` and `wounded_*` count victims
/// only; `killed_total_*` and `wounded_total_*` count victims and attackers together
/// (`killed + attackers_killed`), as the GTD's `nkill`/`nwound` and ACLED's fatalities do.
#[utoipa::path(
    get,
    path = "/api/incidents.csv",
    tag = "incidents",
    params(SearchParams, PageParams),
    responses(
        (status = 200, description = "A header row and one row per incident", body = String,
         content_type = "text/csv",
         headers(
             ("x-next-cursor" = String, description = "Cursor of the next page, when there is one"),
             ("x-total-count" = u64, description = "Every match, counted, when `total=true`"),
         )),
        (status = 400, description = "A parameter is invalid; the message names it", body = ErrorBody),
        (status = 503, description = "The request took too long", body = ErrorBody),
    )
)]
pub async fn incidents_csv(
    State(state): State<AppState>,
    search: std::result::Result<Query<SearchParams>, QueryRejection>,
    page: std::result::Result<Query<PageParams>, QueryRejection>,
) -> Result<Response> {
    let search = query(search)?.to_search()?;
    let page = query(page)?;
    let with_total = page.wants_total()?;
    let page = page.to_page(state.config.max_page_size, state.config.max_page_size)?;
    let (body, next, total) = state
        .pool
        .run(move |store| {
            let found = store.search_page(&search, &page)?;
            let total = if with_total {
                Some(store.search_count(&search)?)
            } else {
                None
            };
            Ok((
                to_csv(&found.incidents)?,
                found.next.map(|c| c.to_string()),
                total,
            ))
        })
        .await?;
    let mut response = bytes_response("text/csv; charset=utf-8", body);
    if let Some(next) = next.and_then(|n| HeaderValue::from_str(&n).ok()) {
        response
            .headers_mut()
            .insert(HeaderName::from_static(NEXT_CURSOR_HEADER), next);
    }
    if let Some(total) = total {
        response.headers_mut().insert(
            HeaderName::from_static(TOTAL_COUNT_HEADER),
            HeaderValue::from(total),
        );
    }
    Ok(response.into_response())
}
