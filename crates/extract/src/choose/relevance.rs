//! Whether a page reports an incident at all: a match report ("shot wide", "attack"), a road
//! accident, a court case, an anniversary, an earthquake or an arrest uses the words of
//! violence without reporting an attack. The rules' findings (casualty statements, attack
//! triggers, groups, weapons, the main incident's date) and the density of the vocabulary of
//! other topics are the features; a learned weight says how much each counts.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::analysis::Analysis;
use crate::casualties::{CasualtyKind, CasualtyStatement, Side};
use crate::resources::Strength;
use crate::segment::Draft;

/// Words of topics that borrow the vocabulary of violence without reporting an attack. One
/// list per topic; a page's share of each is a feature.
const TOPICS: &[(&str, &[&str])] = &[
    (
        "sport",
        &[
            "match",
            "goal",
            "goals",
            "striker",
            "midfielder",
            "midfield",
            "defender",
            "goalkeeper",
            "keeper",
            "league",
            "cup",
            "season",
            "coach",
            "fixture",
            "fixtures",
            "scored",
            "score",
            "penalty",
            "equaliser",
            "equalizer",
            "half-time",
            "halftime",
            "tournament",
            "championship",
            "team",
            "teams",
            "squad",
            "players",
            "player",
            "football",
            "soccer",
            "cricket",
            "rugby",
            "basketball",
            "innings",
            "wicket",
            "fc",
            "win",
            "draw",
            "defeat",
            "victory",
            "stadium",
            "fans",
            "club",
            "referee",
        ],
    ),
    (
        "accident",
        &[
            "accident",
            "crash",
            "crashed",
            "collision",
            "collided",
            "plunged",
            "overturned",
            "derailed",
            "derailment",
            "driver",
            "skidded",
            "gorge",
            "ravine",
            "capsized",
            "drowned",
            "lorry",
            "truck",
            "highway",
            "motorway",
            "brakes",
            "speeding",
        ],
    ),
    (
        "court",
        &[
            "court",
            "judge",
            "trial",
            "sentenced",
            "sentence",
            "convicted",
            "verdict",
            "jury",
            "acquitted",
            "prosecutor",
            "prosecutors",
            "prosecution",
            "defendant",
            "guilty",
            "appeal",
            "jailed",
            "prison",
            "lawyer",
            "lawyers",
            "hearing",
            "testified",
        ],
    ),
    (
        "commemoration",
        &[
            "anniversary",
            "memorial",
            "commemorate",
            "commemorated",
            "commemoration",
            "remembered",
            "remembrance",
            "wreath",
            "tribute",
            "tributes",
            "ceremony",
            "vigil",
            "mourners",
            "honour",
            "honor",
            "marked",
            "years",
            "ago",
        ],
    ),
    (
        "disaster",
        &[
            "earthquake",
            "quake",
            "magnitude",
            "tremor",
            "aftershock",
            "aftershocks",
            "flood",
            "floods",
            "flooding",
            "landslide",
            "cyclone",
            "hurricane",
            "typhoon",
            "storm",
            "tsunami",
            "rubble",
            "epicentre",
            "epicenter",
            "rescuers",
            "wildfire",
            "drought",
            "seismic",
            "volcano",
            "eruption",
        ],
    ),
    (
        "arrest",
        &[
            "arrested",
            "arrest",
            "arrests",
            "detained",
            "raid",
            "raids",
            "foiled",
            "plot",
            "plotting",
            "seized",
            "confiscated",
            "suspects",
            "custody",
            "charged",
            "charges",
            "investigation",
            "thwarted",
            "intercepted",
            "cell",
        ],
    ),
    (
        "exercise",
        &[
            "exercise",
            "exercises",
            "drill",
            "drills",
            "training",
            "live-fire",
            "manoeuvres",
            "maneuvers",
            "joint",
            "navy",
            "naval",
            "simulated",
            "rehearsal",
            "readiness",
        ],
    ),
    (
        "politics",
        &[
            "election",
            "elections",
            "vote",
            "votes",
            "voters",
            "polling",
            "ballot",
            "turnout",
            "candidate",
            "candidates",
            "parliament",
            "minister",
            "ministry",
            "policy",
            "strategy",
            "funding",
            "budget",
            "announced",
            "unveiled",
            "legislation",
            "bill",
        ],
    ),
    (
        "cyber",
        &[
            "ransomware",
            "hackers",
            "hacker",
            "hacked",
            "cyber",
            "cyberattack",
            "malware",
            "data",
            "systems",
            "servers",
            "software",
            "breach",
            "encrypted",
            "phishing",
        ],
    ),
    (
        "entertainment",
        &[
            "film", "movie", "box", "office", "actor", "actress", "album", "song", "concert",
            "festival", "premiere", "director", "sequel", "audience", "theatres", "theaters",
        ],
    ),
];

