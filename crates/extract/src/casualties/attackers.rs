//! Attackers counted apart from victims: a suicide attacker who struck, "including the bomber"
//! inside a figure, "in addition to the assailant" before one.

use sitrep_model::ByteSpan;
use sitrep_text::{Quantity, TokenKind};

use super::people::item_at;
use super::{CasualtyKind, CasualtyStatement, Relation, Side};
use crate::analysis::Analysis;

const ATTACKER_SINGULAR: &[&str] = &[
    "bomber",
    "attacker",
    "assailant",
    "gunman",
    "perpetrator",
    "militant",
    "insurgent",
    "terrorist",
    "shooter",
    "hijacker",
    "kidnapper",
];

/// A plain statement that `count` attackers were killed (or hurt, as `kind` says).
pub(super) fn attackers_statement(
    sentence: usize,
    kind: CasualtyKind,
    count: u32,
    span: ByteSpan,
) -> CasualtyStatement {
    CasualtyStatement {
        sentence,
        kind,
        side: Side::Attackers,
        quantity: Quantity::exact(count),
        span,
        relation: Relation::Plain,
        category: None,
        negated: false,
    }
}

/// Words of a suicide attack carried out.
const SUICIDE_ACT: &[&str] = &[
    "detonated",
    "detonates",
    "detonate",
    "detonating",
    "blew",
    "blows",
    "blow",
    "blown",
    "blowing",
    "exploded",
    "explodes",
    "struck",
    "strikes",
    "attacked",
    "attacks",
    "rammed",
    "rams",
    "killed",
    "kills",
    "killing",
    "targeted",
    "targets",
    "hit",
    "hits",
];

/// A suicide attack named by its act: "a suicide attack", "the suicide bombing".
const SUICIDE_ACTS: &[&str] = &[
    "attack",
    "bomb",
    "bombing",
    "blast",
    "explosion",
    "assault",
    "mission",
];

/// Words of harm done, which say a suicide attack named by its act took place: "killed in a
/// suicide attack", "died in a suicide bombing".
const SUICIDE_OUTCOME: &[&str] = &["died", "dead", "wounded", "injured", "injuring", "wounding"];

/// Words saying a suicide attacker did not die in the act (or the attack did not happen).
const SUICIDE_SPARED: &[&str] = &[
    "arrested",
    "captured",
    "detained",
    "foiled",
    "thwarted",
    "failed",
    "survived",
    "survives",
    "would-be",
    "defused",
    "intercepted",
    "caught",
    "prevented",
    "apprehended",
    "escaped",
    "planned",
    "planning",
    "plotted",
    "plotting",
];

/// "A suicide bomber detonated himself …", "two suicide bombers attacked …": the GTD counts
/// a suicide attacker who carried out the attack among the dead. One attacker per singular
/// mention, or the number before a plural one; nothing when the sentence says the attacker
/// was caught, survived or failed, or gives no act.
pub(super) fn suicide_attackers(
    a: &Analysis<'_>,
    sentence: usize,
    range: std::ops::Range<usize>,
    h: usize,
) -> Option<CasualtyStatement> {
    if !a.is(h, "suicide") {
        return None;
    }
    let mut head = h + 1;
    if a.is(head, "car") || a.is(head, "truck") {
        head += 1;
    }
    if head >= range.end {
        return None;
    }
    // "in a suicide attack", "a suicide bombing killed": the act itself, by one attacker
    // unless the words count them; a figure of attackers said elsewhere is the larger and
    // wins (attackers are counted by the largest figure).
    if a.is_any(head, SUICIDE_ACTS) && h > range.start && singular_before(a, h) {
        // A bomb is a device until the words set it off ("a suicide car bomb exploded");
        // "died from a suicide bomb" may count its carrier or not.
        let device = a.is(head, "bomb");
        let acted = range
            .clone()
            .any(|i| a.is_any(i, SUICIDE_ACT) || (!device && a.is_any(i, SUICIDE_OUTCOME)));
        let spared = range.clone().any(|i| a.is_any(i, SUICIDE_SPARED));
        return (acted && !spared)
            .then(|| attackers_statement(sentence, CasualtyKind::Killed, 1, a.span(h, head)));
    }
    let plural = a.is_any(head, &["bombers", "attackers"]);
    if !plural && !a.is_any(head, &["bomber", "attacker"]) {
        return None;
    }
    let count = if plural {
        let figure =
            |k: usize| sitrep_text::number_word_value(a.word(k)).or_else(|| a.word(k).parse().ok());
        let before = h.checked_sub(1).filter(|&b| b >= range.start)?;
        // "Two female suicide bombers", "two child suicide bombers": one word may describe
        // them between the figure and the noun.
        let n = figure(before).or_else(|| {
            let described = a.tokens[before].kind == TokenKind::Word
                && a.word(before).chars().all(|c| c.is_ascii_lowercase());
            before
                .checked_sub(1)
                .filter(|&b| described && b >= range.start)
                .and_then(figure)
        })?;
        (1..=20).contains(&n).then_some(n)?
    } else {
        1
    };
    let acted = range.clone().any(|i| a.is_any(i, SUICIDE_ACT));
    let spared = range.clone().any(|i| a.is_any(i, SUICIDE_SPARED));
    (acted && !spared)
        .then(|| attackers_statement(sentence, CasualtyKind::Killed, count, a.span(h, head)))
}

