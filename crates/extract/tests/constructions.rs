//! Constructions that news copy uses and earlier versions of sitrep got wrong: passive
//! "were shot dead", ages before a victim, roles before and after names, later tolls, people
//! named by trade, sabotage targets, the attackers' own vehicles, vehicle rammings.

mod common;

use common::{exactly, has_target, main_incident, range, targets};
use sitrep_model::{EventType, TargetType, Weapon};

#[test]
fn governor_and_three_of_his_bodyguards_is_4() {
    let i = main_incident(
        "Gunmen ambushed a convoy in Herat province on Saturday, killing the provincial governor and three of his bodyguards, officials said.",
        "2012-01-15",
    );
    assert_eq!(range(&i.killed), exactly(4));
}

#[test]
fn death_toll_later_rose_to_9() {
    let i = main_incident(
        "A car bomb exploded near a checkpoint in Baghdad on Monday, killing six people. The death toll later rose to 9, a hospital official said.",
        "2018-06-12",
    );
    assert_eq!(range(&i.killed), exactly(9));
}

#[test]
fn attackers_were_shot_dead() {
    let i = main_incident(
        "Gunmen attacked a police station in Peshawar on Monday, killing two officers. All three attackers were shot dead.",
        "2018-06-12",
    );
    assert_eq!(range(&i.attackers_killed), exactly(3));
}

#[test]
fn foreign_engineers_were_kidnapped() {
    let i = main_incident(
        "Three foreign engineers were kidnapped by armed men on a road outside Port Harcourt on Tuesday, police said.",
        "2018-02-21",
    );
    assert_eq!(range(&i.kidnapped), exactly(3));
}

#[test]
fn engineers_were_kidnapped() {
    let i = main_incident(
        "Three engineers were kidnapped outside Port Harcourt on Tuesday, police said.",
        "2018-02-21",
    );
    assert_eq!(range(&i.kidnapped), exactly(3));
}

#[test]
fn police_officers_were_shot_dead() {
    let i = main_incident(
        "Two police officers were shot dead in Karachi on Monday, police said.",
        "2019-04-09",
    );
    assert_eq!(range(&i.killed), exactly(2));
    assert!(
        has_target(&i, TargetType::Police, None),
        "{:?}",
        targets(&i)
    );
}

#[test]
fn a_soldier_was_shot_dead() {
    let i = main_incident(
        "A soldier was shot dead in Karachi on Monday.",
        "2019-04-09",
    );
    assert_eq!(range(&i.killed), exactly(1));
}

#[test]
fn a_35_year_old_man_was_killed() {
    let i = main_incident(
        "A 35-year-old man was killed when gunmen opened fire outside a mosque in Kano on Monday, police said.",
        "2019-04-09",
    );
    assert_eq!(range(&i.killed), exactly(1));
}

#[test]
fn gunmen_killed_a_35_year_old_man() {
    let i = main_incident(
        "Gunmen killed a 35-year-old man outside a mosque in Kano on Monday, police said.",
        "2019-04-09",
    );
    assert_eq!(range(&i.killed), exactly(1));
}

#[test]
fn killed_a_shopkeeper_aged_62() {
    let i = main_incident(
        "Gunmen killed a shopkeeper, aged 62, in an attack on a market in Kano on Monday, police said.",
        "2019-04-09",
    );
    assert_eq!(range(&i.killed), exactly(1));
}

#[test]
fn killed_a_shopkeeper() {
    let i = main_incident(
        "Gunmen killed a shopkeeper at a market in Kano on Monday, police said.",
        "2019-04-09",
    );
    assert_eq!(range(&i.killed), exactly(1));
}

#[test]
fn kidnapped_a_businessman() {
    let i = main_incident(
        "Gunmen kidnapped a businessman in Kaduna on Monday and later demanded a ransom of $5 million, police said.",
        "2019-04-09",
    );
    assert_eq!(range(&i.kidnapped), exactly(1));
}

#[test]
fn apposition_is_one_person() {
    let i = main_incident(
        "A prominent opposition politician, Marcel Dutoit, was assassinated outside his home in Bangui on Tuesday, police said.",
        "2014-08-20",
    );
    assert_eq!(range(&i.killed), exactly(1));
}