/// Words of a deed done on purpose: an attack, a shooting, a bomb (the device, not any
/// explosion), a kidnapping. A page with none of them, no attacker word and no group tells of
/// harm without anyone doing it: an accident, a disaster.
const DEEDS: &[&str] = &[
    "attack",
    "attacks",
    "attacked",
    "attacking",
    "ambush",
    "ambushed",
    "stormed",
    "raided",
    "shot",
    "shooting",
    "gunfire",
    "gunshot",
    "gunshots",
    "bomb",
    "bombs",
    "bombing",
    "bombings",
    "bombed",
    "grenade",
    "grenades",
    "ied",
    "kidnapped",
    "kidnapping",
    "abducted",
    "abduction",
    "hostage",
    "hostages",
    "assassinated",
    "assassination",
    "murdered",
    "murder",
    "stabbed",
    "beheaded",
    "torched",
    "arson",
    "massacre",
    "responsibility",
];

/// Words of proceedings in court. In a page's lead they say the page is about a trial of an
/// attack, not the attack ("sentenced to life for bombings that killed 19"). Left out: "court"
/// and "judge", as a court house or a judge may be what was attacked, and "prosecutors", who
/// speak of fresh attacks in much wire copy ("state prosecutors said").
const PROCEEDINGS: &[&str] = &[
    "trial",
    "sentenced",
    "sentencing",
    "convicted",
    "verdict",
    "jury",
    "acquitted",
    "defendant",
    "defendants",
    "guilty",
    "tribunal",
    "testimony",
    "testimonies",
    "jailed",
];

/// Words of remembrance. In a page's lead, followed closely by a deed or its dead ("the
/// anniversary of the bombing", "commemorated the victims of the massacre"), they say the
/// page marks an attack of the past; "the anniversary of the army's founding" does not.
const REMEMBRANCE: &[&str] = &[
    "anniversary",
    "commemorate",
    "commemorated",
    "commemorates",
    "commemorating",
    "commemoration",
];

/// How many words after a word of remembrance the deed remembered may come.
const REMEMBERED_WITHIN: usize = 8;

/// [`DEEDS`], to look up.
static DEED_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| DEEDS.iter().copied().collect());

/// Each topic word's topics (a word may be in several lists).
static TOPIC_OF: LazyLock<HashMap<&'static str, Vec<usize>>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, Vec<usize>> = HashMap::new();
    for (k, (_, words)) in TOPICS.iter().enumerate() {
        for w in *words {
            map.entry(*w).or_default().push(k);
        }
    }
    map
});

/// The longest topic word, in bytes: longer tokens are not looked up.
const LONGEST_TOPIC_WORD: usize = 16;

/// The features of a page, in the order of its vector.
pub const FEATURES: &[&str] = &[
    "killed_statements",
    "wounded_statements",
    "kidnapped_statements",
    "casualty_early",
    "only_negated_casualties",
    "strong_triggers",
    "strong_trigger_early",
    "weak_triggers_only",
    "groups",
    "weapons",
    "main_is_old",
    "no_main_draft",
    "agentless",
    "short_text",
    "proceedings_in_lead",
    "remembrance_in_lead",
    "topic_sport",
    "topic_accident",
    "topic_court",
    "topic_commemoration",
    "topic_disaster",
    "topic_arrest",
    "topic_exercise",
    "topic_politics",
    "topic_cyber",
    "topic_entertainment",
];

/// The sentences a lead is made of: a headline and the first sentences of the body.
const LEAD_SENTENCES: usize = 3;

