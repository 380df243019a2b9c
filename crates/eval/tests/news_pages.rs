//! Scoring whole news pages: negatives, the total toll, other cities, background incidents.

use sitrep_eval::{Field, FieldOutcome, GoldRecord, Scorer};
use sitrep_extract::Resources;
use sitrep_model::ExtractedArticle;

fn prediction(incidents: serde_json::Value) -> ExtractedArticle {
    serde_json::from_value(serde_json::json!({
        "article": {"id": "p1", "source": null, "title": null, "published": null},
        "incidents": incidents,
    }))
    .expect("a valid prediction")
}

fn incident(
    country: &str,
    city: &str,
    killed: u32,
    attackers: Option<u32>,
    background: bool,
) -> serde_json::Value {
    serde_json::json!({
        "event_type": "bombing", "date": null, "time": null,
        "location": {"name": city, "country": country, "country_name": country, "admin1": null,
                     "lat": 0.0, "lon": 0.0, "geonames_id": 1, "precision": "city", "text": city},
        "perpetrators": [], "targets": [], "weapons": [],
        "killed": {"min": killed, "max": killed, "text": "killed"},
        "wounded": null, "kidnapped": null,
        "attackers_killed": attackers.map(|a| serde_json::json!({"min": a, "max": a, "text": "bomber"})),
        "attackers_wounded": null,
        "background": background, "confidence": 0.5, "evidence": []
    })
}

fn gold(json: serde_json::Value) -> GoldRecord {
    serde_json::from_value(serde_json::json!({"id": "p1", "text": "", "gold": json}))
        .expect("a valid gold record")
}

fn outcome(outcomes: &[FieldOutcome], field: Field) -> Vec<bool> {
    outcomes
        .iter()
        .filter(|o| o.field == field)
        .map(|o| o.correct)
        .collect()
}

#[test]
fn a_page_about_no_incident_is_right_only_without_a_main_incident() {
    let resources = Resources::embedded().expect("embedded data");
    let scorer = Scorer::new(&resources);
    let record = gold(serde_json::json!({"is_incident": false, "killed": null, "background": []}));
    assert_eq!(record.source_name(), "news");
    let none = prediction(serde_json::json!([incident("IQ", "Mosul", 3, None, true)]));
    let some = prediction(serde_json::json!([incident("IQ", "Mosul", 3, None, false)]));
    assert_eq!(
        outcome(&scorer.score(&record, Some(&none)), Field::NoIncident),
        [true]
    );
    let scored = scorer.score(&record, Some(&some));
    assert_eq!(outcome(&scored, Field::NoIncident), [false]);
    assert!(outcome(&scored, Field::Country).is_empty());
}

#[test]
fn the_killed_field_counts_attackers_and_the_victims_row_does_not() {
    let resources = Resources::embedded().expect("embedded data");
    let scorer = Scorer::new(&resources);
    let record = gold(serde_json::json!({
        "is_incident": true, "country": "NG", "killed": 7, "perpetrators_killed": 1,
        "background": []
    }));
    let p = prediction(serde_json::json!([incident(
        "NG",
        "Kano",
        6,
        Some(1),
        false
    )]));
    let scored = scorer.score(&record, Some(&p));
    assert_eq!(outcome(&scored, Field::Killed), [true]);
    assert_eq!(outcome(&scored, Field::KilledVictims), [false]);
    assert_eq!(outcome(&scored, Field::AttackersKilled), [true]);
    assert_eq!(outcome(&scored, Field::HasIncident), [true]);
}

#[test]
fn another_defensible_city_counts() {
    let resources = Resources::embedded().expect("embedded data");
    let scorer = Scorer::new(&resources);
    let record = gold(serde_json::json!({
        "is_incident": true, "country": "IQ", "city": "Baghdad", "city_alt": ["Dora"],
        "background": []
    }));
    let p = prediction(serde_json::json!([incident("IQ", "Dora", 1, None, false)]));
    assert_eq!(
        outcome(&scorer.score(&record, Some(&p)), Field::City),
        [true]
    );
}

#[test]
fn each_background_incident_needs_its_own_predicted_incident() {
    let resources = Resources::embedded().expect("embedded data");
    let scorer = Scorer::new(&resources);
    let record = gold(serde_json::json!({
        "is_incident": true, "country": "PK", "killed": 5,
        "background": [
            {"date": null, "country": "PK", "city": "Quetta", "killed": 12, "note": ""},
            {"date": null, "country": "PK", "city": "Lahore", "killed": 30, "note": ""},
            {"date": null, "country": "AF", "city": null, "killed": 4, "note": ""}
        ]
    }));
    // The main incident agrees with the first background entry's toll but is not background;
    // the Lahore one matches by city; the Afghan one is missing.
    let p = prediction(serde_json::json!([
        incident("PK", "Peshawar", 12, None, false),
        incident("PK", "Lahore", 2, None, true),
        incident("IN", "Delhi", 4, None, true),
    ]));
    let scored = scorer.score(&record, Some(&p));
    assert_eq!(outcome(&scored, Field::Background), [false, true, false]);
}