#[test]
fn shot_dead_a_named_council_member() {
    let i = main_incident(
        "Gunmen shot dead provincial council member Ahmad Karimi outside his home in Ghazni on Tuesday, officials said.",
        "2014-08-20",
    );
    assert_eq!(range(&i.killed), exactly(1));
}

#[test]
fn shot_dead_a_schoolteacher() {
    let i = main_incident(
        "Gunmen shot dead a schoolteacher in the village of Hamra in Diyala province on Monday.",
        "2015-09-08",
    );
    assert_eq!(range(&i.killed), exactly(1));
    assert!(
        has_target(&i, TargetType::Educational, None),
        "{:?}",
        targets(&i)
    );
}

#[test]
fn journalists_were_shot_dead_by_gunmen() {
    let i = main_incident(
        "Two journalists were shot dead by unidentified gunmen in Mogadishu on Monday, a media union said.",
        "2015-09-08",
    );
    assert_eq!(range(&i.killed), exactly(2));
    assert!(
        has_target(&i, TargetType::JournalistsMedia, None),
        "{:?}",
        targets(&i)
    );
}

#[test]
fn shooting_dead_a_named_deputy_mayor_is_an_assassination() {
    let i = main_incident(
        "Gunmen on a motorcycle shot dead the deputy mayor of Kandahar, Haji Abdul Wadood, as he left his home on Tuesday, officials said.",
        "2014-08-20",
    );
    assert_eq!(i.event_type, EventType::Assassination);
}

#[test]
fn driving_a_truck_into_a_crowd_is_a_vehicle_attack() {
    let i = main_incident(
        "A man drove a truck into a crowd of shoppers at a Christmas market in Strasbourg on Monday, killing three people.",
        "2018-05-15",
    );
    assert_eq!(i.weapons, vec![Weapon::Vehicle]);
    assert_eq!(i.event_type, EventType::UnarmedAssault);
}

#[test]
fn the_gate_of_the_french_embassy() {
    let i = main_incident(
        "A grenade was thrown at the gate of the French Embassy in Sanaa on Monday, wounding a guard, officials said.",
        "2015-09-08",
    );
    assert!(
        has_target(&i, TargetType::Diplomatic, Some("FR")),
        "{:?}",
        targets(&i)
    );
}

#[test]
fn a_girls_school_is_educational() {
    let i = main_incident(
        "Militants set fire to a girls' school in the Swat valley overnight on Monday, police said. No one was hurt.",
        "2015-09-08",
    );
    assert!(
        has_target(&i, TargetType::Educational, None),
        "{:?}",
        targets(&i)
    );
}

#[test]
fn an_oil_pipeline_is_utilities() {
    let i = main_incident(
        "Saboteurs blew up an oil pipeline in Rivers state on Monday, officials said. No one was hurt.",
        "2015-09-08",
    );
    assert!(
        has_target(&i, TargetType::Utilities, None),
        "{:?}",
        targets(&i)
    );
}

#[test]
fn a_phone_mast_is_telecommunication() {
    let i = main_incident(
        "Militants blew up a mobile phone mast in Helmand province on Monday, officials said.",
        "2015-09-08",
    );
    assert!(
        has_target(&i, TargetType::Telecommunication, None),
        "{:?}",
        targets(&i)
    );
}

#[test]
fn a_railway_line_is_transportation() {
    let i = main_incident(
        "Maoists blew up a railway line in Jharkhand on Sunday, derailing a goods train, police said.",
        "2010-10-02",
    );
    assert!(
        has_target(&i, TargetType::Transportation, None),
        "{:?}",
        targets(&i)
    );
}

#[test]
fn chinese_engineers_are_chinese() {
    let i = main_incident(
        "Gunmen kidnapped three Chinese engineers working on a dam project in northern Cameroon on Monday.",
        "2015-09-08",
    );
    assert!(
        targets(&i).iter().any(|(_, n)| *n == Some("CN")),
        "{:?}",
        targets(&i)
    );
}

#[test]
fn acid_thrown_at_a_schoolteacher() {
    let i = main_incident(
        "Two men on a motorcycle threw acid at a schoolteacher in Kandahar on Monday, wounding her, police said.",
        "2018-05-15",
    );
    assert!(
        has_target(&i, TargetType::Educational, None),
        "{:?}",
        targets(&i)
    );
}

