//! Incident segmentation: which sentences report which incident.
//!
//! Only *eventful* sentences take part: those with an event trigger, a casualty statement or a
//! claim. A sentence that only speaks of attacks in general ("There have been a number of
//! attacks on diplomats") is context and belongs to no incident.
//!
//! Sentences are read in order. A sentence's own date ("on January 28", not a reference such as
//! "Sunday's attack") either matches an incident already open (±1 day), dates the current
//! incident if it has no date yet, or — when the sentence reports an event of its own — opens a
//! new incident. An incident dated more than [`BACKGROUND_DAYS`] before publication (or before
//! the main incident) is background. Sentences without a date of their own continue the current
//! incident; a reference date ("the Sunday attack", "Wednesday's bombing") selects the incident
//! with that date.

use jiff::ToSpan;
use jiff::civil::Date;
use sitrep_model::{DatePrecision, EventType};
use sitrep_time::DateMention;

use crate::analysis::Analysis;
use crate::casualties::{CasualtyStatement, Side, is_aggregate_sentence};

/// How many days before publication an incident must be to count as background.
pub const BACKGROUND_DAYS: i64 = 7;

/// Nouns that, following a date, make it a reference to an incident ("Sunday's attack").
const EVENT_NOUNS: &[&str] = &[
    "attack",
    "attacks",
    "bombing",
    "bombings",
    "blast",
    "blasts",
    "shooting",
    "incident",
    "assault",
    "explosion",
    "raid",
    "ambush",
    "massacre",
    "killings",
    "kidnapping",
    "abduction",
    "siege",
    "strike",
    "strikes",
    "violence",
    "clashes",
    "tragedy",
    "deadly",
    "suicide",
];

/// Plural nouns that speak of attacks in general.
const GENERAL_PLURALS: &[&str] = &[
    "attacks",
    "bombings",
    "killings",
    "kidnappings",
    "assaults",
    "shootings",
    "explosions",
    "incidents",
    "abductions",
    "ambushes",
    "raids",
    "assassinations",
    "violence",
];

/// A group of sentences reporting one incident.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// Sentence indices, in order.
    pub sentences: Vec<usize>,
    /// Index into `Analysis::dates` of the incident's date.
    pub date: Option<usize>,
    /// Whether it is a past incident mentioned for context.
    pub background: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Eventful {
    /// No event here.
    No,
    /// A claim, an attack word or a zero: continues an incident, never opens one.
    Continues,
    /// An event of its own: can open an incident.
    Reports,
}

fn eventfulness(a: &Analysis<'_>, s: usize, casualties: &[CasualtyStatement]) -> Eventful {
    const CLAIM_WORDS: &[&str] = &[
        "claimed",
        "responsibility",
        "blamed",
        "suspected",
        "accused",
        "attributed",
    ];
    let claim = a.sentence_tokens[s]
        .clone()
        .any(|i| a.is_any(i, CLAIM_WORDS));
    // Running totals are context, but who is blamed in them still speaks of this incident.
    if is_aggregate_sentence(a, s) {
        return if claim {
            Eventful::Continues
        } else {
            Eventful::No
        };
    }
    let statements: Vec<&CasualtyStatement> =
        casualties.iter().filter(|c| c.sentence == s).collect();
    let triggers: Vec<_> = a.triggers.iter().filter(|t| t.sentence == s).collect();
    let reports = statements
        .iter()
        .any(|c| !c.negated && c.side == Side::Victims)
        || triggers
            .iter()
            .any(|t| t.value.event_type != EventType::Unknown && !is_general(a, t.span));
    if reports {
        return Eventful::Reports;
    }
    let attack_word = triggers.iter().any(|t| !is_general(a, t.span));
    // A named armed group in the sentence: "The Taliban damaged a telecommunication mast".
    let group = a.groups.iter().any(|g| g.sentence == s);
    if claim || attack_word || group || !statements.is_empty() {
        Eventful::Continues
    } else {
        Eventful::No
    }
}

/// A trigger used as a general plural ("a number of attacks") rather than one event.
fn is_general(a: &Analysis<'_>, span: sitrep_model::ByteSpan) -> bool {
    let word = a.text[span.range()].to_ascii_lowercase();
    if !GENERAL_PLURALS.contains(&word.as_str()) {
        return false;
    }
    let i = a.token_at(span.start);
    let lo = i.saturating_sub(4);
    let quantified = (lo..i).any(|k| {
        a.is_any(
            k,
            &[
                "number", "string", "series", "spate", "wave", "recent", "such", "past",
                "previous", "similar", "frequent", "many", "several", "numerous", "repeated",
                "regular", "sporadic",
            ],
        )
    });
    let determined = (i.saturating_sub(2)..i).any(|k| {
        a.is_any(
            k,
            &[
                "the",
                "these",
                "those",
                "both",
                "two",
                "three",
                "four",
                "twin",
                "coordinated",
                "simultaneous",
                "its",
                "their",
            ],
        )
    });
    quantified || !determined
}

/// Whether the date at `d` is a reference to an incident ("Sunday's attack", "the Sunday attack").
fn is_reference(a: &Analysis<'_>, d: &DateMention) -> bool {
    let end = a.token_at(d.span.end);
    let mut k = end;
    if a.is_any(k, &["'s", "’s"]) {
        k += 1;
    }
    if a.is_any(
        k,
        &[
            "deadly",
            "twin",
            "suicide",
            "bomb",
            "car",
            "night",
            "morning",
            "evening",
            "afternoon",
        ],
    ) {
        k += 1;
    }
    a.is_any(k, EVENT_NOUNS)
}

