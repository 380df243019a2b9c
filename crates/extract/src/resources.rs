//! Everything extraction needs, compiled once and shared read-only across threads.

use std::collections::HashSet;

use sitrep_geo::{Gazetteer, GazetteerSources};
use sitrep_model::{EventType, TargetType, Weapon};

use crate::choose::{ModelSources, Models};
use crate::error::{ResourceError, Result};
use crate::groups::GroupLexicon;
use crate::lexicon::{PhraseLexicon, rows};

/// How decisive an event trigger is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Decides the event type only when nothing strong is said.
    Weak,
    /// Decides the event type on its own.
    Strong,
}

/// An event trigger's meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trigger {
    /// The event type it indicates.
    pub event_type: EventType,
    /// How decisive it is.
    pub strength: Strength,
}

/// A target noun's meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TargetNoun {
    /// The target type.
    pub kind: TargetType,
    /// Whether the noun names people (who can be casualties).
    pub person: bool,
    /// Whether a targeted killing of this person is an assassination.
    pub prominent: bool,
    /// Whether the noun is a private or company vehicle ("car", "truck"): its owner or its
    /// passengers, when named, are the target, and it leads only when nothing else is named.
    pub vehicle: bool,
}

/// The raw text of every data file extraction uses.
#[derive(Debug, Clone, Copy)]
pub struct ResourceSources<'a> {
    /// The gazetteer tables.
    pub gazetteer: GazetteerSources<'a>,
    /// `lexicons/groups.tsv`, written by hand.
    pub groups: &'a str,
    /// `lexicons/groups_mined.tsv`, mined from the training perpetrator fields.
    pub groups_mined: &'a str,
    /// `lexicons/triggers.tsv`.
    pub triggers: &'a str,
    /// `lexicons/weapons.tsv`.
    pub weapons: &'a str,
    /// `lexicons/targets.tsv`.
    pub targets: &'a str,
    /// `lexicons/actors.tsv`.
    pub actors: &'a str,
    /// `lexicons/common_words.txt`: lower-case English words that are also place names.
    pub common_words: &'a str,
    /// `models/*.tsv`: the fitted models.
    pub models: ModelSources<'a>,
}

impl ResourceSources<'static> {
    /// The data files compiled into the binary from `data/`.
    pub fn embedded() -> Self {
        ResourceSources {
            gazetteer: GazetteerSources {
                countries: include_str!("../../../data/geo/countries.tsv"),
                admin1: include_str!("../../../data/geo/admin1.tsv"),
                admin2: include_str!("../../../data/geo/admin2.tsv"),
                cities: include_str!("../../../data/geo/cities.tsv"),
            },
            groups: include_str!("../../../data/lexicons/groups.tsv"),
            groups_mined: include_str!("../../../data/lexicons/groups_mined.tsv"),
            triggers: include_str!("../../../data/lexicons/triggers.tsv"),
            weapons: include_str!("../../../data/lexicons/weapons.tsv"),
            targets: include_str!("../../../data/lexicons/targets.tsv"),
            actors: include_str!("../../../data/lexicons/actors.tsv"),
            common_words: include_str!("../../../data/lexicons/common_words.txt"),
            models: ModelSources::embedded(),
        }
    }
}

/// Compiled gazetteer and lexicons. Build once (start-up), then share `&Resources` across
/// threads: nothing in it changes after construction.
#[derive(Debug)]
pub struct Resources {
    /// Places, divisions, countries and demonyms.
    pub gazetteer: Gazetteer,
    /// Armed groups.
    pub groups: GroupLexicon,
    /// Event triggers.
    pub triggers: PhraseLexicon<Trigger>,
    /// Weapons.
    pub weapons: PhraseLexicon<Weapon>,
    /// Target nouns.
    pub targets: PhraseLexicon<TargetNoun>,
    /// Generic attacker words ("gunmen", "militants").
    pub actors: PhraseLexicon<()>,
    /// Lower-case English words that are also place names ("police", "mission").
    pub common_words: HashSet<String>,
    /// The fitted models that choose among the rules' candidates.
    pub models: Models,
}

