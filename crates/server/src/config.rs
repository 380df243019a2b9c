//! The server's settings, checked before it starts.

use std::time::Duration;

use axum::http::HeaderValue;
use sitrep_store::StoreLocation;

/// Which browser origins may call the API from other sites (CORS).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum CorsOrigins {
    /// No CORS headers: only pages served by this server (same origin) may call the API.
    #[default]
    SameOriginOnly,
    /// Any origin (`Access-Control-Allow-Origin: *`).
    Any,
    /// These origins only (`https://example.org`).
    List(Vec<HeaderValue>),
}

impl CorsOrigins {
    /// Parses `--cors-origin` values: none for same-origin only, `*` for any, else each an
    /// origin such as `https://example.org`.
    pub fn parse(values: &[String]) -> Result<CorsOrigins, String> {
        if values.is_empty() {
            return Ok(CorsOrigins::SameOriginOnly);
        }
        if values.iter().any(|v| v.trim() == "*") {
            return Ok(CorsOrigins::Any);
        }
        values
            .iter()
            .map(|v| {
                let v = v.trim().trim_end_matches('/');
                let scheme_ok = v.starts_with("http://") || v.starts_with("https://");
                if !scheme_ok || v.len() <= "https://".len() || v.contains(char::is_whitespace) {
                    return Err(format!(
                        "CORS origin {v:?}: expected `*` or scheme://host[:port], e.g. https://example.org"
                    ));
                }
                HeaderValue::from_str(v).map_err(|e| format!("CORS origin {v:?}: {e}"))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(CorsOrigins::List)
    }
}

/// An online tile layer the dashboard shows under the offline basemap when configured.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TileLayer {
    /// URL template with `{z}`, `{x}` and `{y}` (and optionally `{s}`).
    pub url: String,
    /// Attribution shown on the map, as the tile provider requires.
    pub attribution: String,
}

/// Everything `sitrep serve` can be told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerConfig {
    /// The store to serve: a SQLite file (must exist) or a PostgreSQL database.
    pub db: StoreLocation,
    /// A request still running after this is stopped (its query interrupted) with a 503.
    pub request_timeout: Duration,
    /// At most this many store queries run at once.
    pub pool_size: usize,
    /// Page size of `/api/incidents` when `limit` is not given.
    pub default_page_size: usize,
    /// Largest `limit` of `/api/incidents` and `/api/incidents.csv`.
    pub max_page_size: usize,
    /// Largest number of features of `/api/incidents.geojson` (and its default).
    pub max_export: usize,
    /// Requests with a larger body are refused with a 413.
    pub max_body_bytes: u64,
    /// Cross-origin access.
    pub cors: CorsOrigins,
    /// Optional online tiles for the dashboard.
    pub tiles: Option<TileLayer>,
    /// Whether watches added over the API may have webhooks on private addresses, and whether
    /// the server delivers to them.
    pub webhook_policy: sitrep_watch::WebhookPolicy,
    /// More metrics for `/metrics`, in the Prometheus text format, from another part of the
    /// process (the latency histograms of `sitrep serve --follow`).
    pub extra_metrics: Option<MetricsSource>,
}

/// A source of metrics text that `/metrics` appends to its own.
#[derive(Clone)]
pub struct MetricsSource(pub std::sync::Arc<dyn Fn() -> String + Send + Sync>);

impl std::fmt::Debug for MetricsSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MetricsSource")
    }
}

impl PartialEq for MetricsSource {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for MetricsSource {}

impl ServerConfig {
    /// The defaults for a store: 10 s timeout, 4 connections, pages of 100 up to 1000, map
    /// exports up to 50,000 points, bodies up to 64 KiB, same-origin only, no online tiles, webhooks to
    /// public addresses only.
    pub fn new(db: impl Into<StoreLocation>) -> ServerConfig {
        ServerConfig {
            db: db.into(),
            request_timeout: Duration::from_secs(10),
            pool_size: 4,
            default_page_size: 100,
            max_page_size: 1000,
            max_export: 50_000,
            max_body_bytes: 64 * 1024,
            cors: CorsOrigins::SameOriginOnly,
            tiles: None,
            webhook_policy: sitrep_watch::WebhookPolicy::PublicOnly,
            extra_metrics: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cors_origins_parse() {
        assert_eq!(CorsOrigins::parse(&[]), Ok(CorsOrigins::SameOriginOnly));
        assert_eq!(
            CorsOrigins::parse(&["https://a.org".into(), "*".into()]),
            Ok(CorsOrigins::Any)
        );
        assert_eq!(
            CorsOrigins::parse(&["https://a.org/".into()]),
            Ok(CorsOrigins::List(vec![HeaderValue::from_static(
                "https://a.org"
            )]))
        );
        assert!(CorsOrigins::parse(&["a.org".into()]).is_err());
        assert!(CorsOrigins::parse(&["https://".into()]).is_err());
    }
}
