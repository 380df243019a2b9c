//! Ingest into the store and query it back in every format.

mod util;

use serde_json::Value;
use util::{Dir, corpus};

#[test]
fn ingest_is_idempotent() {
    let dir = Dir::new();
    let first = dir
        .run(&["ingest", &corpus(), "--db", "s.db"])
        .expect_code(0);
    assert!(
        first.stderr.contains("read 17 articles: stored 17"),
        "{}",
        first.stderr
    );
    let second = dir
        .run(&["ingest", &corpus(), "--db", "s.db"])
        .expect_code(0);
    assert!(
        second.stderr.contains("stored 0") && second.stderr.contains("skipped 17"),
        "{}",
        second.stderr
    );
    let all = dir.incidents("s.db");
    let again = dir.incidents("s.db");
    assert_eq!(all, again);
    assert!(all.len() >= 17);
}

#[test]
fn sitrep_db_names_the_default_store() {
    let dir = Dir::new();
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_sitrep"));
    let status = cmd
        .args(["ingest", &corpus()])
        .current_dir(dir.path())
        .env("SITREP_DB", "from-env.db")
        .status()
        .unwrap();
    assert!(status.success());
    assert!(dir.path().join("from-env.db").exists());
    assert!(!dir.path().join("sitrep.db").exists());
}

fn ingested() -> Dir {
    let dir = Dir::new();
    dir.run(&["ingest", &corpus(), "--db", "s.db"])
        .expect_code(0);
    dir
}

#[test]
fn filters_narrow_the_result() {
    let dir = ingested();
    let q = |args: &[&str]| -> Vec<Value> {
        let mut all = vec!["query", "--db", "s.db", "--format", "json"];
        all.extend_from_slice(args);
        dir.run(&all).expect_code(0).json_lines()
    };
    let everything = q(&[]);
    assert!(
        everything.iter().all(|i| i["background"] == false),
        "background incidents are left out by default"
    );
    let libya = q(&["--country", "LY"]);
    assert!(!libya.is_empty() && libya.len() < everything.len());
    assert!(libya.iter().all(|i| i["location"]["country"] == "LY"));
    let bombings = q(&["--type", "bombing"]);
    assert!(!bombings.is_empty() && bombings.iter().all(|i| i["event_type"] == "bombing"));
    let recent = q(&["--since", "2018-01-01"]);
    assert!(recent.iter().all(|i| {
        i["date"]["start"]
            .as_str()
            .is_some_and(|d| d >= "2018-01-01")
    }));
    let deadly = q(&["--min-killed", "10"]);
    assert!(!deadly.is_empty());
    assert!(deadly.iter().all(|i| {
        i["killed"]["min"]
            .as_u64()
            .or(i["killed"]["max"].as_u64())
            .is_some_and(|k| k >= 10)
    }));
    let box_libya = q(&["--bbox", "9,19,26,34"]);
    assert!(!box_libya.is_empty());
    assert!(box_libya.iter().all(|i| {
        let (lon, lat) = (
            i["location"]["lon"].as_f64().unwrap(),
            i["location"]["lat"].as_f64().unwrap(),
        );
        (9.0..=26.0).contains(&lon) && (19.0..=34.0).contains(&lat)
    }));
    let is = q(&["--perpetrator", "islamic state"]);
    assert!(!is.is_empty());
    assert!(
        is.iter().all(|i| i["perpetrators"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["name"]
                .as_str()
                .is_some_and(|n| n.to_lowercase().contains("islamic state"))))
    );
    assert_eq!(q(&["--limit", "3"]).len(), 3);
}

#[test]
fn csv_has_a_header_and_one_row_per_incident() {
    let dir = ingested();
    let json = dir
        .run(&["query", "--db", "s.db", "--format", "json"])
        .expect_code(0)
        .json_lines();
    let csv = dir
        .run(&["query", "--db", "s.db", "--format", "csv"])
        .expect_code(0)
        .stdout;
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert!(headers.iter().any(|h| h == "event_type") && headers.iter().any(|h| h == "killed_min"));
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), json.len());
    let id_col = headers.iter().position(|h| h == "id").unwrap();
    assert_eq!(&rows[0][id_col], json[0]["id"].as_str().unwrap());
}

#[test]
fn geojson_is_a_feature_collection_of_lon_lat_points() {
    let dir = ingested();
    let run = dir
        .run(&["query", "--db", "s.db", "--format", "geojson"])
        .expect_code(0);
    let doc: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(doc["type"], "FeatureCollection");
    let features = doc["features"].as_array().unwrap();
    assert!(!features.is_empty());
    for f in features {
        assert_eq!(f["type"], "Feature");
        assert_eq!(f["geometry"]["type"], "Point");
        let c = f["geometry"]["coordinates"].as_array().unwrap();
        let (lon, lat) = (c[0].as_f64().unwrap(), c[1].as_f64().unwrap());
        assert!((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat));
    }
    // Tripoli, Libya is at about 13°E 33°N: lon first.
    let tripoli = features
        .iter()
        .find(|f| f["properties"]["place"] == "Tripoli" && f["properties"]["country"] == "LY")
        .unwrap();
    assert!(tripoli["geometry"]["coordinates"][0].as_f64().unwrap() < 20.0);
}

#[test]
fn the_table_is_aligned() {
    let dir = ingested();
    let run = dir
        .run(&["query", "--db", "s.db", "--format", "table"])
        .expect_code(0);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(lines[0].starts_with("date") && lines[0].contains("killed"));
    let type_col = lines[0].find("type").unwrap();
    for row in &lines[2..lines.len() - 1] {
        let before: String = row.chars().take(type_col).collect();
        assert!(
            before.ends_with("  "),
            "column 'type' starts at the same place in {row:?}"
        );
    }
}

#[test]
fn querying_a_missing_store_is_a_clear_error() {
    let dir = Dir::new();
    let run = dir.run(&["query", "--db", "nowhere.db"]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("nowhere.db"), "{}", run.stderr);
}

#[test]
fn demo_prints_the_incident_table() {
    let dir = Dir::new();
    let run = dir.run(&["demo"]).expect_code(0);
    assert!(run.stdout.contains("Tripoli, LY"), "{}", run.stdout);
    assert!(
        run.stdout.contains("Tripoli, LB"),
        "the Lebanese Tripoli is told apart: {}",
        run.stdout
    );
    assert!(run.stderr.contains("17 example articles"), "{}", run.stderr);
}

#[test]
fn migrate_copies_a_store_into_a_new_file_only() {
    let dir = ingested();
    dir.run(&["migrate", "--from", "s.db", "--to", "copy.db"])
        .expect_code(0);
    assert_eq!(dir.incidents("copy.db"), dir.incidents("s.db"));
    let exists = dir
        .run(&["migrate", "--from", "s.db", "--to", "copy.db"])
        .expect_code(2);
    assert!(
        exists.stderr.contains("exists already"),
        "{}",
        exists.stderr
    );
    let missing = dir
        .run(&["migrate", "--from", "none.db", "--to", "other.db"])
        .expect_code(2);
    assert!(
        missing.stderr.contains("no store at none.db"),
        "{}",
        missing.stderr
    );
    assert!(!dir.path().join("other.db").exists());
}
