//! Numbers that are not casualties: ages, dates, road numbers, clock times, money, vehicles,
//! distances, years, floors, unit numbers, percentages, phone numbers and running totals.

mod common;

use common::{exactly, extract, main_incident, range};
use sitrep_model::Count;

/// Every figure of an incident that is not zero or unknown.
fn figures(count: &Option<Count>) -> Option<u32> {
    count.as_ref().and_then(Count::best).filter(|n| *n > 0)
}

#[test]
fn ages_after_the_victims_are_not_counted() {
    let i = main_incident(
        "Two farmers, aged 62 and 70, were killed when gunmen raided their village in Plateau \
         state on Monday.",
        "2019-04-09",
    );
    assert_eq!(range(&i.killed), exactly(2));
}

#[test]
fn the_day_of_a_date_is_not_counted() {
    let i = main_incident(
        "On March 12, gunmen killed three farmers in a village in Plateau state, police said.",
        "2019-03-13",
    );
    assert_eq!(range(&i.killed), exactly(3));
}

#[test]
fn a_date_after_the_head_is_not_counted() {
    let i = main_incident(
        "Three farmers were killed in an attack on a village in Plateau state on April 8, police \
         said.",
        "2019-04-09",
    );
    assert_eq!(range(&i.killed), exactly(3));
}

#[test]
fn a_road_number_is_not_counted() {
    let i = main_incident(
        "A roadside bomb struck a military convoy on Route 9 near Kirkuk on Monday, wounding four \
         soldiers.",
        "2019-04-09",
    );
    assert_eq!(range(&i.wounded), exactly(4));
    assert_eq!(figures(&i.killed), None);
}

#[test]
fn a_clock_time_is_not_counted_and_gives_the_time() {
    let i = main_incident(
        "Gunmen stormed a guesthouse in Kismayo at about 2 a.m. on Monday, killing five guests, \
         police said.",
        "2019-04-09",
    );
    assert_eq!(range(&i.killed), exactly(5));
    assert_eq!(i.time.as_deref(), Some("02:00"));
}

#[test]
fn a_clock_time_with_minutes_is_not_counted() {
    let i = main_incident(
        "The bomb exploded at 9:30 a.m. near a bus station in Kano on Monday, wounding 11 people.",
        "2019-04-09",
    );
    assert_eq!(range(&i.wounded), exactly(11));
    assert_eq!(i.time.as_deref(), Some("09:30"));
}

#[test]
fn a_ransom_is_not_counted() {
    let i = main_incident(
        "Gunmen kidnapped two businessmen in Kaduna on Monday and demanded a $5 million ransom for \
         their release, police said.",
        "2019-04-09",
    );
    assert_eq!(range(&i.kidnapped), exactly(2));
    assert_eq!(i.killed, None);
}

#[test]
fn damage_in_dollars_is_not_counted() {
    let i = main_incident(
        "A bomb destroyed a warehouse in Lagos on Monday, causing damage estimated at $2 million. \
         Four guards were wounded.",
        "2019-04-09",
    );
    assert_eq!(range(&i.wounded), exactly(4));
    assert_eq!(figures(&i.killed), None);
}

#[test]
fn vehicles_in_a_convoy_are_not_counted() {
    let i = main_incident(
        "Militants attacked a convoy of 20 fuel trucks near Kandahar on Monday, killing three \
         drivers.",
        "2019-04-09",
    );
    assert_eq!(range(&i.killed), exactly(3));
}

#[test]
fn burned_vehicles_are_not_casualties() {
    let i = main_incident(
        "Militants set fire to 12 trucks at a depot near Kandahar on Monday, officials said.",
        "2019-04-09",
    );
    assert_eq!(figures(&i.killed), None);
    assert_eq!(figures(&i.wounded), None);
    assert_eq!(figures(&i.kidnapped), None);
}

#[test]
fn years_ago_is_not_counted() {
    let i = main_incident(
        "Gunmen killed four villagers in Zamfara state on Monday. The same village was attacked \
         two years ago.",
        "2019-04-09",
    );
    assert_eq!(range(&i.killed), exactly(4));
}

#[test]
fn a_running_total_since_january_is_not_the_incident_toll() {
    let out = extract(
        "Gunmen killed eight villagers in Zamfara state on Sunday. Since January, more than 300 \
         people have been killed in attacks in the region, according to the United Nations.",
        "2019-04-09",
    );
    let main = &out.incidents[0];
    assert!(!main.background);
    assert_eq!(range(&main.killed), exactly(8));
    assert!(
        out.incidents
            .iter()
            .all(|i| figures(&i.killed).is_none_or(|n| n < 300)),
        "{:#?}",
        out.incidents
    );
}

#[test]
fn a_running_total_since_a_year_is_not_the_incident_toll() {
    let i = main_incident(
        "A bomb killed four people in Mogadishu on Monday. More than 1,000 people have been killed \
         in such attacks since 2017.",
        "2019-04-09",
    );
    assert_eq!(range(&i.killed), exactly(4));
}

#[test]
fn a_distance_is_not_counted() {
    let i = main_incident(
        "A bomb exploded in a market 50 kilometres north of Maiduguri on Monday, killing three \
         traders.",
        "2019-04-09",
    );
    assert_eq!(range(&i.killed), exactly(3));
}

#[test]
fn a_year_is_not_counted() {
    let i = main_incident(
        "In the worst attack since 2014, gunmen killed six worshippers at a church in Benue state \
         on Monday.",
        "2019-04-09",
    );
    assert_eq!(range(&i.killed), exactly(6));
}

#[test]
fn a_floor_number_is_not_counted() {
    let i = main_incident(
        "A bomb went off on the 3rd floor of a government building in Kabul on Monday, wounding \
         two employees.",
        "2019-04-09",
    );
    assert_eq!(range(&i.wounded), exactly(2));
}

#[test]
fn a_battalion_number_is_not_counted() {
    let i = main_incident(
        "Rebels ambushed soldiers of the 12th Battalion near Beni on Monday, killing four of them, \
         the army said.",
        "2019-04-09",
    );
    assert_eq!(range(&i.killed), exactly(4));
}

#[test]
fn hours_of_a_siege_are_not_counted() {
    let i = main_incident(
        "Gunmen held 30 hostages for 8 hours at a bank in Lagos on Monday before police freed \
         them unharmed.",
        "2019-04-09",
    );
    assert_eq!(range(&i.kidnapped), exactly(30));
    assert_eq!(figures(&i.wounded), None);
    assert_eq!(figures(&i.killed), None);
}

#[test]
fn a_percentage_is_not_counted() {
    let i = main_incident(
        "A bomb killed two people at a rally in Kano on Monday, where turnout was around 60 \
         percent of registered members.",
        "2019-04-09",
    );
    assert_eq!(range(&i.killed), exactly(2));
}

#[test]
fn a_phone_number_is_not_counted() {
    let i = main_incident(
        "Gunmen killed two people at a bus station in Kano on Monday. Police asked witnesses to \
         call 112.",
        "2019-04-09",
    );
    assert_eq!(range(&i.killed), exactly(2));
}

#[test]
fn troop_strength_is_not_counted() {
    let i = main_incident(
        "Gunmen killed three soldiers at a checkpoint in Kidal on Monday. The UN mission, which \
         has 13,000 troops in Mali, condemned the attack.",
        "2019-04-09",
    );
    assert_eq!(range(&i.killed), exactly(3));
}
