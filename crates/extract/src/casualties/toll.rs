//! Tolls read their figure: "the death toll rose to 9" (an update, it supersedes), "raising the
//! toll to 4", "the toll from the bombing stood at 31".

use sitrep_text::read_quantity;

use super::counts::{has_count_shape, is_count};
use super::{CasualtyKind, CasualtyStatement, Relation, Side};
use crate::analysis::Analysis;

/// Words that open what a toll is of: "the toll from the bombing", "the toll in the attack".
const TOLL_OF: &[&str] = &["from", "in", "of", "after", "following", "for"];

/// Verbs that raise a toll told before it: "raising the toll to 4".
const RAISING: &[&str] = &[
    "raising", "bringing", "pushing", "taking", "lifting", "raised", "brought", "pushed", "took",
    "raises", "brings", "pushes", "takes",
];

/// Verbs after which "at" sets a toll's figure: "stood at 31", "put at 31".
const TOLL_SET_AT: &[&str] = &[
    "stood", "stands", "stand", "put", "now", "remains", "remained",
];

/// How many words that phrase may take before the toll's verb.
const TOLL_PHRASE_WORDS: usize = 10;

/// Verbs that tie a toll to its figure past the phrase of what it is of.
const TOLL_VERBS: &[&str] = &[
    "rose",
    "risen",
    "rises",
    "climbed",
    "climbs",
    "increased",
    "increases",
    "reached",
    "jumped",
    "mounted",
    "stood",
    "stands",
    "is",
    "was",
];

/// "casualties" as a head: only its negation ("no casualties") is read; handled in
/// [`negation`](super::negation::negation), which is consulted for every head word.
pub(super) fn toll_statement(
    a: &Analysis<'_>,
    sentence: usize,
    range: std::ops::Range<usize>,
    h: usize,
) -> Option<CasualtyStatement> {
    // "the death toll from Monday's bombing in Mosul has risen to 55": what the toll is of
    // comes between it and its verb; the figure is read after the verb.
    let verb_after_phrase = if a.is_any(h + 1, TOLL_OF) {
        (h + 2..(h + 2 + TOLL_PHRASE_WORDS).min(range.end)).find(|&j| a.is_any(j, TOLL_VERBS))
    } else {
        None
    };
    let start_at = verb_after_phrase.unwrap_or(h + 1);
    // "raising the death toll to 4", "bringing the toll to 4": an update told before the toll.
    let toll_start = if h >= 1 && a.is(h - 1, "death") {
        h - 1
    } else {
        h
    };
    let raised_before =
        toll_start >= 2 && a.is(toll_start - 1, "the") && a.is_any(toll_start - 2, RAISING);
    let end = (start_at + 7).min(range.end);
    let mut i = start_at;
    let mut update = raised_before;
    while i < end {
        let w = a.word(i).to_ascii_lowercase();
        if matches!(
            w.as_str(),
            "rose"
                | "risen"
                | "rises"
                | "climbed"
                | "climbs"
                | "increased"
                | "reached"
                | "jumped"
                | "mounted"
                | "raising"
                | "bringing"
                | "rising"
                | "increases"
        ) {
            update = true;
        }
        // "the toll stood at 31", "put at 31": "at" here sets a figure, not a time.
        let set_at = i >= 2 && a.is(i - 1, "at") && a.is_any(i - 2, TOLL_SET_AT);
        if let Some(m) = read_quantity(a.text, &a.tokens, i, false)
            && m.tokens.end <= range.end
            && (is_count(a, i, m.tokens.end) || set_at && has_count_shape(a, i, m.tokens.end))
        {
            let start = if a.is(h.saturating_sub(1), "death") {
                h - 1
            } else {
                h
            };
            return Some(CasualtyStatement {
                sentence,
                kind: CasualtyKind::Killed,
                side: Side::Victims,
                quantity: m.quantity,
                span: a.span(start, m.tokens.end - 1),
                relation: if update {
                    Relation::Update
                } else {
                    Relation::Plain
                },
                category: None,
                negated: false,
            });
        }
        // Only words that link a toll to its figure may come between them.
        const LINKS: &[&str] = &[
            "rose",
            "risen",
            "rises",
            "climbed",
            "climbs",
            "increased",
            "reached",
            "jumped",
            "mounted",
            "raising",
            "bringing",
            "rising",
            "increases",
            "stood",
            "stands",
            "stand",
            "remains",
            "remained",
            "was",
            "is",
            "has",
            "had",
            "now",
            "to",
            "at",
            "of",
            "from",
            "the",
            "death",
            "officially",
            "put",
            "final",
            "official",
            "initial",
            "toll",
            "later",
            "subsequently",
            "eventually",
            "since",
            "further",
            "then",
            "also",
        ];
        if !a.is_any(i, LINKS) {
            break;
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::analysis::Analysis;
    use crate::casualties::{Relation, find_casualties};
    use crate::test_support::resources;

    #[test]
    fn tolls_update() {
        let r = resources();
        let a = Analysis::new("The death toll rose to 9 on Monday.", None, r);
        let s = find_casualties(&a);
        assert_eq!(s.len(), 1);
        assert_eq!(
            (s[0].quantity.min, s[0].relation),
            (Some(9), Relation::Update)
        );
    }

    #[test]
    fn a_toll_is_read_past_what_it_is_of() {
        let r = resources();
        for text in [
            "The death toll from Friday's truck bombing at the bus station has risen to 31.",
            "Toll in bus station truck bombing rises to 31",
            "The toll of the attack on the barracks stood at 31 on Sunday.",
        ] {
            let a = Analysis::new(text, None, r);
            let s = find_casualties(&a);
            assert_eq!(s.len(), 1, "{text}: {s:?}");
            assert_eq!(s[0].quantity.min, Some(31), "{text}");
        }
        // A figure inside the phrase is not the toll's.
        let a = Analysis::new(
            "The death toll from the clash in which 4 soldiers died is unclear.",
            None,
            r,
        );
        assert!(
            find_casualties(&a)
                .iter()
                .all(|s| s.relation != Relation::Update && s.span.start > 20),
            "{:?}",
            find_casualties(&a)
        );
    }

    #[test]
    fn raising_the_toll_updates_it() {
        let r = resources();
        let a = Analysis::new(
            "A third guard died on Sunday, raising the death toll to 3.",
            None,
            r,
        );
        let s = find_casualties(&a);
        assert!(
            s.iter()
                .any(|s| s.quantity.min == Some(3) && s.relation == Relation::Update),
            "{s:?}"
        );
    }
}
