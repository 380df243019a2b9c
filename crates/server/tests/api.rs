//! The API on a store built from `examples/corpus.jsonl` by the real extractor, through the
//! whole router (limits, CORS, fallbacks) without a network.

use std::path::PathBuf;
use std::sync::OnceLock;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::Value;
use sitrep_server::{CorsOrigins, ServerConfig, app};
use sitrep_store::{IncidentFilter, Store};
use tower::ServiceExt;

const CORPUS: &str = include_str!("../../../examples/corpus.jsonl");

/// The examples' store, built once per test process.
fn examples_db() -> &'static PathBuf {
    static DB: OnceLock<PathBuf> = OnceLock::new();
    DB.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("sitrep-server-api");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("examples-{}.db", std::process::id()));
        let _ = std::fs::remove_file(&path);
        let resources = sitrep_extract::Resources::embedded().unwrap();
        let mut store = Store::open(&path).unwrap();
        let options = sitrep_ingest::ReadOptions::default();
        let items: Vec<_> = sitrep_ingest::read_reader(
            std::io::Cursor::new(CORPUS.as_bytes()),
            "examples/corpus.jsonl",
            None,
            &options,
        )
        .map(|article| {
            let mut article = article.unwrap();
            article.text = sitrep_text::clean_text(&article.text);
            let extracted = sitrep_extract::extract_article(&article, &resources);
            (article, extracted)
        })
        .collect();
        assert!(items.len() > 10, "the corpus has articles");
        store.insert_batch(&items).unwrap();
        path
    })
}

fn examples_app() -> Router {
    app(ServerConfig::new(examples_db().clone()))
}

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

    fn text(&self) -> String {
        String::from_utf8(self.body.clone()).unwrap()
    }

    /// The body of an error answer, checked to be `{"status", "error"}` with this status.
    fn error(&self, status: StatusCode) -> String {
        assert_eq!(self.status, status, "{}", self.text());
        let json = self.json();
        assert_eq!(json["status"], status.as_u16());
        json["error"].as_str().unwrap().to_string()
    }
}

async fn request(app: &Router, request: Request<Body>) -> Answer {
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
    request(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

/// Every incident of a listing, following cursors.
async fn all_ids(app: &Router, query: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let uri = match &cursor {
            Some(c) => format!("/api/incidents?{query}&limit=4&cursor={c}"),
            None => format!("/api/incidents?{query}&limit=4"),
        };
        let answer = get(app, &uri).await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
        let page = answer.json();
        let items = page["items"].as_array().unwrap();
        assert!(items.len() <= 4);
        ids.extend(items.iter().map(|i| i["id"].as_str().unwrap().to_string()));
        match page["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.replace(':', "%3A")),
            None => return ids,
        }
    }
}

fn store() -> Store {
    Store::open(examples_db()).unwrap()
}

#[tokio::test]
async fn healthz_reports_the_store() {
    let answer = get(&examples_app(), "/healthz").await;
    assert_eq!(answer.status, StatusCode::OK);
    let json = answer.json();
    let stats = store().stats().unwrap();
    assert_eq!(json["status"], "ok");
    assert_eq!(json["articles"], stats.articles);
    assert_eq!(json["incidents"], stats.incidents);
}

#[tokio::test]
async fn paging_returns_every_incident_once_in_order() {
    let app = examples_app();
    let first = get(&app, "/api/incidents?total=true").await.json();
    let expected = store().count(&IncidentFilter::default()).unwrap();
    assert_eq!(first["total"], expected);
    assert!(first["next_cursor"].is_null());
    let ids = all_ids(&app, "sort=date_desc").await;
    assert_eq!(ids.len() as u64, expected);
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "an incident was returned twice");
    // The same order as the store's own listing.
    let listed: Vec<String> = store()
        .query(&IncidentFilter::default())
        .unwrap()
        .into_iter()
        .map(|i| i.id.to_string())
        .collect();
    assert_eq!(ids, listed);
    // A box with dates is served by another index, page by page in the same order.
    let dated = |ids: &[String]| -> Vec<String> {
        let all = store().query(&IncidentFilter::default()).unwrap();
        ids.iter()
            .filter(|id| {
                all.iter().any(|i| {
                    i.id.as_str() == id.as_str()
                        && i.incident.location.is_some()
                        && i.incident.date.as_ref().and_then(|d| d.start).is_some()
                })
            })
            .cloned()
            .collect()
    };
    let boxed = all_ids(&app, "bbox=-180,-90,180,90&since=1900-01-01&sort=date_desc").await;
    assert_eq!(boxed, dated(&ids));
    let mut oldest = all_ids(&app, "bbox=-180,-90,180,90&until=2100-01-01&sort=date_asc").await;
    assert_eq!(oldest.len(), boxed.len());
    oldest.sort();
    let mut newest = boxed.clone();
    newest.sort();
    assert_eq!(oldest, newest);
    let with_background = all_ids(&app, "include_background=true&sort=killed_desc").await;
    assert!(with_background.len() > ids.len());
}

