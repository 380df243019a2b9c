//! The HTTP handlers of `/api/*` and `/healthz`, one module per resource. Each handler checks
//! its parameters, runs its store work on the connection pool, and serialises the answer on
//! the blocking thread too, so that large responses never stall the async workers.

pub mod articles;
pub mod feeds;
pub mod incidents;
pub mod meta;
pub mod stats;
pub mod watches;

use axum::extract::Query;
use axum::extract::rejection::QueryRejection;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::error::{ApiError, Result};

/// The media type of JSON answers.
pub const JSON: &str = "application/json";

/// Unwraps query parameters, turning a malformed query string into a 400.
pub fn query<T>(extracted: std::result::Result<Query<T>, QueryRejection>) -> Result<T> {
    extracted
        .map(|Query(params)| params)
        .map_err(|rejection| ApiError::BadRequest(rejection.body_text()))
}

/// Serialises `value` as JSON.
pub fn to_json(value: &impl Serialize) -> Result<Vec<u8>> {
    serde_json::to_vec(value).map_err(|e| ApiError::Internal(format!("encoding JSON: {e}")))
}

/// A 200 answer with a body already serialised.
pub fn bytes_response(content_type: &'static str, body: impl Into<axum::body::Body>) -> Response {
    let body: axum::body::Body = body.into();
    (
        [(header::CONTENT_TYPE, HeaderValue::from_static(content_type))],
        body,
    )
        .into_response()
}
