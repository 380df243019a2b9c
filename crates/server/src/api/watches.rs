//! `/api/watches` and `/api/alerts`: watchlists over HTTP, the alerts they raised, and a
//! server-sent-events stream of new alerts.
//!
//! Reading is open like the rest of the API; adding and removing watches needs a bearer token
//! (`sitrep token create NAME`), checked against the hashes in the store: a request without a
//! live token gets 401 and changes nothing.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use sitrep_store::{AlertQuery, Error as StoreError};
use sitrep_watch::{Alert, WatchSpec};
use utoipa::{IntoParams, ToSchema};

use super::{JSON, bytes_response, query, to_json};
use crate::AppState;
use crate::error::{ApiError, ErrorBody, Result};
use crate::openapi::{AlertSchema, WatchSpecSchema};
use crate::params;

/// The most alerts one request returns.
pub const MAX_ALERTS: usize = 1_000;

/// How often the stream looks for new alerts.
const STREAM_POLL: Duration = Duration::from_secs(1);

/// A stored watch.
#[derive(Debug, Serialize, ToSchema)]
pub struct WatchBody {
    /// What it watches.
    #[schema(value_type = WatchSpecSchema)]
    pub spec: WatchSpec,
    /// When it was added (RFC 3339).
    pub created_at: String,
    /// Alerts raised so far.
    pub alerts: u64,
}

/// A watch just added.
#[derive(Debug, Serialize, ToSchema)]
pub struct AddedWatchBody {
    /// The watch.
    pub watch: WatchBody,
    /// The key of its webhook's HMAC-SHA256 signatures (`X-Sitrep-Signature: sha256=<hex>` of
    /// each body); shown only here. Absent without a webhook.
    pub secret: Option<String>,
}

/// Every watch.
#[utoipa::path(
    get,
    path = "/api/watches",
    tag = "watches",
    responses((status = 200, description = "Every watch, by name", body = [WatchBody]))
)]
pub async fn list_watches(State(state): State<AppState>) -> Result<Response> {
    let body = state
        .pool
        .run(|store| {
            let watches: Vec<WatchBody> = store
                .watches()?
                .into_iter()
                .map(|w| WatchBody {
                    spec: w.spec,
                    created_at: w.created_at,
                    alerts: w.alerts,
                })
                .collect();
            to_json(&watches)
        })
        .await?;
    Ok(bytes_response(JSON, body))
}

/// Add a watch (needs a bearer token).
#[utoipa::path(
    post,
    path = "/api/watches",
    tag = "watches",
    request_body(content = WatchSpecSchema, content_type = "application/json"),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Added", body = AddedWatchBody),
        (status = 400, description = "Not a valid watch: the field at fault", body = ErrorBody),
        (status = 401, description = "No live bearer token", body = ErrorBody),
        (status = 409, description = "A watch has this name", body = ErrorBody),
    )
)]
pub async fn add_watch(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response> {
    let token = bearer(&headers)?;
    let spec: WatchSpec = serde_json::from_slice(&body)
        .map_err(|err| ApiError::BadRequest(format!("body: not a watch: {err}")))?;
    let policy = state.config.webhook_policy;
    let body = state
        .pool
        .run(move |store| {
            authorize(store, &token)?;
            let added = store.add_watch(&spec, policy).map_err(|err| match err {
                StoreError::InvalidWatch(invalid) => {
                    ApiError::BadRequest(format!("body: `{}`: {}", invalid.field, invalid.reason))
                }
                StoreError::DuplicateWatch { .. } => ApiError::Conflict(err.to_string()),
                other => other.into(),
            })?;
            to_json(&AddedWatchBody {
                watch: WatchBody {
                    spec: added.watch.spec,
                    created_at: added.watch.created_at,
                    alerts: 0,
                },
                secret: added.secret,
            })
        })
        .await?;
    Ok((StatusCode::CREATED, [(header::CONTENT_TYPE, JSON)], body).into_response())
}

/// Remove a watch (needs a bearer token); its alerts stay.
#[utoipa::path(
    delete,
    path = "/api/watches/{name}",
    tag = "watches",
    params(("name" = String, Path, description = "The watch's name", pattern = r"^[A-Za-z0-9._-]{1,64}$")),
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "No live bearer token", body = ErrorBody),
        (status = 404, description = "No watch has this name", body = ErrorBody),
    )
)]
pub async fn remove_watch(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(name): Path<String>,
) -> Result<Response> {
    let token = bearer(&headers)?;
    state
        .pool
        .run(move |store| {
            authorize(store, &token)?;
            if store.remove_watch(&name)? {
                Ok(())
            } else {
                Err(ApiError::NotFound(format!("no watch named {name:?}")))
            }
        })
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Which alerts.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AlertParams {
    /// Only this watch's alerts.
    pub watch: Option<String>,
    /// Only alerts with a larger id, oldest first (to follow); without it, newest first.
    #[param(value_type = Option<i64>, minimum = 0, maximum = 9223372036854775807_i64)]
    pub after: Option<String>,
    /// At most this many (default 100, at most 1000).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 1000)]
    pub limit: Option<String>,
}

impl AlertParams {
    /// The checked query of `/api/alerts` and `/api/alerts/stream`: `after` an alert id of 0 or
    /// more, `limit` from 1 to [`MAX_ALERTS`] (unset: the store's default); a bad value is a
    /// 400 naming it. Public so that the fuzz targets (`crates/fuzzing`) check parameters
    /// exactly as the handlers do.
    pub fn to_query(&self) -> Result<AlertQuery> {
        let after = params::count("after", &self.after, i64::MAX as u64)?
            .map(|n| i64::try_from(n).expect("checked against i64::MAX above"));
        let limit = match params::count("limit", &self.limit, MAX_ALERTS as u64)? {
            None => 0,
            Some(0) => return Err(ApiError::parameter("limit", "must be at least 1")),
            Some(n) => n as usize,
        };
        Ok(AlertQuery {
            watch: self.watch.clone().filter(|w| !w.is_empty()),
            after,
            limit,
        })
    }
}

/// Alerts raised for watches.
#[utoipa::path(
    get,
    path = "/api/alerts",
    tag = "watches",
    params(AlertParams),
    responses(
        (status = 200, description = "Alerts, newest first (oldest first with `after`)", body = [AlertSchema]),
        (status = 400, description = "A bad parameter, named", body = ErrorBody),
    )
)]
pub async fn list_alerts(
    State(state): State<AppState>,
    params: std::result::Result<Query<AlertParams>, QueryRejection>,
) -> Result<Response> {
    let alert_query = query(params)?.to_query()?;
    let body = state
        .pool
        .run(move |store| to_json(&store.alerts(&alert_query)?))
        .await?;
    Ok(bytes_response(JSON, body))
}

