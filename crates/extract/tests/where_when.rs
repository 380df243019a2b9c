//! "Where and when" (issue 5) through the whole extractor: place constructions, date and time
//! constructions, and the background incidents of the seed articles. The short texts are written
//! for these tests.

use std::sync::LazyLock;

use sitrep_extract::{Resources, extract_article};
use sitrep_model::{
    Article, ArticleId, DatePrecision, EvidenceField, ExtractedArticle, Incident, LocationPrecision,
};

static RESOURCES: LazyLock<Resources> =
    LazyLock::new(|| Resources::embedded().expect("embedded data is valid"));

/// The extraction of `text` (cleaned as ingest cleans it) and the cleaned text.
fn extract(text: &str, published: Option<&str>) -> (String, ExtractedArticle) {
    let text = sitrep_text::clean_text(text);
    let article = Article {
        id: ArticleId::from_content(&text),
        text: text.clone(),
        published: published.map(|p| p.parse().expect("a valid test date")),
        title: None,
        url: None,
        source: None,
    };
    (text, extract_article(&article, &RESOURCES))
}

/// The main incident of `text`.
fn main_incident(text: &str, published: Option<&str>) -> (String, Incident) {
    let (text, mut out) = extract(text, published);
    assert!(!out.incidents.is_empty(), "no incident in {text:?}");
    let main = out.incidents.remove(0);
    assert!(!main.background, "{text:?}: {main:?}");
    (text, main)
}

/// The words of the evidence for `field`.
fn evidence<'t>(text: &'t str, incident: &Incident, field: EvidenceField) -> Vec<&'t str> {
    incident
        .evidence
        .iter()
        .filter(|e| e.field == field)
        .map(|e| &text[e.span.range()])
        .collect()
}

/// Where the main incident of `text` happened: name, country, precision, and the location's
/// `text` (which must also be its evidence).
fn place(text: &str, published: &str) -> (String, String, LocationPrecision, String) {
    let (clean, incident) = main_incident(text, Some(published));
    let location = incident
        .location
        .clone()
        .unwrap_or_else(|| panic!("no location in {text:?}"));
    assert_eq!(
        evidence(&clean, &incident, EvidenceField::Location),
        [location.text.as_str()],
        "{text:?}"
    );
    (
        location.name,
        location.country.as_str().to_string(),
        location.precision,
        location.text,
    )
}

fn city(name: &str, country: &str, said: &str) -> (String, String, LocationPrecision, String) {
    (
        name.to_string(),
        country.to_string(),
        LocationPrecision::City,
        said.to_string(),
    )
}

/// `(start, end, precision, text)` of the main incident's date, with its evidence checked.
fn date(text: &str, published: Option<&str>) -> (String, String, DatePrecision, String) {
    let (clean, incident) = main_incident(text, published);
    date_of(&clean, &incident)
}

fn date_of(text: &str, incident: &Incident) -> (String, String, DatePrecision, String) {
    let d = incident
        .date
        .clone()
        .unwrap_or_else(|| panic!("no date for {incident:?} in {text:?}"));
    assert_eq!(
        evidence(text, incident, EvidenceField::Date),
        [d.text.as_str()]
    );
    let day = |d: Option<jiff::civil::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    (day(d.start), day(d.end), d.precision, d.text)
}

fn on(day: &str, precision: DatePrecision, text: &str) -> (String, String, DatePrecision, String) {
    (
        day.to_string(),
        day.to_string(),
        precision,
        text.to_string(),
    )
}

fn between(
    start: &str,
    end: &str,
    precision: DatePrecision,
    text: &str,
) -> (String, String, DatePrecision, String) {
    (
        start.to_string(),
        end.to_string(),
        precision,
        text.to_string(),
    )
}

/// Approximate equality of coordinates (degrees).
fn near(a: f64, b: f64) -> bool {
    (a - b).abs() < 0.02
}

// ---------------------------------------------------------------------------------------------
// Places

