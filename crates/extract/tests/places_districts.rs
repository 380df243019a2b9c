//! Second-level divisions through the whole extractor: a name followed by the word for a
//! district is the district when the gazetteer holds one so named where the article places
//! it; a town gives its own district; words that are no district kind, or a district the
//! gazetteer lacks, change nothing. Every text was written for these tests.

mod common;

use common::main_incident;
use sitrep_model::{Location, LocationPrecision};

fn location(text: &str) -> Location {
    main_incident(text, "2016-05-10")
        .location
        .unwrap_or_else(|| panic!("no location for {text:?}"))
}

#[test]
fn a_town_named_with_the_word_district_is_its_district() {
    let l = location(
        "Three policemen were killed when militants fired on a patrol in Ghazipur district on Monday.",
    );
    assert_eq!(l.precision, LocationPrecision::Admin2, "{l:?}");
    assert_eq!(l.name, "Ghazipur");
    assert_eq!(l.admin2.as_deref(), Some("Ghazipur"));
    assert_eq!(
        (l.country.as_str(), l.admin1.as_deref()),
        ("IN", Some("Uttar Pradesh"))
    );
    assert_eq!(l.text, "Ghazipur district");
    // No district has a GeoNames id in the gazetteer's sources: none is made up.
    assert_eq!(l.geonames_id, None);
}

#[test]
fn the_same_town_without_the_word_is_the_town_and_gives_its_district() {
    let l = location(
        "Three policemen were killed when militants fired on a patrol in Ghazipur on Monday.",
    );
    assert_eq!(l.precision, LocationPrecision::City, "{l:?}");
    assert!(l.geonames_id.is_some());
    assert_eq!(l.admin2.as_deref(), Some("Ghazipur"));
}

#[test]
fn a_district_the_town_table_lacks_is_found_in_the_province_named() {
    let l = location(
        "Rebels ambushed an army convoy in Dima Hasao district of Assam on Tuesday, killing four soldiers.",
    );
    assert_eq!(l.precision, LocationPrecision::Admin2, "{l:?}");
    assert_eq!(l.name, "Dima Hasao");
    assert_eq!(l.admin2.as_deref(), Some("Dima Hasao District"));
    assert_eq!(l.admin1.as_deref(), Some("Assam"));
    // Its centre lies in Assam, not at the province's.
    assert!(
        (25.0..27.5).contains(&l.lat) && (92.0..94.5).contains(&l.lon),
        "{l:?}"
    );
}

#[test]
fn the_article_spelling_is_the_name_and_the_gazetteer_spelling_the_district() {
    let l = location("Gunmen shot dead two traders in Wakiso District, Uganda, on Friday.");
    assert_eq!(l.precision, LocationPrecision::Admin2, "{l:?}");
    assert_eq!(l.name, "Wakiso");
    assert_eq!(l.admin2.as_deref(), Some("Wakiso District"));
    assert_eq!(l.country.as_str(), "UG");
}

#[test]
fn a_district_the_gazetteer_lacks_stays_an_unlisted_place() {
    let l = location(
        "Rebels ambushed an army convoy in Kolvarni district of Assam on Tuesday, killing four soldiers.",
    );
    assert_ne!(l.precision, LocationPrecision::Admin2, "{l:?}");
    assert_eq!(l.admin2, None);
    assert_eq!(l.name, "Kolvarni");
}

#[test]
fn a_province_is_no_district() {
    let l = location("A suicide bomber killed six people in Kandahar province on Sunday.");
    assert_eq!(l.precision, LocationPrecision::Admin1, "{l:?}");
    assert_eq!(l.admin2, None);
}

#[test]
fn a_district_named_in_a_report_placed_only_in_its_country_is_the_place() {
    // No town the gazetteer knows: the demonym gives the country, the district the place.
    let l = location(
        "Suspected rebels killed three Indian paramilitary soldiers in Sabar Kantha district on Sunday.",
    );
    assert_eq!(l.precision, LocationPrecision::Admin2, "{l:?}");
    assert_eq!(l.admin2.as_deref(), Some("Sabar Kantha"));
    assert_eq!(
        (l.country.as_str(), l.admin1.as_deref()),
        ("IN", Some("Gujarat"))
    );
}

#[test]
fn a_district_of_the_country_the_article_is_about_beats_a_namesake_town_abroad() {
    // Magura is also a Romanian town; the policemen are Bangladeshi, the word says district.
    let l =
        location("Two Bangladeshi policemen were hacked to death in Magura District on Sunday.");
    assert_eq!(l.precision, LocationPrecision::Admin2, "{l:?}");
    assert_eq!(l.country.as_str(), "BD");
    // Without the kind word, nothing says it is the district.
    let l = location("Two Bangladeshi policemen were hacked to death in Magura on Sunday.");
    assert_ne!(l.precision, LocationPrecision::Admin2, "{l:?}");
}

#[test]
fn a_province_is_a_district_where_the_district_is_called_a_province() {
    // Burkina Faso's provinces are its second-level divisions ("Province du Soum"); Soum is
    // also a town in Senegal.
    let l = location("Burkinabe soldiers were killed in an ambush in Soum Province on Sunday.");
    assert_eq!(l.precision, LocationPrecision::Admin2, "{l:?}");
    assert_eq!(l.country.as_str(), "BF");
    assert_eq!(l.admin2.as_deref(), Some("Province du Soum"));
    assert_eq!(l.name, "Soum");
}
