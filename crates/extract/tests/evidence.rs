//! Evidence and confidence: every field that is set rests on words of the text, and confidence
//! grows with the fields that have direct evidence.

mod common;

use common::{evidence_words, extract_with_text, main_incident};
use sitrep_model::{EventType, EvidenceField, Incident, Weapon};

/// Reports written for these tests, covering every field between them.
const REPORTS: &[(&str, &str)] = &[
    (
        "Al-Shabaab gunmen armed with rifles attacked a police station in Garissa, Kenya, on \
         Monday, killing four police officers and wounding two others. The group claimed \
         responsibility for the attack.",
        "2016-05-10",
    ),
    (
        "Gunmen stormed a guesthouse in Kismayo at about 2 a.m. on Monday, killing five guests, \
         police said.",
        "2019-04-09",
    ),
    (
        "Gunmen abducted 14 students from a boarding school in Kaduna state on Tuesday, police \
         said.",
        "2018-02-21",
    ),
    (
        "A suicide bomber blew himself up at an army checkpoint in Kabul on Monday, killing four \
         soldiers, officials said.",
        "2018-06-12",
    ),
    (
        "Two policemen were killed and one of the gunmen was wounded in a shootout in Srinagar on \
         Tuesday.",
        "2018-02-21",
    ),
    (
        "Gunmen attacked a checkpoint in Kunduz on Monday, killing three policemen, officials \
         said. In March 2014, a suicide bombing at a market in the same city killed 20 people.",
        "2016-05-10",
    ),
    (
        "A small bomb exploded outside a bank branch in central Athens early on Sunday, causing \
         damage but no casualties, police said.",
        "2017-03-13",
    ),
    (
        "Gunmen fired on a U.S. consulate in the city of Peshawar on Monday, wounding two local \
         guards.",
        "2015-09-08",
    ),
    // Non-ASCII letters and punctuation: spans must stay on char boundaries.
    (
        "Suspected PKK militants detonated a roadside bomb in Diyarbakır on Sunday — killing two \
         soldiers, officials said. “No group has claimed it,” the governor said.",
        "2017-10-02",
    ),
];

/// The fields an incident sets, as the evidence field that should support each.
fn set_fields(i: &Incident) -> Vec<EvidenceField> {
    let mut fields = Vec::new();
    let mut add = |set: bool, field| {
        if set {
            fields.push(field);
        }
    };
    add(i.event_type != EventType::Unknown, EvidenceField::EventType);
    add(i.date.is_some(), EvidenceField::Date);
    add(i.time.is_some(), EvidenceField::Time);
    add(i.location.is_some(), EvidenceField::Location);
    add(!i.perpetrators.is_empty(), EvidenceField::Perpetrators);
    add(!i.targets.is_empty(), EvidenceField::Targets);
    add(
        i.weapons.iter().any(|w| *w != Weapon::Unknown),
        EvidenceField::Weapons,
    );
    add(i.killed.is_some(), EvidenceField::Killed);
    add(i.wounded.is_some(), EvidenceField::Wounded);
    add(i.kidnapped.is_some(), EvidenceField::Kidnapped);
    add(i.attackers_killed.is_some(), EvidenceField::AttackersKilled);
    add(
        i.attackers_wounded.is_some(),
        EvidenceField::AttackersWounded,
    );
    fields
}

#[test]
fn every_span_is_non_empty_and_inside_the_text_on_char_boundaries() {
    for (text, published) in REPORTS {
        let (clean, out) = extract_with_text(text, published);
        assert!(!out.incidents.is_empty(), "{text}");
        for i in &out.incidents {
            for e in &i.evidence {
                assert!(e.span.start < e.span.end, "empty span {e:?} in {text:?}");
                assert!(clean.get(e.span.range()).is_some(), "{e:?} in {text:?}");
            }
        }
    }
}

#[test]
fn every_set_field_has_evidence() {
    for (text, published) in REPORTS {
        let (clean, out) = extract_with_text(text, published);
        for i in &out.incidents {
            for field in set_fields(i) {
                assert!(
                    !evidence_words(&clean, i, field).is_empty(),
                    "{field:?} is set but has no evidence in {text:?}: {i:#?}"
                );
            }
        }
    }
}

