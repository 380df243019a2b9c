//! The closed vocabularies of the output contract: event types, target types and weapon types.
//!
//! They follow the Global Terrorism Database codebook, widened for armed conflict (air strikes,
//! shelling, clashes, riots). Every enum serialises to the snake_case names listed in DESIGN.md
//! and parses back from them with [`std::str::FromStr`].

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The error returned when a string is not one of a taxonomy's names.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} {value:?}; expected one of: {allowed}")]
pub struct UnknownLabel {
    /// Which vocabulary was asked for ("event type", "target type", "weapon").
    pub kind: &'static str,
    /// The string that did not match.
    pub value: String,
    /// The allowed names, comma separated.
    pub allowed: String,
}

macro_rules! taxonomy {
    (
        $(#[$meta:meta])*
        $name:ident, $kind:literal {
            $($(#[$vmeta:meta])* $variant:ident => $label:literal,)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every value, in the order of the taxonomy.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The snake_case name used in JSON, SQL and on the command line.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = UnknownLabel;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let wanted = s.trim();
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str().eq_ignore_ascii_case(wanted))
                    .ok_or_else(|| UnknownLabel {
                        kind: $kind,
                        value: s.to_string(),
                        allowed: $name::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", "),
                    })
            }
        }
    };
}

taxonomy! {
    /// What kind of attack or violent event an incident is.
    EventType, "event type" {
        /// A targeted killing of a named person, usually a public figure.
        Assassination => "assassination",
        /// An attack with firearms, blades or other weapons on people.
        ArmedAssault => "armed_assault",
        /// A bombing or explosion, including suicide and vehicle bombs.
        Bombing => "bombing",
        /// The seizure of a vehicle (aircraft, ship, bus, car).
        Hijacking => "hijacking",
        /// Hostages held at a location, often with a siege.
        HostageBarricade => "hostage_barricade",
        /// People abducted and taken away.
        Kidnapping => "kidnapping",
        /// An attack on a building or infrastructure (arson, sabotage).
        FacilityAttack => "facility_attack",
        /// An attack without weapons (beating, chemical thrown by hand).
        UnarmedAssault => "unarmed_assault",
        /// A strike from aircraft or drones.
        AirStrike => "air_strike",
        /// Artillery, mortar or rocket fire.
        Shelling => "shelling",
        /// Fighting between armed forces or groups.
        ArmedClash => "armed_clash",
        /// A violent demonstration or mob violence.
        Riot => "riot",
        /// Violence whose kind the text does not say.
        Unknown => "unknown",
    }
}

taxonomy! {
    /// Who or what an attack was aimed at.
    TargetType, "target type" {
        /// Businesses, banks, hotels, restaurants and their staff.
        Business => "business",
        /// Government officials, offices and buildings (not police or military).
        Government => "government",
        /// Police officers, stations, checkpoints and patrols.
        Police => "police",
        /// Soldiers, bases, convoys and military installations.
        Military => "military",
        /// Abortion clinics and their staff.
        AbortionRelated => "abortion_related",
        /// Airports and aircraft.
        AirportAircraft => "airport_aircraft",
        /// Embassies, consulates and diplomats.
        Diplomatic => "diplomatic",
        /// Schools, universities, teachers and students.
        Educational => "educational",
        /// Food or water supply.
        FoodWater => "food_water",
        /// Journalists and media outlets.
        JournalistsMedia => "journalists_media",
        /// Ships, ports and maritime facilities.
        Maritime => "maritime",
        /// Non-governmental and aid organisations and their staff.
        Ngo => "ngo",
        /// Private citizens and property: civilians, villagers, homes, markets.
        PrivateCitizens => "private_citizens",
        /// Religious figures and places of worship.
        Religious => "religious",
        /// Telecommunication infrastructure.
        Telecommunication => "telecommunication",
        /// Non-state armed groups, militias and their members.
        Militia => "militia",
        /// Tourists and tour buses.
        Tourists => "tourists",
        /// Public transport other than aviation: buses, trains, roads, bridges.
        Transportation => "transportation",
        /// Power, gas, oil and water utilities.
        Utilities => "utilities",
        /// Political parties, candidates and rallies.
        PoliticalParty => "political_party",
        /// Something else the taxonomy does not name.
        Other => "other",
        /// The text does not say.
        Unknown => "unknown",
    }
}

