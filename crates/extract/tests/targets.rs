//! Targets: their type and nationality, from demonyms, country names and the place of the
//! incident, several per incident.

mod common;

use common::{has_target, main_incident, targets};
use sitrep_model::TargetType;

#[test]
fn a_south_korean_embassy_is_diplomatic_kr() {
    let i = main_incident(
        "Gunmen fired on the South Korean Embassy in Tripoli on Sunday, killing two guards, \
         officials said.",
        "2015-04-13",
    );
    assert!(
        has_target(&i, TargetType::Diplomatic, Some("KR")),
        "{:?}",
        targets(&i)
    );
}

#[test]
fn a_us_consulate_is_diplomatic_us() {
    let i = main_incident(
        "Gunmen fired on a U.S. consulate in the city of Peshawar on Monday, wounding two local \
         guards.",
        "2015-09-08",
    );
    assert!(
        has_target(&i, TargetType::Diplomatic, Some("US")),
        "{:?}",
        targets(&i)
    );
}

#[test]
fn a_french_embassy_is_diplomatic_fr() {
    let i = main_incident(
        "A grenade was thrown at the French Embassy in Sanaa on Monday, wounding a guard, \
         officials said.",
        "2015-09-08",
    );
    assert!(
        has_target(&i, TargetType::Diplomatic, Some("FR")),
        "{:?}",
        targets(&i)
    );
}

#[test]
fn a_british_ambassador_is_diplomatic_gb() {
    let i = main_incident(
        "A roadside bomb struck the convoy of the British ambassador in Sanaa on Monday, but he \
         escaped unhurt.",
        "2015-09-08",
    );
    assert!(
        has_target(&i, TargetType::Diplomatic, Some("GB")),
        "{:?}",
        targets(&i)
    );
}

#[test]
fn an_embassy_and_its_local_guards_are_two_targets() {
    let i = main_incident(
        "A rocket struck near the U.S. Embassy in Baghdad on Monday, wounding three Iraqi guards. \
         No Americans were hurt, an embassy spokesman said.",
        "2019-04-09",
    );
    assert!(has_target(&i, TargetType::Diplomatic, Some("US")));
    assert!(
        targets(&i)
            .iter()
            .any(|(kind, n)| *kind != TargetType::Diplomatic && *n == Some("IQ")),
        "{:?}",
        targets(&i)
    );
}

#[test]
fn police_officers_are_police_of_the_country() {
    let i = main_incident(
        "Gunmen shot dead three police officers at a checkpoint in Quetta on Monday.",
        "2015-09-08",
    );
    assert!(
        has_target(&i, TargetType::Police, Some("PK")),
        "{:?}",
        targets(&i)
    );
}

#[test]
fn soldiers_are_military() {
    let i = main_incident(
        "Two soldiers were killed when militants attacked an army checkpoint near Kandahar on \
         Monday, officials said.",
        "2018-06-12",
    );
    assert!(has_target(&i, TargetType::Military, Some("AF")));
}

#[test]
fn a_turkish_convoy_is_military_tr() {
    let i = main_incident(
        "A car bomb struck a Turkish military convoy in Idlib province on Monday, killing one \
         soldier, Ankara said.",
        "2015-09-08",
    );
    assert!(has_target(&i, TargetType::Military, Some("TR")));
}

#[test]
fn engineers_from_a_named_country_take_its_nationality() {
    let i = main_incident(
        "Gunmen killed two engineers from South Korea at a construction site in Kano on Monday, \
         police said.",
        "2015-09-08",
    );
    assert!(
        targets(&i).iter().any(|(_, n)| *n == Some("KR")),
        "{:?}",
        targets(&i)
    );
}

#[test]
fn chinese_workers_are_chinese() {
    let i = main_incident(
        "Gunmen kidnapped three Chinese workers in northern Cameroon on Monday.",
        "2015-09-08",
    );
    assert!(
        targets(&i).iter().any(|(_, n)| *n == Some("CN")),
        "{:?}",
        targets(&i)
    );
}

#[test]
fn journalists_are_media() {
    let i = main_incident(
        "Two journalists were killed by unidentified gunmen in Mogadishu on Monday, a media union \
         said.",
        "2015-09-08",
    );
    assert!(has_target(&i, TargetType::JournalistsMedia, None));
}

#[test]
fn a_church_is_religious() {
    let i = main_incident(
        "A bomb exploded outside a church in Jos during Sunday Mass, killing four worshippers.",
        "2015-09-08",
    );
    assert!(has_target(&i, TargetType::Religious, Some("NG")));
}

