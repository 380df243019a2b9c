//! Which figure is the toll: the casualty reader proposes every figure an article gives of
//! one kind of casualty (the killed, the wounded), a learned scorer picks the one that is the
//! main incident's.
//!
//! Whole news pages state a toll many times (headline, lead, body, a quote), give figures of
//! other incidents (last month's bombing) and running totals ("more than 40,000 since 2009"),
//! and sometimes update it ("the toll rose to 9"). Each distinct figure is one candidate; the
//! statements that give it are its support. The features say where the support stands (the
//! headline, the first figure of the article, the main incident's sentences or a background
//! incident's), how often the figure is restated, how it relates to the others (an update, the
//! largest, the sum of groups the rules add up), and whether it reads like an aggregate.

use sitrep_model::ByteSpan;
use sitrep_text::Quantity;

use crate::analysis::Analysis;
use crate::casualties::{CasualtyKind, CasualtyStatement, Relation, Side, is_aggregate_sentence};
use crate::choose::linear::LinearModel;
use crate::segment::Draft;

/// The features of a candidate figure, in the order of its vector.
pub const FEATURES: &[&str] = &[
    "support",
    "restated",
    "headline",
    "first_figure",
    "rank",
    "position",
    "main_draft",
    "other_incident_only",
    "outside_drafts",
    "update",
    "additional_only",
    "combined",
    "combined_only",
    "largest",
    "smallest",
    "log_value",
    "huge",
    "open_ended",
    "generic",
    "aggregate",
    "year_nearby",
    "wounded_kind",
];

/// One distinct figure and why it might be the toll.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The figure.
    pub quantity: Quantity,
    /// The statements that give it, in text order (the combination of groups gives several).
    pub spans: Vec<ByteSpan>,
    /// Values of [`FEATURES`].
    pub features: Vec<f64>,
}

fn best(q: Quantity) -> u32 {
    q.as_exact().or(q.min).or(q.max).unwrap_or(0)
}

/// Whether a sentence reads as a headline: the article's first sentence, on its own line and
/// without a final stop.
fn is_headline(a: &Analysis<'_>, s: usize) -> bool {
    if s != 0 {
        return false;
    }
    let Some(sentence) = a.sentences.first() else {
        return false;
    };
    let text = sentence.text(a.text).trim_end();
    let own_line = a.text[sentence.span.end..]
        .chars()
        .take_while(|c| c.is_whitespace())
        .any(|c| c == '\n')
        || sentence.span.end >= a.text.trim_end().len();
    own_line && !text.ends_with(['.', '!', '?', '"', '\u{201d}'])
}

/// Whether sentence `s` names a year ("in 2015", "since 2009"): figures beside one are often
/// of other times.
fn names_year(a: &Analysis<'_>, s: usize) -> bool {
    a.sentence_tokens[s].clone().any(|i| {
        let w = a.word(i);
        w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) && matches!(&w[..2], "19" | "20")
    })
}

