//! `/api/feeds` and `/metrics` over a store that `sitrep follow` wrote to.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use sitrep_server::{ServerConfig, app};
use sitrep_store::{PollRecord, Store};
use tower::ServiceExt;

async fn get(app: &axum::Router, uri: &str) -> (StatusCode, String, String) {
    let response = app
        .clone()
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let kind = response.headers()[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .to_string();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, kind, String::from_utf8(body.to_vec()).unwrap())
}

#[tokio::test]
async fn feeds_and_metrics_report_what_was_followed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let store = Store::open(&path).unwrap();
    let ok = PollRecord::Success {
        etag: None,
        last_modified: None,
        items: 3,
        incidents: 2,
    };
    store.record_poll("http://wire.test/rss", &ok, 0).unwrap();
    store
        .record_poll(
            "http://flaky.test/\"odd\"",
            &PollRecord::Failure {
                error: "timeout".into(),
            },
            0,
        )
        .unwrap();
    let app = app(ServerConfig::new(path));

    let (status, _, body) = get(&app, "/api/feeds").await;
    assert_eq!(status, StatusCode::OK);
    let feeds: serde_json::Value = serde_json::from_str(&body).unwrap();
    let feeds = feeds.as_array().unwrap();
    assert_eq!(feeds.len(), 2);
    let flaky = feeds.iter().find(|f| f["failures"] == 1).unwrap();
    assert_eq!(flaky["last_error"], "timeout");

    let (status, kind, text) = get(&app, "/metrics").await;
    assert_eq!(status, StatusCode::OK);
    assert!(kind.starts_with("text/plain; version=0.0.4"), "{kind}");
    for line in [
        "# TYPE sitrep_incidents gauge",
        "sitrep_incidents 0",
        "sitrep_alerts_total 0",
        "sitrep_feed_items_total{feed=\"http://wire.test/rss\"} 3",
        "sitrep_feed_incident_reports_total{feed=\"http://wire.test/rss\"} 2",
        "sitrep_feed_failures{feed=\"http://flaky.test/\\\"odd\\\"\"} 1",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "no line {line:?} in\n{text}"
        );
    }
    // Every sample line is `name{labels} number`.
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let value = line.rsplit(' ').next().unwrap();
        assert!(value.parse::<f64>().is_ok(), "{line}");
    }
    assert!(
        text.contains("sitrep_feed_last_success_timestamp_seconds{feed=\"http://wire.test/rss\"}")
    );
}