#[test]
fn foreign_aid_workers_are_ngo_with_their_nationality() {
    let i = main_incident(
        "Gunmen kidnapped two Italian aid workers from their compound in the town of Gao on \
         Tuesday, officials said.",
        "2009-11-18",
    );
    assert!(
        has_target(&i, TargetType::Ngo, Some("IT")),
        "{:?}",
        targets(&i)
    );
}

#[test]
fn a_school_is_educational() {
    let i = main_incident(
        "Militants set fire to a school in the Swat valley overnight on Monday, police said.",
        "2015-09-08",
    );
    assert!(has_target(&i, TargetType::Educational, None));
}

#[test]
fn a_teacher_is_educational() {
    let i = main_incident(
        "Gunmen killed a teacher in Diyala province on Monday.",
        "2015-09-08",
    );
    assert!(has_target(&i, TargetType::Educational, Some("IQ")));
}

#[test]
fn a_police_checkpoint_and_a_teacher_are_two_targets() {
    let i = main_incident(
        "Militants attacked a police checkpoint and a nearby girls' school in Kunduz on Monday, \
         killing two policemen and a teacher.",
        "2015-09-08",
    );
    assert!(
        has_target(&i, TargetType::Police, None),
        "{:?}",
        targets(&i)
    );
    assert!(
        has_target(&i, TargetType::Educational, None),
        "{:?}",
        targets(&i)
    );
}

#[test]
fn tourists_are_tourists() {
    let i = main_incident(
        "Gunmen killed three tourists at a beach resort near Sousse on Sunday, police said.",
        "2010-10-02",
    );
    assert!(has_target(&i, TargetType::Tourists, None));
}

#[test]
fn a_hotel_is_a_business() {
    let i = main_incident(
        "Gunmen stormed a luxury hotel in Bamako on Saturday and held dozens of guests hostage \
         for several hours before special forces ended the siege.",
        "2015-11-22",
    );
    assert!(has_target(&i, TargetType::Business, Some("ML")));
}

#[test]
fn a_party_rally_is_political() {
    let i = main_incident(
        "A grenade was hurled into an opposition party rally in Kampala on Monday, wounding seven \
         supporters.",
        "2015-09-08",
    );
    assert!(has_target(&i, TargetType::PoliticalParty, Some("UG")));
}

#[test]
fn an_airport_is_airport_aircraft() {
    let i = main_incident(
        "Militants fired mortars at the airport in Mogadishu on Monday, damaging a cargo plane. No \
         one was hurt.",
        "2015-09-08",
    );
    assert!(has_target(&i, TargetType::AirportAircraft, None));
}

#[test]
fn a_tanker_is_maritime() {
    let i = main_incident(
        "Pirates hijacked an oil tanker off the coast of Benin on Monday and took its 20 crew \
         members hostage.",
        "2015-09-08",
    );
    assert!(has_target(&i, TargetType::Maritime, None));
}

#[test]
fn a_passenger_train_is_transportation() {
    let i = main_incident(
        "A bomb exploded on a passenger train near Quetta on Monday, killing six passengers.",
        "2015-09-08",
    );
    assert!(has_target(&i, TargetType::Transportation, None));
}

#[test]
fn villagers_are_private_citizens() {
    let i = main_incident(
        "Gunmen killed 11 villagers in Zamfara state on Monday.",
        "2015-09-08",
    );
    assert!(has_target(&i, TargetType::PrivateCitizens, Some("NG")));
}

// Whose vehicle, and which armed men.

#[test]
fn the_vehicle_of_a_named_official_makes_the_official_the_target() {
    let i = main_incident(
        "A bomb exploded targeting the vehicle of Haji Rahmat Karimi, the district governor, in \
         Ghazni on Monday. Two bodyguards were wounded.",
        "2016-09-12",
    );
    let first = i.targets.first().map(|t| t.kind);
    assert_eq!(first, Some(TargetType::Government), "{:?}", targets(&i));
    assert!(!has_target(&i, TargetType::Transportation, None));
}

#[test]
fn the_police_named_lead_a_security_post() {
    let i = main_incident(
        "Gunmen attacked a security checkpoint in Ghazni on Monday. Three police officers were \
         killed in the attack.",
        "2016-09-12",
    );
    let first = i.targets.first().map(|t| t.kind);
    assert_eq!(first, Some(TargetType::Police), "{:?}", targets(&i));
}

#[test]
fn a_victim_named_without_a_role_is_a_private_citizen() {
    let i = main_incident(
        "Gunmen shot and killed Tomas Ferreira Lind outside a bakery in Malmo on Monday.",
        "2016-09-12",
    );
    assert!(
        has_target(&i, TargetType::PrivateCitizens, None),
        "{:?}",
        targets(&i)
    );
    // A role, when given, decides instead.
    let i = main_incident(
        "Gunmen shot and killed a police officer, Tomas Ferreira Lind, in Malmo on Monday.",
        "2016-09-12",
    );
    assert_eq!(i.targets.first().map(|t| t.kind), Some(TargetType::Police));
}