#[tokio::test]
async fn filters_narrow_the_listing() {
    let app = examples_app();
    let items = |answer: Answer| -> Vec<Value> {
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
        answer.json()["items"].as_array().unwrap().clone()
    };
    let libya = items(get(&app, "/api/incidents?country=ly").await);
    assert!(!libya.is_empty());
    assert!(libya.iter().all(|i| i["location"]["country"] == "LY"));

    let bombings = items(get(&app, "/api/incidents?type=bombing").await);
    assert!(!bombings.is_empty());
    assert!(bombings.iter().all(|i| i["event_type"] == "bombing"));

    let dated = items(get(&app, "/api/incidents?since=2016-01-01&until=2017-12-31").await);
    assert!(!dated.is_empty());
    for i in &dated {
        let start = i["date"]["start"].as_str().unwrap();
        assert!(("2016-01-01"..="2017-12-31").contains(&start), "{start}");
    }

    let boxed = items(get(&app, "/api/incidents?bbox=9.3,19.5,25.2,33.2").await);
    assert!(!boxed.is_empty());
    assert!(boxed.iter().all(|i| i["location"]["country"] == "LY"));

    let deadly = items(get(&app, "/api/incidents?min_killed=10").await);
    assert!(!deadly.is_empty());
    assert!(
        deadly
            .iter()
            .all(|i| i["killed"]["min"].as_u64().unwrap_or(0) >= 10
                || i["killed"]["max"].as_u64().unwrap_or(0) >= 10)
    );

    let islamic = items(get(&app, "/api/incidents?perpetrator=islamic%20state").await);
    assert!(!islamic.is_empty());

    let embassy = items(get(&app, "/api/incidents?q=embassy&country=LY").await);
    assert!(
        embassy
            .iter()
            .any(|i| i["sources"][0]["article_id"] == "seed-000")
    );
    let nothing = get(&app, "/api/incidents?q=zzzxq-not-in-any-article&total=true")
        .await
        .json();
    assert_eq!(nothing["total"], 0);
    // Counting is asked for.
    let uncounted = get(&app, "/api/incidents?country=LY").await.json();
    assert!(uncounted["total"].is_null());
}