/// The sentence's own date and a date it refers to, as indices into `a.dates`.
fn sentence_dates(a: &Analysis<'_>, s: usize) -> (Option<usize>, Option<usize>) {
    let mut own = None;
    let mut reference = None;
    for (i, d) in a.dates.iter().enumerate().filter(|(_, d)| d.sentence == s) {
        // The dateline's date is when the report was filed; "since 2013" starts a period.
        let first = a.token_at(d.span.start);
        if a.in_dateline(d.span) || (first > 0 && a.is_any(first - 1, &["since", "until", "till"]))
        {
            continue;
        }
        if is_reference(a, &d.value) {
            reference.get_or_insert(i);
        } else if own.is_none_or(|o: usize| {
            precision_rank(a.dates[o].value.precision) > precision_rank(d.value.precision)
        }) {
            own = Some(i);
        }
    }
    (own, reference)
}

fn precision_rank(p: DatePrecision) -> u8 {
    match p {
        DatePrecision::Day => 0,
        DatePrecision::Week => 1,
        DatePrecision::Month => 2,
        DatePrecision::Year => 3,
    }
}

fn compatible(x: &DateMention, y: &DateMention) -> bool {
    match (x.start, x.end, y.start, y.end) {
        (Some(xs), Some(xe), Some(ys), Some(ye)) => {
            let slack = 1.day();
            xs.checked_sub(slack).is_ok_and(|xs| xs <= ye)
                && ys.checked_sub(slack).is_ok_and(|ys| ys <= xe)
        }
        _ => false,
    }
}

fn is_old(d: &DateMention, anchor: Option<Date>) -> bool {
    match (d.end, anchor) {
        (Some(end), Some(anchor)) => anchor
            .checked_sub(BACKGROUND_DAYS.days())
            .is_ok_and(|limit| end < limit),
        _ => false,
    }
}

/// Groups the eventful sentences of the article into incidents (main first is not guaranteed
/// here; see [`crate::extract_article`]).
pub fn segment(a: &Analysis<'_>, casualties: &[CasualtyStatement]) -> Vec<Draft> {
    let mut drafts: Vec<Draft> = Vec::new();
    let mut current: Option<usize> = None;
    let anchor = |drafts: &[Draft]| -> Option<Date> {
        a.published.or_else(|| {
            drafts
                .iter()
                .find(|d| !d.background)
                .and_then(|d| d.date)
                .and_then(|i| a.dates[i].value.start)
        })
    };
    for s in 0..a.sentences.len() {
        let kind = eventfulness(a, s, casualties);
        if kind == Eventful::No {
            continue;
        }
        let (own, reference) = sentence_dates(a, s);
        let mut target = None;
        if let Some(di) = own.filter(|&i| a.dates[i].value.is_resolved()) {
            let d = &a.dates[di].value;
            // A coarser date than the incident's ("earlier this month" against "on Saturday") in
            // a sentence that reports an event of its own is another incident.
            let same = |x: usize| {
                let existing = &a.dates[x].value;
                compatible(existing, d)
                    && !(kind == Eventful::Reports
                        && precision_rank(d.precision) > precision_rank(existing.precision))
            };
            if let Some(i) = drafts.iter().position(|dr| dr.date.is_some_and(same)) {
                target = Some(i);
            } else if let Some(c) =
                current.filter(|&c| drafts[c].date.is_none() && !is_old(d, anchor(&drafts)))
            {
                drafts[c].date = Some(di);
                target = Some(c);
            } else if kind == Eventful::Reports || current.is_none() {
                let background = is_old(d, anchor(&drafts))
                    && (drafts.iter().any(|d| !d.background) || a.published.is_some());
                drafts.push(Draft {
                    sentences: Vec::new(),
                    date: Some(di),
                    background,
                });
                target = Some(drafts.len() - 1);
            }
        } else if let Some(ri) = reference {
            let d = &a.dates[ri].value;
            target = drafts
                .iter()
                .position(|dr| dr.date.is_some_and(|x| compatible(&a.dates[x].value, d)));
        }
        let target = match target.or(current) {
            Some(t) => t,
            None => {
                drafts.push(Draft {
                    sentences: Vec::new(),
                    date: None,
                    background: false,
                });
                drafts.len() - 1
            }
        };
        drafts[target].sentences.push(s);
        current = Some(target);
    }
    // Incidents that began before the main one are context for it.
    let main_start = drafts
        .iter()
        .find(|d| !d.background)
        .and_then(|d| d.date)
        .and_then(|i| a.dates[i].value.start);
    if let Some(main_start) = main_start.and_then(|m| m.checked_sub(1.day()).ok()) {
        let main = drafts.iter().position(|d| !d.background);
        for (k, d) in drafts.iter_mut().enumerate() {
            if Some(k) != main
                && d.date
                    .and_then(|i| a.dates[i].value.start)
                    .is_some_and(|start| start < main_start)
            {
                d.background = true;
            }
        }
    }
    drafts.retain(|d| !d.sentences.is_empty());
    drafts
}