#[test]
fn the_attackers_motorcycles_are_not_a_target() {
    let i = main_incident(
        "Gunmen on motorcycles killed two traders at a market in Maiduguri on Monday, police said.",
        "2018-06-12",
    );
    assert!(
        !has_target(&i, TargetType::Transportation, None),
        "{:?}",
        targets(&i)
    );
}

#[test]
fn the_car_of_a_car_bomb_is_not_a_target() {
    let i = main_incident(
        "Twenty-five people were killed when a car bomb exploded outside a government office in Mogadishu on Saturday.",
        "2016-10-09",
    );
    assert!(
        !has_target(&i, TargetType::Transportation, None),
        "{:?}",
        targets(&i)
    );
}

#[test]
fn a_text_that_names_no_weapon_codes_it_unknown() {
    let i = main_incident(
        "Assailants attacked a border post near Zakho on Friday, killing two guards.",
        "2019-03-02",
    );
    assert_eq!(i.weapons, vec![Weapon::Unknown]);
    let armed = main_incident(
        "Gunmen opened fire on a border post near Zakho on Friday, killing two guards.",
        "2019-03-02",
    );
    assert!(!armed.weapons.contains(&Weapon::Unknown));
}

#[test]
fn a_defused_bomb_harmed_no_one() {
    let i = main_incident(
        "Army engineers defused a bomb left outside a bank in Quetta on Monday.",
        "2018-10-02",
    );
    assert_eq!(range(&i.killed), exactly(0));
    assert_eq!(range(&i.wounded), exactly(0));
}

#[test]
fn an_arson_that_reports_only_damage_harmed_no_one() {
    let i = main_incident(
        "Arsonists set fire to a timber yard in Eugene, Oregon, on Sunday, causing $300,000 in damage.",
        "2004-06-08",
    );
    assert_eq!(range(&i.killed), exactly(0));
    assert_eq!(range(&i.wounded), exactly(0));
}

#[test]
fn a_firebombing_or_a_fire_set_that_harmed_no_one_is_zero() {
    for text in [
        "Activists claimed responsibility for setting fire to a fur farm near Lindenfeld on Sunday.",
        "Vandals firebombed a car dealership in Lindenfeld on Sunday night.",
        "Arsonists placed a firebomb under a truck in Lindenfeld on Sunday, but the device fizzled.",
    ] {
        let i = main_incident(text, "2004-06-08");
        assert_eq!(range(&i.killed), exactly(0), "{text}");
        assert_eq!(range(&i.wounded), exactly(0), "{text}");
    }
}

#[test]
fn an_attack_with_no_word_on_its_outcome_keeps_counts_unknown() {
    let i = main_incident(
        "Militants attacked a police station in Dera Ismail Khan on Monday.",
        "2018-10-02",
    );
    assert_eq!(i.killed, None);
    assert_eq!(i.wounded, None);
}

#[test]
fn only_wounded_attackers_means_nobody_died() {
    let i = main_incident(
        "Militants attacked a police station in Dera Ismail Khan on Monday. Two attackers were wounded in the exchange of fire.",
        "2018-10-02",
    );
    assert_eq!(range(&i.killed), exactly(0));
    assert_eq!(range(&i.attackers_wounded), exactly(2));
}

#[test]
fn security_posts_are_military_targets() {
    let i = main_incident(
        "Insurgents attacked a security post in Faryab province on Tuesday, killing three soldiers.",
        "2017-05-03",
    );
    assert_eq!(
        i.targets.first().map(|t| t.kind),
        Some(TargetType::Military)
    );
}

#[test]
fn present_tense_summaries_count_and_name_the_group() {
    let i = main_incident(
        "LTTE cadres massacre at least 30 villagers in two hamlets near Batticaloa.",
        "2001-05-01",
    );
    assert_eq!(range(&i.killed), Some((Some(30), None)));
    assert_eq!(
        i.perpetrators.first().and_then(|p| p.name.as_deref()),
        Some("Liberation Tigers of Tamil Eelam")
    );
}

#[test]
fn a_threat_to_kill_is_not_a_toll() {
    let i = main_incident(
        "Kidnappers holding two engineers near Kaduna threatened to kill three hostages on Monday.",
        "2019-04-09",
    );
    assert_eq!(i.killed, None);
}