/// Whether the words before token `h` name one act: "a", "the", or a day between them and
/// it ("a Nov. 24 suicide bombing", "the March 3 suicide attack").
fn singular_before(a: &Analysis<'_>, h: usize) -> bool {
    let Some(before) = h.checked_sub(1) else {
        return false;
    };
    if a.is_any(before, &["a", "the"]) {
        return true;
    }
    let end = a.tokens[before].span.end;
    a.dates
        .iter()
        .find(|d| d.span.end == end)
        .and_then(|d| {
            (0..before)
                .rev()
                .find(|&k| a.tokens[k].span.end <= d.span.start)
        })
        .is_some_and(|k| a.is_any(k, &["a", "the"]))
}

/// "including the bomber", "including two attackers" inside the statement.
pub(super) fn included_attackers(a: &Analysis<'_>, first: usize, last: usize) -> Option<u32> {
    let k = (first..=last.min(a.tokens.len().saturating_sub(1)))
        .find(|&k| a.is(k, "including") || a.is(k, "among"))?;
    if a.is(k + 1, "the")
        && ATTACKER_SINGULAR
            .iter()
            .any(|w| a.is(k + 2, w) || a.is(k + 3, w))
    {
        return Some(1);
    }
    // "including the three attackers": the figure after the article.
    let at = if a.is(k + 1, "the") { k + 2 } else { k + 1 };
    let item = item_at(a, at, last + 1, false)?;
    (item.side == Side::Attackers)
        .then(|| item.quantity.as_exact())
        .flatten()
}

/// "In addition to the assailant, …" before the subject.
pub(super) fn addition_of_attacker(a: &Analysis<'_>, start: usize, first: usize) -> bool {
    (start..first).any(|k| {
        a.is(k, "addition")
            && a.is(k + 1, "to")
            && (k + 2..first.min(k + 5)).any(|j| ATTACKER_SINGULAR.iter().any(|w| a.is(j, w)))
    })
}

#[cfg(test)]
mod tests {
    use crate::casualties::tests::statements;
    use crate::casualties::{CasualtyKind::*, Side::*};

    #[test]
    fn attackers_are_counted_apart() {
        assert_eq!(
            statements("Three militants were killed in the gunfight."),
            [(Killed, Attackers, Some(3), Some(3))]
        );
        let s = statements("Eight people, including the bomber, were killed.");
        assert!(s.contains(&(Killed, Victims, Some(7), Some(7))), "{s:?}");
        assert!(s.contains(&(Killed, Attackers, Some(1), Some(1))), "{s:?}");
        let s = statements("At least nine people, including the three assailants, were killed.");
        assert!(s.contains(&(Killed, Victims, Some(6), None)), "{s:?}");
        assert!(s.contains(&(Killed, Attackers, Some(3), Some(3))), "{s:?}");
        let s = statements("In addition to the assailant, a civilian was killed.");
        assert!(s.contains(&(Killed, Victims, Some(1), Some(1))), "{s:?}");
        assert!(s.contains(&(Killed, Attackers, Some(1), Some(1))), "{s:?}");
    }

    #[test]
    fn a_suicide_attacker_who_struck_is_among_the_dead() {
        let s = statements("A suicide bomber detonated his vest at the gate, killing four guards.");
        assert!(s.contains(&(Killed, Attackers, Some(1), Some(1))), "{s:?}");
        assert!(s.contains(&(Killed, Victims, Some(4), Some(4))), "{s:?}");
        let s = statements("Two suicide bombers attacked the base.");
        assert_eq!(s, [(Killed, Attackers, Some(2), Some(2))]);
        let s = statements("Two female suicide bombers detonated in the market.");
        assert_eq!(s, [(Killed, Attackers, Some(2), Some(2))]);
        let s = statements("A suicide car bomb exploded at the gate, killing three guards.");
        assert!(s.contains(&(Killed, Attackers, Some(1), Some(1))), "{s:?}");
        let s = statements("Five people died in a May 2 suicide bombing.");
        assert!(s.contains(&(Killed, Attackers, Some(1), Some(1))), "{s:?}");
        // Caught, or no act: no death.
        assert!(statements("Police arrested a suicide bomber at the gate.").is_empty());
        assert!(statements("The group trains suicide bombers.").is_empty());
        let s = statements("Suicide bombers struck the market.");
        assert!(s.is_empty(), "{s:?}");
    }