#[test]
fn tripoli_in_a_story_about_libya_is_libyas() {
    let text = "Gunmen killed two policemen in Tripoli on Sunday, Libyan officials said. \
                Libya has been in turmoil since 2011.";
    let (_, incident) = main_incident(text, Some("2015-04-13"));
    let location = incident.location.expect("a location");
    assert_eq!(
        (location.name.as_str(), location.country.as_str()),
        ("Tripoli", "LY")
    );
    assert_eq!(location.country_name, "Libya");
    assert_eq!(location.precision, LocationPrecision::City);
    assert_eq!(location.admin1.as_deref(), Some("Tripoli"));
    assert_eq!(location.geonames_id.map(|g| g.0), Some(2210247));
    assert!(near(location.lat, 32.887) && near(location.lon, 13.187));
}

#[test]
fn tripoli_in_a_story_about_lebanon_is_lebanons() {
    // The country is named only two sentences later.
    let text = "Gunmen killed three soldiers in Tripoli on Tuesday, a security source said. \
                The clashes in the city have pitted Sunni and Alawite fighters against each \
                other since the war in neighbouring Syria began. Lebanon's army has deployed \
                troops to restore calm.";
    let (_, incident) = main_incident(text, Some("2014-04-09"));
    let location = incident.location.expect("a location");
    assert_eq!(
        (location.name.as_str(), location.country.as_str()),
        ("Tripoli", "LB")
    );
    assert_eq!(location.admin1.as_deref(), Some("North Lebanon"));
    assert_eq!(location.geonames_id.map(|g| g.0), Some(266826));
    assert!(near(location.lat, 34.434) && near(location.lon, 35.844));
    // By the country after a comma, or later in the sentence.
    for text in [
        "Gunmen killed three soldiers in Tripoli, Lebanon on Tuesday.",
        "Gunmen killed three soldiers in the city of Tripoli in northern Lebanon on Tuesday.",
    ] {
        assert_eq!(
            place(text, "2014-04-09"),
            city("Tripoli", "LB", "Tripoli"),
            "{text:?}"
        );
    }
    // And by a demonym in the same sentence.
    assert_eq!(
        place(
            "The Lebanese army said gunmen killed three soldiers in Tripoli on Tuesday.",
            "2014-04-09"
        ),
        city("Tripoli", "LB", "Tripoli")
    );
}

#[test]
fn paris_without_context_is_frances() {
    let text = "A bomb exploded in Paris on Wednesday, killing two people.";
    let (_, incident) = main_incident(text, Some("2016-06-02"));
    let location = incident.location.expect("a location");
    assert_eq!(
        (location.name.as_str(), location.country.as_str()),
        ("Paris", "FR")
    );
    assert_eq!(location.admin1.as_deref(), Some("Île-de-France"));
    assert_eq!(location.geonames_id.map(|g| g.0), Some(2988507));
}

#[test]
fn a_group_or_persons_name_is_not_a_place() {
    // Nothing else in this text is a place.
    let (_, incident) = main_incident(
        "Lee Jong-kook said gunmen killed two guards on Sunday.",
        Some("2015-04-13"),
    );
    assert_eq!(incident.location, None);
    // A regional group's name is evidence of its main theatre, a country, never a town
    // named by one of its words.
    let (_, incident) = main_incident(
        "Boko Haram militants killed nine villagers on Saturday.",
        Some("2020-02-23"),
    );
    let location = incident.location.expect("the group's country");
    assert_eq!(
        (location.country.as_str(), location.precision),
        ("NG", LocationPrecision::Country)
    );
    // With a real place in the text, the names do not compete with it.
    assert_eq!(
        place(
            "Lee Jong-kook, the Korean ambassador, said gunmen killed two guards at the embassy \
             in Tripoli on Sunday.",
            "2015-04-13"
        ),
        city("Tripoli", "LY", "Tripoli")
    );
    assert_eq!(
        place(
            "Boko Haram fighters attacked Maiduguri on Wednesday, killing four people.",
            "2018-03-08"
        ),
        city("Maiduguri", "NG", "Maiduguri")
    );
    assert_eq!(
        place(
            "Gunmen killed two diplomats on Tuesday, Russian Foreign Ministry spokesman Maria \
             Zakharova said. The attack took place in Kabul.",
            "2017-03-08"
        ),
        city("Kabul", "AF", "Kabul")
    );
    // A demonym naming a target is not where the attack was.
    assert_eq!(
        place(
            "Gunmen attacked the Russian embassy in Tripoli on Wednesday, killing a guard.",
            "2018-03-08"
        ),
        city("Tripoli", "LY", "Tripoli")
    );
}