#[test]
fn named_fields_are_found_inside_their_evidence() {
    for (text, published) in REPORTS {
        let (clean, out) = extract_with_text(text, published);
        for i in &out.incidents {
            let inside = |field, words: &str| {
                evidence_words(&clean, i, field)
                    .iter()
                    .any(|span| span.contains(words))
            };
            for p in &i.perpetrators {
                assert!(inside(EvidenceField::Perpetrators, &p.text), "{p:?}");
            }
            for t in &i.targets {
                assert!(inside(EvidenceField::Targets, &t.text), "{t:?}");
            }
            if let Some(d) = &i.date {
                assert!(inside(EvidenceField::Date, &d.text), "{d:?}");
            }
            if let Some(l) = &i.location {
                assert!(inside(EvidenceField::Location, &l.text), "{l:?}");
            }
        }
    }
}

/// The words of the evidence for `field` of the main incident.
fn main_evidence(text: &str, published: &str, field: EvidenceField) -> Vec<String> {
    let (clean, out) = extract_with_text(text, published);
    evidence_words(&clean, &out.incidents[0], field)
        .into_iter()
        .map(str::to_string)
        .collect()
}

#[test]
fn killed_evidence_holds_the_number_and_the_head() {
    let words = main_evidence(REPORTS[0].0, REPORTS[0].1, EvidenceField::Killed);
    assert!(
        words
            .iter()
            .any(|w| w.contains("four") && w.contains("killing")),
        "{words:?}"
    );
}

#[test]
fn wounded_evidence_holds_the_number() {
    let words = main_evidence(REPORTS[0].0, REPORTS[0].1, EvidenceField::Wounded);
    assert!(words.iter().any(|w| w.contains("two")), "{words:?}");
}

#[test]
fn kidnapped_evidence_holds_the_number() {
    let words = main_evidence(REPORTS[2].0, REPORTS[2].1, EvidenceField::Kidnapped);
    assert!(
        words
            .iter()
            .any(|w| w.contains("14") && w.contains("abducted")),
        "{words:?}"
    );
}

#[test]
fn attackers_killed_evidence_holds_the_bombers_death() {
    let words = main_evidence(REPORTS[3].0, REPORTS[3].1, EvidenceField::AttackersKilled);
    assert!(
        words
            .iter()
            .any(|w| w.contains("bomber") || w.contains("blew himself up")),
        "{words:?}"
    );
}

#[test]
fn time_evidence_holds_the_clock_time() {
    let words = main_evidence(REPORTS[1].0, REPORTS[1].1, EvidenceField::Time);
    assert!(words.iter().any(|w| w.contains("2 a.m.")), "{words:?}");
}

#[test]
fn a_zero_rests_on_the_negation() {
    let words = main_evidence(REPORTS[6].0, REPORTS[6].1, EvidenceField::Killed);
    assert!(
        words.iter().any(|w| w.contains("no casualties")),
        "{words:?}"
    );
}

#[test]
fn background_evidence_stays_in_its_own_sentence() {
    let (text, published) = REPORTS[5];
    let (clean, out) = extract_with_text(text, published);
    let second_sentence = clean.find("In March 2014").unwrap();
    let past = out.incidents.iter().find(|i| i.background).unwrap();
    for span in past.evidence_for(EvidenceField::Killed) {
        assert!(span.start >= second_sentence, "{span:?}");
    }
    let main = &out.incidents[0];
    for span in main.evidence_for(EvidenceField::Killed) {
        assert!(span.end <= second_sentence, "{span:?}");
    }
}

// Confidence.

#[test]
fn confidence_is_between_zero_and_one() {
    for (text, published) in REPORTS {
        let (_, out) = extract_with_text(text, published);
        for i in &out.incidents {
            assert!((0.0..=1.0).contains(&i.confidence), "{}", i.confidence);
        }
    }
}

#[test]
fn a_full_report_is_more_confident_than_a_vague_one() {
    let full = main_incident(REPORTS[0].0, REPORTS[0].1);
    let vague = main_incident("There was an attack.", "2016-05-10");
    assert!(
        full.confidence > vague.confidence,
        "{} <= {}",
        full.confidence,
        vague.confidence
    );
}

#[test]
fn more_fields_with_evidence_raise_confidence() {
    let fewer = main_incident(
        "A bomb exploded in Kano, wounding three people.",
        "2016-05-10",
    );
    let more = main_incident(
        "Suspected Boko Haram militants detonated a bomb at a bus station in Kano on Tuesday \
         morning, wounding three people.",
        "2016-05-10",
    );
    assert!(
        more.confidence > fewer.confidence,
        "{} <= {}",
        more.confidence,
        fewer.confidence
    );
}
