//! About the service itself: health, the OpenAPI document, and the dashboard's settings.

use axum::extract::State;
use axum::response::Response;
use serde::Serialize;
use utoipa::ToSchema;

use super::{JSON, bytes_response, to_json};
use crate::AppState;
use crate::error::{ErrorBody, Result};

/// The service is up and its store answers.
#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    /// Always `ok`.
    #[schema(example = "ok")]
    pub status: &'static str,
    /// Articles stored.
    pub articles: u64,
    /// Incidents stored.
    pub incidents: u64,
    /// Schema version of the store.
    pub schema_version: u32,
}

/// Whether the service is up and its store readable.
#[utoipa::path(
    get,
    path = "/healthz",
    tag = "meta",
    responses(
        (status = 200, description = "Up, with the store's size", body = Health),
        (status = 500, description = "The store cannot be read", body = ErrorBody),
        (status = 503, description = "The store did not answer in time", body = ErrorBody),
    )
)]
pub async fn healthz(State(state): State<AppState>) -> Result<Response> {
    let body = state
        .pool
        .run(|store| {
            let stats = store.stats()?;
            to_json(&Health {
                status: "ok",
                articles: stats.articles,
                incidents: stats.incidents,
                schema_version: store.schema_version()?,
            })
        })
        .await?;
    Ok(bytes_response(JSON, body))
}

/// This OpenAPI 3.1 document.
#[utoipa::path(
    get,
    path = "/api/openapi.json",
    tag = "meta",
    responses((status = 200, description = "The OpenAPI document of this API", body = Object))
)]
pub async fn openapi_json(State(state): State<AppState>) -> Response {
    bytes_response(JSON, state.openapi.clone())
}

/// What the dashboard needs to know about this server.
#[derive(Debug, Serialize, ToSchema)]
pub struct DashboardConfig {
    /// Online tile URL template, when configured; the offline basemap is used otherwise.
    pub tile_url: Option<String>,
    /// Attribution of the tiles.
    pub tile_attribution: Option<String>,
    /// Most features `/api/incidents.geojson` returns.
    pub max_export: usize,
    /// Largest page of `/api/incidents`.
    pub max_page_size: usize,
}

/// Settings of the dashboard: online tiles and limits.
#[utoipa::path(
    get,
    path = "/api/config",
    tag = "meta",
    responses((status = 200, description = "The dashboard's settings", body = DashboardConfig))
)]
pub async fn dashboard_config(State(state): State<AppState>) -> Result<Response> {
    let config = &state.config;
    let body = to_json(&DashboardConfig {
        tile_url: config.tiles.as_ref().map(|t| t.url.clone()),
        tile_attribution: config.tiles.as_ref().map(|t| t.attribution.clone()),
        max_export: config.max_export,
        max_page_size: config.max_page_size,
    })?;
    Ok(bytes_response(JSON, body))
}