#[test]
fn a_person_named_before_a_division_that_owns_something_is_no_place() {
    // "Name, Division" is an unlisted place in that division, but "Name, Division's governor"
    // is a person and his post.
    let (_, incident) = main_incident(
        "Gunmen killed five traders at a cattle market on Monday, a blow to the authority of \
         Musa Danladi, Katsina's governor, who had promised calm.",
        Some("2022-06-14"),
    );
    let location = incident.location.expect("the division");
    assert_eq!(location.name, "Katsina");
    assert_ne!(location.text, "Musa Danladi, Katsina");
}

#[test]
fn the_town_a_division_is_said_to_own_is_the_place() {
    assert_eq!(
        place(
            "A grenade wounded three policemen on Friday in the old quarter of Borno's state \
             capital Maiduguri.",
            "2021-10-16"
        ),
        city("Maiduguri", "NG", "Maiduguri")
    );
}

#[test]
fn the_capital_of_a_country() {
    for (text, said) in [
        (
            "A car bomb exploded in the capital of Libya on Sunday, killing five people.",
            "capital of Libya",
        ),
        (
            "A car bomb exploded in the Libyan capital on Sunday, killing five people.",
            "Libyan capital",
        ),
    ] {
        let (clean, incident) = main_incident(text, Some("2015-04-13"));
        let location = incident.location.clone().expect("a location");
        assert_eq!(
            (
                location.name.as_str(),
                location.country.as_str(),
                location.precision,
                location.geonames_id.map(|g| g.0),
                location.text.as_str()
            ),
            (
                "Tripoli",
                "LY",
                LocationPrecision::City,
                Some(2210247),
                said
            ),
            "{text:?}"
        );
        assert_eq!(evidence(&clean, &incident, EvidenceField::Location), [said]);
    }
    assert_eq!(
        place(
            "A bomb killed five people in the Afghan capital on Wednesday.",
            "2018-03-08"
        ),
        city("Kabul", "AF", "Afghan capital")
    );
}

#[test]
fn a_state_or_province() {
    for text in [
        "Boko Haram militants killed eleven soldiers in northern Borno state on Saturday, the \
         army said.",
        "Gunmen killed two farmers in the Nigerian state of Borno on Saturday.",
        "Gunmen killed two farmers in the northeastern state of Borno on Saturday.",
        "Gunmen killed two farmers in Borno State on Saturday.",
    ] {
        let (_, incident) = main_incident(text, Some("2020-02-23"));
        let location = incident.location.expect("a location");
        assert_eq!(
            (
                location.name.as_str(),
                location.country.as_str(),
                location.precision,
                location.admin1.as_deref(),
                location.text.as_str(),
            ),
            (
                "Borno",
                "NG",
                LocationPrecision::Admin1,
                Some("Borno"),
                "Borno"
            ),
            "{text:?}"
        );
        // Inside Borno state, not Nigeria's centre.
        assert!(
            (10.0..=13.7).contains(&location.lat) && (11.5..=14.7).contains(&location.lon),
            "{location:?}"
        );
    }
    let (name, country, precision, _) = place(
        "Militants killed five soldiers in Kabul province on Wednesday.",
        "2018-03-08",
    );
    assert_eq!(
        (name.as_str(), country.as_str(), precision),
        ("Kabul", "AF", LocationPrecision::Admin1)
    );
}

