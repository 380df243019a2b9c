//! Running totals never count: a sentence that gives a figure over a period or a region ("since
//! 2004", "across the country") or a conflict's toll is skipped whole.

use sitrep_text::read_quantity;

use super::counts::is_count;
use super::heads::{BE, head_kind};
use super::people::person_within;
use crate::analysis::Analysis;

/// Words that mark a figure as a running total over a period or a region rather than one
/// incident's: "since 2013", "across the country", "so far this year".
const AGGREGATE_CUES: &[&[&str]] = &[
    &["since"],
    &["across", "the", "country"],
    &["across", "the", "region"],
    &["nationwide"],
    &["so", "far"],
    &["this", "year"],
    &["last", "year"],
    &["in", "recent"],
    &["over", "the", "past"],
    &["over", "the", "last"],
    &["in", "the", "past"],
    &["first", "half"],
    &["tally"],
    &["decade"],
    &["decades"],
    &["every", "year"],
    &["each", "year"],
    &["per", "year"],
    &["hundreds", "of", "times"],
];

/// Whether sentence `s` gives running totals ("More than 6,500 people have been killed since
/// 2004"): a cue of period or region with a perfect tense or a figure of a hundred or more.
pub fn is_aggregate_sentence(a: &Analysis<'_>, s: usize) -> bool {
    a.aggregate
        .get_or_init(|| {
            (0..a.sentence_tokens.len())
                .map(|s| reads_as_aggregate(a, s))
                .collect()
        })
        .get(s)
        .copied()
        .unwrap_or(false)
}

fn reads_as_aggregate(a: &Analysis<'_>, s: usize) -> bool {
    let range = a.sentence_tokens[s].clone();
    let perfect = range.clone().any(|i| a.is_any(i, &["has", "have"]));
    // "Thousands of people have died": a toll only counted in thousands, in the perfect, is
    // a conflict's, not an incident's.
    if perfect
        && range
            .clone()
            .any(|i| a.is_any(i, &["thousands", "millions"]))
    {
        return true;
    }
    let cue = range.clone().any(|i| {
        AGGREGATE_CUES
            .iter()
            .any(|cue| a.is_phrase(i, cue, range.end))
    });
    // "a war that has claimed the lives of more than 10,000 people", "a conflict that has
    // left more than 3,000 dead", "violence in the Sahel claims over 4,000 lives": a
    // conflict's toll, in hundreds or more in the perfect, in thousands in any tense.
    let conflict = || {
        range.clone().any(|i| {
            a.is_any(
                i,
                &[
                    "war",
                    "conflict",
                    "insurgency",
                    "uprising",
                    "rebellion",
                    "violence",
                ],
            )
        })
    };
    if cue {
        perfect || large_figure(a, range, 100)
    } else {
        conflict() && large_figure(a, range, if perfect { 100 } else { 1000 })
    }
}

/// Whether the tokens `range` give a count of people of `least` or more.
fn large_figure(a: &Analysis<'_>, range: std::ops::Range<usize>, least: u32) -> bool {
    range.clone().any(|i| {
        read_quantity(a.text, &a.tokens, i, false).is_some_and(|m| {
            m.quantity
                .min
                .or(m.quantity.max)
                .is_some_and(|n| n >= least)
                && is_count(a, i, m.tokens.end)
                && (person_within(a, m.tokens.end, range.end, 4).is_some()
                    || head_kind(a.word(m.tokens.end)).is_some()
                    || BE.iter().any(|b| a.is(m.tokens.end, b)))
        })
    })
}

#[cfg(test)]
mod tests {
    use crate::casualties::tests::statements;
    use crate::casualties::{CasualtyKind::*, Side::*};

    #[test]
    fn a_conflicts_toll_in_the_perfect_is_a_running_total() {
        for text in [
            "The army has fought rebels for years, in a war that has claimed the lives of more than 10,000 people.",
            "Both sides are accused of abuses in a conflict that has left more than 3,000 dead.",
            "Violence in the north claims over 2,300 lives",
            "Communal violence has claimed more than 400 lives in the province.",
        ] {
            assert!(statements(text).is_empty(), "{text}");
        }
        // An incident's own toll in a war stays.
        assert_eq!(
            statements("Fighting in the civil war killed 120 fighters in the town on Sunday."),
            [(Killed, Victims, Some(120), Some(120))]
        );
        assert_eq!(
            statements("Political violence flared as a bomb killed 140 people at a rally."),
            [(Killed, Victims, Some(140), Some(140))]
        );
    }

    #[test]
    fn a_toll_in_thousands_in_the_perfect_is_a_running_total() {
        assert!(
            statements("Thousands of soldiers and civilians have died in the conflict.").is_empty()
        );
        assert!(
            statements("Millions have been displaced and thousands have been killed.").is_empty()
        );
        // An incident's own toll in the perfect still counts.
        assert_eq!(
            statements("Four soldiers have been killed in the ambush."),
            [(Killed, Victims, Some(4), Some(4))]
        );
    }
}