#[test]
fn a_corporation_is_a_business() {
    let i = main_incident(
        "Arsonists set fire to the offices of a timber corporation in Eugene, Oregon on Monday.",
        "2016-09-12",
    );
    assert!(
        has_target(&i, TargetType::Business, None),
        "{:?}",
        targets(&i)
    );
}

#[test]
fn the_attackers_of_an_attack_by_them_are_no_target() {
    let i = main_incident(
        "An attack by Somali rebels has left at least nine civilians killed in a village near \
         Lamu, officials say.",
        "2019-03-14",
    );
    assert!(
        !has_target(&i, TargetType::Militia, None),
        "{:?}",
        targets(&i)
    );
    assert!(
        has_target(&i, TargetType::PrivateCitizens, None),
        "{:?}",
        targets(&i)
    );
}

#[test]
fn a_spokesman_who_gives_the_toll_is_no_victim() {
    let i = main_incident(
        "Rebels killed 13 villagers near Beni on Monday, with army spokesman Captain Antony \
         Mualushayi saying the bodies had been found.",
        "2019-03-14",
    );
    assert_ne!(i.event_type, sitrep_model::EventType::Assassination);
}

#[test]
fn a_groups_own_fighters_are_not_its_target() {
    let i = main_incident(
        "Five Taliban fighters were killed when they stormed a police checkpoint in Nangarhar \
         province on Monday.",
        "2016-05-02",
    );
    let found = targets(&i);
    assert_eq!(
        found.first().map(|t| t.0),
        Some(TargetType::Police),
        "{found:?}"
    );
    assert!(!has_target(&i, TargetType::Militia, None), "{found:?}");
}

// Private and company vehicles: their owners and passengers are the target.

/// The first target's type.
fn first_target(text: &str) -> Option<TargetType> {
    let i = main_incident(text, "2017-06-12");
    targets(&i).first().map(|t| t.0)
}

#[test]
fn a_car_set_on_fire_is_private_property_not_transport() {
    let text = "Assailants set fire to a car in Lindenfeld on Monday night. No one was hurt.";
    assert_eq!(first_target(text), Some(TargetType::PrivateCitizens));
}

#[test]
fn a_companys_trucks_make_the_company_the_target() {
    let text = "Arsonists set fire to four trucks that belonged to a construction company in \
                Lindenfeld on Monday.";
    assert_eq!(first_target(text), Some(TargetType::Business));
}

#[test]
fn a_vehicle_carrying_officials_targets_the_officials() {
    let text = "A roadside bomb struck a vehicle carrying government officials in Ghazni on \
                Monday, wounding three of them.";
    assert_eq!(first_target(text), Some(TargetType::Government));
}

#[test]
fn a_police_commanders_vehicle_targets_the_commander() {
    let text = "Gunmen attacked a police commander's vehicle in Faryab on Monday. The \
                commander was wounded.";
    assert_eq!(first_target(text), Some(TargetType::Police));
}

#[test]
fn the_car_a_bomb_was_hidden_in_does_not_lead_the_mosque() {
    let text = "A bomb attached to a parked car exploded outside a mosque in Baghlan on \
                Monday, wounding eight worshippers.";
    assert_eq!(first_target(text), Some(TargetType::Religious));
}

#[test]
fn a_car_dealership_is_a_business() {
    let text = "Arsonists attacked a car dealership in Lindenfeld on Monday, destroying \
                twenty new cars.";
    assert_eq!(first_target(text), Some(TargetType::Business));
}

#[test]
fn a_road_in_a_churchs_name_is_not_the_target() {
    let text = "Assailants set fire to the Providence Road Baptist Church in Lindenfeld on \
                Monday.";
    assert_eq!(first_target(text), Some(TargetType::Religious));
}

#[test]
fn what_was_firebombed_or_defaced_is_the_target() {
    assert_eq!(
        first_target("Arsonists firebombed a synagogue in Lindenfeld on Monday night."),
        Some(TargetType::Religious)
    );
    assert_eq!(
        first_target("Attackers set fire to a car and defaced a church in Lindenfeld on Monday."),
        Some(TargetType::Religious)
    );
}

#[test]
fn a_possessive_inside_a_name_does_not_hide_its_target() {
    assert_eq!(
        first_target(
            "Unknown perpetrators ignited a fire at the Lindenfeld Feminist Women's School on Monday."
        ),
        Some(TargetType::Educational)
    );
}

#[test]
fn state_troopers_are_police() {
    assert_eq!(
        first_target(
            "A gunman opened fire on two state troopers in Lindenfeld on Monday, wounding one."
        ),
        Some(TargetType::Police)
    );
}