#[test]
fn near_a_city() {
    let text =
        "A suicide bomber killed seven people near Mosul on Wednesday, Iraqi officials said.";
    let (_, incident) = main_incident(text, Some("2016-10-20"));
    let location = incident.location.expect("a location");
    assert_eq!(
        (
            location.name.as_str(),
            location.country.as_str(),
            location.precision,
            location.admin1.as_deref(),
            location.geonames_id.map(|g| g.0)
        ),
        (
            "Mosul",
            "IQ",
            LocationPrecision::City,
            Some("Nineveh"),
            Some(99072)
        )
    );
    assert!(near(location.lat, 36.335) && near(location.lon, 43.119));
    for (text, expected) in [
        (
            "A bomb killed five people in the Iraqi city of Mosul on Wednesday.",
            city("Mosul", "IQ", "Mosul"),
        ),
        (
            "Gunmen killed three people on the outskirts of Mogadishu on Wednesday.",
            city("Mogadishu", "SO", "Mogadishu"),
        ),
        (
            "A bomb killed five people in the capital, Kabul, on Wednesday.",
            city("Kabul", "AF", "Kabul"),
        ),
        (
            "A bomb killed five people south of Kabul on Wednesday.",
            city("Kabul", "AF", "Kabul"),
        ),
    ] {
        assert_eq!(place(text, "2018-03-08"), expected, "{text:?}");
    }
}

#[test]
fn a_distance_and_bearing_from_a_city() {
    // 30 km south of Kabul (34.528, 69.172): about 0.27° of latitude further south.
    let text = "Taliban fighters killed four police officers in an attack 30 km south of Kabul \
                on Monday.";
    let (_, incident) = main_incident(text, Some("2017-05-02"));
    let location = incident.location.expect("a location");
    assert_eq!(
        (
            location.name.as_str(),
            location.country.as_str(),
            location.precision,
            location.geonames_id.map(|g| g.0)
        ),
        ("Kabul", "AF", LocationPrecision::Point, Some(1138958))
    );
    assert!(
        near(location.lat, 34.528 - 30.0 / 111.2) && near(location.lon, 69.172),
        "{location:?}"
    );
    // Kilometres eastwards: 15 km east of Maiduguri (11.847, 13.157), about 0.138° of
    // longitude at that latitude.
    let text = "Gunmen killed three people 15 kilometres east of Maiduguri on Wednesday.";
    let (_, incident) = main_incident(text, Some("2018-03-08"));
    let location = incident.location.expect("a location");
    assert_eq!(
        (
            location.name.as_str(),
            location.country.as_str(),
            location.precision
        ),
        ("Maiduguri", "NG", LocationPrecision::Point)
    );
    assert!(
        near(location.lat, 11.847) && near(location.lon, 13.157 + 0.138),
        "{location:?}"
    );
    // Miles, northwards: 20 miles north of Baghdad (33.341, 44.401).
    let text = "A bomb killed five people 20 miles north of Baghdad on Wednesday.";
    let (_, incident) = main_incident(text, Some("2018-03-08"));
    let location = incident.location.expect("a location");
    assert_eq!(
        (location.name.as_str(), location.precision),
        ("Baghdad", LocationPrecision::Point)
    );
    assert!(
        near(location.lat, 33.341 + 20.0 * 1.609 / 111.2) && near(location.lon, 44.401),
        "{location:?}"
    );
}

#[test]
fn the_most_specific_place_the_sentences_support() {
    // A city beats the state it is the capital of.
    let text = "Gunmen killed two farmers in a village near Maiduguri, the capital of Borno \
                state, on Wednesday.";
    let (_, incident) = main_incident(text, Some("2018-03-08"));
    let location = incident.location.expect("a location");
    assert_eq!(
        (
            location.name.as_str(),
            location.country.as_str(),
            location.precision,
            location.admin1.as_deref(),
            location.geonames_id.map(|g| g.0)
        ),
        (
            "Maiduguri",
            "NG",
            LocationPrecision::City,
            Some("Borno"),
            Some(2331447)
        )
    );
    // A city beats its country named after it.
    assert_eq!(
        place(
            "Militants killed five soldiers in Mosul, Iraq on Wednesday.",
            "2018-03-08"
        ),
        city("Mosul", "IQ", "Mosul")
    );
    // Only a country: the country.
    let (name, country, precision, said) = place(
        "Gunmen killed two farmers in northern Nigeria on Wednesday.",
        "2018-03-08",
    );
    assert_eq!(
        (name.as_str(), country.as_str(), precision, said.as_str()),
        ("Nigeria", "NG", LocationPrecision::Country, "Nigeria")
    );
}

