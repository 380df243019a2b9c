//! Every bundled example against the values a human coder gave it (examples/expected.jsonl),
//! and the evidence behind every field.

mod util;

use serde_json::Value;
use util::{Dir, evidence_problems, repo_root};

fn norm(s: &str) -> String {
    sitrep_text::fold(s)
        .replace(['-', '\'', '‘'], "")
        .split_whitespace()
        .filter(|w| *w != "al")
        .collect::<Vec<_>>()
        .join(" ")
}

fn count_matches(expected: &Value, predicted: &Value) -> bool {
    if expected.is_null() {
        return predicted.is_null();
    }
    !predicted.is_null()
        && expected["min"] == predicted["min"]
        && expected["max"] == predicted["max"]
}

/// Compares one predicted incident with its expectation; returns the differences.
fn differences(id: &str, expected: &Value, predicted: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let mut differ = |field: &str, want: &Value, got: &Value| {
        out.push(format!("{id}: {field}: expected {want}, got {got}"))
    };
    let loc = &predicted["location"];
    for (key, value) in expected.as_object().into_iter().flatten() {
        match key.as_str() {
            "event_type" | "country" | "date" => {
                let got = match key.as_str() {
                    "event_type" => &predicted["event_type"],
                    "country" => &loc["country"],
                    _ => &predicted["date"]["start"],
                };
                if got != value {
                    differ(key, value, got);
                }
            }
            "city" => {
                let city = if matches!(loc["precision"].as_str(), Some("city" | "point")) {
                    loc["name"].clone()
                } else {
                    Value::Null
                };
                let ok = match (value.as_str(), city.as_str()) {
                    (None, None) => true,
                    (Some(w), Some(g)) => {
                        norm(w) == norm(g)
                            || norm(g).contains(&norm(w))
                            || norm(w).contains(&norm(g))
                    }
                    _ => false,
                };
                if !ok {
                    differ(key, value, &city);
                }
            }
            "admin1" => {
                let ok = match (value.as_str(), loc["admin1"].as_str()) {
                    (Some(w), Some(g)) => norm(g).contains(&norm(w)) || norm(w).contains(&norm(g)),
                    (None, _) => true,
                    _ => false,
                };
                if !ok {
                    differ(key, value, &loc["admin1"]);
                }
            }
            "killed" | "wounded" | "kidnapped" | "attackers_killed" => {
                let got = predicted.get(key.as_str()).cloned().unwrap_or(Value::Null);
                if !count_matches(value, &got) {
                    differ(key, value, &got);
                }
            }
            "perpetrator" => {
                let named: Vec<String> = predicted["perpetrators"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|p| p["name"].as_str().map(norm))
                    .collect();
                let ok = match value.as_str() {
                    None => named.is_empty(),
                    Some(w) => {
                        // Compare without a parenthesised acronym: "National Liberation Army (ELN)".
                        let w = norm(w.split('(').next().unwrap_or(w));
                        named
                            .iter()
                            .any(|n| *n == w || n.contains(&w) || w.contains(n.as_str()))
                    }
                };
                if !ok {
                    differ(key, value, &predicted["perpetrators"]);
                }
            }
            "claimed" => {
                let claimed = predicted["perpetrators"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|p| p["claimed"] == true);
                if Value::Bool(claimed) != *value {
                    differ(key, value, &Value::Bool(claimed));
                }
            }
            "target_types" | "target_nationalities" | "weapons" => {
                let got: Vec<Value> = match key.as_str() {
                    "target_types" => predicted["targets"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(|t| t["type"].clone())
                        .collect(),
                    "target_nationalities" => predicted["targets"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(|t| t["nationality"].clone())
                        .collect(),
                    _ => predicted["weapons"].as_array().cloned().unwrap_or_default(),
                };
                if let Some(missing) = value
                    .as_array()
                    .into_iter()
                    .flatten()
                    .find(|v| !got.contains(v))
                {
                    differ(key, missing, &Value::Array(got));
                }
            }
            _ => {}
        }
    }
    out
}

#[test]
fn every_example_matches_its_hand_coded_expectation() {
    let root = repo_root();
    let corpus = root.join("examples/corpus.jsonl");
    let expected: Vec<Value> = std::fs::read_to_string(root.join("examples/expected.jsonl"))
        .expect("expected.jsonl exists")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("expected.jsonl is JSON Lines"))
        .collect();
    let texts: Vec<Value> = std::fs::read_to_string(&corpus)
        .expect("corpus.jsonl exists")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("corpus.jsonl is JSON Lines"))
        .collect();
    let dir = Dir::new();
    let run = dir
        .run(&["extract", corpus.to_str().unwrap()])
        .expect_code(0);
    let outputs = run.json_lines();
    assert_eq!(outputs.len(), expected.len(), "one output per example");

    let mut problems = Vec::new();
    for ((want, got), record) in expected.iter().zip(&outputs).zip(&texts) {
        let id = want["id"].as_str().unwrap();
        assert_eq!(
            got["article"]["id"], want["id"],
            "outputs come in input order"
        );
        let text = sitrep_text::clean_text(record["text"].as_str().unwrap());
        let incidents = got["incidents"].as_array().unwrap();
        let Some(main) = incidents.first() else {
            problems.push(format!("{id}: no incident"));
            continue;
        };
        if main["background"] != false {
            problems.push(format!("{id}: the first incident is background"));
        }
        problems.extend(differences(id, &want["main"], main));
        for (k, bg) in want["background"]
            .as_array()
            .into_iter()
            .flatten()
            .enumerate()
        {
            let candidates: Vec<&Value> = incidents
                .iter()
                .filter(|i| i["background"] == true)
                .collect();
            let best = candidates
                .iter()
                .min_by_key(|c| differences(id, bg, c).len());
            match best {
                Some(c) => problems.extend(differences(&format!("{id} background {k}"), bg, c)),
                None => problems.push(format!("{id}: background incident {k} missing")),
            }
        }
        for incident in incidents {
            problems.extend(
                evidence_problems(&text, incident)
                    .into_iter()
                    .map(|p| format!("{id}: {p}")),
            );
        }
    }
    assert!(
        problems.is_empty(),
        "{} differences:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn seed_records_in_the_corpus_are_the_seed_files() {
    let root = repo_root();
    let corpus = std::fs::read_to_string(root.join("examples/corpus.jsonl")).unwrap();
    for (id, file) in [
        ("seed-000", "000_22b7b06d3f07dde5.txt"),
        ("seed-003", "003_b42d8f2806dfbab1.txt"),
    ] {
        let record: Value = corpus
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap())
            .find(|r| r["id"] == id)
            .unwrap();
        let seed = std::fs::read_to_string(root.join("examples/seeds").join(file)).unwrap();
        assert_eq!(
            record["text"].as_str().unwrap(),
            seed,
            "{id} drifted from {file}"
        );
    }
}
