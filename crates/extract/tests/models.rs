//! The fitted models the binary embeds: they load, and a corrupt or empty model file fails
//! start-up with an error that names it.

use sitrep_extract::{ResourceSources, Resources};

#[test]
fn the_shipped_models_load() {
    let resources = Resources::embedded().expect("the embedded models are valid");
    let m = &resources.models;
    assert_eq!(m.toll_killed.file, "toll_killed.tsv");
    assert_eq!(m.relevance.file, "relevance.tsv");
}

#[test]
fn a_corrupt_or_empty_model_fails_start_up_naming_the_file() {
    let mut sources = ResourceSources::embedded();
    sources.models.toll_killed = "support\tnot-a-number\nbias\t0\n";
    let message = Resources::from_sources(sources)
        .expect_err("a corrupt weight must fail")
        .to_string();
    assert!(message.contains("toll_killed.tsv:1"), "{message}");

    let mut sources = ResourceSources::embedded();
    sources.models.relevance = "";
    let message = Resources::from_sources(sources)
        .expect_err("an empty model must fail")
        .to_string();
    assert!(message.contains("relevance.tsv"), "{message}");
}

#[test]
fn an_empty_event_type_model_fails_start_up_naming_the_file() {
    let mut sources = ResourceSources::embedded();
    sources.models.event_type = "# nothing fitted\n";
    let message = Resources::from_sources(sources)
        .expect_err("an empty model must fail")
        .to_string();
    assert!(message.contains("event_type.tsv"), "{message}");
}

mod common;

/// The learned type never overrides what the GTD defines: people seized are a kidnapping,
/// whatever else the words say; and each chosen type keeps a trigger of its own as evidence.
#[test]
fn the_learned_event_type_keeps_definitions_and_evidence() {
    use sitrep_model::{EventType, EvidenceField};
    let (text, out) = common::extract_with_text(
        "Gunmen stormed a construction site on Tuesday, opened fire on the guards and \
         kidnapped four foreign engineers, police said.",
        "2021-05-12",
    );
    let i = &out.incidents[0];
    assert_eq!(i.event_type, EventType::Kidnapping);
    let (text2, out2) = common::extract_with_text(
        "A car bomb exploded outside a police station on Monday, killing three officers.",
        "2021-05-12",
    );
    let j = &out2.incidents[0];
    assert_eq!(j.event_type, EventType::Bombing);
    for (t, incident) in [(&text, i), (&text2, j)] {
        assert!(
            incident
                .evidence
                .iter()
                .any(|e| e.field == EvidenceField::EventType && !t[e.span.range()].is_empty()),
            "{:?}",
            incident.evidence
        );
    }
}

/// A page that tells of deaths no one caused (a flood, a collapse) is `agentless`; one where
/// someone attacked, or an attacker word stands, is not.
#[test]
fn a_page_with_no_one_acting_is_agentless() {
    use sitrep_extract::{choose::relevance::FEATURES, extract_with_choices};
    let resources = Resources::embedded().expect("the embedded models are valid");
    let at = FEATURES.iter().position(|f| *f == "agentless").unwrap();
    let agentless = |text: &str| {
        let (_, choices) = extract_with_choices(&common::article(text, "2022-08-03"), &resources);
        choices.page[at] == 1.0
    };
    assert!(agentless(
        "Nine people died on Tuesday when a warehouse roof gave way under heavy rain in \
         Chittagong, officials said."
    ));
    assert!(!agentless(
        "Nine people died on Tuesday when gunmen fired on a warehouse in Chittagong, officials \
         said."
    ));
    assert!(!agentless(
        "Nine people died on Tuesday when a warehouse was attacked in Chittagong, officials said."
    ));
}

#[test]
fn a_corrupt_place_model_fails_start_up_naming_the_file() {
    let mut sources = ResourceSources::embedded();
    sources.models.place = "rules_choice\t1\nbias\t0\n";
    let message = Resources::from_sources(sources)
        .expect_err("a model missing features must fail")
        .to_string();
    assert!(message.contains("place.tsv"), "{message}");
}

/// The place model chooses among every place the incident names, with the rules' pick and
/// the words around each name as features.
#[test]
fn the_place_model_sees_every_place_of_the_incident() {
    use sitrep_extract::choose::place::FEATURES;
    let resources = Resources::embedded().expect("the embedded models are valid");
    let article = common::article(
        "Gunmen shot dead a driver of Kandahar's police chief in Spin Boldak, Afghanistan, on \
         Monday.",
        "2011-05-02",
    );
    let (out, choices) = sitrep_extract::extract_with_choices(&article, &resources);
    let at = |name: &str| FEATURES.iter().position(|f| *f == name).expect("a feature");
    let written: Vec<&str> = choices.place.iter().map(|c| c.written.as_str()).collect();
    assert_eq!(written, ["Kandahar", "Spin Boldak", "Afghanistan"]);
    let qualifies: Vec<f64> = choices
        .place
        .iter()
        .map(|c| c.features[at("qualifies_noun")])
        .collect();
    assert_eq!(qualifies, [1.0, 0.0, 0.0]);
    assert_eq!(
        choices
            .place
            .iter()
            .filter(|c| c.features[at("rules_choice")] > 0.5)
            .count(),
        1
    );
    let location = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(location.name, "Spin Boldak");
}

