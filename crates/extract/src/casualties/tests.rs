//! The casualty unit tests' shared reader (a text's statements, end to end), and the tests that
//! exercise no one stage but the whole reading.

use super::{CasualtyKind, Side, find_casualties};
use crate::analysis::Analysis;
use crate::test_support::resources;

/// The statements found in `text`: kind, side, and the figure's bounds.
pub(super) fn statements(text: &str) -> Vec<(CasualtyKind, Side, Option<u32>, Option<u32>)> {
    let r = resources();
    let a = Analysis::new(text, None, r);
    find_casualties(&a)
        .into_iter()
        .map(|s| (s.kind, s.side, s.quantity.min, s.quantity.max))
        .collect()
}

use CasualtyKind::*;
use Side::*;

#[test]
fn hedges_and_vague_counts() {
    assert_eq!(
        statements("Dozens of people were wounded."),
        [(Wounded, Victims, Some(24), None)]
    );
    assert_eq!(
        statements("Between 5 and 7 people were killed."),
        [(Killed, Victims, Some(5), Some(7))]
    );
    assert_eq!(
        statements("As many as 40 people were kidnapped."),
        [(Kidnapped, Victims, None, Some(40))]
    );
}

#[test]
fn a_killing_named_by_its_noun_counts_its_victims() {
    assert_eq!(
        statements("The group was behind the killing of a police officer in 2019."),
        [(Killed, Victims, Some(1), Some(1))]
    );
    assert_eq!(
        statements("Residents condemned the murder of three farmers on Monday."),
        [(Killed, Victims, Some(3), Some(3))]
    );
    // An attempt killed nobody; a word for the crime alone counts nobody.
    assert!(statements("The attempted murder of a police officer shocked the town.").is_empty());
    assert!(statements("He was charged with murder.").is_empty());
}

#[test]
fn the_hurt_told_in_other_shapes() {
    for (text, expected) in [
        (
            "An attacker threw a grenade, killing one person and injuring another.",
            vec![
                (Killed, Victims, Some(1), Some(1)),
                (Wounded, Victims, Some(1), Some(1)),
            ],
        ),
        (
            "Two devices detonated, causing injuries to four.",
            vec![(Wounded, Victims, Some(4), Some(4))],
        ),
        (
            "The attack left two people slightly injured and caused minor damage.",
            vec![(Wounded, Victims, Some(2), Some(2))],
        ),
        (
            "Four people were killed and 113 were left injured in the blast.",
            vec![
                (Killed, Victims, Some(4), Some(4)),
                (Wounded, Victims, Some(113), Some(113)),
            ],
        ),
        (
            "One gendarme was left severely injured in the attack.",
            vec![(Wounded, Victims, Some(1), Some(1))],
        ),
        (
            "Explosions hit the city, killing 24 people and injuring an additional 58.",
            vec![
                (Killed, Victims, Some(24), Some(24)),
                (Wounded, Victims, Some(58), Some(58)),
            ],
        ),
        (
            "A tricycle exploded, killing four passengers and injuring an onlooker.",
            vec![
                (Killed, Victims, Some(4), Some(4)),
                (Wounded, Victims, Some(1), Some(1)),
            ],
        ),
        // A role beside a single person before "was": one person named twice.
        (
            "One man, a hospital guard, was injured.",
            vec![(Wounded, Victims, Some(1), Some(1))],
        ),
    ] {
        assert_eq!(statements(text), expected, "{text}");
    }
}
#[test]
fn the_agent_of_an_aside_is_not_among_the_dead() {
    assert_eq!(
        statements(
            "During the assault, led by about 40 fighters, three guards and a driver were killed."
        ),
        [(Killed, Victims, Some(4), Some(4))]
    );
}

#[test]
fn a_compound_of_person_nouns_ends_at_its_last_noun() {
    assert_eq!(
        statements("Two British special forces soldiers and three police officers died."),
        [(Killed, Victims, Some(5), Some(5))]
    );
}
#[test]
fn a_leader_is_a_person() {
    assert_eq!(
        statements("The strike killed a senior leader and two guards."),
        [(Killed, Victims, Some(3), Some(3))]
    );
}