    #[test]
    fn a_suicide_attack_named_by_its_act_killed_its_attacker() {
        for text in [
            "Nine soldiers were killed in a suicide attack on the barracks.",
            "A suicide bombing at the market killed nine people.",
            "The suicide car bombing left nine people dead.",
        ] {
            let s = statements(text);
            assert!(
                s.contains(&(Killed, Attackers, Some(1), Some(1))),
                "{text}: {s:?}"
            );
            assert!(
                s.contains(&(Killed, Victims, Some(9), Some(9))),
                "{text}: {s:?}"
            );
        }
        // Foiled, planned, or only feared: nobody died.
        for text in [
            "Police foiled a suicide attack on the embassy.",
            "The cell planned a suicide bombing in the capital.",
            "Officials warned of a suicide attack.",
        ] {
            assert!(
                statements(text).is_empty(),
                "{text}: {:?}",
                statements(text)
            );
        }
    }

    #[test]
    fn an_attacker_killed_after_the_attack_is_counted_apart() {
        // A pronoun for the attacker the sentence named.
        let s = statements(
            "A gunman opened fire on worshippers, killing four, before he was shot dead by police.",
        );
        assert!(s.contains(&(Killed, Victims, Some(4), Some(4))), "{s:?}");
        assert!(s.contains(&(Killed, Attackers, Some(1), Some(1))), "{s:?}");
        // The sentence before names the attacker by name and deed.
        let s = statements("Omar Salem stabbed two guards at the gate. He was later shot dead.");
        assert_eq!(s, [(Killed, Attackers, Some(1), Some(1))]);
        // The subject of both verbs.
        let s = statements("A militant stabbed three tourists to death and was then shot dead.");
        assert!(s.contains(&(Killed, Victims, Some(3), Some(3))), "{s:?}");
        assert!(s.contains(&(Killed, Attackers, Some(1), Some(1))), "{s:?}");
        // A victim stays a victim.
        assert_eq!(
            statements("The governor was attacked in his car. He was killed instantly."),
            [(Killed, Victims, Some(1), Some(1))]
        );
        assert_eq!(
            statements("A policeman chased the attackers and was killed."),
            [(Killed, Victims, Some(1), Some(1))]
        );
    }

    #[test]
    fn victims_and_attackers_in_one_list() {
        let s = statements("A police officer and the two attackers were killed.");
        assert!(s.contains(&(Killed, Victims, Some(1), Some(1))), "{s:?}");
        assert!(s.contains(&(Killed, Attackers, Some(2), Some(2))), "{s:?}");
    }

    #[test]
    fn the_bomber_after_the_figure_is_among_it() {
        let s = statements("A car bomb exploded, killing six people, including the bomber.");
        assert!(s.contains(&(Killed, Victims, Some(5), Some(5))), "{s:?}");
        assert!(s.contains(&(Killed, Attackers, Some(1), Some(1))), "{s:?}");
        let s =
            statements("Gunmen stormed the hotel, killing nine people, including three attackers.");
        assert!(s.contains(&(Killed, Victims, Some(6), Some(6))), "{s:?}");
        assert!(s.contains(&(Killed, Attackers, Some(3), Some(3))), "{s:?}");
    }

    #[test]
    fn a_bomber_who_blows_himself_up_is_an_attacker_killed() {
        for text in [
            "A man blows himself up at the checkpoint.",
            "A woman approached the gate, blowing herself up.",
            "Police said the bomber had blown himself up at the gate.",
            "An unknown man exploded himself on a street.",
        ] {
            assert!(
                statements(text).contains(&(Killed, Attackers, Some(1), Some(1))),
                "{text}: {:?}",
                statements(text)
            );
        }
    }

    #[test]
    fn suicide_bombers_who_blow_themselves_up_are_counted() {
        assert!(
            statements("Two suicide bombers blow themselves up at the depot.").contains(&(
                Killed,
                Attackers,
                Some(2),
                Some(2)
            ))
        );
    }
}
