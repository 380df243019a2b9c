//! Weapons: the means of an attack, without repeats, in taxonomy order.

mod common;

use common::main_incident;
use sitrep_model::Weapon;

fn weapons(text: &str, published: &str) -> Vec<Weapon> {
    main_incident(text, published).weapons
}

#[test]
fn machine_guns_are_firearms() {
    assert_eq!(
        weapons(
            "Militants armed with machine guns attacked a checkpoint in Arish on Monday, killing \
             five policemen.",
            "2018-05-15",
        ),
        vec![Weapon::Firearms]
    );
}

#[test]
fn a_car_bomb_is_explosives_not_a_vehicle() {
    assert_eq!(
        weapons(
            "A car bomb exploded near a busy intersection in Diyarbakir on Monday, wounding six \
             people, officials said.",
            "2016-04-19",
        ),
        vec![Weapon::Explosives]
    );
}

#[test]
fn an_ied_is_explosives() {
    assert_eq!(
        weapons(
            "An improvised explosive device hit an army vehicle in Pulwama on Monday, wounding \
             three soldiers, police said.",
            "2018-05-15",
        ),
        vec![Weapon::Explosives]
    );
}

#[test]
fn a_suicide_vest_is_explosives() {
    assert_eq!(
        weapons(
            "A woman wearing a suicide vest blew herself up at a checkpoint in Maiduguri on \
             Monday, killing three vigilantes.",
            "2018-05-15",
        ),
        vec![Weapon::Explosives]
    );
}

#[test]
fn a_grenade_is_explosives() {
    assert_eq!(
        weapons(
            "A dozen people were wounded when a grenade was thrown into a crowded bar in Bujumbura \
             on Friday night, police said.",
            "2017-02-11",
        ),
        vec![Weapon::Explosives]
    );
}

#[test]
fn rifles_and_rocket_propelled_grenades_are_firearms_and_explosives_in_order() {
    assert_eq!(
        weapons(
            "Insurgents fired rocket-propelled grenades and AK-47 rifles at an army base in \
             Paktika province on Monday, killing two soldiers.",
            "2018-05-15",
        ),
        vec![Weapon::Firearms, Weapon::Explosives]
    );
}

#[test]
fn setting_fire_is_incendiary() {
    assert_eq!(
        weapons(
            "Arsonists set fire to a mosque in the city of Uppsala overnight on Sunday; no one was \
             injured, police said.",
            "2018-05-15",
        ),
        vec![Weapon::Incendiary]
    );
}

#[test]
fn petrol_bombs_are_incendiary() {
    assert_eq!(
        weapons(
            "Masked men threw petrol bombs at a police station in Derry on Monday night, police \
             said. No one was hurt.",
            "2018-05-15",
        ),
        vec![Weapon::Incendiary]
    );
}

#[test]
fn a_knife_is_melee() {
    let w = weapons(
        "A man armed with a knife stabbed two police officers outside a station in Brussels on \
         Monday before he was shot.",
        "2018-05-15",
    );
    assert!(w.contains(&Weapon::Melee), "{w:?}");
}

#[test]
fn machetes_are_melee() {
    assert_eq!(
        weapons(
            "Attackers wielding machetes killed nine villagers in Beni territory on Monday, local \
             officials said.",
            "2018-05-15",
        ),
        vec![Weapon::Melee]
    );
}

#[test]
fn acid_is_chemical() {
    assert_eq!(
        weapons(
            "Two men on a motorcycle threw acid at a schoolteacher in Kandahar on Monday, wounding \
             her, police said.",
            "2018-05-15",
        ),
        vec![Weapon::Chemical]
    );
}

#[test]
fn a_rammed_van_is_a_vehicle() {
    assert_eq!(
        weapons(
            "An attacker rammed a van into pedestrians on a busy street in Toronto on Monday, \
             killing three people.",
            "2018-05-15",
        ),
        vec![Weapon::Vehicle]
    );
}

#[test]
fn gunmen_opening_fire_use_firearms() {
    assert_eq!(
        weapons(
            "Gunmen opened fire on a wedding party in a village near Jos on Monday, killing eight \
             guests, police said.",
            "2017-06-06",
        ),
        vec![Weapon::Firearms]
    );
}

#[test]
fn a_water_pistol_is_no_firearm() {
    let found = weapons(
        "A man used a water pistol to spray acid at a shopkeeper in Dhaka on Friday, wounding \
         him, police said.",
        "2018-05-15",
    );
    assert!(!found.contains(&Weapon::Firearms), "{found:?}");
    assert!(found.contains(&Weapon::Chemical), "{found:?}");
}

#[test]
fn a_wave_of_bombings_gives_no_weapon() {
    let w = weapons(
        "Men on a motorbike threw acid at three women teachers in Jalalabad on Tuesday, amid a \
         wave of kidnappings and bombings in the province.",
        "2019-03-14",
    );
    assert!(!w.contains(&Weapon::Explosives), "{w:?}");
}
