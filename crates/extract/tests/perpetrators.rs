//! Perpetrators: named groups and their aliases, generic actors without a name, and claims of
//! responsibility (which suspicion, blame and presumed ties are not).

mod common;

use common::{main_incident, perpetrator, perpetrators};

/// The one perpetrator named `name`, with whether it claimed the attack.
fn claimed(text: &str, published: &str, name: &str) -> bool {
    let i = main_incident(text, published);
    perpetrator(&i, name)
        .unwrap_or_else(|| panic!("{name} not found in {:?}", perpetrators(&i)))
        .claimed
}

// Islamic State and its aliases.

#[test]
fn islamic_state_group_claimed_responsibility() {
    assert!(claimed(
        "A suicide bomber killed 11 people at a checkpoint in Baghdad on Tuesday. The Islamic \
         State group claimed responsibility for the attack in a statement.",
        "2016-03-23",
        "Islamic State",
    ));
}

#[test]
fn isis_is_islamic_state() {
    assert!(claimed(
        "A bomb hit a cafe in Raqqa on Tuesday, killing four people. ISIS claimed responsibility.",
        "2016-03-23",
        "Islamic State",
    ));
}

#[test]
fn is_is_islamic_state() {
    assert!(claimed(
        "A car bomb killed eight people near a mosque in Benghazi on Tuesday. IS claimed \
         responsibility in an online statement.",
        "2016-03-23",
        "Islamic State",
    ));
}

#[test]
fn isil_blamed_is_not_a_claim() {
    assert!(!claimed(
        "Two policemen were killed in an attack on a checkpoint near Sirte on Tuesday. Officials \
         blamed ISIL for the attack.",
        "2016-03-23",
        "Islamic State",
    ));
}

#[test]
fn daesh_is_islamic_state() {
    assert!(!claimed(
        "Daesh militants attacked an army post near Mosul on Tuesday, killing three soldiers, \
         officials said.",
        "2016-03-23",
        "Islamic State",
    ));
}

// Other groups.

#[test]
fn al_shabaab_claim_in_a_later_sentence() {
    assert!(claimed(
        "Al-Shabaab fighters stormed a military base in Lower Shabelle on Sunday, killing eight \
         soldiers. The group claimed responsibility for the raid.",
        "2017-10-02",
        "al-Shabaab",
    ));
}

#[test]
fn al_shabab_spelling_is_al_shabaab() {
    assert!(!claimed(
        "Al-Shabab militants attacked a hotel in Mogadishu on Tuesday, killing nine people, police \
         said.",
        "2016-03-23",
        "al-Shabaab",
    ));
}

#[test]
fn boko_haram_blamed_while_no_group_claimed() {
    assert!(!claimed(
        "Suicide bombers killed five people at a market in Konduga on Sunday. Police blamed Boko \
         Haram, although no group has claimed the attack.",
        "2017-10-02",
        "Boko Haram",
    ));
}

#[test]
fn taliban_claimed_responsibility() {
    assert!(claimed(
        "The Taliban claimed responsibility for a bomb that killed three police officers in \
         Lashkar Gah on Sunday.",
        "2017-10-02",
        "Taliban",
    ));
}

#[test]
fn taliban_denial_is_not_a_claim() {
    assert!(!claimed(
        "A bomb exploded at a market in Kabul on Sunday, killing seven people. The Taliban denied \
         involvement in the attack.",
        "2010-10-02",
        "Taliban",
    ));
}

#[test]
fn suspected_by_officials_while_unclaimed() {
    assert!(!claimed(
        "A bomb killed four people in Kabul on Tuesday. No group has claimed responsibility, but \
         officials suspect the Taliban.",
        "2016-03-23",
        "Taliban",
    ));
}

#[test]
fn pakistani_taliban_claimed_the_attack() {
    assert!(claimed(
        "Gunmen attacked a polio vaccination team in Bannu on Sunday, killing a police guard. \
         Tehrik-i-Taliban Pakistan claimed the attack.",
        "2017-10-02",
        "Tehrik-i-Taliban Pakistan",
    ));
}