taxonomy! {
    /// The means of an attack.
    Weapon, "weapon" {
        /// Biological agents.
        Biological => "biological",
        /// Chemical agents, poison, acid.
        Chemical => "chemical",
        /// Radiological material.
        Radiological => "radiological",
        /// Nuclear devices.
        Nuclear => "nuclear",
        /// Guns of every kind.
        Firearms => "firearms",
        /// Bombs, grenades, mines, rockets, IEDs.
        Explosives => "explosives",
        /// Fake or hoax weapons.
        FakeWeapons => "fake_weapons",
        /// Arson, fire, petrol bombs.
        Incendiary => "incendiary",
        /// Knives, machetes, blunt objects, hands.
        Melee => "melee",
        /// A vehicle used as a weapon (ramming), not a vehicle bomb.
        Vehicle => "vehicle",
        /// Sabotage equipment.
        SabotageEquipment => "sabotage_equipment",
        /// Something else the taxonomy does not name.
        Other => "other",
        /// The text does not say.
        Unknown => "unknown",
    }
}

/// How exact a resolved date is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    /// A single calendar day.
    Day,
    /// A week ("last week").
    Week,
    /// A calendar month ("in March", "earlier this month").
    Month,
    /// A calendar year ("in 2012").
    Year,
}

/// How exact a location is, from most to least specific.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum LocationPrecision {
    /// A point more exact than a populated place (an offset from a city, a landmark).
    Point,
    /// A populated place.
    City,
    /// A second-level administrative division (district, county, department, upazila).
    Admin2,
    /// A first-level administrative division (state, province, governorate).
    Admin1,
    /// A whole country.
    Country,
}

impl DatePrecision {
    /// The snake_case name used in JSON and SQL.
    pub const fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Week => "week",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
        }
    }
}

impl LocationPrecision {
    /// The snake_case name used in JSON and SQL.
    pub const fn as_str(self) -> &'static str {
        match self {
            LocationPrecision::Point => "point",
            LocationPrecision::City => "city",
            LocationPrecision::Admin2 => "admin2",
            LocationPrecision::Admin1 => "admin1",
            LocationPrecision::Country => "country",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_through_from_str_and_serde() {
        for &t in EventType::ALL {
            assert_eq!(t.as_str().parse::<EventType>(), Ok(t));
            assert_eq!(
                serde_json::to_string(&t).unwrap(),
                format!("\"{}\"", t.as_str())
            );
        }
        for &t in TargetType::ALL {
            assert_eq!(t.as_str().parse::<TargetType>(), Ok(t));
            assert_eq!(
                serde_json::to_string(&t).unwrap(),
                format!("\"{}\"", t.as_str())
            );
        }
        for &w in Weapon::ALL {
            assert_eq!(w.as_str().parse::<Weapon>(), Ok(w));
            assert_eq!(
                serde_json::to_string(&w).unwrap(),
                format!("\"{}\"", w.as_str())
            );
        }
    }

    #[test]
    fn taxonomy_sizes_match_the_design() {
        assert_eq!(EventType::ALL.len(), 13);
        assert_eq!(TargetType::ALL.len(), 22);
        assert_eq!(Weapon::ALL.len(), 13);
    }

    #[test]
    fn unknown_label_lists_the_allowed_names() {
        let err = "drone".parse::<Weapon>().unwrap_err();
        assert!(err.to_string().contains("firearms"));
        assert!(err.to_string().contains("\"drone\""));
    }
}
