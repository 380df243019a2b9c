//! What an incident's own sentences say about harm to people when they give no figure.
//!
//! News always tells a death or an injury when there is one. So a report that speaks of no
//! one dying and no one hurt, and instead says the bomb was defused, the attack was foiled,
//! the hostages walked free unharmed or the building burned, reports an incident without
//! victims: a careful coder (and the GTD) codes it 0 killed, 0 wounded. These are the cues.

use sitrep_model::ByteSpan;

use crate::analysis::Analysis;

/// Words that speak of someone dying.
const DEATH: &[&str] = &[
    "killed",
    "kill",
    "kills",
    "killing",
    "dead",
    "died",
    "die",
    "dies",
    "death",
    "deaths",
    "fatalities",
    "fatality",
    "fatal",
    "fatally",
    "bodies",
    "body",
    "lives",
    "slain",
    "perished",
    "executed",
    "murdered",
    "beheaded",
    "hanged",
    "lynched",
    "massacred",
    "toll",
    "corpse",
    "corpses",
    "martyred",
    "succumbed",
];

/// Words that speak of someone hurt (or of casualties of either kind).
const HARM: &[&str] = &[
    "wounded",
    "wounding",
    "wounds",
    "injured",
    "injuring",
    "injuries",
    "injury",
    "hurt",
    "harmed",
    "casualties",
    "casualty",
    "hospitalized",
    "hospitalised",
    "hospital",
    "treated",
    "shot",
    "stabbed",
    "beaten",
    "assaulted",
    "poisoned",
    "sickened",
    "burns",
    "victim",
    "victims",
];

/// Words that speak of someone injured, and nothing else.
const INJURY: &[&str] = &[
    "wounded",
    "wounding",
    "injured",
    "injuring",
    "injuries",
    "hurt",
    "hospitalized",
    "hospitalised",
];

/// Phrases that say an attack ended without harm to people: a device made safe or that
/// failed, an attack stopped before it happened, people unharmed or absent.
const HARMLESS: &[&[&str]] = &[
    &["defused"],
    &["diffused"],
    &["disarmed"],
    &["dismantled"],
    &["deactivated"],
    &["foiled"],
    &["thwarted"],
    &["intercepted"],
    &["failed", "to", "explode"],
    &["failed", "to", "detonate"],
    &["failed", "to", "ignite"],
    &["did", "not", "explode"],
    &["did", "not", "detonate"],
    &["did", "not", "ignite"],
    &["didn't", "explode"],
    &["fizzled"],
    &["unharmed"],
    &["unhurt"],
    &["unscathed"],
    &["no", "one", "was", "inside"],
    &["nobody", "was", "inside"],
    &["no", "one", "was", "in", "the"],
    &["was", "empty"],
    &["were", "empty"],
    &["was", "unoccupied"],
];

/// Phrases that report damage to property: the outcome of an attack on things, not people.
const DAMAGE: &[&[&str]] = &[
    &["damage"],
    &["damages"],
    &["damaged"],
    &["destroyed"],
    &["destroying"],
    &["burned"],
    &["burnt"],
    &["burning"],
    &["gutted"],
    &["razed"],
    &["torched"],
    &["vandalized"],
    &["vandalised"],
    &["set", "fire"],
    &["set", "on", "fire"],
    &["set", "ablaze"],
    &["setting", "fire"],
    &["sets", "fire"],
    &["arson"],
    &["firebombed"],
    &["fire-bombed"],
    &["toppled"],
    &["defaced"],
    &["ransacked"],
];

/// Whether sentence `s` speaks of anyone dying.
pub fn mentions_death(a: &Analysis<'_>, s: usize) -> bool {
    a.sentence_tokens[s].clone().any(|i| a.is_any(i, DEATH))
}

/// Whether sentence `s` speaks of anyone hurt, or of casualties.
pub fn mentions_harm(a: &Analysis<'_>, s: usize) -> bool {
    a.sentence_tokens[s].clone().any(|i| a.is_any(i, HARM))
}

/// Words of harm that may tell how someone was killed: "shot dead", "shot and killed",
/// "stabbed to death", "fatally shot".
const HOW_KILLED: &[&str] = &[
    "shot",
    "stabbed",
    "beaten",
    "hacked",
    "poisoned",
    "assaulted",
];