#[test]
fn ttp_is_the_pakistani_taliban_not_the_afghan_taliban() {
    let i = main_incident(
        "Militants of the TTP attacked a checkpoint in Bannu on Tuesday, killing two soldiers.",
        "2016-03-23",
    );
    assert!(perpetrator(&i, "Tehrik-i-Taliban Pakistan").is_some());
    assert!(perpetrator(&i, "Taliban").is_none());
}

#[test]
fn suspected_aqap_is_not_a_claim() {
    assert!(!claimed(
        "Suspected AQAP militants killed two soldiers at a checkpoint in Abyan province on Sunday, \
         security officials said.",
        "2017-10-02",
        "al-Qaeda in the Arabian Peninsula",
    ));
}

#[test]
fn houthi_rebels_are_the_houthis() {
    assert!(!claimed(
        "Houthi rebels fired a missile at a Saudi border post in Jizan on Sunday, wounding two \
         guards, the coalition said.",
        "2017-10-02",
        "Houthis",
    ));
}

#[test]
fn suspected_pkk_is_not_a_claim() {
    assert!(!claimed(
        "Suspected PKK militants detonated a roadside bomb as a military vehicle passed in Hakkari \
         province on Sunday, killing two soldiers.",
        "2017-10-02",
        "Kurdistan Workers' Party",
    ));
}

#[test]
fn farc_rebels() {
    assert!(!claimed(
        "FARC rebels attacked a police station in the town of Toribio in Cauca on Sunday, wounding \
         four officers, the army said.",
        "2010-10-02",
        "Revolutionary Armed Forces of Colombia",
    ));
}

#[test]
fn new_peoples_army() {
    assert!(!claimed(
        "Communist guerrillas of the New People's Army ambushed an army patrol in Samar on Sunday, \
         killing three soldiers.",
        "2010-10-02",
        "New People's Army",
    ));
}

#[test]
fn maoists_are_the_cpi_maoist() {
    assert!(!claimed(
        "Maoists blew up a railway line in Jharkhand on Sunday, derailing a goods train, police \
         said.",
        "2010-10-02",
        "Communist Party of India (Maoist)",
    ));
}

#[test]
fn presumed_ties_are_not_a_claim() {
    assert!(!claimed(
        "Gunmen killed three tourists at a beach resort near Sousse on Sunday. Police said the \
         attackers were presumed to have ties to al-Qaeda.",
        "2010-10-02",
        "al-Qaeda",
    ));
}

#[test]
fn saying_it_carried_out_the_attack_is_a_claim() {
    assert!(claimed(
        "Gunmen killed two policemen in Arish on Sunday. Ansar Bait al-Maqdis said it carried out \
         the attack.",
        "2010-10-02",
        "Ansar Bait al-Maqdis",
    ));
}

#[test]
fn blamed_group_and_claiming_group_are_told_apart() {
    let i = main_incident(
        "Officials blamed the Taliban for a bomb that killed four people in Kabul on Tuesday, but \
         the Islamic State group claimed responsibility.",
        "2016-03-23",
    );
    assert!(perpetrator(&i, "Islamic State").expect("IS").claimed);
    assert!(perpetrator(&i, "Taliban").is_none_or(|p| !p.claimed));
}

// Generic actors.

#[test]
fn gunmen_are_a_perpetrator_without_a_name() {
    let i = main_incident(
        "Gunmen on motorcycles killed two traders at a market in Maiduguri on Monday, police said.",
        "2018-06-12",
    );
    assert_eq!(perpetrators(&i), vec![(None, false)]);
}

#[test]
fn militants_are_a_perpetrator_without_a_name() {
    let i = main_incident(
        "Militants attacked a checkpoint near Miranshah on Sunday, killing two soldiers, officials \
         said.",
        "2010-10-02",
    );
    assert_eq!(perpetrators(&i), vec![(None, false)]);
}

#[test]
fn suspected_rebels_are_a_perpetrator_without_a_name() {
    let i = main_incident(
        "Suspected rebels ambushed a convoy near Bunia on Sunday, killing four soldiers, the army \
         said.",
        "2010-10-02",
    );
    assert_eq!(perpetrators(&i), vec![(None, false)]);
    assert!(i.perpetrators[0].text.contains("rebels"));
}