/// The feature vector of a page.
pub fn features(a: &Analysis<'_>, statements: &[CasualtyStatement], drafts: &[Draft]) -> Vec<f64> {
    let flag = |b: bool| if b { 1.0 } else { 0.0 };
    let scaled = |n: usize, cap: usize| n.min(cap) as f64 / cap as f64;
    let victims = |kind: CasualtyKind| {
        statements
            .iter()
            .filter(|s| s.kind == kind && s.side == Side::Victims && !s.negated)
            .count()
    };
    let casualty_early = statements
        .iter()
        .any(|s| s.sentence < LEAD_SENTENCES && !s.negated);
    let only_negated = !statements.is_empty() && statements.iter().all(|s| s.negated);
    let strong: Vec<usize> = a
        .triggers
        .iter()
        .filter(|t| t.value.strength == Strength::Strong)
        .map(|t| t.sentence)
        .collect();
    let main = drafts.iter().find(|d| !d.background);
    let main_is_old = match (main.and_then(|d| d.date), a.published) {
        (Some(i), Some(published)) => a.dates[i]
            .value
            .start
            .is_some_and(|d| (published - d).get_days() > 365),
        _ => false,
    };
    let words = a.tokens.len().max(1);
    let lead_has = |list: &[&str]| {
        a.sentence_tokens
            .iter()
            .take(LEAD_SENTENCES)
            .any(|r| r.clone().any(|k| a.is_any(k, list)))
    };
    let remembrance_of_a_deed = a.sentence_tokens.iter().take(LEAD_SENTENCES).any(|r| {
        r.clone().any(|k| {
            a.is_any(k, REMEMBRANCE)
                && (k + 1..r.end.min(k + 1 + REMEMBERED_WITHIN)).any(|j| {
                    DEED_WORDS.contains(a.word(j).to_ascii_lowercase().as_str())
                        || a.is_any(j, &["victims", "killed", "dead"])
                })
        })
    });
    let mut topic_counts = [0usize; TOPICS.len()];
    let mut deeds = 0usize;
    let mut buffer = [0u8; LONGEST_TOPIC_WORD];
    for i in 0..a.tokens.len() {
        let w = a.word(i).as_bytes();
        if w.len() < 2 || w.len() > LONGEST_TOPIC_WORD || !w[0].is_ascii_alphabetic() {
            continue;
        }
        let lower = &mut buffer[..w.len()];
        lower.copy_from_slice(w);
        lower.make_ascii_lowercase();
        let Ok(lower) = std::str::from_utf8(lower) else {
            continue;
        };
        if DEED_WORDS.contains(lower) {
            deeds += 1;
        }
        for &k in TOPIC_OF.get(lower).map_or(&[][..], Vec::as_slice) {
            topic_counts[k] += 1;
        }
    }
    let mut out = vec![
        scaled(victims(CasualtyKind::Killed), 5),
        scaled(victims(CasualtyKind::Wounded), 5),
        scaled(victims(CasualtyKind::Kidnapped), 3),
        flag(casualty_early),
        flag(only_negated),
        scaled(strong.len(), 8),
        flag(strong.iter().any(|&s| s < LEAD_SENTENCES)),
        flag(strong.is_empty() && !a.triggers.is_empty()),
        flag(!a.groups.is_empty()),
        flag(!a.weapons.is_empty()),
        flag(main_is_old),
        flag(main.is_none()),
        flag(deeds == 0 && a.actors.is_empty() && a.groups.is_empty()),
        flag(words < 120),
        flag(lead_has(PROCEEDINGS)),
        flag(remembrance_of_a_deed),
    ];
    // A topic's share of the words, per hundred, capped at 5.
    out.extend(
        topic_counts
            .iter()
            .map(|&n| (n as f64 * 100.0 / words as f64).min(5.0) / 5.0),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_topic_word_is_too_long_to_be_looked_up() {
        for (_, words) in TOPICS {
            for w in *words {
                assert!(w.len() <= LONGEST_TOPIC_WORD, "{w}");
                assert_eq!(w.to_ascii_lowercase(), *w);
            }
        }
    }

    #[test]
    fn one_feature_per_topic() {
        assert_eq!(
            FEATURES.iter().filter(|f| f.starts_with("topic_")).count(),
            TOPICS.len()
        );
        for (k, (name, _)) in TOPICS.iter().enumerate() {
            assert_eq!(
                FEATURES[FEATURES.len() - TOPICS.len() + k],
                format!("topic_{name}")
            );
        }
    }
}
