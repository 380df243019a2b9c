//! The one error type of the API and how it becomes a response.
//!
//! Every error is JSON, `{"status": 400, "error": "…"}`. Errors caused by the request (a bad
//! filter, an unknown id, a body too large) carry a message that names the parameter and what it
//! accepts. Internal errors are logged with their details and answered with a bare 500: nothing
//! of the store, SQL or file paths reaches the client.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// The result of every handler.
pub type Result<T> = std::result::Result<T, ApiError>;

/// Everything a request can fail with.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The request is malformed: a bad parameter, an unknown sort order, a stale cursor.
    #[error("{0}")]
    BadRequest(String),
    /// Nothing has this id, or no route has this path.
    #[error("{0}")]
    NotFound(String),
    /// A write without a live bearer token.
    #[error("{0}")]
    Unauthorized(String),
    /// The request conflicts with what is stored (a name already taken).
    #[error("{0}")]
    Conflict(String),
    /// The route exists but not for this method.
    #[error("method {method} is not allowed here; use {allowed}")]
    MethodNotAllowed {
        /// The method used.
        method: String,
        /// The methods the route serves.
        allowed: &'static str,
    },
    /// The request body is larger than the server accepts.
    #[error("request body of {size_bytes} bytes is larger than the limit of {limit_bytes} bytes")]
    PayloadTooLarge {
        /// The size the request announced.
        size_bytes: u64,
        /// The limit.
        limit_bytes: u64,
    },
    /// The request took longer than the server's timeout; its query was interrupted.
    #[error("the request took longer than {timeout_ms} ms and was stopped; narrow the filter")]
    Timeout {
        /// The timeout.
        timeout_ms: u64,
    },
    /// Something failed inside the server. The message is logged, never sent.
    #[error("internal error: {0}")]
    Internal(String),
}

impl ApiError {
    /// A 400 naming the query parameter at fault.
    pub fn parameter(name: &str, message: impl std::fmt::Display) -> ApiError {
        ApiError::BadRequest(format!("query parameter `{name}`: {message}"))
    }

    /// The HTTP status of this error.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Timeout { .. } => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl From<sitrep_store::Error> for ApiError {
    fn from(err: sitrep_store::Error) -> Self {
        ApiError::Internal(format!("store: {err}"))
    }
}

/// The body of every error response.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// The HTTP status code, repeated.
    #[schema(example = 400)]
    pub status: u16,
    /// What went wrong and how to fix the request.
    #[schema(example = "query parameter `bbox`: bounding box: min_lat -91 is outside -90..=90")]
    pub error: String,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let message = match &self {
            ApiError::Internal(details) => {
                tracing::error!(%details, "internal error");
                "internal server error".to_string()
            }
            other => other.to_string(),
        };
        let body = ErrorBody {
            status: status.as_u16(),
            error: message,
        };
        let mut response = (status, Json(body)).into_response();
        if status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                axum::http::header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Bearer"),
            );
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_errors_hide_their_details() {
        let response =
            ApiError::Internal("sqlite: /secret/path.db is locked".into()).into_response();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    }

    #[test]
    fn parameter_errors_name_the_parameter() {
        let err = ApiError::parameter("bbox", "bad");
        assert_eq!(err.status(), StatusCode::BAD_REQUEST);
        assert_eq!(err.to_string(), "query parameter `bbox`: bad");
    }
}
