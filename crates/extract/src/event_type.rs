//! The event type of an incident, decided from its own sentences.
//!
//! Strong triggers (a car bomb, hostages, an air strike) decide on their own; when several
//! strong types are present, the Global Terrorism Database hierarchy picks one (assassination,
//! hijacking, hostage-taking, kidnapping, then air strike and shelling, which explain the
//! explosions they cause, bombing, facility attack, armed assault, armed clash, unarmed
//! assault, riot). Weak triggers ("gunmen", "stormed", "set fire", a thrown grenade) decide only
//! when nothing strong is said, an assault by gunmen winning over the grenades they carry; then
//! weapons. A
//! targeted killing of a prominent person (an official, a commander, a judge) is an
//! assassination.

use sitrep_model::{ByteSpan, EventType, Weapon};

use crate::analysis::{Analysis, Located};
use crate::choose::event::{self, Cues, Flags, TypeCues};
use crate::resources::{Strength, Trigger};

/// Which type wins when strong triggers of several types are present.
const STRONG_ORDER: &[EventType] = &[
    EventType::Assassination,
    EventType::Hijacking,
    EventType::HostageBarricade,
    EventType::Kidnapping,
    EventType::AirStrike,
    EventType::Shelling,
    EventType::Bombing,
    EventType::FacilityAttack,
    EventType::ArmedAssault,
    EventType::ArmedClash,
    EventType::UnarmedAssault,
    EventType::Riot,
];

/// Which type wins among weak triggers: an assault by gunmen who also threw a grenade is an
/// armed assault; a grenade alone is a bombing.
const WEAK_ORDER: &[EventType] = &[
    EventType::Assassination,
    EventType::Hijacking,
    EventType::HostageBarricade,
    EventType::Kidnapping,
    EventType::FacilityAttack,
    EventType::ArmedAssault,
    EventType::Bombing,
    EventType::ArmedClash,
    EventType::UnarmedAssault,
    EventType::Riot,
];

/// What decided the type.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Decision {
    /// The type.
    pub event_type: EventType,
    /// The trigger that decided it, if any.
    pub trigger: Option<usize>,
}

/// Decides the type from the triggers and weapons of `sentences`. `prominent_victim` says that
/// a prominent person was the target of a killing.
pub fn decide(
    a: &Analysis<'_>,
    sentences: &[usize],
    weapons: &[Weapon],
    prominent_victim: bool,
    kidnapped: bool,
    people_harmed: bool,
) -> Decision {
    let decision = decide_by_words(a, sentences, weapons, prominent_victim, kidnapped);
    // A facility attack aims at property; fire set to kill or wound people (a petrol bomb at a
    // patrol, villagers shot and houses burned) is an armed assault.
    if decision.event_type == EventType::FacilityAttack && people_harmed {
        return Decision {
            event_type: EventType::ArmedAssault,
            ..decision
        };
    }
    decision
}