#[test]
fn each_incident_takes_the_place_of_its_own_sentences() {
    let (text, out) = extract(
        "Gunmen killed two guards in Kabul on Sunday. In January, a bomb in Jalalabad killed \
         eight people.",
        Some("2015-04-13"),
    );
    assert_eq!(out.incidents.len(), 2, "{:?}", out.incidents);
    let (main, background) = (&out.incidents[0], &out.incidents[1]);
    assert!(!main.background && background.background);
    let name = |i: &Incident| i.location.as_ref().map(|l| l.name.clone());
    assert_eq!(name(main).as_deref(), Some("Kabul"));
    assert_eq!(
        date_of(&text, main),
        on("2015-04-12", DatePrecision::Day, "on Sunday")
    );
    let location = background.location.as_ref().expect("a location");
    assert_eq!(
        (
            location.country.as_str(),
            location.admin1.as_deref(),
            location.geonames_id.map(|g| g.0),
            location.text.as_str()
        ),
        ("AF", Some("Nangarhar"), Some(1139715), "Jalalabad")
    );
    assert_eq!(
        date_of(&text, background),
        between(
            "2015-01-01",
            "2015-01-31",
            DatePrecision::Month,
            "In January"
        )
    );
}

// ---------------------------------------------------------------------------------------------
// Dates and times

#[test]
fn weekdays_resolve_against_publication() {
    use DatePrecision::Day;
    // 2015-04-13 was a Monday; 2013-10-04 a Friday.
    assert_eq!(
        date(
            "Gunmen killed two guards at the embassy in Tripoli on Sunday.",
            Some("2015-04-13")
        ),
        on("2015-04-12", Day, "on Sunday")
    );
    assert_eq!(
        date(
            "On Wednesday evening, gunmen killed a guard at the embassy in Tripoli.",
            Some("2013-10-04")
        ),
        on("2013-10-02", Day, "On Wednesday evening")
    );
    assert_eq!(
        date(
            "Gunmen killed four people in Kabul on Wednesday evening.",
            Some("2013-10-04")
        ),
        on("2013-10-02", Day, "on Wednesday evening")
    );
}

#[test]
fn days_weeks_and_months_relative_to_publication() {
    use DatePrecision::{Day, Month, Week};
    assert_eq!(
        date(
            "A car bomb killed six people in Kabul yesterday.",
            Some("2015-04-13")
        ),
        on("2015-04-12", Day, "yesterday")
    );
    // 2015-04-15 was a Wednesday: last week is Monday 6 to Sunday 12 April.
    assert_eq!(
        date(
            "A car bomb killed six people in Kabul last week.",
            Some("2015-04-15")
        ),
        between("2015-04-06", "2015-04-12", Week, "last week")
    );
    assert_eq!(
        date(
            "A car bomb killed six people in Kabul earlier this month.",
            Some("2015-04-15")
        ),
        between("2015-04-01", "2015-04-15", Month, "earlier this month")
    );
}