#[test]
fn one_of_those_included_who_later_died_is_one_death() {
    assert_eq!(
        statements(
            "A grenade attack injured eleven villagers, including a teacher who later died."
        ),
        [
            (Wounded, Victims, Some(11), Some(11)),
            (Killed, Victims, Some(1), Some(1))
        ]
    );
}
#[test]
fn a_murder_named_by_its_noun_counts_its_victims() {
    assert_eq!(
        statements("The gang was behind the 2016 murder of reporter Ana Ruiz."),
        [(Killed, Victims, Some(1), Some(1))]
    );
    assert_eq!(
        statements("Police are investigating the murders of two farmers."),
        [(Killed, Victims, Some(2), Some(2))]
    );
    assert_eq!(statements("He was charged with attempted murder."), []);
}

#[test]
fn a_figure_before_a_noun_the_lexicon_does_not_know_counts_people() {
    assert_eq!(
        statements("Three street sweepers were hurt by a parcel bomb near the station."),
        [(Wounded, Victims, Some(3), Some(3))]
    );
    assert_eq!(
        statements("Five tea pickers died when the bomb went off."),
        [(Killed, Victims, Some(5), Some(5))]
    );
    // A figure inside another phrase counts something else.
    assert_eq!(
        statements("Six workers of three companies were wounded."),
        [(Wounded, Victims, Some(6), Some(6))]
    );
    // Things are not people.
    assert!(
        statements("Two rockets were fired at the base; no one was hurt.")
            .iter()
            .all(|s| s.2 == Some(0))
    );
}

#[test]
fn the_doers_named_before_an_attack_are_not_its_victims() {
    let s = statements("Traders near the site of a militant attack in the bazaar were wounded.");
    assert!(s.iter().all(|s| s.2 != Some(1)), "{s:?}");
}

#[test]
fn more_verbs_of_killing() {
    assert_eq!(
        statements("The attackers went from house to house, slaughtering nine villagers."),
        [(Killed, Victims, Some(9), Some(9))]
    );
    assert!(
        statements("The militants released a video beheading two hostages.").contains(&(
            Killed,
            Victims,
            Some(2),
            Some(2)
        ))
    );
}

#[test]
fn attackers_who_blew_themselves_up_are_counted() {
    assert_eq!(
        statements("Three fighters blew themselves up as troops closed in on the compound."),
        [(Killed, Attackers, Some(3), Some(3))]
    );
}

#[test]
fn succumbing_to_injuries_is_no_new_wound() {
    let s = statements("Two guards shot at the gate on Sunday later succumbed to their injuries.");
    assert!(s.iter().all(|s| s.0 != Wounded), "{s:?}");
}

#[test]
fn the_shot_and_stabbed_who_did_not_die_are_wounded() {
    assert_eq!(
        statements("Two soldiers and a police officer were stabbed near the gate."),
        [(Wounded, Victims, Some(3), Some(3))]
    );
    let s = statements("An assailant stabbed two passers-by in the square.");
    assert!(s.contains(&(Wounded, Victims, Some(2), Some(2))), "{s:?}");
    // The assailant is who stabbed, not who was hurt.
    assert!(!s.iter().any(|s| s.1 == Attackers), "{s:?}");
}

#[test]
fn shot_is_no_wound_where_someone_died() {
    for text in [
        "Gunmen shot dead two traders at the market.",
        "Gunmen shot two traders, killing one of them.",
        "Gunmen killed a councillor on Monday. He was shot outside his home.",
        "A police officer was shot on Monday. He died in hospital.",
        "Militants shot down a helicopter.",
        "Gunmen shot at a passing car.",
    ] {
        let s = statements(text);
        assert!(
            !s.iter()
                .any(|s| s.0 == Wounded && s.2.is_some_and(|n| n > 0)),
            "{text}: {s:?}"
        );
    }
}
