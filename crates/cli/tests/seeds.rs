//! The acceptance checks of the foundation issue, run on the two seed articles with the real
//! binary.

mod util;

use serde_json::Value;
use util::{Dir, evidence_problems, repo_root};

fn extract_seed(name: &str, published: &str) -> (String, Value) {
    let path = repo_root().join("examples/seeds").join(name);
    let text = std::fs::read_to_string(&path).expect("the seed exists");
    let dir = Dir::new();
    let run = dir
        .run(&["extract", path.to_str().unwrap(), "--published", published])
        .expect_code(0);
    let mut lines = run.json_lines();
    assert_eq!(lines.len(), 1, "one article in, one line out");
    (sitrep_text_clean(&text), lines.remove(0))
}

/// The cleaned text evidence points into: what `sitrep extract` printed offsets for.
fn sitrep_text_clean(raw: &str) -> String {
    sitrep_text::clean_text(raw)
}

fn names(v: &Value, key: &str) -> Vec<String> {
    v[key]
        .as_array()
        .into_iter()
        .flatten()
        .map(|x| x["type"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn seed_000_embassy_shooting_in_tripoli() {
    let (text, out) = extract_seed("000_22b7b06d3f07dde5.txt", "2015-04-13");
    let incidents = out["incidents"].as_array().unwrap();
    let main = &incidents[0];
    assert_eq!(main["event_type"], "armed_assault");
    assert_eq!(main["background"], false);
    assert_eq!(main["location"]["name"], "Tripoli");
    assert_eq!(main["location"]["country"], "LY");
    assert_eq!(main["date"]["start"], "2015-04-12");
    assert_eq!(main["date"]["precision"], "day");
    assert_eq!(main["time"], "01:20");
    assert_eq!(
        (
            main["killed"]["min"].as_u64(),
            main["killed"]["max"].as_u64()
        ),
        (Some(2), Some(2))
    );
    assert_eq!(
        (
            main["wounded"]["min"].as_u64(),
            main["wounded"]["max"].as_u64()
        ),
        (Some(1), Some(1))
    );
    let perpetrators = main["perpetrators"].as_array().unwrap();
    assert!(
        perpetrators
            .iter()
            .any(|p| p["name"] == "Islamic State" && p["claimed"] == true),
        "{perpetrators:?}"
    );
    let targets = main["targets"].as_array().unwrap();
    assert!(
        targets
            .iter()
            .any(|t| t["type"] == "diplomatic" && t["nationality"] == "KR"),
        "{targets:?}"
    );
    assert!(names(main, "targets").contains(&"police".to_string()));
    assert!(
        main["weapons"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w == "firearms")
    );

    let hotel = incidents
        .iter()
        .find(|i| i["background"] == true)
        .expect("a background incident");
    assert_eq!(hotel["date"]["start"], "2015-01-28");
    assert_eq!(hotel["location"]["name"], "Tripoli");
    assert_eq!(
        (
            hotel["killed"]["min"].as_u64(),
            hotel["killed"]["max"].as_u64()
        ),
        (Some(10), Some(10))
    );

    // The trailing "Leave a Reply © 2006-2016 …" yields nothing: no incident rests on it.
    let footer = text.find("Leave a Reply").map_or(text.len(), |i| i);
    for incident in incidents {
        for e in incident["evidence"].as_array().unwrap() {
            assert!(
                e["end"].as_u64().unwrap() as usize <= footer,
                "evidence in the page footer: {e}"
            );
        }
        assert!(
            evidence_problems(&text, incident).is_empty(),
            "{:?}",
            evidence_problems(&text, incident)
        );
    }
}

#[test]
fn seed_003_russian_embassy_and_benghazi_background() {
    let (text, out) = extract_seed("003_b42d8f2806dfbab1.txt", "2013-10-04");
    let incidents = out["incidents"].as_array().unwrap();
    let main = &incidents[0];
    assert_eq!(main["background"], false);
    assert_eq!(main["location"]["name"], "Tripoli");
    assert_eq!(
        main["location"]["country"], "LY",
        "Tripoli in a story about Libya is not Lebanon's"
    );
    assert_eq!(main["date"]["start"], "2013-10-02");
    let targets = main["targets"].as_array().unwrap();
    assert!(
        targets
            .iter()
            .any(|t| t["type"] == "diplomatic" && t["nationality"] == "RU"),
        "{targets:?}"
    );
    assert_eq!(
        (
            main["wounded"]["min"].as_u64(),
            main["wounded"]["max"].as_u64()
        ),
        (Some(0), Some(0))
    );
    assert!(main["killed"].is_null() || main["killed"]["min"] == 0);
    assert!(
        main["perpetrators"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["name"].is_null()),
        "unidentified gunmen name no group"
    );

    let benghazi = incidents
        .iter()
        .find(|i| i["background"] == true)
        .expect("a background incident");
    assert_eq!(benghazi["location"]["name"], "Benghazi");
    assert_eq!(benghazi["location"]["country"], "LY");
    assert_eq!(benghazi["date"]["start"], "2012-09-11");
    assert_eq!(
        (
            benghazi["killed"]["min"].as_u64(),
            benghazi["killed"]["max"].as_u64()
        ),
        (Some(4), Some(4))
    );
    assert!(
        benghazi["targets"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["type"] == "diplomatic" && t["nationality"] == "US")
    );
    assert!(
        benghazi["perpetrators"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["name"].as_str().is_some_and(|n| n.contains("Qaeda")))
    );
    for incident in incidents {
        assert!(
            evidence_problems(&text, incident).is_empty(),
            "{:?}",
            evidence_problems(&text, incident)
        );
    }
}

#[test]
fn with_text_prints_the_text_evidence_points_into() {
    let raw = "  Gunmen kill three in Kabul\n\n   • Gunmen killed three police officers at a \
               checkpoint in Kabul on Monday, officials said.\n";
    let dir = Dir::new();
    let path = dir.write("indented.txt", raw);
    let extract = |flags: &[&str]| {
        let mut args = vec![
            "extract",
            path.to_str().unwrap(),
            "--published",
            "2020-01-07",
        ];
        args.extend_from_slice(flags);
        dir.run(&args).expect_code(0).json_lines().remove(0)
    };
    let out = extract(&["--with-text"]);
    let text = out["article"]["text"]
        .as_str()
        .expect("article.text is printed");
    assert_eq!(text, sitrep_text_clean(raw));
    assert_ne!(text, raw, "the example must be one that cleaning changes");
    let main = &out["incidents"][0];
    assert_eq!(main["killed"]["min"], 3);
    assert!(
        evidence_problems(text, main).is_empty(),
        "{:?}",
        evidence_problems(text, main)
    );
    // Without the flag, the article carries no text.
    assert!(extract(&[])["article"].get("text").is_none());
}