/// A report that names no place and no country takes the country its words point to (here a
/// police force only one country has), at the precision of a country, with that word as its
/// evidence.
#[test]
fn a_report_naming_no_place_takes_the_country_its_words_point_to() {
    use sitrep_model::{EvidenceField, LocationPrecision};
    let (text, out) = common::extract_with_text(
        "Ertzaintza officers defused a bomb left in a rucksack outside a bank branch on \
         Tuesday. No one was hurt.",
        "2021-05-12",
    );
    let i = common::not_background(&out);
    let location = i.location.as_ref().expect("a country from the words");
    assert_eq!(location.country.as_str(), "ES");
    assert_eq!(location.precision, LocationPrecision::Country);
    assert_eq!(location.text, "Ertzaintza");
    let span = i
        .evidence_for(EvidenceField::Location)
        .next()
        .expect("the cue is evidence");
    assert_eq!(&text[span.range()], "Ertzaintza");
}

/// Words every country's reports share point nowhere: no country is guessed.
#[test]
fn common_words_give_no_country() {
    let out = common::extract(
        "A bomb exploded outside a shop on Tuesday, wounding two people, police said.",
        "2021-05-12",
    );
    let i = common::not_background(&out);
    assert_eq!(i.location, None);
}

/// The rules' place stands: the word model is consulted only when the text names none.
#[test]
fn a_named_place_outweighs_the_words() {
    let i = common::main_incident(
        "Ertzaintza officers defused a bomb outside a bank branch in Lyon on Tuesday.",
        "2021-05-12",
    );
    assert_eq!(i.location.expect("Lyon").country.as_str(), "FR");
}

#[test]
fn a_corrupt_country_words_model_fails_start_up_and_an_unfitted_one_guesses_nothing() {
    let mut sources = ResourceSources::embedded();
    sources.models.country_words = "smoothing\t30\nclass\tES\t2\nword\tgarda\t2\tES:3\n";
    let message = Resources::from_sources(sources)
        .expect_err("counts that do not add up must fail")
        .to_string();
    assert!(message.contains("country_words.tsv:3"), "{message}");

    let mut sources = ResourceSources::embedded();
    sources.models.country_words = "# not fitted yet\n";
    let resources = Resources::from_sources(sources).expect("an unfitted model loads");
    assert!(resources.models.country_words.is_empty());
}

/// A settlement the gazetteer lacks, named with "in", is kept as an unlisted place of the
/// country the report's words point to.
#[test]
fn an_unlisted_settlement_takes_the_country_of_the_words() {
    use sitrep_model::LocationPrecision;
    let i = common::main_incident(
        "A bomb exploded outside a bank branch in Arrizurieta, the Ertzaintza said.",
        "2021-05-12",
    );
    let location = i.location.expect("the settlement, in Spain");
    assert_eq!(location.name, "Arrizurieta");
    assert_eq!(location.country.as_str(), "ES");
    assert_eq!(location.precision, LocationPrecision::Country);
    assert_eq!(location.geonames_id, None);
}

/// The words' country confirms what little the names say; it never outweighs them. A model
/// that reads "soldiers" and "convoy" as Cameroon places an attack that names nothing else
/// there, but not one by Boko Haram, whose main theatre is Nigeria.
#[test]
fn the_words_never_outweigh_a_named_group() {
    let mut sources = ResourceSources::embedded();
    sources.models.country_words = "smoothing\t1\nclass\tCM\t10\nclass\tNG\t10\n\
                                    word\tconvoy\t10\tCM:10\nword\tsoldiers\t10\tCM:10\n";
    let resources = Resources::from_sources(sources).expect("a valid model");
    let country = |text: &str| {
        let out = sitrep_extract::extract_article(&common::article(text, "2021-05-12"), &resources);
        let i = common::not_background(&out);
        i.location.as_ref().map(|l| l.country.as_str().to_string())
    };
    assert_eq!(
        country("Gunmen ambushed a military convoy and killed five soldiers.").as_deref(),
        Some("CM")
    );
    assert_eq!(
        country("Boko Haram fighters ambushed a military convoy and killed five soldiers.")
            .as_deref(),
        Some("NG")
    );
}