fn decide_by_words(
    a: &Analysis<'_>,
    sentences: &[usize],
    weapons: &[Weapon],
    prominent_victim: bool,
    kidnapped: bool,
) -> Decision {
    let triggers: Vec<(usize, &Located<Trigger>)> = a
        .triggers
        .iter()
        .enumerate()
        .filter(|(_, t)| sentences.contains(&t.sentence))
        .collect();
    let pick = |strength: Strength| -> Option<Decision> {
        let present: Vec<&(usize, &Located<Trigger>)> = triggers
            .iter()
            .filter(|(_, t)| {
                effective_strength(a, t) == Some(strength)
                    && t.value.event_type != EventType::Unknown
            })
            .collect();
        let mut types: Vec<EventType> = present.iter().map(|(_, t)| t.value.event_type).collect();
        // Hostages held in a siege are a barricade; hostages alone, a kidnapping.
        if types.contains(&EventType::HostageBarricade) && !has_siege(a, sentences) {
            types.retain(|t| *t != EventType::HostageBarricade);
            types.push(EventType::Kidnapping);
        }
        // "Assailants attacked a checkpoint": an attack by armed men is an armed assault.
        // Only when no trigger says how: rockets fired by assailants are still a bombing.
        let attack = (strength == Strength::Weak)
            .then(|| attack_by_actor(a, sentences))
            .flatten();
        if attack.is_some() && types.is_empty() {
            types.push(EventType::ArmedAssault);
        }
        let order = if strength == Strength::Strong {
            STRONG_ORDER
        } else {
            WEAK_ORDER
        };
        let best = order.iter().find(|h| types.contains(h))?;
        let trigger = present
            .iter()
            .find(|(_, t)| t.value.event_type == *best)
            .map(|(i, _)| *i)
            .or(attack.filter(|_| *best == EventType::ArmedAssault));
        Some(Decision {
            event_type: *best,
            trigger,
        })
    };
    if prominent_victim {
        return Decision {
            event_type: EventType::Assassination,
            trigger: None,
        };
    }
    if let Some(d) = pick(Strength::Strong) {
        return d;
    }
    if kidnapped {
        return Decision {
            event_type: EventType::Kidnapping,
            trigger: None,
        };
    }
    if let Some(d) = pick(Strength::Weak) {
        return d;
    }
    let from_weapon = if weapons.contains(&Weapon::Chemical)
        || weapons.contains(&Weapon::Biological)
        || weapons.contains(&Weapon::Vehicle)
    {
        // Poison, acid, anthrax, a car driven into a crowd: the GTD's unarmed assault.
        Some(EventType::UnarmedAssault)
    } else if weapons.contains(&Weapon::Explosives) {
        Some(EventType::Bombing)
    } else if weapons.contains(&Weapon::Firearms) || weapons.contains(&Weapon::Melee) {
        Some(EventType::ArmedAssault)
    } else if weapons.contains(&Weapon::Incendiary) {
        Some(EventType::FacilityAttack)
    } else {
        None
    };
    if let Some(t) = from_weapon {
        return Decision {
            event_type: t,
            trigger: None,
        };
    }
    let any = triggers.first().map(|(i, _)| *i);
    Decision {
        event_type: EventType::Unknown,
        trigger: any,
    }
}

/// A clash that follows an attack ("in the ensuing clash") does not make the attack a clash;
/// a trigger that names a run of events ("amid a wave of assassinations and bombings") says
/// nothing of this one: `None`.
fn effective_strength(a: &Analysis<'_>, t: &Located<Trigger>) -> Option<Strength> {
    if names_a_run_of_events(a, t.span, t.sentence) {
        return None;
    }
    let i = a.token_at(t.span.start);
    if t.value.event_type == EventType::ArmedClash
        && t.value.strength == Strength::Strong
        && (i.saturating_sub(2)..i).any(|k| {
            a.is_any(
                k,
                &["ensuing", "subsequent", "resulting", "following", "ensued"],
            )
        })
    {
        return Some(Strength::Weak);
    }
    Some(t.value.strength)
}

/// Words that make a plural of events a trend rather than this event: "a wave of bombings",
/// "a spate of kidnappings", "a rise in assassinations".
const RUN_OF_EVENTS: &[&str] = &[
    "wave",
    "waves",
    "spate",
    "string",
    "campaign",
    "rash",
    "surge",
    "upsurge",
    "rise",
    "increase",
    "escalation",
    "spike",
    "cycle",
];

/// Verbs that make "a series of bombings" a place's history: "the city, which has suffered a
/// series of bombings".
const ENDURED: &[&str] = &[
    "suffered",
    "seen",
    "witnessed",
    "experienced",
    "endured",
    "plagued",
];

/// Whether the plural trigger or weapon word at `span` (in `sentence`) is one of a list governed
/// by a [`RUN_OF_EVENTS`] word ("a wave of assassinations and bombings"). "A series of bombings" is
/// one incident of coordinated attacks, unless a place has [`ENDURED`] it.
pub(crate) fn names_a_run_of_events(a: &Analysis<'_>, span: ByteSpan, sentence: usize) -> bool {
    if !a.text[span.range()].ends_with('s') {
        return false;
    }
    let start = a.sentence_tokens[sentence].start;
    let mut k = a.token_at(span.start);
    for _ in 0..6 {
        if k < start + 2 {
            return false;
        }
        k -= 1;
        let w = a.word(k);
        if a.is_any(k, &["of", "in"]) {
            return a.is_any(k - 1, RUN_OF_EVENTS)
                || (a.is(k - 1, "series")
                    && (k.saturating_sub(4).max(start)..k - 1).any(|j| a.is_any(j, ENDURED)));
        }
        // Only the rest of the list may stand between: "suicide", "assassinations and".
        let list_word = w == "," || w.chars().all(|c| c.is_ascii_lowercase() || c == '-');
        if !list_word {
            return false;
        }
    }
    false
}

