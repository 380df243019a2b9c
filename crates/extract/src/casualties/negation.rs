//! Negations give zero: "no one was hurt", "No injuries were reported", "no casualties"; "no
//! immediate reports of casualties" is not a zero.

use sitrep_model::ByteSpan;
use sitrep_text::Quantity;

use super::heads::{ADVERBS, head_kind};
use super::{CasualtyKind, CasualtyStatement, Relation, Side};
use crate::analysis::{Analysis, PersonNoun};

pub(super) fn negation(
    a: &Analysis<'_>,
    sentence: usize,
    range: std::ops::Range<usize>,
    h: usize,
    kind: CasualtyKind,
) -> Option<Vec<CasualtyStatement>> {
    let lo = h.saturating_sub(8).max(range.start);
    // Adverbs do not change a negation: "No one was reportedly injured".
    const SKIP: &[&str] = &[
        "reportedly",
        "immediately",
        "seriously",
        "critically",
        "also",
        "apparently",
        "believed",
        "known",
        "badly",
        "physically",
        "either",
    ];
    let window: Vec<String> = (lo..h)
        .filter(|&i| !a.is_any(i, SKIP))
        .map(|i| a.word(i).to_ascii_lowercase())
        .collect();
    let joined = window.join(" ");
    let head = a.word(h).to_ascii_lowercase();
    // "no immediate reports of casualties", "no word on casualties": unknown, not zero.
    if (joined.ends_with("no immediate reports of")
        || joined.ends_with("no immediate report of")
        || joined.ends_with("no word on")
        || joined.ends_with("no information on")
        || joined.ends_with("no details of"))
        && !joined.is_empty()
    {
        return None;
    }
    let ends = |tails: &[&str]| {
        tails
            .iter()
            .any(|t| joined == *t || joined.ends_with(&format!(" {t}")))
    };
    let subject_zero = ends(&[
        "no one was",
        "no one were",
        "nobody was",
        "no one has been",
        "nobody has been",
        "no one had been",
        "none was",
        "none were",
        "none of them was",
        "none of them were",
        "no one was reported",
        "nobody was reported",
        "no one was reported to have been",
        "no one",
        "nobody",
        "no one was killed or",
        "no one was injured or",
        "no one was hurt or",
        "nobody was killed or",
        "nobody was injured or",
        "nobody was hurt or",
        "no one was killed and",
        "no one got",
    ]);
    let noun_head = matches!(
        head.as_str(),
        "injuries"
            | "injury"
            | "casualties"
            | "casualty"
            | "deaths"
            | "fatalities"
            | "dead"
            | "hostages"
    );
    if let Some(zero) = attackers_only_casualties(a, sentence, range.clone(), h, &window) {
        return Some(zero);
    }
    if a.is_any(h + 1, &["nobody", "none"]) || (a.is(h + 1, "no") && a.is(h + 2, "one")) {
        let last = if a.is(h + 1, "no") { h + 2 } else { h + 1 };
        return Some(zeros(sentence, vec![kind], a.span(h, last)));
    }
    // "No passengers were injured", "no others were hurt": any people the negation leads.
    let people_zero = window.len() >= 3
        && window[window.len() - 3] == "no"
        && matches!(window[window.len() - 1].as_str(), "was" | "were")
        && window[window.len() - 2]
            .chars()
            .all(|c| c.is_ascii_alphabetic() || c == '-');
    let verb_zero = (subject_zero || people_zero) && !noun_head;
    let noun_zero = noun_head
        && ends(&[
            "no",
            "without",
            "no other",
            "no reported",
            "no known",
            "no confirmed",
            "no serious",
            "no further",
            "no human",
            "no reports of",
            "no report of",
            "not cause any",
            "not result in any",
            "without causing",
            "without causing any",
            "without any",
            "to cause any",
            "no other reported",
            "no other known",
            "no further reported",
            "no one was",
            "were no",
            "was no",
            "there were no",
        ]);
    // "no damage or injuries", "no damages, nor injuries": the negation reaches every noun
    // it leads.
    let listed_zero = noun_head && negated_list_ends_at(&window);
    if !(verb_zero || noun_zero || listed_zero) {
        return None;
    }
    let first = (lo..h)
        .rev()
        .find(|&i| a.is_any(i, &["no", "nobody", "none", "without", "there"]))
        .unwrap_or(h);
    let span = a.span(first, h);
    let mut kinds = vec![kind];
    // "no casualties", "no one was hurt": nobody died or was wounded.
    if head == "casualties" || (matches!(head.as_str(), "hurt" | "harmed") && verb_zero) {
        kinds = vec![CasualtyKind::Killed, CasualtyKind::Wounded];
    }
    // "no injuries or fatalities": both figures ("no one was killed or injured" reaches the
    // second head on its own).
    if noun_zero
        && a.is(h + 1, "or")
        && let Some((other, _)) = head_kind(a.word(h + 2))
    {
        kinds.push(other);
    }
    Some(zeros(sentence, kinds, span))
}

