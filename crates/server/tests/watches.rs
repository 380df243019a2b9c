//! `/api/watches` and `/api/alerts`: reads are open, writes need a live bearer token and change
//! nothing without one; bad watches are 400 naming the field; alerts list and stream.

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use sitrep_model::{
    Article, ArticleId, ArticleMeta, CountryCode, EventType, ExtractedArticle, Incident, Location,
    LocationPrecision,
};
use sitrep_server::{ServerConfig, app};
use sitrep_store::Store;
use tower::ServiceExt;

struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    fn error(&self, status: StatusCode) -> String {
        assert_eq!(
            self.status,
            status,
            "{}",
            String::from_utf8_lossy(&self.body)
        );
        self.json()["error"].as_str().unwrap().to_string()
    }
}

async fn send(app: &Router, request: Request<Body>) -> Answer {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .to_vec();
    Answer {
        status,
        headers,
        body,
    }
}

async fn get(app: &Router, uri: &str) -> Answer {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

async fn post(app: &Router, token: Option<&str>, body: Value) -> Answer {
    let mut request =
        Request::post("/api/watches").header(header::CONTENT_TYPE, "application/json");
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    send(app, request.body(Body::from(body.to_string())).unwrap()).await
}

async fn delete(app: &Router, token: Option<&str>, name: &str) -> Answer {
    let mut request = Request::delete(format!("/api/watches/{name}"));
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    send(app, request.body(Body::empty()).unwrap()).await
}

/// A fresh store with one token; returns its directory, the app and the token.
fn fixture() -> (tempfile::TempDir, std::path::PathBuf, Router, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let token = Store::open(&path).unwrap().create_token("ops").unwrap();
    let app = app(ServerConfig::new(path.clone()));
    (dir, path, app, token)
}

fn embassy() -> Value {
    json!({
        "name": "embassy",
        "area": {"kind": "near", "lat": 32.8872, "lon": 13.1913, "radius_km": 25},
        "target_types": ["diplomatic"]
    })
}

/// Stores one armed assault in Tripoli, Libya.
fn store_attack(path: &std::path::Path, id: &str) {
    let article = Article {
        id: ArticleId::new(id),
        text: "Gunmen attacked.".into(),
        published: Some("2015-04-13".parse().unwrap()),
        title: None,
        url: None,
        source: None,
    };
    let mut incident = Incident::new(EventType::ArmedAssault);
    incident.location = Some(Location {
        name: "Tripoli".into(),
        country: CountryCode::new("LY").unwrap(),
        country_name: "Libya".into(),
        admin1: Some("Tripoli".into()),
        admin2: None,
        lat: 32.89,
        lon: 13.18,
        geonames_id: None,
        precision: LocationPrecision::City,
        text: "Tripoli".into(),
    });
    let extracted = ExtractedArticle {
        article: ArticleMeta::from(&article),
        incidents: vec![incident],
    };
    Store::open(path)
        .unwrap()
        .insert_article(&article, &extracted)
        .unwrap();
}

#[tokio::test]
async fn writes_need_a_live_token_and_change_nothing_without_one() {
    let (_dir, path, app, token) = fixture();
    let refused = post(&app, None, embassy()).await;
    refused.error(StatusCode::UNAUTHORIZED);
    assert_eq!(refused.headers[header::WWW_AUTHENTICATE], "Bearer");
    post(&app, Some("sitrep_wrong"), embassy())
        .await
        .error(StatusCode::UNAUTHORIZED);
    assert_eq!(get(&app, "/api/watches").await.json(), json!([]));

    // The scheme's name is case-insensitive.
    let lower = send(
        &app,
        Request::post("/api/watches")
            .header(header::AUTHORIZATION, format!("bearer {token}"))
            .body(Body::from(
                json!({"name": "lower", "area": {"kind": "country", "country": "LY"}}).to_string(),
            ))
            .unwrap(),
    )
    .await;
    assert_eq!(lower.status, StatusCode::CREATED);
    assert_eq!(
        delete(&app, Some(&token), "lower").await.status,
        StatusCode::NO_CONTENT
    );
    let added = post(&app, Some(&token), embassy()).await;
    assert_eq!(added.status, StatusCode::CREATED);
    assert_eq!(added.json()["watch"]["spec"]["name"], "embassy");
    assert!(added.json()["secret"].is_null());
    let listed = get(&app, "/api/watches").await.json();
    assert_eq!(listed.as_array().unwrap().len(), 1);

    delete(&app, None, "embassy")
        .await
        .error(StatusCode::UNAUTHORIZED);
    Store::open(&path).unwrap().revoke_token("ops").unwrap();
    delete(&app, Some(&token), "embassy")
        .await
        .error(StatusCode::UNAUTHORIZED);
    assert_eq!(
        get(&app, "/api/watches")
            .await
            .json()
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn bad_watches_are_400_naming_the_field_and_names_are_unique() {
    let (_dir, _path, app, token) = fixture();
    let cases = [
        (
            json!({"name": "w", "area": {"kind": "near", "lat": 91, "lon": 0, "radius_km": 5}}),
            "`lat`",
        ),
        (
            json!({"name": "w", "area": {"kind": "near", "lat": 1, "lon": 0, "radius_km": 0}}),
            "`radius_km`",
        ),
        (
            json!({"name": "a b", "area": {"kind": "country", "country": "LY"}}),
            "`name`",
        ),
        (
            json!({"name": "w", "area": {"kind": "country", "country": "LY"}, "webhook": "http://127.0.0.1:9/"}),
            "`webhook`",
        ),
        (
            json!({"name": "w", "area": {"kind": "country", "country": "LY"}, "types": ["parade"]}),
            "body",
        ),
        (json!({"name": "w", "area": {"kind": "moon"}}), "body"),
        (
            json!({"name": "w", "area": {"kind": "country", "country": "LY"}, "colour": "red"}),
            "body",
        ),
    ];
    for (body, named) in cases {
        let message = post(&app, Some(&token), body.clone())
            .await
            .error(StatusCode::BAD_REQUEST);
        assert!(message.contains(named), "{body}: {message}");
    }
    assert_eq!(
        post(&app, Some(&token), embassy()).await.status,
        StatusCode::CREATED
    );
    post(&app, Some(&token), embassy())
        .await
        .error(StatusCode::CONFLICT);
    assert_eq!(
        delete(&app, Some(&token), "embassy").await.status,
        StatusCode::NO_CONTENT
    );
    delete(&app, Some(&token), "embassy")
        .await
        .error(StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn alerts_are_listed_followed_and_streamed() {
    let (_dir, path, app, token) = fixture();
    let libya = json!({"name": "libya", "area": {"kind": "country", "country": "LY"}});
    assert_eq!(
        post(&app, Some(&token), libya).await.status,
        StatusCode::CREATED
    );
    store_attack(&path, "a1");
    store_attack(&path, "b1");

    let alerts = get(&app, "/api/alerts").await.json();
    let alerts = alerts.as_array().unwrap();
    assert!(!alerts.is_empty());
    assert_eq!(alerts[0]["watch"], "libya");
    let first = alerts.last().unwrap()["id"].as_i64().unwrap();
    let after = get(&app, &format!("/api/alerts?after={first}"))
        .await
        .json();
    assert_eq!(after.as_array().unwrap().len(), alerts.len() - 1);
    for bad in ["after=-1", "after=x", "limit=0", "limit=5000"] {
        let message = get(&app, &format!("/api/alerts?{bad}"))
            .await
            .error(StatusCode::BAD_REQUEST);
        let name = bad.split('=').next().unwrap();
        assert!(message.contains(&format!("`{name}`")), "{bad}: {message}");
    }

    // The stream replays what came after `after`, as server-sent events.
    let response = app
        .clone()
        .oneshot(
            Request::get("/api/alerts/stream?after=0")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "text/event-stream"
    );
    let mut body = response.into_body();
    let frame = tokio::time::timeout(std::time::Duration::from_secs(5), body.frame())
        .await
        .expect("an event within 5 s")
        .unwrap()
        .unwrap();
    let text = String::from_utf8(frame.into_data().unwrap().to_vec()).unwrap();
    assert!(text.contains("event: alert"), "{text}");
    assert!(text.contains(&format!("id: {first}")), "{text}");
    assert!(text.contains("\"watch\":\"libya\""), "{text}");
}

#[tokio::test]
async fn the_document_declares_the_writes_and_their_token() {
    let (_dir, _path, app, _token) = fixture();
    let doc = get(&app, "/api/openapi.json").await.json();
    assert_eq!(
        doc["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
    let post = &doc["paths"]["/api/watches"]["post"];
    assert_eq!(post["security"][0]["bearer"], json!([]));
    assert!(doc["components"]["schemas"]["WatchSpec"].is_object());
    // What the server checks is declared: ranges of coordinates and radii, name patterns.
    let area = doc["components"]["schemas"]["Area"].to_string();
    for declared in [
        r#""minimum":-90.0"#,
        r#""maximum":180.0"#,
        r#""exclusiveMinimum":0.0"#,
        r#""maximum":2000.0"#,
    ] {
        assert!(area.contains(declared), "{declared} not in {area}");
    }
    let spec = doc["components"]["schemas"]["WatchSpec"].to_string();
    assert!(
        spec.contains(r#""pattern":"^[A-Za-z0-9._-]{1,64}$""#),
        "{spec}"
    );
    assert!(doc["components"]["schemas"]["Alert"].is_object());
    let delete = &doc["paths"]["/api/watches/{name}"]["delete"];
    assert_eq!(
        delete["parameters"][0]["schema"]["pattern"],
        "^[A-Za-z0-9._-]{1,64}$"
    );
}
