//! The API's query parameters: a raw query string, extracted with axum's `Query` as the
//! handlers extract it, checked by `sitrep-server`, then run against a store of the bundled
//! examples as each handler runs it.

use std::sync::{LazyLock, Mutex, PoisonError};

use axum::extract::Query;
use axum::http::Uri;
use serde::de::DeserializeOwned;
use sitrep_model::CountryCode;
use sitrep_server::api::query;
use sitrep_server::api::watches::AlertParams;
use sitrep_server::{ApiError, ExportParams, PageParams, SearchParams, ServerConfig};
use sitrep_store::{Cursor, IncidentSearch, PageRequest, Store};
use sitrep_watch::{Area, WatchSpec, WebhookPolicy};

use crate::extraction::resources;

/// The bundled examples, as `sitrep demo` stores them.
const CORPUS: &str = include_str!("../../../examples/corpus.jsonl");

/// A store in memory holding the examples and the alerts of a watch on Libya, built once.
static EXAMPLES: LazyLock<Mutex<Store>> = LazyLock::new(|| Mutex::new(examples_store()));

fn examples_store() -> Store {
    let mut store = Store::open_in_memory().expect("a store in memory opens");
    let libya = CountryCode::new("LY").expect("LY is a country code");
    store
        .add_watch(
            &WatchSpec::new("libya", Area::Country { country: libya }),
            WebhookPolicy::PublicOnly,
        )
        .expect("the Libya watch is valid");
    let options = sitrep_ingest::ReadOptions::default();
    let items: Vec<_> = sitrep_ingest::read_reader(
        std::io::Cursor::new(CORPUS.as_bytes()),
        "examples/corpus.jsonl",
        None,
        &options,
    )
    .map(|item| {
        let mut article = item.expect("the examples read without error");
        article.text = sitrep_text::clean_text(&article.text);
        let extracted = sitrep_extract::extract_article(&article, resources());
        (article, extracted)
    })
    .collect();
    store.insert_batch(&items).expect("the examples are stored");
    store
}

/// Runs a raw query string (what follows `?`) through every query-taking handler of the API:
/// `/api/incidents`, `/api/incidents.csv`, `/api/incidents.geojson`, `/api/stats` and
/// `/api/alerts`, with the server's default limits.
///
/// A query string that is not part of a valid request target is skipped: the HTTP layer
/// refuses it before any handler runs.
///
/// Checks: a refused parameter is a 4xx with a message, never a 500; checked values keep their
/// rules (free text trimmed, a limit from 1 to its maximum, a cursor of the page's order);
/// every cursor given or handed out reads back as itself; the store answers every checked
/// query without error (an error would be a 500).
pub fn query_params(data: &[u8]) {
    let mut target = b"/api/incidents?".to_vec();
    target.extend_from_slice(data);
    let Ok(uri) = Uri::try_from(target) else {
        return;
    };
    let config = ServerConfig::new("unused.db");
    let store = EXAMPLES.lock().unwrap_or_else(PoisonError::into_inner);

    let search = params::<SearchParams>(&uri).and_then(|p| p.to_search());
    let Some(search) = accepted(search) else {
        // Every handler below needs the search: each would refuse the request with this 400.
        alerts(&uri, &store);
        return;
    };
    check_search(&search);
    let stats = store.search_stats(&search);
    stored(stats.map(drop), "stats");

    // `/api/incidents`
    let page = params::<PageParams>(&uri);
    if let Some(page) = accepted(page) {
        let total = accepted(page.wants_total());
        let request = accepted(page.to_page(config.default_page_size, config.max_page_size));
        if let (Some(total), Some(request)) = (total, request) {
            check_page(&request, config.max_page_size);
            list(&store, &search, &request, total);
        }
        // `/api/incidents.csv`: pages of the largest size by default.
        if let Some(request) = accepted(page.to_page(config.max_page_size, config.max_page_size)) {
            check_page(&request, config.max_page_size);
            list(&store, &search, &request, false);
        }
    }

    // `/api/incidents.geojson`
    let export = params::<ExportParams>(&uri).and_then(|p| p.to_export(config.max_export));
    if let Some((order, limit)) = accepted(export) {
        assert!(
            (1..=config.max_export).contains(&limit),
            "export limit {limit}"
        );
        let points = store.search_points(&search, order, limit.saturating_add(1));
        stored(points.map(drop), "geojson");
    }
    alerts(&uri, &store);
}

/// `/api/alerts`.
fn alerts(uri: &Uri, store: &Store) {
    let alert_query = params::<AlertParams>(uri).and_then(|p| p.to_query());
    if let Some(alert_query) = accepted(alert_query) {
        assert!(alert_query.after.is_none_or(|after| after >= 0));
        assert!(alert_query.limit <= sitrep_server::api::watches::MAX_ALERTS);
        stored(store.alerts(&alert_query).map(drop), "alerts");
    }
}

/// What a handler's `Query<T>` extractor and [`query`] make of the query string.
fn params<T: DeserializeOwned>(uri: &Uri) -> Result<T, ApiError> {
    query(Query::try_from_uri(uri))
}

/// The checked value, or `None` after checking that the refusal is the client's fault.
fn accepted<T>(result: Result<T, ApiError>) -> Option<T> {
    match result {
        Ok(value) => Some(value),
        Err(err) => {
            assert!(
                err.status().is_client_error(),
                "a query parameter gave {}: {err}",
                err.status()
            );
            assert!(!err.to_string().is_empty(), "an error without a message");
            None
        }
    }
}

/// Asserts that the store answered.
fn stored(result: sitrep_store::Result<()>, handler: &str) {
    if let Err(err) = result {
        panic!("{handler}: the store failed on checked parameters (a 500): {err}");
    }
}

fn check_search(search: &IncidentSearch) {
    let filter = &search.filter;
    for text in [&filter.perpetrator, &search.text].into_iter().flatten() {
        assert!(
            !text.is_empty() && text.trim() == text,
            "untrimmed text {text:?}"
        );
    }
}

fn check_page(request: &PageRequest, max_limit: usize) {
    assert!(
        (1..=max_limit).contains(&request.limit),
        "page limit {}",
        request.limit
    );
    if let Some(after) = &request.after {
        assert_eq!(
            after.order, request.order,
            "a cursor of another sort passed"
        );
        round_trip(after);
    }
}

/// One page, as `/api/incidents` reads it, and its count when asked for.
fn list(store: &Store, search: &IncidentSearch, request: &PageRequest, total: bool) {
    match store.search_page(search, request) {
        Ok(page) => {
            assert!(page.incidents.len() <= request.limit, "page over its limit");
            if let Some(next) = &page.next {
                round_trip(next);
            }
        }
        Err(err) => panic!("incidents: the store failed on checked parameters (a 500): {err}"),
    }
    if total {
        stored(store.search_count(search).map(drop), "incidents total");
    }
}

/// A cursor's text form reads back as the same cursor: clients send back what they were given.
fn round_trip(cursor: &Cursor) {
    let text = cursor.to_string();
    match text.parse::<Cursor>() {
        Ok(back) => assert_eq!(&back, cursor, "cursor {text:?} reads back differently"),
        Err(err) => panic!("cursor {text:?} does not read back: {err}"),
    }
}
