//! `/api/articles/{id}`: an article's stored text, which evidence offsets point into.

use axum::extract::{Path, State};
use axum::response::Response;
use serde::Serialize;
use sitrep_model::ArticleId;
use utoipa::ToSchema;

use super::{JSON, bytes_response, to_json};
use crate::AppState;
use crate::error::{ApiError, ErrorBody, Result};

/// A stored article.
#[derive(Debug, Serialize, ToSchema)]
pub struct ArticleBody {
    /// Its id.
    pub id: String,
    /// Outlet or feed name.
    pub source: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Where it was read from.
    pub url: Option<String>,
    /// Publication date, YYYY-MM-DD.
    #[schema(format = Date)]
    pub published: Option<String>,
    /// The cleaned text extraction saw: evidence `start`/`end` are UTF-8 byte offsets into it.
    pub text: String,
}

/// One article with its text.
#[utoipa::path(
    get,
    path = "/api/articles/{id}",
    tag = "articles",
    params(("id" = String, Path, description = "Article id", example = "seed-000")),
    responses(
        (status = 200, description = "The article", body = ArticleBody),
        (status = 404, description = "No article has this id", body = ErrorBody),
    )
)]
pub async fn get_article(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response> {
    let body = state
        .pool
        .run(move |store| {
            let id = ArticleId::new(id);
            match store.article(&id)? {
                Some(article) => to_json(&ArticleBody {
                    id: article.id.to_string(),
                    source: article.source,
                    title: article.title,
                    url: article.url,
                    published: article.published.map(|d| d.to_string()),
                    text: article.text,
                }),
                None => Err(ApiError::NotFound(format!(
                    "no article with id {:?}",
                    id.as_str()
                ))),
            }
        })
        .await?;
    Ok(bytes_response(JSON, body))
}
