//! Request limits applied to every route: body size and overall time.

use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

/// The limits of [`limit_requests`].
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest body accepted.
    pub max_body_bytes: u64,
    /// Time after which the request is answered with a 503, whatever it is doing.
    pub timeout: Duration,
}

/// Refuses bodies announced larger than the limit with a 413 (no route reads a body; this
/// stops a client from sending one for nothing), and answers a 503 when the request runs out
/// of time. Store queries have their own, slightly shorter, timeout that also interrupts them
/// ([`crate::pool::StorePool::run`]); this one covers everything else.
pub async fn limit_requests(
    State(limits): State<Limits>,
    request: Request,
    next: Next,
) -> Response {
    let announced = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if let Some(size_bytes) = announced
        && size_bytes > limits.max_body_bytes
    {
        return ApiError::PayloadTooLarge {
            size_bytes,
            limit_bytes: limits.max_body_bytes,
        }
        .into_response();
    }
    match tokio::time::timeout(limits.timeout, next.run(request)).await {
        Ok(response) => response,
        Err(_) => ApiError::Timeout {
            timeout_ms: u64::try_from(limits.timeout.as_millis()).unwrap_or(u64::MAX),
        }
        .into_response(),
    }
}