#[tokio::test]
async fn bad_parameters_are_400_naming_the_parameter() {
    let app = examples_app();
    for (query, named) in [
        ("country=Libya", "`country`"),
        ("type=explosion", "`type`"),
        ("since=2015-13-40", "`since`"),
        ("country=", "`country`"),
        ("until=", "`until`"),
        ("bbox=1,2,3", "`bbox`"),
        ("bbox=0,-91,10,10", "`bbox`"),
        ("bbox=1,%202,3,4", "`bbox`"),
        ("min_killed=abc", "`min_killed`"),
        ("limit=5000", "`limit`"),
        ("limit=0", "`limit`"),
        ("sort=newest", "`sort`"),
        ("cursor=junk", "`cursor`"),
        ("cursor=date_desc%3A2015-01-01%3Ainc-1", "`cursor`"),
        ("include_background=maybe", "`include_background`"),
    ] {
        let message = get(&app, &format!("/api/incidents?{query}"))
            .await
            .error(StatusCode::BAD_REQUEST);
        assert!(message.contains(named), "{query}: {message}");
    }
    let message = get(&app, "/api/incidents.geojson?limit=999999")
        .await
        .error(StatusCode::BAD_REQUEST);
    assert!(message.contains("maximum"), "{message}");
    get(&app, "/api/stats?country=XYZ")
        .await
        .error(StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_document_declares_the_grammar_the_server_checks() {
    let mut config = ServerConfig::new(examples_db().clone());
    config.max_page_size = 50;
    config.max_export = 70;
    let app = app(config);
    let doc = get(&app, "/api/openapi.json").await.json();
    let parameter = |path: &str, name: &str| -> Value {
        doc["paths"][path]["get"]["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == name)
            .unwrap_or_else(|| panic!("{path} has no parameter {name}"))["schema"]
            .clone()
    };
    for name in ["country", "since", "until", "bbox", "cursor"] {
        let schema = parameter("/api/incidents", name);
        assert!(schema["pattern"].is_string(), "{name}: {schema}");
    }
    assert_eq!(
        parameter("/api/incidents", "sort")["enum"],
        serde_json::json!(["date_desc", "date_asc", "killed_desc"])
    );
    // The configured maxima, not the defaults.
    assert_eq!(parameter("/api/incidents", "limit")["maximum"], 50);
    assert_eq!(parameter("/api/incidents.csv", "limit")["maximum"], 50);
    assert_eq!(parameter("/api/incidents.geojson", "limit")["maximum"], 70);
    let too_many = get(&app, "/api/incidents?limit=51")
        .await
        .error(StatusCode::BAD_REQUEST);
    assert!(too_many.contains("maximum"), "{too_many}");
    // What a pattern cannot forbid is accepted: a box across the antimeridian, latitudes in
    // either order, `since` after `until`, and a cursor whose order is not `sort`'s.
    for query in [
        "bbox=170,-10,-170,-20",
        "since=2016-01-01&until=2015-01-01",
        "sort=killed_desc&cursor=date_desc%3A16537%3Ainc-1",
    ] {
        let answer = get(&app, &format!("/api/incidents?{query}")).await;
        assert_eq!(answer.status, StatusCode::OK, "{query}: {}", answer.text());
    }
}

#[tokio::test]
async fn an_incident_has_its_sources_and_evidence_in_its_articles() {
    let app = examples_app();
    let page = get(&app, "/api/incidents?country=LY&limit=1000")
        .await
        .json();
    let mut checked = 0;
    for item in page["items"].as_array().unwrap() {
        let id = item["id"].as_str().unwrap();
        let detail = get(&app, &format!("/api/incidents/{id}")).await;
        assert_eq!(detail.status, StatusCode::OK);
        let detail = detail.json();
        assert_eq!(detail["id"], id);
        let sources = detail["sources"].as_array().unwrap();
        assert!(!sources.is_empty());
        for source in sources {
            let article_id = source["article_id"].as_str().unwrap();
            let article = get(&app, &format!("/api/articles/{article_id}")).await;
            assert_eq!(article.status, StatusCode::OK);
            let text = article.json()["text"].as_str().unwrap().to_string();
            let evidence = source["incident"]["evidence"].as_array().unwrap();
            assert!(!evidence.is_empty(), "{article_id} has no evidence");
            for span in evidence {
                let start = span["start"].as_u64().unwrap() as usize;
                let end = span["end"].as_u64().unwrap() as usize;
                assert!(
                    text.get(start..end).is_some(),
                    "{start}..{end} in {article_id}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 0);
    let message = get(&app, "/api/incidents/inc-does-not-exist")
        .await
        .error(StatusCode::NOT_FOUND);
    assert!(message.contains("inc-does-not-exist"), "{message}");
    get(&app, "/api/articles/nope")
        .await
        .error(StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn geojson_has_a_point_per_located_match() {
    let app = examples_app();
    let answer = get(&app, "/api/incidents.geojson?include_background=true").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.headers[header::CONTENT_TYPE], "application/geo+json");
    let json = answer.json();
    assert_eq!(json["type"], "FeatureCollection");
    assert_eq!(json["truncated"], false);
    let features = json["features"].as_array().unwrap();
    let located = store()
        .query(&IncidentFilter {
            include_background: true,
            ..IncidentFilter::default()
        })
        .unwrap()
        .iter()
        .filter(|i| i.incident.location.is_some())
        .count();
    assert_eq!(features.len(), located);
    for f in features {
        assert_eq!(f["geometry"]["type"], "Point");
        let [lon, lat] = [0, 1].map(|k| f["geometry"]["coordinates"][k].as_f64().unwrap());
        assert!((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat));
    }
    let cut = get(&app, "/api/incidents.geojson?limit=2").await.json();
    assert_eq!(cut["features"].as_array().unwrap().len(), 2);
    assert_eq!(cut["truncated"], true);
}

#[tokio::test]
async fn csv_has_a_header_and_a_row_per_match_with_a_next_cursor() {
    let app = examples_app();
    let total = get(&app, "/api/incidents?limit=1&total=true").await.json()["total"]
        .as_u64()
        .unwrap();
    let answer = get(&app, "/api/incidents.csv").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(
        answer.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    assert!(!answer.headers.contains_key("x-next-cursor"));
    let mut reader = csv::Reader::from_reader(answer.body.as_slice());
    assert_eq!(reader.headers().unwrap().get(0), Some("id"));
    assert_eq!(reader.records().count() as u64, total);
    let first = get(&app, "/api/incidents.csv?limit=3").await;
    let next = first.headers["x-next-cursor"].to_str().unwrap().to_string();
    let second = get(
        &app,
        &format!(
            "/api/incidents.csv?limit=3&cursor={}",
            next.replace(':', "%3A")
        ),
    )
    .await;
    assert_eq!(second.status, StatusCode::OK);
    assert_eq!(
        csv::Reader::from_reader(second.body.as_slice())
            .records()
            .count(),
        3
    );
}

/// A store holding one located bombing whose report counts 6 victims and its bomber killed,
/// at least 10 victims and 2 attackers wounded.
fn bombing_app() -> (tempfile::TempDir, Router) {
    use sitrep_model::{
        Article, ArticleId, ArticleMeta, Count, CountryCode, EventType, ExtractedArticle, Incident,
        Location, LocationPrecision,
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bombing.db");
    let article = Article {
        id: ArticleId::new("bombing"),
        text: "A suicide bomber killed six people in Kabul.".into(),
        published: Some("2016-07-24".parse().unwrap()),
        title: None,
        url: None,
        source: None,
    };
    let count = |min, max| {
        Some(Count {
            min,
            max,
            text: "words".into(),
        })
    };
    let mut incident = Incident::new(EventType::Bombing);
    incident.location = Some(Location {
        name: "Kabul".into(),
        country: CountryCode::new("AF").unwrap(),
        country_name: "Afghanistan".into(),
        admin1: None,
        admin2: None,
        lat: 34.5553,
        lon: 69.2075,
        geonames_id: None,
        precision: LocationPrecision::City,
        text: "Kabul".into(),
    });
    incident.killed = count(Some(6), Some(6));
    incident.attackers_killed = count(Some(1), Some(1));
    incident.wounded = count(Some(10), None);
    incident.attackers_wounded = count(Some(2), Some(2));
    let extracted = ExtractedArticle {
        article: ArticleMeta::from(&article),
        incidents: vec![incident],
    };
    let mut store = Store::open(&path).unwrap();
    store.insert_article(&article, &extracted).unwrap();
    (dir, app(ServerConfig::new(path)))
}

#[tokio::test]
async fn exports_and_answers_count_victims_and_attackers_together() {
    let (_dir, app) = bombing_app();

    let csv = get(&app, "/api/incidents.csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    let mut reader = csv::Reader::from_reader(csv.body.as_slice());
    let headers = reader.headers().unwrap().clone();
    let row = reader.records().next().unwrap().unwrap();
    let cell = |name: &str| -> String {
        let col = headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name} in {headers:?}"));
        row[col].to_string()
    };
    assert_eq!(
        (cell("killed_min"), cell("killed_max")),
        ("6".into(), "6".into())
    );
    let killed_total = (cell("killed_total_min"), cell("killed_total_max"));
    assert_eq!(killed_total, ("7".into(), "7".into()));
    let wounded_total = (cell("wounded_total_min"), cell("wounded_total_max"));
    assert_eq!(wounded_total, ("12".into(), String::new()));

    let geojson = get(&app, "/api/incidents.geojson").await.json();
    let properties = &geojson["features"][0]["properties"];
    assert_eq!(properties["killed"], 6);
    assert_eq!(properties["killed_total"], 7);
    assert_eq!(properties["wounded"], 10);
    assert_eq!(properties["wounded_total"], 12);

    let page = get(&app, "/api/incidents").await.json();
    let item = &page["items"][0];
    assert_eq!(item["killed"]["min"], 6);
    assert_eq!(item["attackers_killed"]["min"], 1);
    assert_eq!(
        item["killed_total"],
        serde_json::json!({"min": 7, "max": 7})
    );
    assert_eq!(
        item["wounded_total"],
        serde_json::json!({"min": 12, "max": null})
    );
    let id = item["id"].as_str().unwrap();
    let detail = get(&app, &format!("/api/incidents/{id}")).await.json();
    assert_eq!(detail["killed_total"], item["killed_total"]);
    assert_eq!(detail["wounded_total"], item["wounded_total"]);
    assert_eq!(detail["sources"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn an_unknown_toll_has_no_total() {
    let app = examples_app();
    let page = get(&app, "/api/incidents?include_background=true&limit=1000")
        .await
        .json();
    let items = page["items"].as_array().unwrap();
    let unknown = items
        .iter()
        .filter(|i| i["killed"].is_null() && i["attackers_killed"].is_null())
        .collect::<Vec<_>>();
    assert!(!unknown.is_empty(), "the examples have an unknown toll");
    for item in unknown {
        assert!(item["killed_total"].is_null(), "{item}");
    }
}

#[tokio::test]
async fn stats_add_up() {
    let app = examples_app();
    let total = get(&app, "/api/incidents?limit=1&total=true").await.json()["total"]
        .as_u64()
        .unwrap();
    let stats = get(&app, "/api/stats").await.json();
    assert_eq!(stats["incidents"], total);
    let sum = |key: &str, field: &str| -> u64 {
        stats[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r[field].as_u64().unwrap())
            .sum()
    };
    assert_eq!(sum("by_type", "incidents"), total);
    assert!(sum("by_day", "incidents") <= total);
    assert!(sum("by_country", "incidents") <= total);
    assert_eq!(sum("by_type", "killed"), stats["killed"].as_u64().unwrap());
    let libya = get(&app, "/api/stats?country=LY").await.json();
    assert_eq!(libya["by_country"].as_array().unwrap().len(), 1);
    assert_eq!(libya["by_country"][0]["country"], "LY");
}

#[tokio::test]
async fn unknown_routes_methods_and_big_bodies_get_json_errors() {
    let app = examples_app();
    let message = get(&app, "/api/nothing-here")
        .await
        .error(StatusCode::NOT_FOUND);
    assert!(message.contains("/api/nothing-here"), "{message}");
    let post = Request::builder()
        .method(Method::POST)
        .uri("/api/incidents")
        .body(Body::empty())
        .unwrap();
    request(&app, post)
        .await
        .error(StatusCode::METHOD_NOT_ALLOWED);
    let big = Request::builder()
        .method(Method::GET)
        .uri("/api/incidents")
        .header(header::CONTENT_LENGTH, "10000000")
        .body(Body::from(vec![b'x'; 10_000_000]))
        .unwrap();
    let message = request(&app, big)
        .await
        .error(StatusCode::PAYLOAD_TOO_LARGE);
    assert!(message.contains("65536"), "{message}");
}

#[tokio::test]
async fn internal_errors_are_a_bare_500() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("secret-name.db");
    std::fs::write(&junk, b"this is not a SQLite database, not at all, no").unwrap();
    let app = app(ServerConfig::new(junk));
    let answer = get(&app, "/healthz").await;
    let message = answer.error(StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(message, "internal server error");
    assert!(!answer.text().contains("secret-name"));
}

#[tokio::test]
async fn cors_is_off_by_default_and_configurable() {
    let origin_request = || {
        Request::get("/api/stats")
            .header(header::ORIGIN, "https://maps.example.org")
            .body(Body::empty())
            .unwrap()
    };
    let closed = request(&examples_app(), origin_request()).await;
    assert!(
        !closed
            .headers
            .contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN)
    );
    let mut config = ServerConfig::new(examples_db().clone());
    config.cors = CorsOrigins::parse(&["https://maps.example.org".into()]).unwrap();
    let open = request(&app(config), origin_request()).await;
    assert_eq!(
        open.headers[header::ACCESS_CONTROL_ALLOW_ORIGIN],
        "https://maps.example.org"
    );
}

#[tokio::test]
async fn the_dashboard_and_its_assets_are_served() {
    let app = examples_app();
    let page = get(&app, "/").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text().contains("/assets/app.js"));
    for asset in [
        "/assets/app.js",
        "/assets/vendor/leaflet/leaflet.js",
        "/assets/vendor/world-atlas/countries-50m.json",
        "/assets/vendor/capitals.json",
    ] {
        assert_eq!(get(&app, asset).await.status, StatusCode::OK, "{asset}");
    }
    get(&app, "/assets/nope.js")
        .await
        .error(StatusCode::NOT_FOUND);
    let config = get(&app, "/api/config").await.json();
    assert!(config["tile_url"].is_null());
}

/// Every `$ref` in the document, as JSON pointers.
fn refs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                if key == "$ref"
                    && let Some(r) = v.as_str()
                {
                    out.push(r.to_string());
                }
                refs(v, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
        _ => {}
    }
}

#[tokio::test]
async fn the_openapi_document_validates_and_lists_every_route() {
    let app = examples_app();
    let answer = get(&app, "/api/openapi.json").await;
    assert_eq!(answer.status, StatusCode::OK);
    let doc = answer.json();

    // Valid against the OpenAPI 3.1 JSON Schema.
    let meta: Value = serde_json::from_str(include_str!("data/openapi-3.1.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&meta).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "invalid OpenAPI document:\n{}",
        errors.join("\n")
    );
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    // The validator does reject a broken document.
    let mut broken = doc.clone();
    broken["paths"]["/api/stats"]["get"]["responses"] = serde_json::json!("none");
    assert!(!validator.is_valid(&broken));

    // Every reference resolves.
    let mut found = Vec::new();
    refs(&doc, &mut found);
    assert!(
        found
            .iter()
            .any(|r| r == "#/components/schemas/StoredIncident")
    );
    for r in &found {
        let pointer = r
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("external ref {r}"));
        assert!(doc.pointer(pointer).is_some(), "unresolved $ref {r}");
    }
    // The model's schemas replaced their placeholders.
    assert!(doc["components"]["schemas"]["StoredIncident"]["properties"]["sources"].is_object());
    // The totals of victims and attackers are declared in every export.
    let schemas = &doc["components"]["schemas"];
    for field in ["killed_total", "wounded_total"] {
        assert!(
            schemas["FeatureProperties"]["properties"][field].is_object(),
            "GeoJSON {field}"
        );
        assert!(
            schemas["IncidentWithTotals"].to_string().contains(field),
            "incident {field}"
        );
    }
    assert!(
        schemas["IncidentWithTotals"]
            .to_string()
            .contains("#/components/schemas/StoredIncident"),
        "{}",
        schemas["IncidentWithTotals"]
    );
    let csv_doc = doc["paths"]["/api/incidents.csv"]["get"].to_string();
    for column in sitrep_server::export::CSV_HEADER {
        assert!(
            csv_doc.contains(&format!("`{column}`")),
            "CSV column {column} is not in the document"
        );
    }

    // Every route of the API is documented...
    let paths = doc["paths"].as_object().unwrap();
    for route in [
        "/api/incidents",
        "/api/incidents/{id}",
        "/api/incidents.geojson",
        "/api/incidents.csv",
        "/api/articles/{id}",
        "/api/stats",
        "/api/openapi.json",
        "/api/config",
        "/api/watches",
        "/api/alerts",
        "/api/alerts/stream",
        "/api/feeds",
        "/metrics",
        "/healthz",
    ] {
        assert!(
            paths[route]["get"].is_object(),
            "{route} is not in the document"
        );
    }
    // ...and every documented path is served (not the fallback's "no route").
    let incident = get(&app, "/api/incidents?limit=1").await.json()["items"][0].clone();
    assert!(paths["/api/watches"]["post"].is_object());
    assert!(paths["/api/watches/{name}"]["delete"].is_object());
    for path in paths.keys() {
        if paths[path]["get"].is_null() {
            // Writes are tested with their token in `tests/watches.rs`.
            continue;
        }
        if path == "/api/alerts/stream" {
            // A stream never ends: its headers answer.
            let response = app
                .clone()
                .oneshot(Request::get(path).body(Body::empty()).unwrap())
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::OK, "{path}");
            continue;
        }
        let uri = if path == "/api/articles/{id}" {
            let article = incident["sources"][0]["article_id"].as_str().unwrap();
            format!("/api/articles/{article}")
        } else {
            path.replace("{id}", incident["id"].as_str().unwrap())
        };
        let answer = get(&app, &uri).await;
        assert_eq!(answer.status, StatusCode::OK, "{uri}: {}", answer.text());
    }
}