fn lexicon_error(file: &'static str, line: usize, message: impl Into<String>) -> ResourceError {
    ResourceError::Lexicon {
        file,
        line,
        message: message.into(),
    }
}

impl Resources {
    /// Compiles resources from data files' text.
    pub fn from_sources(sources: ResourceSources<'_>) -> Result<Self> {
        let gazetteer = Gazetteer::from_sources(sources.gazetteer)?;
        let groups = GroupLexicon::parse(sources.groups, sources.groups_mined)?;

        let mut triggers = Vec::new();
        for (line, cols) in rows(sources.triggers) {
            let [phrases, kind, strength] = cols[..] else {
                return Err(lexicon_error("triggers.tsv", line, "expected 3 columns"));
            };
            let event_type: EventType = kind.parse().map_err(|e: sitrep_model::UnknownLabel| {
                lexicon_error("triggers.tsv", line, e.to_string())
            })?;
            let strength = match strength.trim() {
                "strong" => Strength::Strong,
                "weak" => Strength::Weak,
                other => {
                    return Err(lexicon_error(
                        "triggers.tsv",
                        line,
                        format!("strength {other:?} is not strong or weak"),
                    ));
                }
            };
            for p in phrases.split('|') {
                triggers.push((
                    p,
                    Trigger {
                        event_type,
                        strength,
                    },
                ));
            }
        }

        let mut weapons = Vec::new();
        for (line, cols) in rows(sources.weapons) {
            let [phrases, kind] = cols[..] else {
                return Err(lexicon_error("weapons.tsv", line, "expected 2 columns"));
            };
            let weapon: Weapon = kind.parse().map_err(|e: sitrep_model::UnknownLabel| {
                lexicon_error("weapons.tsv", line, e.to_string())
            })?;
            weapons.extend(phrases.split('|').map(|p| (p, weapon)));
        }

        let mut targets = Vec::new();
        for (line, cols) in rows(sources.targets) {
            let (phrases, kind, flags) = match cols[..] {
                [p, k] => (p, k, ""),
                [p, k, f] => (p, k, f),
                _ => {
                    return Err(lexicon_error(
                        "targets.tsv",
                        line,
                        "expected 2 or 3 columns",
                    ));
                }
            };
            let kind: TargetType = kind.parse().map_err(|e: sitrep_model::UnknownLabel| {
                lexicon_error("targets.tsv", line, e.to_string())
            })?;
            let mut noun = TargetNoun {
                kind,
                person: false,
                prominent: false,
                vehicle: false,
            };
            for flag in flags.split_whitespace() {
                match flag {
                    "person" => noun.person = true,
                    "prominent" => noun.prominent = true,
                    "vehicle" => noun.vehicle = true,
                    other => {
                        return Err(lexicon_error(
                            "targets.tsv",
                            line,
                            format!("unknown flag {other:?}"),
                        ));
                    }
                }
            }
            targets.extend(phrases.split('|').map(|p| (p, noun)));
        }

        let actors: Vec<(&str, ())> = rows(sources.actors)
            .flat_map(|(_, cols)| {
                cols.into_iter()
                    .next()
                    .into_iter()
                    .flat_map(|c| c.split('|'))
            })
            .map(|p| (p, ()))
            .collect();

        let common_words = sources
            .common_words
            .lines()
            .map(str::trim)
            .filter(|w| !w.is_empty() && !w.starts_with('#'))
            .map(str::to_string)
            .collect();

        Ok(Resources {
            gazetteer,
            groups,
            triggers: PhraseLexicon::new("triggers.tsv", triggers)?,
            weapons: PhraseLexicon::new("weapons.tsv", weapons)?,
            targets: PhraseLexicon::new("targets.tsv", targets)?,
            actors: PhraseLexicon::new("actors.tsv", actors)?,
            common_words,
            models: Models::parse(sources.models)?,
        })
    }

    /// Compiles the data files embedded in the binary.
    pub fn embedded() -> Result<Self> {
        Self::from_sources(ResourceSources::embedded())
    }
}