#[test]
fn a_day_without_its_year_is_the_most_recent_one() {
    use DatePrecision::Day;
    assert_eq!(
        date(
            "Militants attacked the U.S. consulate in Benghazi on Sept. 11, killing four \
             Americans.",
            Some("2012-09-13")
        ),
        on("2012-09-11", Day, "Sept. 11")
    );
    // Year boundary: "December 30" in a January 2 article.
    assert_eq!(
        date(
            "Gunmen killed four people in Kabul on December 30.",
            Some("2016-01-02")
        ),
        on("2015-12-30", Day, "December 30")
    );
    // "January 28" in an April article: this year's, a background incident.
    let (text, out) = extract(
        "Gunmen killed two guards in Kabul on Sunday. In an earlier attack, gunmen killed ten \
         people at a hotel in Kabul on January 28.",
        Some("2015-04-13"),
    );
    let background = out
        .incidents
        .iter()
        .find(|i| i.background)
        .expect("a background incident");
    assert_eq!(
        date_of(&text, background),
        on("2015-01-28", Day, "January 28")
    );
}

#[test]
fn leap_days() {
    use DatePrecision::Day;
    assert_eq!(
        date(
            "Gunmen killed four people in Kabul on February 29.",
            Some("2024-03-05")
        ),
        on("2024-02-29", Day, "February 29")
    );
    // In a 2025 article there was no February 29 in the past year: no day is guessed.
    let (_, incident) = main_incident(
        "Gunmen killed four people in Kabul on February 29.",
        Some("2025-03-10"),
    );
    assert_eq!(
        incident.date.and_then(|d| d.start),
        None,
        "February 29 in 2025"
    );
}

#[test]
fn absolute_dates() {
    use DatePrecision::Day;
    assert_eq!(
        date(
            "A car bomb killed six people in Kabul on 12 April 2015.",
            Some("2015-04-13")
        ),
        on("2015-04-12", Day, "12 April 2015")
    );
    assert_eq!(
        date(
            "A car bomb killed six people in Kabul on September 11, 2012.",
            Some("2012-09-12")
        ),
        on("2012-09-11", Day, "September 11, 2012")
    );
    // An absolute date needs no publication date.
    assert_eq!(
        date(
            "A car bomb killed six people in Kabul on 12 April 2015.",
            None
        ),
        on("2015-04-12", Day, "12 April 2015")
    );
}

#[test]
fn numeric_dates_read_in_the_texts_own_order() {
    use DatePrecision::Day;
    // "25/08/2012" shows the text writes the day first: 11/09/2012 is 11 September.
    let (text, out) = extract(
        "Militants attacked the U.S. consulate in Benghazi on 11/09/2012, killing four \
         Americans. A blast on 25/08/2012 had wounded two guards there.",
        Some("2012-09-13"),
    );
    let main = &out.incidents[0];
    assert_eq!(date_of(&text, main), on("2012-09-11", Day, "11/09/2012"));
    // Month first, the same digits are 9 November.
    let (text, out) = extract(
        "Militants attacked the consulate in Benghazi on 11/09/2012, killing four guards. A \
         blast on 08/25/2012 had wounded two guards there.",
        Some("2012-11-13"),
    );
    assert_eq!(
        date_of(&text, &out.incidents[0]),
        on("2012-11-09", Day, "11/09/2012")
    );
}

#[test]
fn relative_dates_without_publication_are_not_guessed() {
    for text in [
        "A car bomb killed six people in Kabul on Sunday.",
        "A car bomb killed six people in Kabul yesterday.",
        "A car bomb killed six people in Kabul last week.",
        "A car bomb killed six people in Kabul on January 28.",
    ] {
        let (_, incident) = main_incident(text, None);
        let date = incident.date.as_ref();
        assert_eq!(
            (date.and_then(|d| d.start), date.and_then(|d| d.end)),
            (None, None),
            "{text:?}: {date:?}"
        );
    }
}

#[test]
fn times_of_day() {
    for (text, time, said) in [
        (
            "Gunmen killed two police officers at around 1:20 a.m. in Tripoli on Sunday.",
            "01:20",
            "1:20 a.m.",
        ),
        (
            "A bomb exploded shortly after midnight in Kabul on Sunday, killing three people.",
            "00:00",
            "midnight",
        ),
        (
            "A bomb exploded at 1.20am in Kabul on Sunday, killing three people.",
            "01:20",
            "1.20am",
        ),
    ] {
        let (clean, incident) = main_incident(text, Some("2015-04-13"));
        assert_eq!(incident.time.as_deref(), Some(time), "{text:?}");
        assert_eq!(evidence(&clean, &incident, EvidenceField::Time), [said]);
        assert_eq!(
            incident.date.and_then(|d| d.start).map(|d| d.to_string()),
            Some("2015-04-12".to_string())
        );
    }
}

