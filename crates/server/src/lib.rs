//! The sitrep HTTP API and web dashboard, served by `sitrep serve`.
//!
//! - `GET /api/incidents`: the filters of `sitrep query` (`country`, `type`, `since`, `until`,
//!   `bbox`, `min_killed`, `perpetrator`, `include_background`) plus text search (`q`), sort
//!   (`sort`) and cursor paging (`cursor`, `limit`);
//! - `GET /api/incidents/{id}`: one incident with every source and its evidence spans;
//!   `GET /api/articles/{id}`: an article's text, which the spans point into;
//! - `GET /api/incidents.geojson`, `GET /api/incidents.csv`: exports with the same filters;
//! - `GET /api/stats`: counts and deaths by day and type, by country, by type;
//! - `GET /api/watches`, `POST /api/watches`, `DELETE /api/watches/{name}` (writes need a bearer
//!   token), `GET /api/alerts`, `GET /api/alerts/stream` (server-sent events);
//! - `GET /api/feeds` (followed feeds) and `GET /metrics` (Prometheus text format);
//! - `GET /healthz`, `GET /api/openapi.json` (OpenAPI 3.1, generated from the handlers),
//!   `GET /api/config`;
//! - `GET /`: the dashboard (map, timeline, filters, incident panel), every file embedded.
//!
//! Errors are JSON `{"status", "error"}` ([`ApiError`]). Store queries run on the blocking
//! thread pool with a small pool of connections ([`pool`]); a request that takes longer than
//! the configured timeout is stopped with a 503 and its query interrupted.
//!
//! ```no_run
//! # async fn run() -> std::io::Result<()> {
//! use sitrep_server::{ServerConfig, app, serve, shutdown_signal};
//!
//! let config = ServerConfig::new("sitrep.db");
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! serve(listener, app(config), shutdown_signal()).await
//! # }
//! ```
#![deny(missing_docs)]

pub mod api;
mod config;
mod dashboard;
mod delivery;
mod error;
pub mod export;
mod limits;
pub mod openapi;
mod params;
pub mod pool;

use std::future::Future;
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{HeaderName, Method};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::trace::TraceLayer;

pub use config::{CorsOrigins, MetricsSource, ServerConfig, TileLayer};
pub use delivery::{DELIVERY_INTERVAL, Delivery};
pub use error::{ApiError, ErrorBody, Result};
pub use params::{ExportParams, PageParams, SearchParams};

use limits::{Limits, limit_requests};
use pool::StorePool;

/// What every handler shares.
#[derive(Debug, Clone)]
pub struct AppState {
    pool: Arc<StorePool>,
    config: Arc<ServerConfig>,
    openapi: Bytes,
}

/// The whole application: API, dashboard, limits, CORS, compression and request logs.
///
/// Opens no connection yet; the first request does. Callers should check that the store
/// exists and opens before serving (`sitrep serve` does).
pub fn app(config: ServerConfig) -> Router {
    let openapi = serde_json::to_vec(&openapi::document(config.max_page_size, config.max_export))
        .expect("an OpenAPI document always serialises");
    // Store queries stop a little before the whole request does, so that their timeout (which
    // interrupts the query) is the one that answers.
    let query_timeout = config.request_timeout.mul_f64(0.95);
    let limits = Limits {
        max_body_bytes: config.max_body_bytes,
        timeout: config.request_timeout,
    };
    let cors = cors_layer(&config.cors);
    let state = AppState {
        pool: Arc::new(StorePool::new(
            config.db.clone(),
            config.pool_size,
            query_timeout,
        )),
        config: Arc::new(config),
        openapi: Bytes::from(openapi),
    };
    let (api, _) = openapi::api_router().split_for_parts();
    let router = api
        .route("/", get(dashboard::index))
        .route("/assets/{*path}", get(dashboard::asset))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state)
        .layer(DefaultBodyLimit::max(
            usize::try_from(limits.max_body_bytes).unwrap_or(usize::MAX),
        ))
        .layer(axum::middleware::from_fn_with_state(limits, limit_requests))
        .layer(CompressionLayer::new());
    let router = match cors {
        Some(cors) => router.layer(cors),
        None => router,
    };
    router.layer(TraceLayer::new_for_http())
}

fn cors_layer(origins: &CorsOrigins) -> Option<CorsLayer> {
    let allow = match origins {
        CorsOrigins::SameOriginOnly => return None,
        CorsOrigins::Any => AllowOrigin::any(),
        CorsOrigins::List(list) => AllowOrigin::list(list.iter().cloned()),
    };
    Some(
        CorsLayer::new()
            .allow_origin(allow)
            .allow_methods([Method::GET, Method::HEAD, Method::OPTIONS])
            .expose_headers([
                HeaderName::from_static(api::incidents::NEXT_CURSOR_HEADER),
                HeaderName::from_static(api::incidents::TOTAL_COUNT_HEADER),
            ]),
    )
}

async fn not_found(request: Request) -> Response {
    ApiError::NotFound(format!(
        "no route for {} {}; see /api/openapi.json",
        request.method(),
        request.uri().path()
    ))
    .into_response()
}

async fn method_not_allowed(method: Method) -> Response {
    ApiError::MethodNotAllowed {
        method: method.to_string(),
        allowed: "GET (POST and DELETE on /api/watches, as /api/openapi.json lists)",
    }
    .into_response()
}

/// Set when the server begins to shut down: streams that would never end on their own (the
/// alerts stream) end then, so that a dashboard left open does not hold the shutdown.
static CLOSING: std::sync::LazyLock<tokio::sync::watch::Sender<bool>> =
    std::sync::LazyLock::new(|| tokio::sync::watch::channel(false).0);

/// A receiver that turns `true` when the server begins to shut down.
pub(crate) fn closing() -> tokio::sync::watch::Receiver<bool> {
    CLOSING.subscribe()
}

/// Serves `app` on `listener` until `shutdown` completes, then lets requests in flight finish
/// (streams end at once).
pub async fn serve(
    listener: TcpListener,
    app: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    CLOSING.send_replace(false);
    let shutdown = async move {
        shutdown.await;
        CLOSING.send_replace(true);
    };
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
}

/// Completes on SIGTERM or Ctrl-C (SIGINT).
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
