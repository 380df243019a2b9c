//! Places the gazetteer lacks or spells otherwise, through the whole extractor: a settlement
//! named with no kind word after "in", with or without a country named beside it; districts
//! by their local kinds; names that only look like such a settlement; and a town called by a
//! name another town once also had. Every text, and every invented settlement name, was
//! written for these tests.

mod common;

use common::{main_incident, place};
use sitrep_model::LocationPrecision;

#[test]
fn a_settlement_after_in_is_the_place_within_the_country_named() {
    let i = main_incident(
        "Maoist rebels set fire to a village council office in Dhurbesi, western Nepal, on \
         Monday.",
        "2004-03-02",
    );
    assert_eq!(
        place(&i),
        Some(("Dhurbesi", "NP", LocationPrecision::Country)),
        "{:?}",
        i.location
    );
}

#[test]
fn a_settlement_after_in_takes_the_country_the_article_is_about() {
    // No place the gazetteer knows: the country comes from the demonym of the victims' army.
    let i = main_incident(
        "A roadside bomb killed three Afghan soldiers in Qarabulak on Friday, officials said.",
        "2010-07-09",
    );
    assert_eq!(
        place(&i),
        Some(("Qarabulak", "AF", LocationPrecision::Country)),
        "{:?}",
        i.location
    );
}

#[test]
fn a_district_of_a_local_kind_names_the_place() {
    let i = main_incident(
        "Two police officers were shot dead in Morelganj upazila of Bangladesh on Sunday.",
        "2015-11-08",
    );
    let (name, country, _) = place(&i).expect("a location");
    assert_eq!((name, country), ("Morelganj", "BD"), "{:?}", i.location);
}

#[test]
fn words_after_in_that_belong_to_a_title_or_a_longer_name_are_no_place() {
    let i = main_incident(
        "Gunmen shot dead the Deputy Minister in Charge of Roads in Kenya on Monday.",
        "2012-01-09",
    );
    assert_eq!(place(&i).map(|p| p.1), Some("KE"), "{:?}", i.location);
    assert_ne!(place(&i).map(|p| p.0), Some("Charge"), "{:?}", i.location);
    let i = main_incident(
        "Gunmen killed a pastor of the Fellowship of Grace in Harvest, his wife and two \
         children in Nigeria on Sunday.",
        "2016-05-02",
    );
    assert_ne!(place(&i).map(|p| p.0), Some("Harvest"), "{:?}", i.location);
}

#[test]
fn a_town_called_so_outranks_one_that_also_answers_to_the_name() {
    // The gazetteer gives a larger neighbourhood the city's name as an alternate.
    let i = main_incident(
        "A bomb exploded near a bus stand in Visakhapatnam, India, on Tuesday, injuring four.",
        "2014-02-11",
    );
    assert_eq!(
        place(&i),
        Some(("Visakhapatnam", "IN", LocationPrecision::City)),
        "{:?}",
        i.location
    );
}

#[test]
fn a_route_between_two_towns_is_in_their_country() {
    let i = main_incident(
        "Insurgents ambushed a fuel convoy on the Herat-Farah highway on Tuesday, burning six \
         tankers.",
        "2009-06-16",
    );
    let (name, country, precision) = place(&i).expect("a location");
    assert_eq!(country, "AF", "{:?}", i.location);
    assert_eq!(precision, LocationPrecision::City, "{:?}", i.location);
    assert!(["Herat", "Farah"].contains(&name), "{:?}", i.location);
    // A hyphenated name with no route word is no pair of towns.
    let i = main_incident(
        "A bomb exploded outside the Herat-Farah Trading Company office on Tuesday.",
        "2009-06-16",
    );
    assert_ne!(place(&i).map(|p| p.0), Some("Farah"), "{:?}", i.location);
}

#[test]
fn a_settlement_named_before_its_kind_after_the_is_the_place() {
    // "at the Qarmit settlement": the name between "the" and its kind, after a locative.
    let i = main_incident(
        "Militants fired two mortar shells at the Qarmit settlement in the Gaza Strip on \
         Sunday. No one was hurt.",
        "2004-03-02",
    );
    assert_eq!(
        place(&i).map(|(name, country, _)| (name, country)),
        Some(("Qarmit", "PS")),
        "{:?}",
        i.location
    );
}