/// The candidates for the main incident's figure of `kind` (victims' side), one per distinct
/// positive figure the article gives, with the rules' combination of the main incident's
/// statements (`combined`, from [`crate::assemble`]) as a candidate of its own when it is not
/// one of them.
pub fn candidates(
    a: &Analysis<'_>,
    statements: &[CasualtyStatement],
    drafts: &[Draft],
    main: usize,
    kind: CasualtyKind,
    combined: Option<Quantity>,
) -> Vec<Candidate> {
    let of: Vec<&CasualtyStatement> = statements
        .iter()
        .filter(|s| s.kind == kind && s.side == Side::Victims && !s.negated)
        .filter(|s| s.quantity.min.or(s.quantity.max).is_some_and(|n| n > 0))
        .collect();
    let mut values: Vec<Quantity> = Vec::new();
    for s in &of {
        if !values.contains(&s.quantity) {
            values.push(s.quantity);
        }
    }
    if let Some(c) = combined
        && c.min.or(c.max).is_some_and(|n| n > 0)
        && !values.contains(&c)
    {
        values.push(c);
    }
    let largest = values.iter().map(|q| best(*q)).max().unwrap_or(0);
    let smallest = values.iter().map(|q| best(*q)).min().unwrap_or(0);
    let first_sentence = of.iter().map(|s| s.sentence).min();
    // A draft holds a statement when it has the statement's sentence whole, or the part of it
    // the statement is in ("killing seven, two years after a bombing killed 15").
    let holds = |d: &Draft, s: &CasualtyStatement| {
        d.sentences.contains(&s.sentence) && {
            let mut parts = d
                .clauses
                .iter()
                .filter(|(c, _)| *c == s.sentence)
                .peekable();
            parts.peek().is_none()
                || parts.any(|(_, span)| span.start <= s.span.start && s.span.end <= span.end)
        }
    };
    let draft_of = |s: &CasualtyStatement| drafts.iter().position(|d| holds(d, s));
    let sentences = a.sentences.len().max(1) as f64;
    let flag = |b: bool| if b { 1.0 } else { 0.0 };
    values
        .into_iter()
        .map(|q| {
            let support: Vec<&&CasualtyStatement> = of.iter().filter(|s| s.quantity == q).collect();
            let is_combined = combined == Some(q);
            let earliest = support.iter().map(|s| s.sentence).min();
            let rank = earliest.map_or(1.0, |e| {
                let before = of.iter().filter(|s| s.sentence < e).count();
                before as f64 / of.len().max(1) as f64
            });
            let in_main = support.iter().any(|s| draft_of(s) == Some(main));
            let background_only = !support.is_empty()
                && support
                    .iter()
                    .all(|s| draft_of(s).is_some_and(|d| d != main));
            let outside = !support.is_empty() && support.iter().all(|s| draft_of(s).is_none());
            let n = support.len();
            let value = best(q);
            let features = vec![
                (n.min(4) as f64) / 4.0,
                flag(n >= 2),
                flag(support.iter().any(|s| is_headline(a, s.sentence))),
                flag(earliest.is_some() && earliest == first_sentence),
                rank,
                earliest.map_or(1.0, |e| e as f64 / sentences),
                flag(in_main || (is_combined && support.is_empty())),
                flag(background_only),
                flag(outside),
                flag(support.iter().any(|s| s.relation == Relation::Update)),
                flag(n > 0 && support.iter().all(|s| s.relation == Relation::Additional)),
                flag(is_combined),
                flag(is_combined && support.is_empty()),
                flag(value == largest),
                flag(value == smallest),
                ((1.0 + value as f64).ln() / 1000f64.ln()).min(1.5),
                flag(value >= 1000),
                flag(q.max.is_none()),
                flag(n > 0 && support.iter().all(|s| s.category.is_none())),
                flag(n > 0 && support.iter().all(|s| is_aggregate_sentence(a, s.sentence))),
                flag(n > 0 && support.iter().all(|s| names_year(a, s.sentence))),
                flag(kind == CasualtyKind::Wounded),
            ];
            let mut spans: Vec<ByteSpan> = support.iter().map(|s| s.span).collect();
            spans.sort_by_key(|s| s.start);
            Candidate {
                quantity: q,
                spans,
                features,
            }
        })
        .collect()
}

/// Whether segmentation put every statement of the candidate in another incident than the
/// main one (a background incident, or another recent one): such a figure is that incident's
/// toll, never the main one's.
pub fn is_background_only(c: &Candidate) -> bool {
    FEATURES
        .iter()
        .position(|f| *f == "other_incident_only")
        .is_some_and(|k| c.features[k] > 0.5)
}

/// The toll: a figure the text gives as an update ("the toll rose to 9") supersedes the
/// others, the last one given when there are several; a figure of a background incident
/// or of another incident ([`is_background_only`]) is never chosen; an addition to the main incident's
/// figure ("another victim later died") takes the rules' sum; otherwise the candidate the model scores
/// highest (the first of equals). `None` without candidates.
pub fn choose<'c>(model: &LinearModel, candidates: &'c [Candidate]) -> Option<&'c Candidate> {
    let update = FEATURES.iter().position(|f| *f == "update");
    let main = FEATURES.iter().position(|f| *f == "main_draft");
    let additional = FEATURES.iter().position(|f| *f == "additional_only");
    let combined = FEATURES.iter().position(|f| *f == "combined");
    let flagged = |c: &Candidate, at: Option<usize>| at.is_some_and(|k| c.features[k] > 0.5);
    // "Another victim later died", "two more bodies were found": the main incident's own
    // additions are added by the rules' combination.
    if candidates
        .iter()
        .any(|c| flagged(c, additional) && flagged(c, main))
        && let Some(sum) = candidates.iter().find(|c| flagged(c, combined))
    {
        return Some(sum);
    }
    if let Some(latest) = candidates
        .iter()
        .filter(|c| flagged(c, update) && flagged(c, main))
        .max_by_key(|c| c.spans.last().map(|s| s.start))
    {
        return Some(latest);
    }
    candidates
        .iter()
        .filter(|c| !is_background_only(c))
        .fold(None, |best: Option<(&Candidate, f64)>, c| {
            let score = model.score(&c.features);
            match best {
                Some((_, s)) if s >= score => best,
                _ => Some((c, score)),
            }
        })
        .map(|(c, _)| c)
}