/// Whether sentence `s` speaks of anyone hurt other than in the words that tell how the dead
/// died ("shot and killed", "was shot dead", "stabbed to death", "fatally shot") or in a
/// "victim", which names the dead as often as the hurt.
pub fn mentions_harm_besides_death(a: &Analysis<'_>, s: usize) -> bool {
    let range = a.sentence_tokens[s].clone();
    range.clone().any(|i| {
        if !a.is_any(i, HARM) || a.is_any(i, &["victim", "victims"]) {
            return false;
        }
        if !a.is_any(i, HOW_KILLED) {
            return true;
        }
        let fatally = i > range.start && a.is_any(i - 1, &["fatally", "mortally"]);
        // The death word within the next four tokens ("shot him dead", "shot and killed",
        // "beaten to death"), with no other harm word between.
        let death_follows = (i + 1..(i + 5).min(range.end))
            .take_while(|&k| !a.is_any(k, INJURY))
            .any(|k| a.is_any(k, DEATH));
        !(fatally || death_follows)
    })
}

/// Whether sentence `s` speaks of anyone injured.
pub fn mentions_injury(a: &Analysis<'_>, s: usize) -> bool {
    a.sentence_tokens[s].clone().any(|i| a.is_any(i, INJURY))
}

/// The words that show the incident in `sentences` harmed no one, when its sentences speak
/// of no death and no injury and say that the attack failed, was foiled, left people
/// unharmed or only damaged property. `None` when harm is spoken of or nothing shows it.
pub fn harmless_outcome(a: &Analysis<'_>, sentences: &[usize]) -> Option<ByteSpan> {
    if sentences
        .iter()
        .any(|&s| mentions_death(a, s) || mentions_harm(a, s))
    {
        return None;
    }
    find_phrase(a, sentences, HARMLESS).or_else(|| find_phrase(a, sentences, DAMAGE))
}

/// The first occurrence of any of `phrases` in `sentences`, in text order.
fn find_phrase(a: &Analysis<'_>, sentences: &[usize], phrases: &[&[&str]]) -> Option<ByteSpan> {
    let mut ordered = sentences.to_vec();
    ordered.sort_unstable();
    ordered.into_iter().find_map(|s| {
        let range = a.sentence_tokens[s].clone();
        range.clone().find_map(|i| {
            phrases
                .iter()
                .find(|p| a.is_phrase(i, p, range.end))
                .map(|p| a.span(i, i + p.len() - 1))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::resources;

    fn outcome(text: &str) -> Option<String> {
        let a = Analysis::new(text, None, resources());
        let all: Vec<usize> = (0..a.sentences.len()).collect();
        harmless_outcome(&a, &all).map(|span| text[span.range()].to_string())
    }

    #[test]
    fn a_defused_device_harmed_no_one() {
        assert_eq!(
            outcome("Police defused a pipe bomb found outside the town hall on Monday.").as_deref(),
            Some("defused")
        );
        assert_eq!(
            outcome("A grenade thrown at the court failed to explode.").as_deref(),
            Some("failed to explode")
        );
    }

    #[test]
    fn damage_alone_is_an_attack_on_property() {
        assert_eq!(
            outcome("Activists set fire to a warehouse, causing heavy damage.").as_deref(),
            Some("set fire")
        );
    }

    #[test]
    fn people_released_unharmed() {
        assert_eq!(
            outcome("The engineer kidnapped last week was released unharmed on Friday.").as_deref(),
            Some("unharmed")
        );
    }

    #[test]
    fn any_word_of_harm_leaves_the_figures_unknown() {
        assert_eq!(
            outcome("A bomb damaged a bus station; several people were injured."),
            None
        );
        assert_eq!(
            outcome("The fire destroyed the shop and its owner died in hospital."),
            None
        );
        assert_eq!(
            outcome("There were an unknown number of casualties after the hall burned."),
            None
        );
    }

    #[test]
    fn nothing_said_of_the_outcome_is_not_harmless() {
        assert_eq!(
            outcome("Gunmen attacked a checkpoint on the highway."),
            None
        );
    }
}