/// The "attacked" trigger of a sentence in which an armed group or generic attackers appear
/// ("Assailants attacked a checkpoint"), as an index into the analysis' triggers.
fn attack_by_actor(a: &Analysis<'_>, sentences: &[usize]) -> Option<usize> {
    const ATTACK_VERBS: [&str; 7] = [
        "attacked",
        "attacking",
        "attack",
        "assaulted",
        "stormed",
        "overran",
        "raided",
    ];
    a.triggers.iter().position(|t| {
        let s = t.sentence;
        sentences.contains(&s)
            && t.value.event_type == EventType::Unknown
            && (a.actors.iter().any(|x| x.sentence == s)
                || a.groups.iter().any(|g| g.sentence == s))
            && a.is_any(a.token_at(t.span.start), &ATTACK_VERBS)
    })
}

fn has_siege(a: &Analysis<'_>, sentences: &[usize]) -> bool {
    a.triggers.iter().any(|t| {
        sentences.contains(&t.sentence) && {
            let w = a.text[t.span.range()].to_ascii_lowercase();
            w.contains("siege")
                || w.contains("barricade")
                || w.contains("held hostage")
                || w.contains("hostage crisis")
                || w.contains("hostage situation")
                || w.contains("besieged")
        }
    })
}

/// What the learned choice reads of an incident's type ([`crate::choose::event`]): the cues
/// of each type in `sentences` and the types the words support. The rules' own choice is
/// always a candidate.
pub fn cues(
    a: &Analysis<'_>,
    sentences: &[usize],
    weapons: &[Weapon],
    flags: Flags,
    rule: EventType,
) -> Cues {
    let lead = sentences.iter().min().copied();
    let mut per_type = Vec::new();
    let mut candidates = Vec::new();
    for t in event::classes() {
        let mut c = TypeCues::default();
        for trigger in a
            .triggers
            .iter()
            .filter(|x| x.value.event_type == t && sentences.contains(&x.sentence))
        {
            match effective_strength(a, trigger) {
                Some(Strength::Strong) => c.strong = true,
                Some(Strength::Weak) => c.weak = true,
                None => continue,
            }
            c.lead |= Some(trigger.sentence) == lead;
        }
        if c.strong || c.weak {
            candidates.push(t);
        }
        per_type.push(c);
    }
    let implied = [
        (flags.prominent_victim, EventType::Assassination),
        (flags.kidnapped, EventType::Kidnapping),
        (flags.attack_by_actor, EventType::ArmedAssault),
        (weapons.contains(&Weapon::Explosives), EventType::Bombing),
        (
            weapons.contains(&Weapon::Firearms) || weapons.contains(&Weapon::Melee),
            EventType::ArmedAssault,
        ),
        (
            weapons.contains(&Weapon::Incendiary),
            EventType::FacilityAttack,
        ),
        (
            weapons.contains(&Weapon::Chemical) || weapons.contains(&Weapon::Vehicle),
            EventType::UnarmedAssault,
        ),
        (rule != EventType::Unknown, rule),
    ];
    for (present, t) in implied {
        if present && !candidates.contains(&t) {
            candidates.push(t);
        }
    }
    let mut cues = Cues::new(&per_type, rule, weapons, flags, candidates);
    cues.assassination_named = a.triggers.iter().any(|t| {
        Some(t.sentence) == lead
            && t.value.event_type == EventType::Assassination
            && effective_strength(a, t) == Some(Strength::Strong)
            && a.text[t.span.range()]
                .get(..8)
                .is_some_and(|w| w.eq_ignore_ascii_case("assassin"))
    });
    cues
}

/// The facts [`cues`] needs beside the words, read from the same sentences.
pub fn flags(
    a: &Analysis<'_>,
    sentences: &[usize],
    prominent_victim: bool,
    kidnapped: bool,
    people_harmed: bool,
) -> Flags {
    Flags {
        prominent_victim,
        kidnapped,
        people_harmed,
        attack_by_actor: attack_by_actor(a, sentences).is_some(),
        siege: has_siege(a, sentences),
    }
}

/// The trigger that says an incident is of type `t`: a strong one first, then a weak one.
pub fn trigger_of(a: &Analysis<'_>, sentences: &[usize], t: EventType) -> Option<usize> {
    let of_type = |strength: Strength| {
        a.triggers.iter().position(|x| {
            x.value.event_type == t
                && sentences.contains(&x.sentence)
                && effective_strength(a, x) == Some(strength)
        })
    };
    of_type(Strength::Strong).or_else(|| of_type(Strength::Weak))
}