#[test]
fn a_death_toll_without_a_word_of_injury_is_zero_wounded() {
    let (text, out) = common::extract_with_text(
        "Gunmen killed four farmers in a village near Jos on Sunday, police said.",
        "2019-04-09",
    );
    let i = &out.incidents[0];
    let wounded = i.wounded.as_ref().expect("wounded is read");
    assert_eq!((wounded.min, wounded.max), (Some(0), Some(0)));
    assert!(wounded.text.contains("four farmers"), "{wounded:?}");
    assert!(text.contains(&wounded.text));
}

#[test]
fn wounded_spoken_of_are_never_read_as_zero() {
    let i = main_incident(
        "Gunmen killed four farmers in a village near Jos on Sunday. Others were injured.",
        "2019-04-09",
    );
    assert!(
        i.wounded.as_ref().is_none_or(|w| w.max != Some(0)),
        "{:?}",
        i.wounded
    );
}

/// Whether the main incident of `text` has exactly zero wounded.
fn zero_wounded(text: &str) -> bool {
    let i = main_incident(text, "2019-04-09");
    i.wounded
        .as_ref()
        .is_some_and(|w| (w.min, w.max) == (Some(0), Some(0)))
}

#[test]
fn shot_dead_tells_how_they_died_not_that_anyone_was_hurt() {
    assert!(zero_wounded(
        "Gunmen shot dead two traders in a market near Jos on Sunday, police said."
    ));
    assert!(zero_wounded(
        "Assailants shot and killed a police officer in Lindenfeld on Sunday."
    ));
    assert!(zero_wounded(
        "A farmer was stabbed to death by a mob near Jos on Sunday."
    ));
}

#[test]
fn the_shot_who_survived_are_not_zero_wounded() {
    assert!(!zero_wounded(
        "Gunmen shot two traders near Jos on Sunday, killing one of them."
    ));
    assert!(!zero_wounded(
        "Assailants killed a police officer in Lindenfeld on Sunday. Two passers-by were shot."
    ));
}

#[test]
fn dead_attackers_alone_mean_no_one_hurt() {
    assert!(zero_wounded(
        "Two assailants were killed when they attacked a checkpoint near Jos on Sunday."
    ));
}

#[test]
fn a_surname_named_before_is_one_person() {
    let i = main_incident(
        "Gunmen abducted Tomas Ferreira, a local trader, near Tumaco on Monday. Ferreira was found dead on Tuesday.",
        "2019-04-09",
    );
    assert_eq!(range(&i.killed), exactly(1));
}

#[test]
fn a_long_appositive_role_is_the_same_person() {
    let i = main_incident(
        "Gunmen shot and killed Rahmatullah, a Ministry of Public Works (MPW) engineer, in Kunduz on Monday.",
        "2019-04-09",
    );
    assert_eq!(range(&i.killed), exactly(1));
}

#[test]
fn a_victim_and_his_relative_are_two() {
    let i = main_incident(
        "Gunmen opened fire on Sayed Karim Hashimi, a tribal elder, in Baghlan on Friday. Hashimi and his son were killed.",
        "2019-04-09",
    );
    assert_eq!(range(&i.killed), exactly(2));
}

#[test]
fn fire_set_to_harm_people_is_an_armed_assault() {
    let i = main_incident(
        "Gunmen raided a village near Diffa on Sunday, killing three villagers and setting fire to dozens of huts.",
        "2019-04-09",
    );
    assert_eq!(i.event_type, EventType::ArmedAssault);
    let property = main_incident(
        "Arsonists set fire to a warehouse in Diffa on Sunday. No one was hurt.",
        "2019-04-09",
    );
    assert_eq!(property.event_type, EventType::FacilityAttack);
}

#[test]
fn a_group_that_says_it_was_responsible_claims_the_attack() {
    let i = main_incident(
        "Arsonists set fire to a logging depot near Eugene, Oregon, on Sunday. The Earth Liberation Front said it was responsible for the fire.",
        "2004-06-08",
    );
    assert!(
        i.perpetrators.iter().any(|p| p.claimed),
        "{:?}",
        i.perpetrators
    );
    let suspected = main_incident(
        "Arsonists set fire to a logging depot near Eugene, Oregon, on Sunday. Police said the Earth Liberation Front was suspected.",
        "2004-06-08",
    );
    assert!(!suspected.perpetrators.iter().any(|p| p.claimed));
}