/// "The assailant was the only reported casualty", "the attackers were the only
/// casualties": the attackers alone were harmed, so no victim was killed or wounded (the
/// attackers' own toll is told elsewhere).
fn attackers_only_casualties(
    a: &Analysis<'_>,
    sentence: usize,
    range: std::ops::Range<usize>,
    h: usize,
    window: &[String],
) -> Option<Vec<CasualtyStatement>> {
    if !a.is_any(h, &["casualty", "casualties"]) {
        return None;
    }
    let the_only = window.iter().rposition(|w| w == "only")?;
    let be = the_only.checked_sub(2)?;
    let lead_ok = window[the_only - 1] == "the"
        && matches!(window[be].as_str(), "was" | "were")
        && window[the_only + 1..]
            .iter()
            .all(|w| matches!(w.as_str(), "reported" | "known" | "confirmed"));
    if !lead_ok {
        return None;
    }
    // The subject, before the verb, is the attackers.
    let verb = (range.start..h)
        .rev()
        .find(|&k| a.is_any(k, &["was", "were"]))?;
    let (mut attackers, mut victims) = (false, false);
    for (noun, _) in a.person_at[range.start..verb].iter().flatten() {
        match noun {
            PersonNoun::Attacker => attackers = true,
            PersonNoun::Victim(_) => victims = true,
            PersonNoun::Nationals => {}
        }
    }
    (attackers && !victims).then(|| {
        zeros(
            sentence,
            vec![CasualtyKind::Killed, CasualtyKind::Wounded],
            a.span(verb, h),
        )
    })
}

/// Whether the lower-cased `words` before a casualty noun end in a list that "no" leads: "no
/// damage or", "no property damage, nor", one to three words between "no" and the
/// conjunction, none of them a casualty word.
fn negated_list_ends_at(words: &[String]) -> bool {
    let Some((last, before)) = words.split_last() else {
        return false;
    };
    if !matches!(last.as_str(), "or" | "nor" | "and") {
        return false;
    }
    let before = before.strip_suffix(&[",".to_string()]).unwrap_or(before);
    // "no word on damage or": unknown, not zero.
    const UNKNOWN: &[&str] = &[
        "word",
        "reports",
        "report",
        "information",
        "details",
        "news",
    ];
    (1..=3).any(|n| {
        before.len() > n
            && before[before.len() - n - 1] == "no"
            && before[before.len() - n..].iter().all(|w| {
                w.chars().all(|c| c.is_ascii_alphabetic())
                    && !UNKNOWN.contains(&w.as_str())
                    // "no injuries or fatalities": the first noun gave both zeros.
                    && head_kind(w).is_none()
            })
    })
}

/// One negated zero of each kind, for the words `span`.
fn zeros(sentence: usize, kinds: Vec<CasualtyKind>, span: ByteSpan) -> Vec<CasualtyStatement> {
    kinds
        .into_iter()
        .map(|kind| CasualtyStatement {
            sentence,
            kind,
            side: Side::Victims,
            quantity: Quantity::exact(0),
            span,
            relation: Relation::Plain,
            category: None,
            negated: true,
        })
        .collect()
}

/// A denied predicate: "The driver was not hurt", "three people in the house were not
/// injured", "a woman and two children escaped injury". Those people came to no harm, which
/// says nothing of the others: a zero, which any figure given beside it outweighs.
pub(super) fn denied(
    a: &Analysis<'_>,
    sentence: usize,
    range: std::ops::Range<usize>,
    h: usize,
    kind: CasualtyKind,
) -> Option<Vec<CasualtyStatement>> {
    let mut k = h;
    let mut not = None;
    while k > range.start && a.is_any(k - 1, ADVERBS) {
        k -= 1;
        if a.is_any(k, &["not", "never"]) {
            not = Some(k);
        }
    }
    const FINITE: &[&str] = &["was", "were", "is", "are", "had", "has", "have", "been"];
    let first = match not {
        // "was not hurt", "were reportedly not injured", "had not been harmed": a finite verb
        // among the words the negation stands in.
        Some(_) if (k.saturating_sub(1).max(range.start)..h).any(|i| a.is_any(i, FINITE)) => {
            k.saturating_sub(1).max(range.start)
        }
        Some(_) => return None,
        None if h > range.start
            && a.is_any(h - 1, &["escaped", "escaping", "escapes"])
            && a.is_any(h, &["injury", "injuries", "death"]) =>
        {
            h - 1
        }
        None => return None,
    };
    let kinds = if a.is(h, "hurt") {
        vec![CasualtyKind::Killed, CasualtyKind::Wounded]
    } else {
        vec![kind]
    };
    Some(zeros(sentence, kinds, a.span(first, h)))
}