/// New alerts as server-sent events: one `alert` event per alert, its `id` the alert's id.
///
/// A client that reconnects with `Last-Event-ID` (or `after`) gets what it missed first;
/// without either, the stream starts with the alerts raised after it opens.
#[utoipa::path(
    get,
    path = "/api/alerts/stream",
    tag = "watches",
    params(
        ("watch" = Option<String>, Query, description = "Only this watch's alerts"),
        ("after" = Option<i64>, Query, description = "Start after this alert id", minimum = 0),
        ("Last-Event-ID" = Option<String>, Header, description = "The id of the last event seen, sent by EventSource when it reconnects"),
    ),
    responses(
        (status = 200, description = "A stream of `alert` events, each `data` an Alert", content_type = "text/event-stream", body = String),
        (status = 400, description = "A bad parameter, named", body = ErrorBody),
    )
)]
pub async fn alert_stream(
    State(state): State<AppState>,
    headers: HeaderMap,
    params: std::result::Result<Query<AlertParams>, QueryRejection>,
) -> Result<Response> {
    let mut alert_query = query(params)?.to_query()?;
    let last_event = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<i64>().ok());
    let start = match last_event.or(alert_query.after) {
        Some(after) => after,
        None => {
            state
                .pool
                .run(|store| {
                    Ok(store
                        .alerts(&AlertQuery {
                            limit: 1,
                            ..AlertQuery::default()
                        })?
                        .first()
                        .map_or(0, |a| a.id))
                })
                .await?
        }
    };
    alert_query.after = Some(start);
    alert_query.limit = MAX_ALERTS;
    let pool = state.pool.clone();
    let stream = alert_events(pool, alert_query);
    Ok(Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response())
}

/// The events of [`alert_stream`]: polls the store, yields each new alert once, in order; ends
/// when the server shuts down.
fn alert_events(
    pool: std::sync::Arc<crate::pool::StorePool>,
    start: AlertQuery,
) -> impl futures_util::Stream<Item = std::result::Result<Event, Infallible>> {
    let queue: VecDeque<Alert> = VecDeque::new();
    let closing = crate::closing();
    futures_util::stream::unfold(
        (pool, start, queue, closing),
        |(pool, mut next, mut queue, mut closing)| async move {
            loop {
                if *closing.borrow() {
                    return None;
                }
                if let Some(alert) = queue.pop_front() {
                    next.after = Some(alert.id);
                    let data = serde_json::to_string(&alert).unwrap_or_default();
                    let event = Event::default()
                        .event("alert")
                        .id(alert.id.to_string())
                        .data(data);
                    return Some((Ok(event), (pool, next, queue, closing)));
                }
                let asked = next.clone();
                // A failed poll (a busy store, a timeout) is tried again at the next tick.
                let fresh = pool
                    .run(move |store| Ok(store.alerts(&asked)?))
                    .await
                    .unwrap_or_default();
                if fresh.is_empty() {
                    tokio::select! {
                        () = tokio::time::sleep(STREAM_POLL) => {}
                        _ = closing.wait_for(|closing| *closing) => return None,
                    }
                }
                queue.extend(fresh);
            }
        },
    )
}

/// The token of an `Authorization: Bearer` header, or a 401.
fn bearer(headers: &HeaderMap) -> Result<String> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        // The scheme's name is case-insensitive (RFC 9110).
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim().to_string())
        .filter(|t| !t.is_empty())
        .ok_or_else(|| {
            ApiError::Unauthorized(
                "writes need `Authorization: Bearer <token>` (create one with `sitrep token \
                 create NAME`)"
                    .into(),
            )
        })
}

/// Checks the token against the store's live tokens.
fn authorize(store: &sitrep_store::Store, token: &str) -> Result<String> {
    store
        .verify_token(token)?
        .ok_or_else(|| ApiError::Unauthorized("the bearer token is unknown or revoked".into()))
}