#[test]
fn names_with_weekdays_are_not_the_incident_date() {
    // "the Sunday Times" is a newspaper; the attack was on Tuesday.
    assert_eq!(
        date(
            "Gunmen killed three soldiers in Kabul on Tuesday, the Sunday Times reported.",
            Some("2015-04-16")
        ),
        on("2015-04-14", DatePrecision::Day, "on Tuesday")
    );
}

// ---------------------------------------------------------------------------------------------
// The seed articles

fn seed(name: &str, published: &str) -> (String, ExtractedArticle) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/seeds")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("the seed exists");
    extract(&text, Some(published))
}

#[test]
fn seed_000_embassy_attack_and_the_january_hotel_attack() {
    let (text, out) = seed("000_22b7b06d3f07dde5.txt", "2015-04-13");
    let main = &out.incidents[0];
    assert!(!main.background);
    assert_eq!(
        date_of(&text, main),
        on("2015-04-12", DatePrecision::Day, "on Sunday")
    );
    assert_eq!(main.time.as_deref(), Some("01:20"));
    assert_eq!(evidence(&text, main, EvidenceField::Time), ["1:20 a.m."]);
    let location = main.location.as_ref().expect("a location");
    assert_eq!(
        (
            location.name.as_str(),
            location.country.as_str(),
            location.precision,
            location.geonames_id.map(|g| g.0)
        ),
        ("Tripoli", "LY", LocationPrecision::City, Some(2210247))
    );
    // "Lee Jong-kook the Korean Ambassador in Libya was visiting Tunisia": neither Korea nor
    // Tunisia is where anything happened.
    for incident in &out.incidents {
        let country = incident.location.as_ref().map(|l| l.country.as_str());
        assert_eq!(country, Some("LY"), "{incident:?}");
    }
    let background: Vec<_> = out.incidents.iter().filter(|i| i.background).collect();
    assert_eq!(background.len(), 1, "{:?}", out.incidents);
    assert_eq!(
        date_of(&text, background[0]),
        on("2015-01-28", DatePrecision::Day, "January 28")
    );
    let location = background[0].location.as_ref().expect("a location");
    assert_eq!(
        (location.name.as_str(), location.country.as_str()),
        ("Tripoli", "LY")
    );
}

#[test]
fn seed_003_embassy_attack_and_the_benghazi_consulate_attack() {
    let (text, out) = seed("003_b42d8f2806dfbab1.txt", "2013-10-04");
    let main = &out.incidents[0];
    assert!(!main.background);
    assert_eq!(
        date_of(&text, main),
        on("2013-10-02", DatePrecision::Day, "On Wednesday evening")
    );
    let location = main.location.as_ref().expect("a location");
    assert_eq!(
        (
            location.name.as_str(),
            location.country.as_str(),
            location.precision
        ),
        ("Tripoli", "LY", LocationPrecision::City)
    );
    let background: Vec<_> = out.incidents.iter().filter(|i| i.background).collect();
    assert_eq!(background.len(), 1, "{:?}", out.incidents);
    assert_eq!(
        date_of(&text, background[0]),
        on("2012-09-11", DatePrecision::Day, "September 11, 2012")
    );
    let location = background[0].location.as_ref().expect("a location");
    assert_eq!(
        (
            location.name.as_str(),
            location.country.as_str(),
            location.precision,
            location.geonames_id.map(|g| g.0)
        ),
        ("Benghazi", "LY", LocationPrecision::City, Some(88319))
    );
    assert_eq!(
        evidence(&text, background[0], EvidenceField::Location),
        ["Benghazi"]
    );
}