#[cfg(test)]
mod tests {
    use crate::casualties::tests::statements;
    use crate::casualties::{CasualtyKind::*, Side::*};

    #[test]
    fn people_who_came_to_no_harm_are_a_zero_not_a_figure() {
        for text in [
            "The driver, riding his motorcycle, was not hurt.",
            "Three people in the house at the time were not injured.",
            "A woman and two children escaped injury.",
            "The guards had reportedly not been injured.",
        ] {
            let s = statements(text);
            assert!(!s.is_empty(), "{text}");
            assert!(s.iter().all(|s| s.2 == Some(0)), "{text}: {s:?}");
        }
        // Beside a figure, the zero gives way (combined later); the figure stays.
        let s = statements("Two guards were injured, but the ambassador was not hurt.");
        assert!(s.contains(&(Wounded, Victims, Some(2), Some(2))), "{s:?}");
    }

    #[test]
    fn negations_give_zero() {
        assert_eq!(
            statements("No one was hurt in the explosion."),
            [
                (Killed, Victims, Some(0), Some(0)),
                (Wounded, Victims, Some(0), Some(0))
            ]
        );
        assert_eq!(
            statements("There were no reported casualties in the attack."),
            [
                (Killed, Victims, Some(0), Some(0)),
                (Wounded, Victims, Some(0), Some(0))
            ]
        );
        assert_eq!(
            statements("No one was reportedly injured or killed by the blast."),
            [
                (Wounded, Victims, Some(0), Some(0)),
                (Killed, Victims, Some(0), Some(0))
            ]
        );
        assert_eq!(
            statements("There were no injuries or fatalities."),
            [
                (Wounded, Victims, Some(0), Some(0)),
                (Killed, Victims, Some(0), Some(0))
            ]
        );
        assert_eq!(
            statements("No injuries were reported."),
            [(Wounded, Victims, Some(0), Some(0))]
        );
        assert_eq!(
            statements("The blast caused no casualties."),
            [
                (Killed, Victims, Some(0), Some(0)),
                (Wounded, Victims, Some(0), Some(0))
            ]
        );
        assert_eq!(
            statements("Nobody was killed or injured."),
            [
                (Killed, Victims, Some(0), Some(0)),
                (Wounded, Victims, Some(0), Some(0))
            ]
        );
    }

    #[test]
    fn a_negation_reaches_every_noun_and_people_it_leads() {
        let wounded_zero = |text: &str| {
            let s = statements(text);
            assert!(
                s.contains(&(Wounded, Victims, Some(0), Some(0))),
                "{text}: {s:?}"
            );
        };
        wounded_zero("No damage or injuries were reported.");
        wounded_zero("There were no damages, nor injuries.");
        wounded_zero("No passengers were injured in the blast.");
        wounded_zero("There were no other reported casualties.");
        wounded_zero("The bomb exploded without causing any injuries.");
        wounded_zero("No one was harmed.");
        // "no word on damage or injuries" says nothing.
        assert!(statements("There was no word on damage or injuries.").is_empty());
    }

    #[test]
    fn attackers_who_were_the_only_casualties_leave_no_victim() {
        let s = statements("The assailant was the only reported casualty.");
        assert!(s.contains(&(Killed, Victims, Some(0), Some(0))), "{s:?}");
        assert!(s.contains(&(Wounded, Victims, Some(0), Some(0))), "{s:?}");
        // Victims who were the only casualties are no zero.
        let s = statements("Two guards were the only casualties.");
        assert!(!s.iter().any(|s| s.2 == Some(0)), "{s:?}");
    }

    #[test]
    fn unknown_is_not_zero() {
        assert!(statements("There were no immediate reports of casualties.").is_empty());
        // A negation about a subgroup says nothing about the total.
        assert!(statements("No Britons were among those hurt.").is_empty());
    }
}