#[test]
fn no_actor_no_perpetrator() {
    let i = main_incident(
        "A bomb ripped through a market in Kirkuk on Monday, killing 12 people, police said.",
        "2018-06-12",
    );
    assert!(i.perpetrators.is_empty(), "{:?}", i.perpetrators);
}

// Groups the lexicon does not know, named as themselves.

#[test]
fn a_group_calling_itself_by_a_name_is_that_group() {
    let i = main_incident(
        "A group calling itself Northern Lantern Brigade claimed responsibility for setting fire \
         to two banks in Thessaloniki on Monday.",
        "2010-10-02",
    );
    assert_eq!(
        perpetrators(&i),
        vec![(Some("Northern Lantern Brigade"), true)]
    );
}

#[test]
fn an_unknown_group_that_claims_the_attack_is_named() {
    let i = main_incident(
        "A bomb exploded outside a tax office in Patras on Monday. The Cell of Quiet Fire \
         claimed responsibility in a statement.",
        "2010-10-02",
    );
    assert_eq!(perpetrators(&i), vec![(Some("Cell of Quiet Fire"), true)]);
}

#[test]
fn a_place_or_a_single_word_before_a_claim_is_no_group() {
    for text in [
        "A bomb exploded outside a tax office in Patras on Monday. Greece claimed it was an \
         attack on the state.",
        "A bomb exploded outside a tax office in Patras on Monday. Nobody claimed responsibility.",
        "A bomb exploded outside a tax office in Patras on Monday. Police claimed the device was \
         small.",
    ] {
        let i = main_incident(text, "2010-10-02");
        assert!(
            i.perpetrators.iter().all(|p| p.name.is_none()),
            "{text}: {:?}",
            i.perpetrators
        );
    }
}

#[test]
fn a_note_signed_by_a_group_or_a_group_in_apposition_names_it() {
    let signed = main_incident(
        "A firebomb damaged a car dealership in Lyon on Monday, and a note signed by the Autumn \
         Wind Brigades was found at the scene.",
        "2010-10-02",
    );
    assert_eq!(
        perpetrators(&signed),
        vec![(Some("Autumn Wind Brigades"), false)]
    );
    let apposition = main_incident(
        "A little-known leftist group, Grey Sparrow, claimed responsibility for a bomb that \
         damaged a bank in Lyon on Monday.",
        "2010-10-02",
    );
    assert_eq!(
        perpetrators(&apposition),
        vec![(Some("Grey Sparrow"), true)]
    );
}

#[test]
fn a_person_who_signs_is_no_group() {
    let i = main_incident(
        "A firebomb damaged a car dealership in Lyon on Monday, in a street whose closure was \
         signed by Jean Martin, the prefect.",
        "2010-10-02",
    );
    assert!(
        i.perpetrators.iter().all(|p| p.name.is_none()),
        "{:?}",
        i.perpetrators
    );
}

#[test]
fn groups_said_to_operate_in_the_area_are_no_perpetrators() {
    let i = main_incident(
        "Gunmen abducted three engineers near Gao on Monday. No group has claimed the abduction. \
         Militias linked to al Qaeda operate in the area.",
        "2017-03-05",
    );
    assert!(
        i.perpetrators.iter().all(|p| p.name.is_none()),
        "{:?}",
        i.perpetrators
    );
    let i = main_incident(
        "A bomb damaged a police station in Derry on Monday. Police have linked the device to the \
         New IRA.",
        "2017-03-05",
    );
    assert!(
        i.perpetrators
            .iter()
            .any(|p| p.name.as_deref() == Some("New Irish Republican Army")),
        "{:?}",
        i.perpetrators
    );
}

#[test]
fn a_group_referring_to_itself_as_a_name_is_that_group() {
    let i = main_incident(
        "A group referring to itself as Grey Sparrow claimed responsibility for setting fire to \
         a bank in Thessaloniki on Monday.",
        "2010-10-02",
    );
    assert_eq!(perpetrators(&i), vec![(Some("Grey Sparrow"), true)]);
}
