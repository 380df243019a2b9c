//! Incident segmentation: which sentences, or clauses of sentences, report which incident.
//!
//! Only *eventful* clauses take part: those with an event trigger, a casualty statement or a
//! claim. A sentence that only speaks of attacks in general ("There have been a number of
//! attacks on diplomats") is context and belongs to no incident.
//!
//! A sentence is read as one unit, or as clauses when it tells of two events at two times:
//! a clause about an earlier event ("Two years after a bombing killed 40 people at the same
//! market, …", "…, the deadliest since a bombing killed 40 people") and coordinated clauses
//! with dates of their own ("In 2014 a bombing killed nine, and in March 2015 a rocket attack
//! killed three").
//!
//! Units are read in order. A unit's own date ("on January 28", not a reference such as
//! "Sunday's attack", nor the day of a report such as "the army said on Tuesday") either
//! matches an incident already open (±1 day), dates the current incident if it has no date yet,
//! or — when the unit reports an event of its own — opens a new incident. An incident dated
//! more than [`BACKGROUND_DAYS`] before publication (or before the main incident), or told in
//! a clause about an earlier event, is background. Units without a date of their own continue
//! the current incident; a reference date ("the Sunday attack", "Wednesday's bombing") selects
//! the incident with that date, even beside a coarser date of the unit's own that contains it
//! ("Monday's blast was the first in the city this year"). An incident that would stand on no
//! facts of its own (no casualty figure, place, armed group, weapon, target, nor a time that
//! excludes the incident before it) is not opened: its clauses stay with the incident they
//! follow. The day of a report dates an incident only when nothing else does. A date without
//! days (no publication date to resolve "on Sunday" against) dates the incident with its words
//! and precision, and tells no incidents apart. A unit that opens at a place of its own ("In
//! the northern Balkh province, meanwhile, …", "Elsewhere, …") apart from every place of the
//! incident it would join tells another incident, even on the same day.
//!
//! An incident that has a sentence only in part sees only its part: see [`view`].

use jiff::ToSpan;
use jiff::civil::Date;
use sitrep_geo::{Gazetteer, NameMatchKind, Place};
use sitrep_model::{ByteSpan, DatePrecision, EventType};
use sitrep_text::TokenKind;
use sitrep_time::DateMention;

use crate::analysis::{Analysis, Located};
use crate::casualties::{CasualtyStatement, Side, is_aggregate_sentence};
use crate::places::{STRUCK, Toponym};

/// How many days before publication an incident must be to count as background.
pub const BACKGROUND_DAYS: i64 = 7;

/// Nouns that, following a date, make it a reference to an incident ("Sunday's attack"), and
/// that "another" before them makes a second incident ("another bomb").
const EVENT_NOUNS: &[&str] = &[
    "attack",
    "bomb",
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
    "clash",
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
    /// The sentences the incident has only in part (another part tells of another event), as
    /// `(sentence, span of the part that is its own)`, in text order; empty when it has all
    /// its sentences whole. See [`view`].
    pub clauses: Vec<(usize, ByteSpan)>,
    /// The days of a date counted back from the incident told before it ("two days
    /// earlier"), when that incident's day is known: `date`'s mention, resolved.
    pub counted_back: Option<DateMention>,
    /// The incident the article was telling when it turned to this one (index into the
    /// drafts), whose place is this one's when it names none ("Last month, a bombing near the
    /// same bank killed 12").
    pub parent: Option<usize>,
}

/// A sentence, or a clause of one: what segmentation reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Unit {
    sentence: usize,
    /// First token.
    first: usize,
    /// One past the last token.
    end: usize,
    /// Its bytes: the units of a sentence cover the sentence's span without gaps.
    span: ByteSpan,
    /// A clause about an earlier event ("two years after a bombing killed 40 people").
    past: bool,
}

impl Unit {
    /// Whether the match at `span` starts inside the unit.
    fn holds(&self, span: ByteSpan) -> bool {
        self.span.start <= span.start && span.start < self.span.end
    }
}

/// The matches of `items` (in text order, as every finder gives them) that start in `span`.
fn starting_in<T>(items: &[Located<T>], span: ByteSpan) -> &[Located<T>] {
    let lo = items.partition_point(|x| x.span.start < span.start);
    let hi = items.partition_point(|x| x.span.start < span.end);
    &items[lo..hi.max(lo)]
}

/// The matches of `items` (in text order) in unit `u`.
fn in_unit<'x, T>(items: &'x [Located<T>], u: &Unit) -> &'x [Located<T>] {
    starting_in(items, u.span)
}

/// The casualty statements (in sentence order) of unit `u`.
fn statements_in<'x>(
    casualties: &'x [CasualtyStatement],
    u: &'x Unit,
) -> impl Iterator<Item = &'x CasualtyStatement> {
    let lo = casualties.partition_point(|c| c.sentence < u.sentence);
    let hi = casualties.partition_point(|c| c.sentence <= u.sentence);
    casualties[lo..hi.max(lo)]
        .iter()
        .filter(|c| u.holds(c.span))
}

/// The unit of sentence `s` made of tokens `first..end`.
fn unit(a: &Analysis<'_>, s: usize, first: usize, end: usize, past: bool) -> Unit {
    let sentence = a.sentences[s].span;
    let range = &a.sentence_tokens[s];
    let start = if first <= range.start {
        sentence.start
    } else {
        a.tokens[first].span.start
    };
    let stop = if end >= range.end {
        sentence.end
    } else {
        a.tokens[end].span.start
    };
    Unit {
        sentence: s,
        first,
        end,
        span: ByteSpan {
            start,
            end: stop.max(start),
        },
        past,
    }
}

/// Words for a span of time before "after" or "since" ("two years after").
const DURATION_UNITS: &[&str] = &[
    "day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades",
];

/// Words that count a span of time ("two years", "several months", "a decade").
const DURATION_COUNTS: &[&str] = &[
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "fifteen", "twenty", "thirty", "several", "few", "many", "some", "couple",
];

/// Words that qualify a span of time ("nearly two years", "more than a decade", "just weeks").
const DURATION_QUALIFIERS: &[&str] = &[
    "a",
    "nearly",
    "almost",
    "about",
    "some",
    "just",
    "only",
    "barely",
    "roughly",
    "around",
    "over",
    "exactly",
    "precisely",
    "more",
    "less",
    "than",
    "fewer",
    "under",
];

/// Words that rank an event among others ("the deadliest attack since …", "the second bombing
/// this month").
const RANKING: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "latest",
    "deadliest",
    "worst",
    "bloodiest",
    "biggest",
    "largest",
    "heaviest",
    "most",
];

/// The first token of a span of time ending just before token `i` ("two years" before
/// "after"), not before token `lo`.
fn duration_start(a: &Analysis<'_>, i: usize, lo: usize) -> Option<usize> {
    span_of_time_start(a, i, lo, DURATION_UNITS)
}

/// Units of the hours between two events one of which "came" after the other.
const HOUR_UNITS: &[&str] = &["hour", "hours", "minutes"];

/// Verbs that make what follows them an earlier event: "It also follows a suicide bombing".
const FOLLOWS: &[&str] = &["follows", "followed"];

/// The first token of a span of time in `units` ending just before token `i`, not before
/// token `lo`.
fn span_of_time_start(a: &Analysis<'_>, i: usize, lo: usize, units: &[&str]) -> Option<usize> {
    let unit = i.checked_sub(1).filter(|&k| k >= lo)?;
    if !a.is_any(unit, units) {
        return None;
    }
    let mut k = unit;
    if k > lo
        && (a.tokens[k - 1].kind == TokenKind::Number
            || a.is_any(k - 1, DURATION_COUNTS)
            || sitrep_text::number_word_value(a.word(k - 1)).is_some())
    {
        k -= 1;
    } else if !a.word(unit).ends_with('s') {
        return None; // "the year after" is no span of time
    }
    while k > lo && a.is_any(k - 1, DURATION_QUALIFIERS) {
        k -= 1;
    }
    Some(k)
}

/// A clause about an earlier event at token `i` of the sentence with tokens `range`: "two
/// years after" or "months since" what happened before, or "since" after a ranking ("the
/// deadliest since a bombing killed 40 people"). Returns its tokens: from the sentence's start
/// to its first comma when it leads the sentence, else to the sentence's end.
fn past_clause(a: &Analysis<'_>, i: usize, range: std::ops::Range<usize>) -> Option<PastClause> {
    // "The attack follows a suicide bombing earlier this week in Peshawar": what the event
    // of the sentence's subject follows happened before it (but "gunmen followed the victim"
    // is a pursuit, "the clashes that followed the attack" came after it).
    if a.is_any(i, FOLLOWS)
        && i <= range.start + 4
        && !a.is_any(i.saturating_sub(1), &["that", "which", "who"])
        && (range.start..i).any(|k| a.is_any(k, &["it", "this"]) || a.is_any(k, EVENT_NOUNS))
        && !(a.is(i + 1, "the") && a.is_any(i + 2, EVENT_NOUNS))
        && !a.is(i + 1, "by")
    {
        return Some(PastClause {
            first: i,
            end: range.end,
            by_words: true,
        });
    }
    if !a.is_any(i, &["after", "since"]) {
        return None;
    }
    // "The attack came hours after a van mowed down shoppers, killing 13": hours between two
    // events that one "came" after the other (the clause from "after": it must count victims
    // of its own).
    let hours_after = || {
        let k = span_of_time_start(a, i, range.start, HOUR_UNITS)?;
        (k > range.start && a.is_any(k - 1, &["came", "comes", "come"])).then_some(i)
    };
    // "The blast came after days of clashes between …": what the event of the sentence's
    // subject came after happened before it, as with "follows" (but "came after the attack"
    // names the same event).
    let came_after = || {
        let verb = i.checked_sub(1).filter(|&k| k > range.start)?;
        (a.is_any(verb, &["came", "comes"])
            && verb <= range.start + 4
            && (range.start..verb)
                .any(|k| a.is_any(k, &["it", "this"]) || a.is_any(k, EVENT_NOUNS))
            && !(a.is_any(i + 1, &["the", "this", "that"]) && a.is_any(i + 2, EVENT_NOUNS)))
        .then_some(i)
    };
    let came = came_after();
    let first = duration_start(a, i, range.start)
        .or_else(hours_after)
        .or(came)
        .or_else(|| {
            // "the deadliest since a bombing killed 40", "the worst after a 1984 shooting in
            // San Ysidro": what an event is ranked against is another event.
            let ranked = (i.saturating_sub(8).max(range.start)..i).any(|k| a.is_any(k, RANKING));
            (ranked && (a.is(i, "since") || dated_event_at(a, i + 1))).then_some(i)
        })?;
    // "A day after the clashes": days after an event told by a definite reference are the
    // aftermath of the same event; "six days after a gunman killed three" is another. (Hours
    // after an event are no span of time here: "an hour after a blast, a second device
    // exploded" tells one attack in two stages.)
    if a.is_any(first.max(i.saturating_sub(1)), &["day", "days"])
        && a.is_any(
            i + 1,
            &["the", "this", "that", "these", "those", "its", "their"],
        )
    {
        return None;
    }
    // "since 2013", "since January": a period, not an event; but "since Jan. 19, when a
    // suicide attacker blew himself up" tells the earlier event.
    let next = ByteSpan {
        start: a.tokens[i].span.start,
        end: a.tokens[(i + 2).min(range.end - 1)].span.end,
    };
    if starting_in(&a.dates, next)
        .first()
        .is_some_and(|d| !names_a_moment(a, d.span))
        && !dated_event_at(a, i + 1)
    {
        return None;
    }
    // Leading the sentence: nothing but punctuation before it, or a dateline ("Lamu, Kenya:
    // Thirteen days after …"), found back from the clause to the nearest word or dash.
    let leading = (range.start..first)
        .rev()
        .find(|&k| a.tokens[k].kind != TokenKind::Punct || a.is_any(k, &[":", "—", "–", "-"]))
        .is_none_or(|k| a.is_any(k, &[":", "—", "–", "-"]) || a.in_dateline(a.tokens[k].span));
    let end = if leading {
        (i + 1..range.end).find(|&k| a.is(k, ","))? + 1
    } else {
        range.end
    };
    // A span of time before "after" or "since", "came after", or an event named with its date
    // ("after a 1984 shooting"): the clause is another event by its words alone.
    let by_words = first < i || came.is_some() || dated_event_at(a, i + 1);
    (end < range.end || !leading).then_some(PastClause {
        first,
        end,
        by_words,
    })
}

/// A clause about an earlier event ([`past_clause`]).
struct PastClause {
    /// Its first token.
    first: usize,
    /// The token after it.
    end: usize,
    /// Whether its words alone make it another event ("two years after", "follows", "came
    /// after"); otherwise it must count victims of its own.
    by_words: bool,
}

/// Whether an event named with its year opens at token `k`: "a 1984 shooting" and "the 2015
/// attack" are events, where "2015" alone is a period.
fn dated_event_at(a: &Analysis<'_>, k: usize) -> bool {
    let year = |w: &str| w.len() == 4 && w.parse::<u16>().is_ok_and(|y| (1900..2100).contains(&y));
    a.is_any(k, &["a", "an", "the"])
        && k + 1 < a.tokens.len()
        && year(a.word(k + 1))
        && (k + 2..(k + 5).min(a.tokens.len())).any(|j| a.is_any(j, EVENT_NOUNS))
}

/// Whether the unit reports an event with victims: the condition for reading a clause after
/// "since" apart ("the deadliest since a bombing killed 40 people").
fn counts_victims(u: &Unit, casualties: &[CasualtyStatement]) -> bool {
    statements_in(casualties, u).any(|c| !c.negated && c.side == Side::Victims)
}

/// The units of sentence `s`.
fn units(a: &Analysis<'_>, s: usize, casualties: &[CasualtyStatement]) -> Vec<Unit> {
    let range = a.sentence_tokens[s].clone();
    // Where units start, and whether each is a clause about an earlier event.
    let mut starts: Vec<(usize, bool)> = vec![(range.start, false)];
    let mut i = range.start;
    while i < range.end {
        if let Some(PastClause {
            first,
            end,
            by_words,
        }) = past_clause(a, i, range.clone())
        {
            let clause = unit(a, s, first, end, true);
            if eventfulness(a, &clause, casualties) == Eventful::Reports
                && (by_words || counts_victims(&clause, casualties))
            {
                starts.retain(|&(k, _)| k < first);
                starts.push((first, true));
                if end < range.end {
                    starts.push((end, false));
                }
                i = end;
                continue;
            }
        }
        i += 1;
    }
    let mut out = Vec::new();
    for (n, &(first, past)) in starts.iter().enumerate() {
        let end = starts.get(n + 1).map_or(range.end, |&(k, _)| k);
        if first >= end && !(first == range.start && end == range.end) {
            continue;
        }
        let whole = unit(a, s, first, end, past);
        if past {
            out.push(whole);
        } else {
            split_coordinated(a, whole, casualties, &mut out);
        }
    }
    if out.is_empty() {
        out.push(unit(a, s, range.start, range.end, false));
    }
    out
}

/// Splits `u` before each coordinated clause that opens with a date of its own at another
/// time than the clause before it, both reporting an event: "In 2014, a suicide bombing killed
/// nine peacekeepers, and in March 2015 a rocket attack killed three." A clause that opens on
/// another victim or event may give its date later: "One was shot dead in Karaleti on
/// September 10 and another was killed in Ganmukhuri on September 13" (but "was shot on
/// Sunday and died on Tuesday" is one event).
fn split_coordinated(
    a: &Analysis<'_>,
    mut u: Unit,
    casualties: &[CasualtyStatement],
    out: &mut Vec<Unit>,
) {
    'next: loop {
        for j in u.first + 2..u.end {
            let comma = a.is(j - 1, ",");
            // "… on September 10 and another one was killed …": a conjunction alone.
            let bare = !comma && !a.is(j - 1, ";") && a.is_any(j, &["and", "while", "whereas"]);
            if !(comma || bare || a.is(j - 1, ";")) {
                continue;
            }
            let mut c = j;
            if a.is_any(c, &["and", "but", "while", "whereas", "then"]) {
                c += 1;
            } else if comma {
                continue;
            }
            let opening = ByteSpan {
                start: a.tokens[c.min(u.end - 1)].span.start,
                end: a.tokens[(c + 1).min(u.end - 1)].span.end,
            };
            let another = a.is_any(c, &["another", "other"])
                || (a.is_any(c, &["a", "the"])
                    && a.is_any(c + 1, &["second", "third", "fourth", "other"]));
            // "…, and two days later, a suicide bomber struck a church": an attack a
            // while after the one told, with or without days to compare.
            let later = c < u.end && a_while_later_at(a, c, u.end).is_some();
            let dated = !bare && !starting_in(&a.dates, opening).is_empty();
            // "…, and a roadside bomb killed three soldiers on August 21": a clause of its
            // own after ", and" whose day, given anywhere in it, is another.
            let own_clause = comma
                && a.is(j, "and")
                && c < u.end
                && !starting_in(
                    &a.dates,
                    ByteSpan {
                        start: a.tokens[c].span.start,
                        end: u.span.end,
                    },
                )
                .is_empty();
            let opens_another = another || later || dated || own_clause;
            if c >= u.end || !opens_another {
                continue;
            }
            let left = unit(a, u.sentence, u.first, j, false);
            let right = unit(a, u.sentence, j, u.end, false);
            let resolved = |x: &Unit| {
                unit_dates(a, x)
                    .own
                    .map(|i| &a.dates[i].value)
                    .filter(|d| d.is_resolved())
            };
            let apart = if later {
                opens_a_while_later(a, &right)
            } else {
                match (resolved(&left), resolved(&right)) {
                    (Some(l), Some(r)) => {
                        !compatible(l, r)
                            && eventfulness(a, &right, casualties) == Eventful::Reports
                    }
                    _ => false,
                }
            };
            if !apart || eventfulness(a, &left, casualties) != Eventful::Reports {
                continue;
            }
            out.push(Unit {
                span: ByteSpan {
                    start: u.span.start,
                    ..left.span
                },
                ..left
            });
            u = Unit {
                span: ByteSpan {
                    end: u.span.end,
                    ..right.span
                },
                ..right
            };
            continue 'next;
        }
        out.push(u);
        return;
    }
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

fn eventfulness(a: &Analysis<'_>, u: &Unit, casualties: &[CasualtyStatement]) -> Eventful {
    const CLAIM_WORDS: &[&str] = &[
        "claimed",
        "responsibility",
        "blamed",
        "suspected",
        "accused",
        "attributed",
    ];
    let claim = (u.first..u.end).any(|i| a.is_any(i, CLAIM_WORDS));
    // Running totals are context, but who is blamed in them still speaks of this incident.
    if is_aggregate_sentence(a, u.sentence) {
        return if claim {
            Eventful::Continues
        } else {
            Eventful::No
        };
    }
    let statements: Vec<&CasualtyStatement> = statements_in(casualties, u).collect();
    let triggers = in_unit(&a.triggers, u);
    // "The blast was the second this month": a ranking of the event already told. The dead
    // may be militants: "a drone strike killed a commander and another militant".
    let reports = statements.iter().any(|c| !c.negated)
        || triggers.iter().any(|t| {
            t.value.event_type != EventType::Unknown
                && !is_general(a, t.span)
                && !is_ranked(a, t.span)
        });
    // "An armed group attacked the town", "the group also claimed an attack on a convoy": an
    // attack by someone, however it was done. "Peacekeepers were attacked on the road to Kidal":
    // by someone unnamed.
    let attack_by_someone = || {
        let by_someone = !in_unit(&a.actors, u).is_empty() || !in_unit(&a.groups, u).is_empty();
        triggers.iter().any(|t| {
            let i = a.token_at(t.span.start);
            let attacked = a.is_any(i, ATTACKED);
            let passive = attacked && i > 0 && a.is_any(i - 1, &["was", "were", "been", "being"]);
            let an_attack = a.is(i, "attack") && i > 0 && a.is_any(i - 1, &["an", "another"]);
            t.value.event_type == EventType::Unknown
                && !is_general(a, t.span)
                && (passive || (by_someone && (attacked || an_attack)))
        })
    };
    if reports || attack_by_someone() {
        return Eventful::Reports;
    }
    let attack_word = triggers.iter().any(|t| !is_general(a, t.span));
    // A named armed group in the sentence: "The Taliban damaged a telecommunication mast".
    let group = !in_unit(&a.groups, u).is_empty();
    if claim || attack_word || group || !statements.is_empty() {
        Eventful::Continues
    } else {
        Eventful::No
    }
}

/// Verbs that say someone attacked, without saying how.
const ATTACKED: &[&str] = &["attacked", "stormed", "raided", "ambushed", "overran"];

/// A trigger ranked among others ("the second bombing", "its deadliest attack"): it names the
/// event being ranked, told elsewhere. ("A second bomb exploded" is another event.)
fn is_ranked(a: &Analysis<'_>, span: ByteSpan) -> bool {
    let i = a.token_at(span.start);
    (i.saturating_sub(3).max(1)..i)
        .any(|k| a.is_any(k, RANKING) && a.is_any(k - 1, &["the", "its", "their"]))
}

/// Whether the unit has facts of its own that an incident can stand on: a casualty figure, a
/// place named as where something happened, an armed group, a weapon (other than the event's
/// own word, "the blast") or a target.
fn has_facts(a: &Analysis<'_>, u: &Unit, casualties: &[CasualtyStatement]) -> bool {
    const LOCATIVE: &[&str] = &[
        "in", "near", "at", "outside", "inside", "around", "across", "of",
    ];
    statements_in(casualties, u).next().is_some()
        || !in_unit(&a.groups, u).is_empty()
        // The event's own word is no more than the event ("the blast").
        || in_unit(&a.weapons, u).iter().any(|w| {
            !in_unit(&a.triggers, u)
                .iter()
                .any(|t| t.span.overlaps(&w.span))
        })
        || !in_unit(&a.targets, u).is_empty()
        || in_unit(&a.names, u).iter().any(|n| {
            matches!(n.value.kind, NameMatchKind::Place(_))
                && !a.in_dateline(n.span)
                && n.value.tokens.start > 0
                && a.is_any(n.value.tokens.start - 1, LOCATIVE)
        })
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
    // "the September 11 terror attacks": the name of an event, of any year.
    if d.names_event {
        return true;
    }
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

/// The dates of a unit, as indices into `a.dates`.
#[derive(Debug, Clone, Copy, Default)]
struct UnitDates {
    /// Its own date: the most precise date that is none of the others.
    own: Option<usize>,
    /// A date it refers to an incident by ("Sunday's attack").
    reference: Option<usize>,
    /// The day something was said ("the army said on Tuesday").
    reported: Option<usize>,
}

/// Words that make a date next to them the day of a report, not of the event.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "announced",
    "announces",
    "reported",
    "reports",
    "confirmed",
    "confirms",
    "stated",
    "added",
    "statement",
    "statements",
    "announcement",
    "briefing",
    "conference",
    "interview",
    "tweeted",
    "posted",
    "wrote",
    "quoted",
    "according",
    "responsibility",
];

/// Reporting verbs that a date leading the sentence may precede ("On Tuesday, the army said").
const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "announced",
    "reported",
    "confirmed",
    "stated",
];

/// Whether the date `d` of unit `u` is the day of a report: it follows a reporting word with
/// nothing of the event between them ("said on Tuesday", "told reporters in Kabul on Monday",
/// "said in a statement on Sunday"), leads a clause whose verb is one ("On Tuesday, the army
/// said …"), or owns a statement ("in Tuesday's statement").
fn is_reported(a: &Analysis<'_>, d: &Located<DateMention>, u: &Unit) -> bool {
    let starts_event = |k: usize| {
        a.tokens
            .get(k)
            .is_some_and(|t| !starting_in(&a.triggers, t.span).is_empty())
    };
    // "said that on Tuesday gunmen …": the date is the reported event's.
    let stop = |k: usize| a.is_any(k, &[",", ";", ":", "(", ")", ".", "that"]) || starts_event(k);
    let first = a.token_at(d.span.start);
    for k in (first.saturating_sub(7).max(u.first)..first).rev() {
        if a.is_any(k, REPORTING) {
            return true;
        }
        if stop(k) {
            break;
        }
    }
    let after = a.token_at(d.span.end);
    if a.is_any(after, &["'s", "’s"])
        && a.is_any(
            after + 1,
            &["statement", "announcement", "briefing", "report", "remarks"],
        )
    {
        return true;
    }
    // A date leading the clause, then its subject and verb.
    let leads = (u.first..first).all(|k| a.tokens[k].kind == TokenKind::Punct);
    let from = if a.is(after, ",") { after + 1 } else { after };
    for k in (from..(from + 6).min(u.end)).filter(|_| leads) {
        if a.is_any(k, REPORTING_VERBS) {
            return true;
        }
        if stop(k) {
            break;
        }
    }
    false
}

/// Whether the date at `span` is followed by ", when": the day something happened ("since
/// Jan. 19, when a suicide attacker blew himself up"), not the start of a period.
fn names_a_moment(a: &Analysis<'_>, span: ByteSpan) -> bool {
    let after = a.token_at(span.end);
    a.is(after, ",") && a.is(after + 1, "when")
}

/// The unit's own date, a date it refers to and the day of a report in it.
fn unit_dates(a: &Analysis<'_>, u: &Unit) -> UnitDates {
    let mut out = UnitDates::default();
    let lo = a.dates.partition_point(|d| d.span.start < u.span.start);
    for (i, d) in a.dates[lo..]
        .iter()
        .enumerate()
        .map(|(k, d)| (lo + k, d))
        .take_while(|(_, d)| d.span.start < u.span.end)
    {
        // The dateline's date is when the report was filed; "since 2013" starts a period.
        let first = a.token_at(d.span.start);
        if a.in_dateline(d.span)
            || (first > 0
                && a.is_any(first - 1, &["since", "until", "till"])
                && !names_a_moment(a, d.span))
            || dates_the_remembered_event(a, d)
            || dates_what_is_avenged(a, d)
        {
            continue;
        }
        if is_reference(a, &d.value) {
            out.reference.get_or_insert(i);
        } else if is_reported(a, d, u) {
            out.reported.get_or_insert(i);
        } else if out.own.is_none_or(|o: usize| {
            precision_rank(a.dates[o].value.precision) > precision_rank(d.value.precision)
        }) {
            out.own = Some(i);
        }
    }
    out
}

/// Whether the date at `span`, with its year, dates the event an anniversary recalls: "on the
/// anniversary of the suppression of a student demonstration in 1999", "commemorating the
/// 2004 bombings". The incident happened on the anniversary, not then.
fn dates_the_remembered_event(a: &Analysis<'_>, d: &Located<DateMention>) -> bool {
    const REACH: usize = 12;
    let with_year = a.text[d.span.range()]
        .split(|c: char| !c.is_ascii_digit())
        .any(|digits| digits.len() == 4);
    if !with_year {
        return false;
    }
    let first = a.token_at(d.span.start);
    let sentence_start = a.sentence_tokens[d.sentence].start;
    (first.saturating_sub(REACH).max(sentence_start)..first).any(|k| {
        (a.is_any(k, &["anniversary", "anniversaries", "commemoration"]) && a.is(k + 1, "of"))
            || a.is(k, "commemorating")
    })
}

/// Whether the date at `d` dates what an attack avenges or answers: "in retaliation for the
/// slaying of eight members … last November", "a response to the previous day's detention".
/// The attack happened after it, not then.
fn dates_what_is_avenged(a: &Analysis<'_>, d: &Located<DateMention>) -> bool {
    const REACH: usize = 25;
    let first = a.token_at(d.span.start);
    let sentence_start = a.sentence_tokens[d.sentence].start;
    for k in (first.saturating_sub(REACH).max(sentence_start)..first).rev() {
        if a.is_any(k, &[",", ";", ":", ".", "(", ")"]) {
            return false;
        }
        if a.is_any(
            k,
            &[
                "retaliation",
                "revenge",
                "reprisal",
                "reprisals",
                "response",
                "avenge",
                "avenging",
                "retaliate",
                "retaliating",
            ],
        ) {
            return true;
        }
    }
    false
}

fn precision_rank(p: DatePrecision) -> u8 {
    match p {
        DatePrecision::Day => 0,
        DatePrecision::Week => 1,
        DatePrecision::Month => 2,
        DatePrecision::Year => 3,
    }
}

/// Whether two dates may be one incident's: overlapping, give or take a day (an attack late
/// on Sunday told as Monday's).
fn compatible(x: &DateMention, y: &DateMention) -> bool {
    compatible_within(x, y, 1)
}

fn compatible_within(x: &DateMention, y: &DateMention, slack_days: i64) -> bool {
    match (x.start, x.end, y.start, y.end) {
        (Some(xs), Some(xe), Some(ys), Some(ye)) => {
            let slack = slack_days.days();
            xs.checked_sub(slack).is_ok_and(|xs| xs <= ye)
                && ys.checked_sub(slack).is_ok_and(|ys| ys <= xe)
        }
        _ => false,
    }
}

/// Whether the unit tells of a second event in its first words: "Another bomb exploded", "On
/// Sunday, another bomber …", "In a separate attack, …", "A similar bomb …", "Elsewhere, …".
/// Not "another soldier was wounded", one more victim of the same.
fn tells_of_another(a: &Analysis<'_>, u: &Unit) -> bool {
    // After openers and the unit's date: "On Sunday, another bomber …".
    let start = opening_words(a, u);
    let opening = start..(start + 3).min(u.end);
    // "a separate attack", not "two separate attacks" (a summary of both).
    let another_at = |k: usize| {
        a.is(k, "another") || (a.is_any(k, &["separate", "similar"]) && k > 0 && a.is(k - 1, "a"))
    };
    // "Elsewhere, gunmen killed two": the report turns to another place; "Separately, …" to
    // another story.
    a.is_any(u.first, &["elsewhere", "separately"])
        // "Also on Saturday, a bus was ambushed …": another event of a day already told.
        || (a.is(u.first, "also")
            && a.dates.iter().any(|d| a.token_at(d.span.start) == u.first + 1))
        || opening.into_iter().any(|k| {
            another_at(k) && (k + 1..(k + 5).min(u.end)).any(|n| a.is_any(n, EVENT_NOUNS))
        })
        // "Two guards were killed in another attack near the airport": anywhere in the clause,
        // after "in".
        || (u.first + 2..u.end).any(|k| {
            let after_in = if a.is(k, "another") { k - 1 } else { k - 2 };
            a.is(after_in, "in")
                && another_at(k)
                && (k + 1..(k + 3).min(u.end)).any(|n| a.is_any(n, EVENT_NOUNS))
        })
}

/// The time a clause about an earlier event says it was before the one told, from the span
/// of days or weeks it opens on ("a day after …", "two weeks after …"), as a mention counted
/// back ([`DateMention::earlier`]) over those words.
fn time_before(a: &Analysis<'_>, u: &Unit) -> Option<DateMention> {
    let after = (u.first..(u.first + 5).min(u.end)).find(|&k| a.is(k, "after"))?;
    let unit = after.checked_sub(1).filter(|&k| k > u.first)?;
    let precision = match a.word(unit).to_ascii_lowercase().as_str() {
        "day" | "days" => DatePrecision::Day,
        "week" | "weeks" => DatePrecision::Week,
        _ => return None,
    };
    let count = a.word(unit - 1).to_ascii_lowercase();
    let amount = match count.as_str() {
        "a" | "one" => 1,
        word => sitrep_text::number_word_value(word)
            .map(i64::from)
            .or_else(|| word.parse().ok())?,
    };
    Some(DateMention {
        span: ByteSpan {
            start: a.tokens[unit - 1].span.start,
            end: a.tokens[after].span.end,
        },
        start: None,
        end: None,
        precision,
        relative: true,
        names_event: false,
        earlier: Some(sitrep_time::Earlier {
            amount,
            unit: precision,
        }),
    })
}

/// Whether the unit opens on a time before the event being told, with no date of its own
/// ("Earlier, …", "Previously, …", "In an earlier attack, …"), and tells an attack of its own
/// ("Earlier, the police said …" tells none).
fn opens_before(a: &Analysis<'_>, u: &Unit) -> bool {
    let after = if a.is_any(u.first, &["earlier", "previously"]) && a.is(u.first + 1, ",") {
        u.first + 2
    } else if a.is(u.first, "in")
        && a.is_any(u.first + 1, &["an", "a"])
        && a.is_any(u.first + 2, &["earlier", "previous"])
        && a.is_any(u.first + 3, EVENT_NOUNS)
    {
        u.first + 4
    } else {
        return false;
    };
    attack_from(a, u, after)
}

/// Whether the unit tells an attack from token `k` on: not one spoken of in general, nor a
/// ranking of one told elsewhere, nor one named as known ("the attack had been repelled").
fn attack_from(a: &Analysis<'_>, u: &Unit, k: usize) -> bool {
    in_unit(&a.triggers, u).iter().any(|t| {
        let i = a.token_at(t.span.start);
        i >= k
            && !a.is_any(
                i.saturating_sub(1),
                &["the", "this", "that", "its", "their"],
            )
            && !is_general(a, t.span)
            && !is_ranked(a, t.span)
    })
}

/// Whether the unit opens on a while later ("Several hours later, …", "Two days later, …")
/// and tells an attack of its own: "Two days later, the toll rose to nine"
/// and "Hours later, one of the wounded died" are news of the same one.
fn opens_a_while_later(a: &Analysis<'_>, u: &Unit) -> bool {
    // (A coordinated clause opens after its conjunction: "…, and two days later, a bomber …".)
    let first = (u.first..u.end)
        .find(|&k| !a.is_any(k, &[",", "and", "while", "then"]))
        .unwrap_or(u.end);
    a_while_later_at(a, first, u.end).is_some_and(|later| attack_from(a, u, later + 1))
}

/// The token of "later" when a span of hours, days or more and "later," open the words at
/// `first` ("Several hours later,", "two days later,").
fn a_while_later_at(a: &Analysis<'_>, first: usize, end: usize) -> Option<usize> {
    let later = (first..(first + 4).min(end)).find(|&k| a.is(k, "later"))?;
    // Minutes later is one attack going on ("Ten minutes later, a second group attacked").
    let units = [&["hour", "hours"][..], DURATION_UNITS].concat();
    (later > first
        && span_of_time_start(a, later, first, &units) == Some(first)
        && a.is(later + 1, ","))
    .then_some(later)
}

/// Whether the unit opens on "Earlier" or "Later" before a date of its own ("Earlier on
/// Sunday, …", "Later on Friday, gunmen attacked …"): it turns to an event before or after
/// the one being told. What comes later must be an attack of its own: "Later on Tuesday, the
/// toll rose to nine" is news of the same one.
fn opens_earlier_or_later(a: &Analysis<'_>, u: &Unit) -> bool {
    let turns = a.is(u.first, "earlier") || (a.is(u.first, "later") && attack_from(a, u, u.first));
    turns
        && a.dates.iter().any(|d| {
            let k = a.token_at(d.span.start);
            (k == u.first + 1 || (k == u.first + 2 && a.is_any(u.first + 1, &["on", "in"])))
                || (k == u.first && d.span.end > a.tokens[u.first].span.end)
        })
}

fn is_old(d: &DateMention, anchor: Option<Date>) -> bool {
    match (d.end, anchor) {
        (Some(end), Some(anchor)) => anchor
            .checked_sub(BACKGROUND_DAYS.days())
            .is_ok_and(|limit| end < limit),
        _ => false,
    }
}

/// Whether an event reported on the day `r` ("…, the army said on Tuesday") cannot be the
/// incident `current`: a recent report after a past incident, or a report before it happened.
fn reported_elsewhere(
    a: &Analysis<'_>,
    r: &DateMention,
    current: &Building,
    anchor: Option<Date>,
) -> bool {
    let Some(d) = current.date.map(|i| &a.dates[i].value) else {
        return false;
    };
    let recent_after_past = current.background && r.is_resolved() && !is_old(r, anchor);
    let before = match (r.end, d.start) {
        (Some(end), Some(start)) => start.checked_sub(1.day()).is_ok_and(|s| end < s),
        _ => false,
    };
    recent_after_past || before
}

/// Where the unit says, in its opening words, that its event happened: a place that a word of
/// place introduces before anything else of the clause ("In the
/// eastern Nangarhar province, meanwhile, …", "In Zamboanga city on Thursday, …"), the way a
/// report turns to another incident. Not the dateline's, nor a place that only says where
/// someone speaks from or serves ("the governor of Paktika"), nor one told later in the clause
/// ("… later died in a Glasgow hospital"). With `anywhere`, a scene anywhere in the clause.
fn event_place(a: &Analysis<'_>, toponyms: &[Toponym], u: &Unit, anywhere: bool) -> Option<Place> {
    let opening = opening_words(a, u);
    // A country only where the clause opens on it: "In Syria, rescuers said four people
    // were killed" in a report about a Turkish town.
    let t = starting_in_toponyms(toponyms, u).iter().find(|t| {
        let scene = scene_word(a, a.token_at(t.span.start));
        !t.elsewhere
            && !t.dateline
            && if matches!(t.place, Place::Country(_)) {
                !anywhere && scene == Some(opening)
            } else {
                scene.is_some_and(|k| anywhere || k == opening)
            }
    })?;
    // "In Washington, a State Department official said the guerrillas attacked …": where
    // someone speaks, not where the event was.
    // (Told after its event, the place is the scene: "… kidnapped 10 villagers near Tunceli,
    // state television said".)
    let event = in_unit(&a.triggers, u)
        .iter()
        .map(|t| a.token_at(t.span.start))
        .find(|&k| k >= a.token_at(t.span.end));
    if anywhere && event.is_none() {
        return Some(t.place);
    }
    let event = event.unwrap_or(u.end);
    // (A country speaks through those in it: "In Syria, rescuers said four were killed".)
    let speaks = !matches!(t.place, Place::Country(_))
        && (a.token_at(t.span.end)..event).any(|k| a.is_any(k, SPEAKERS) || a.is_any(k, REPORTING));
    (!speaks).then_some(t.place)
}

/// Whether the unit says that an event of another kind "also" happened: "also" among its
/// first words, and strong triggers none of whose types the incident's units have.
fn also_another_kind(a: &Analysis<'_>, u: &Unit, units: &[Unit]) -> bool {
    const ALSO_WITHIN: usize = 8;
    if !(u.first..(u.first + ALSO_WITHIN).min(u.end)).any(|k| a.is(k, "also")) {
        return false;
    }
    let strong = |x: &Unit| -> Vec<EventType> {
        in_unit(&a.triggers, x)
            .iter()
            .filter(|t| {
                t.value.strength == crate::resources::Strength::Strong
                    && t.value.event_type != EventType::Unknown
            })
            .map(|t| t.value.event_type)
            .collect()
    };
    let own = strong(u);
    let before: Vec<EventType> = units.iter().flat_map(strong).collect();
    !own.is_empty() && !before.is_empty() && !own.iter().any(|t| before.contains(t))
}

/// Whether the unit says that an attack "also" struck a place by name ("Clashes also rocked
/// Zabadani", "the gunmen also attacked Dogo village"): wherever that place lies
/// apart from the incident's, it is another incident.
fn also_struck(a: &Analysis<'_>, u: &Unit) -> bool {
    (u.first..u.end.saturating_sub(1)).any(|k| also_struck_at(a, k))
}

/// Whether "also" and a verb of striking a place stand at token `k`: "also rocked", "also
/// raided".
fn also_struck_at(a: &Analysis<'_>, k: usize) -> bool {
    a.is(k, "also") && a.is_any(k + 1, STRUCK)
}

/// Words that may open a clause before its scene: "Meanwhile, in …", "On Thursday, in …".
const OPENERS: &[&str] = &[
    "meanwhile",
    "elsewhere",
    "also",
    "and",
    "but",
    "separately",
    "earlier",
    "later",
    "then",
    ",",
    "-",
    "–",
    "—",
];

/// The first token of the unit that is neither an opener nor part of a date.
fn opening_words(a: &Analysis<'_>, u: &Unit) -> usize {
    let in_date = |k: usize| {
        let span = a.tokens[k].span;
        a.dates
            .iter()
            .any(|d| d.span.start <= span.start && span.end <= d.span.end)
    };
    (u.first..u.end)
        .find(|&k| !(a.is_any(k, OPENERS) || in_date(k)))
        .unwrap_or(u.end)
}

/// Words that introduce where something happened.
const SCENE_WORDS: &[&str] = &["in", "near", "outside", "at", "inside", "around"];

/// Words between a word of place and the name ("in the eastern Nangarhar province").
const SCENE_FILLERS: &[&str] = &[
    "the",
    "a",
    "eastern",
    "western",
    "northern",
    "southern",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "restive",
    "neighbouring",
    "neighboring",
    "nearby",
    "town",
    "city",
    "village",
    "district",
    "province",
    "state",
    "region",
    "of",
];

/// People and bodies that speak or serve from a place: "a source in Bangui".
const SPEAKERS: &[&str] = &[
    "source",
    "sources",
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "reporters",
    "reporter",
    "correspondent",
    "journalists",
    "journalist",
    "residents",
    "resident",
    "hospital",
    "hospitals",
    "embassy",
    "office",
    "headquarters",
    "based",
];

/// The word of place that introduces the name at token `first` as a scene, with at most a
/// few fillers between ("in the eastern Nangarhar province"), unless it follows a speaker
/// ("a source in Bangui").
fn scene_word(a: &Analysis<'_>, first: usize) -> Option<usize> {
    let mut k = first;
    for _ in 0..5 {
        k = k.checked_sub(1)?;
        if a.is_any(k, SCENE_WORDS) {
            return (k == 0 || !a.is_any(k - 1, SPEAKERS)).then_some(k);
        }
        // "also rocked Zabadani", "also raided nearby Dogo village".
        if k > 0 && also_struck_at(a, k - 1) {
            return Some(k);
        }
        // One word of any kind may qualify the name itself, after the article or the word
        // of place: "in lawless Far North province", "in the restive Swat valley".
        let qualifier = k + 1 == first
            && a.tokens[k].kind == TokenKind::Word
            && !a.tokens[k].is_capitalized(a.text)
            && k > 0
            && (a.is_any(k - 1, SCENE_WORDS) || a.is_any(k - 1, &["the", "a"]));
        if !a.is_any(k, SCENE_FILLERS) && !qualifier {
            return None;
        }
    }
    None
}

/// The toponyms (in text order) that start in unit `u`.
fn starting_in_toponyms<'x>(toponyms: &'x [Toponym], u: &Unit) -> &'x [Toponym] {
    let lo = toponyms.partition_point(|t| t.span.start < u.span.start);
    let hi = toponyms.partition_point(|t| t.span.start < u.span.end);
    &toponyms[lo..hi]
}

/// How a place stands to the places an incident names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PlaceFit {
    /// The incident names no place below a country: the place may be its.
    Open,
    /// One of them is the place, lies in it, contains it or shares its province.
    Same,
    /// Every one of them is elsewhere.
    Apart,
}

/// How `place` stands to the places the units of `draft` say things happened at.
fn place_fit(g: &Gazetteer, toponyms: &[Toponym], draft: &Building, place: Place) -> PlaceFit {
    let province = |p: Place| g.admin1_of(p);
    let mut fit = PlaceFit::Open;
    for t in draft
        .units
        .iter()
        .flat_map(|u| starting_in_toponyms(toponyms, u))
    {
        if t.dateline || t.elsewhere || matches!(t.place, Place::Country(_)) {
            continue;
        }
        if g.contains(t.place, place)
            || g.contains(place, t.place)
            || province(place).is_some_and(|a| province(t.place) == Some(a))
        {
            return PlaceFit::Same;
        }
        fit = PlaceFit::Apart;
    }
    fit
}

/// How far apart two towns may be and still be one scene (a village at the edge of a town).
const ONE_SCENE_KM: f64 = 10.0;

/// The date an incident is told at: a time counted back from another incident's day has that
/// day's days.
fn told_at<'x>(a: &'x Analysis<'_>, d: &'x Building) -> Option<&'x DateMention> {
    d.counted_back
        .as_ref()
        .or_else(|| d.date.map(|i| &a.dates[i].value))
}

/// [`place_fit`] for an event told on another day: another town of the same province is
/// elsewhere ("On Saturday night, a drone struck Samarra …" after Sunday's strike near
/// Tikrit), unless it lies at the edge of the incident's.
fn town_fit(g: &Gazetteer, toponyms: &[Toponym], draft: &Building, place: Place) -> PlaceFit {
    let fit = place_fit(g, toponyms, draft, place);
    let Place::City(_) = place else {
        return fit;
    };
    if fit != PlaceFit::Same {
        return fit;
    }
    let near = |other: Place| {
        let ((la, lo), (lb, ob)) = (g.coordinates(place), g.coordinates(other));
        sitrep_geo::haversine_km(la, lo, lb, ob) <= ONE_SCENE_KM
    };
    let towns = draft
        .units
        .iter()
        .flat_map(|u| starting_in_toponyms(toponyms, u))
        .filter(|t| !t.dateline && !t.elsewhere && !matches!(t.place, Place::Country(_)));
    // The incident's towns decide; its province ("in Bungudu, Zamfara State") only when it
    // names no town, as the new town may then be where it happened.
    let mut any = false;
    for t in towns.filter(|t| matches!(t.place, Place::City(_))) {
        if t.place == place || near(t.place) {
            return PlaceFit::Same;
        }
        any = true;
    }
    if any { PlaceFit::Apart } else { fit }
}

/// An incident being put together.
struct Building {
    units: Vec<Unit>,
    date: Option<usize>,
    background: bool,
    /// The incident that was current when this one opened.
    parent: Option<usize>,
    /// The first day of a report among its units.
    reported: Option<usize>,
    /// Whether it opened where the report turned to another place ([`event_place`]).
    placed: bool,
    /// Its date's days, when the date counts back from another incident's ("two days
    /// earlier").
    counted_back: Option<DateMention>,
}

/// Groups the eventful sentences and clauses of the article into incidents (main first is
/// not guaranteed here; see [`crate::extract_article`]).
pub fn segment(
    a: &Analysis<'_>,
    casualties: &[CasualtyStatement],
    toponyms: &[Toponym],
    gazetteer: &Gazetteer,
) -> Vec<Draft> {
    let mut drafts: Vec<Building> = Vec::new();
    let mut current: Option<usize> = None;
    // With no publication date and no date for the main incident, the latest calendar date
    // the page gives: a page is written after what it tells, so an event dated well before
    // that ("suicide bombings at Sharm el-Sheikh in July 2005" beside "the following year")
    // is not the one being reported.
    let latest_told = a
        .dates
        .iter()
        .filter(|d| !d.value.relative && d.value.is_resolved())
        .filter_map(|d| d.value.end)
        .max();
    let anchor = |drafts: &[Building]| -> Option<Date> {
        a.published
            .or_else(|| {
                drafts
                    .iter()
                    .find(|d| !d.background)
                    .and_then(|d| d.date)
                    .and_then(|i| a.dates[i].value.start)
            })
            .or(latest_told)
    };
    let has_days = |date: Option<usize>| date.is_some_and(|i| a.dates[i].value.is_resolved());
    // The one day an incident is dated to, from which a time may be counted back.
    let day_of = |d: &Building| -> Option<Date> {
        let date = told_at(a, d)?;
        (date.precision == DatePrecision::Day && date.start == date.end)
            .then_some(date.start)
            .flatten()
    };
    // Sentences read as more than one unit.
    let mut split = vec![false; a.sentences.len()];
    for (s, split) in split.iter_mut().enumerate() {
        let units = units(a, s, casualties);
        *split = units.len() > 1;
        for u in units {
            let kind = eventfulness(a, &u, casualties);
            if kind == Eventful::No {
                continue;
            }
            let dates = unit_dates(a, &u);
            let another = kind == Eventful::Reports && tells_of_another(a, &u);
            // "Earlier on Sunday, a suicide bomber struck …": an event before the one being
            // told, on the same day, is not that one.
            let another_moment = kind == Eventful::Reports && opens_earlier_or_later(a, &u);
            let own = dates.own;
            let resolved_own = own.filter(|&i| a.dates[i].value.is_resolved());
            let mut target = None;
            // A new incident to open: its date and whether it is background.
            let mut open: Option<(Option<usize>, bool)> = None;
            let mut counted_back = None;
            // An event told as an aside (a clause about an earlier event, "two days
            // earlier, …") continues nothing: the story goes on with the incident before it.
            let mut aside = u.past;
            // The incident a reference names ("Monday's blast"), unless the unit's own date
            // places it at another time.
            let referred = dates.reference.and_then(|ri| {
                let d = &a.dates[ri].value;
                drafts.iter().position(|dr| {
                    dr.date.is_some_and(|x| {
                        compatible(&a.dates[x].value, d)
                            && resolved_own
                                .is_none_or(|o| compatible(&a.dates[o].value, &a.dates[x].value))
                    })
                })
            });
            if let Some(r) = referred {
                target = Some(r);
            } else if let Some(di) = resolved_own {
                let d = &a.dates[di].value;
                // "Another attack … on Sunday" after Monday's is no late report of it: the
                // day's slack is for one event told twice.
                let slack = if another { 0 } else { 1 };
                // A coarser date than the incident's ("earlier this month" against "on
                // Saturday") in a unit that reports an event of its own is another incident.
                // The day's slack is for one event told twice: a day apart and at a scene
                // apart from every place of the incident ("On Monday, a mine blast killed five
                // in Jaffna" after Tuesday's attack near Trincomalee), or said to have "also"
                // happened ("Gang members also killed an officer … Saturday" after Sunday's
                // attack), is another event.
                let scene = std::cell::OnceCell::new();
                let scene = || {
                    *scene.get_or_init(|| {
                        (kind == Eventful::Reports)
                            .then(|| event_place(a, toponyms, &u, true))
                            .flatten()
                    })
                };
                let opens_on_date = a.token_at(a.dates[di].span.start) <= u.first + 1;
                let also = kind == Eventful::Reports
                    && (u.first..(u.first + 4).min(u.end)).any(|k| a.is(k, "also"));
                // Said to have "also" happened, or an attack told as of its own day ("On
                // Monday, a gunman was shot dead at a checkpoint"): a day apart is apart.
                let told_apart = also || (opens_on_date && attack_from(a, &u, u.first));
                let same = |k: usize| {
                    // "In a separate attack on Tuesday, …", "Another bomb went off … on
                    // Wednesday": a second event, even on a day already told.
                    if another {
                        return false;
                    }
                    let Some(existing) = told_at(a, &drafts[k]) else {
                        return false;
                    };
                    compatible_within(existing, d, slack)
                        && !(kind == Eventful::Reports
                            && precision_rank(d.precision) > precision_rank(existing.precision))
                        && (compatible_within(existing, d, 0)
                            || (!told_apart
                                && scene().is_none_or(|p| {
                                    match town_fit(gazetteer, toponyms, &drafts[k], p) {
                                        PlaceFit::Same => true,
                                        PlaceFit::Apart => false,
                                        // "On Sunday, in Far North province, a bomb …": a
                                        // clause that opens on its day and its place tells
                                        // its own event.
                                        PlaceFit::Open => !opens_on_date,
                                    }
                                })))
                };
                // The incident the report has just turned to at a place of its own keeps
                // its story: a day it shares with an incident told earlier elsewhere ("late
                // Tuesday" twice) does not send the clause back there.
                let placed = current.filter(|&c| {
                    drafts[c].placed
                        && !u.past
                        && drafts[c]
                            .date
                            .map_or(!is_old(d, anchor(&drafts)), |_| same(c))
                });
                if let Some(c) = placed {
                    drafts[c].date.get_or_insert(di);
                    target = Some(c);
                } else if let Some(i) = {
                    // The incident of that very day before one a day apart: "Five of the
                    // sailors seized Monday" go to Monday's attack, not Tuesday's.
                    let candidates: Vec<usize> = (0..drafts.len())
                        .filter(|&k| same(k) && !(another_moment && Some(k) == current))
                        .collect();
                    let exact = candidates.iter().copied().find(|&k| {
                        told_at(a, &drafts[k])
                            .is_some_and(|existing| compatible_within(existing, d, 0))
                    });
                    exact.or(candidates.first().copied())
                } {
                    target = Some(i);
                } else if u.past {
                    if kind == Eventful::Reports {
                        open = Some((Some(di), true));
                    }
                } else if let Some(c) = current.filter(|&c| {
                    !another && !has_days(drafts[c].date) && !is_old(d, anchor(&drafts))
                }) {
                    drafts[c].date = Some(di);
                    target = Some(c);
                } else if kind == Eventful::Reports || current.is_none() {
                    let background = is_old(d, anchor(&drafts))
                        && (drafts.iter().any(|d| !d.background) || a.published.is_some());
                    open = Some((Some(di), background));
                }
            } else if let Some(di) = own.filter(|&i| a.dates[i].value.earlier.is_some())
                && kind == Eventful::Reports
                && let Some(c) = current
            {
                // "Two days earlier, gunmen killed three", "Hours earlier, a bomb …": an
                // event before the one being told, dated from its day when that is known.
                open = Some((Some(di), true));
                // Counted from the incident being told, or from the main one when that
                // one's day is known and the current one's is not ("last month, …; a week
                // earlier, …").
                let from = day_of(&drafts[c])
                    .or_else(|| drafts.iter().find(|d| !d.background).and_then(&day_of));
                counted_back = from.and_then(|x| a.dates[di].value.counted_back_from(x));
                aside = true;
            } else if u.past {
                if kind == Eventful::Reports {
                    open = Some((own, true));
                    // "…, a day after 12 sailors were taken hostage in an attack on a cargo ship":
                    // the day counted back from the incident's.
                    counted_back = own
                        .is_none()
                        .then(|| time_before(a, &u))
                        .flatten()
                        .and_then(|m| {
                            let from = current.and_then(|c| day_of(&drafts[c]))?;
                            m.counted_back_from(from)
                        });
                }
            } else if let Some(di) = own.filter(|&i| a.dates[i].value.earlier.is_none()) {
                // A date without days (no publication date to resolve "on Sunday" against)
                // dates the current incident when it has none; it cannot tell incidents apart.
                // (A time counted back from it never dates it: "the day before".)
                match current {
                    Some(c) if drafts[c].date.is_none() => {
                        drafts[c].date = Some(di);
                        target = Some(c);
                    }
                    Some(_) => {}
                    None => open = Some((Some(di), false)),
                }
            } else if let (Some(c), Some(r)) = (current, dates.reported)
                && kind == Eventful::Reports
                && reported_elsewhere(a, &a.dates[r].value, &drafts[c], anchor(&drafts))
            {
                open = Some((None, false));
            } else if another && current.is_some() {
                // "In another attack, gunmen killed two" with no date: a second incident.
                open = Some((None, false));
            } else if let Some(c) = current.filter(|_| own.is_none() && opens_a_while_later(a, &u))
            {
                // "Several hours later, a drone struck a car in Mir Ali": another event,
                // of the time of the one it follows.
                open = Some((None, drafts[c].background));
            } else if current.is_some() && own.is_none() && opens_before(a, &u) {
                // "Earlier, gunmen shot dead a trader": an event before the one told.
                open = Some((None, true));
                aside = true;
            }
            let mut placed = false;
            // An event told at a place apart from every place of the incident it would join
            // ("In the eastern Nangarhar province, meanwhile, …" after an attack in Herat) is
            // another incident: the one told at that place, or a new one. So is an event of
            // another kind that "also" happened, wherever the clause names its place ("Rebels
            // have also kidnapped 10 villagers in a raid near Tunceli" after a bombing).
            // What "also" struck is another town, even in the incident's own province ("The
            // gunmen also attacked Tsafe" after a raid on Bungudu).
            let also_elsewhere = target
                .or(current)
                .is_some_and(|t| also_another_kind(a, &u, &drafts[t].units) || also_struck(a, &u));
            let fit = |d: &Building, place: Place| {
                if also_elsewhere {
                    town_fit(gazetteer, toponyms, d, place)
                } else {
                    place_fit(gazetteer, toponyms, d, place)
                }
            };
            if open.is_none()
                && kind == Eventful::Reports
                && !u.past
                && let Some(place) = event_place(a, toponyms, &u, also_elsewhere)
                && let Some(t) = target.or(current)
                && fit(&drafts[t], place) == PlaceFit::Apart
            {
                let same_time = |d: &Building| match (d.date, own) {
                    (Some(x), Some(o)) => compatible(&a.dates[x].value, &a.dates[o].value),
                    _ => true,
                };
                let told_there = drafts
                    .iter()
                    .position(|d| !d.background && same_time(d) && fit(d, place) == PlaceFit::Same);
                match told_there {
                    Some(k) => target = Some(k),
                    None => {
                        placed = true;
                        let background = resolved_own
                            .is_some_and(|d| is_old(&a.dates[d].value, anchor(&drafts)));
                        open = Some((own, background));
                    }
                }
            }
            if let Some((date, background)) = open {
                drafts.push(Building {
                    units: Vec::new(),
                    date,
                    background,
                    parent: current,
                    reported: None,
                    placed,
                    counted_back,
                });
                target = Some(drafts.len() - 1);
            }
            let fallback = if aside { None } else { current };
            let t = match target.or(fallback) {
                Some(t) => t,
                None if aside => continue,
                None => {
                    drafts.push(Building {
                        units: Vec::new(),
                        date: None,
                        background: false,
                        parent: None,
                        reported: None,
                        placed: false,
                        counted_back: None,
                    });
                    drafts.len() - 1
                }
            };
            drafts[t].units.push(u);
            if drafts[t].reported.is_none() {
                drafts[t].reported = dates.reported;
            }
            if !aside {
                current = Some(t);
            }
        }
    }
    // An incident with no facts of its own ("Monday's blast was the second in the city this
    // month" read as one) is part of the incident it followed.
    for k in (0..drafts.len()).rev() {
        let Some(p) = drafts[k].parent else { continue };
        // A time of its own that excludes the other incident's is a fact too ("On Saturday, a
        // car bomb exploded" after Monday's attack); a period around it is not ("this year").
        // A time counted back from another incident's ("two days earlier") is one by its words.
        let counted_back = drafts[k]
            .date
            .is_some_and(|x| a.dates[x].value.earlier.is_some());
        let own_time = counted_back
            || match (drafts[k].date, drafts[p].date) {
                (Some(x), Some(y)) => {
                    let (x, y) = (&a.dates[x].value, &a.dates[y].value);
                    x.is_resolved() && y.is_resolved() && !compatible(x, y)
                }
                _ => false,
            };
        if own_time
            || drafts[k].units.iter().any(|u| has_facts(a, u, casualties))
            || (drafts[p].background && !drafts[k].background)
        {
            continue;
        }
        let units = std::mem::take(&mut drafts[k].units);
        drafts[p].units.extend(units);
        drafts[p].units.sort_by_key(|u| (u.sentence, u.first));
        if drafts[p].reported.is_none() {
            drafts[p].reported = drafts[k].reported;
        }
    }
    // The day of a report dates an incident that nothing else dates. It is an upper bound —
    // the event happened that day or before — and no more than a fallback: any date of the
    // event's own wins, even a coarser one ("last week, the army said on Tuesday" is last
    // week). Wire copy that gives no other date ("Gunmen killed three soldiers in Kidal, the
    // army said on Tuesday") reports that day's news, so the day is kept, with the report's
    // words as its evidence, rather than no date at all (an undated report would otherwise be
    // placed before its publication, a looser bound). A past incident is never dated by a
    // later report.
    for d in drafts
        .iter_mut()
        .filter(|d| !d.background && d.date.is_none())
    {
        d.date = d.reported;
    }
    // Incidents that began before the main one are context for it.
    let main_start = drafts
        .iter()
        .find(|d| !d.background && !d.units.is_empty())
        .and_then(|d| d.date)
        .and_then(|i| a.dates[i].value.start);
    if let Some(main_start) = main_start.and_then(|m| m.checked_sub(1.day()).ok()) {
        let main = drafts
            .iter()
            .position(|d| !d.background && !d.units.is_empty());
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
    // Indices once the incidents left empty are gone; an empty one's parent stands for it.
    let mut index = vec![None; drafts.len()];
    let mut kept = 0;
    for (k, d) in drafts.iter().enumerate() {
        if !d.units.is_empty() {
            index[k] = Some(kept);
            kept += 1;
        }
    }
    let kept_parent = |mut p: Option<usize>| {
        while let Some(k) = p {
            if index[k].is_some() {
                return index[k];
            }
            p = drafts[k].parent;
        }
        None
    };
    let parents: Vec<Option<usize>> = drafts.iter().map(|d| kept_parent(d.parent)).collect();
    drafts
        .into_iter()
        .zip(parents)
        .filter(|(d, _)| !d.units.is_empty())
        .map(|(d, parent)| {
            let mut sentences: Vec<usize> = d.units.iter().map(|u| u.sentence).collect();
            sentences.dedup();
            let mut clauses: Vec<(usize, ByteSpan)> = Vec::new();
            for u in d.units.iter().filter(|u| split[u.sentence]) {
                match clauses.last_mut() {
                    Some((s, span)) if *s == u.sentence && span.end == u.span.start => {
                        span.end = u.span.end;
                    }
                    _ => clauses.push((u.sentence, u.span)),
                }
            }
            // A sentence whose every clause is here is whole.
            clauses.retain(|(s, span)| *span != a.sentences[*s].span);
            Draft {
                sentences,
                date: d.date,
                background: d.background,
                clauses,
                counted_back: d.counted_back,
                parent,
            }
        })
        .collect()
}

/// What one incident sees of the article: the analysis with the sentences it has only in part
/// cut down to its own clauses, with the casualty statements and toponyms of what it keeps.
pub struct View<'a> {
    /// The analysis, narrowed.
    pub analysis: Analysis<'a>,
    /// The casualty statements it keeps.
    pub casualties: Vec<CasualtyStatement>,
    /// The toponyms it keeps.
    pub toponyms: Vec<Toponym>,
}

/// The article as `draft` sees it, when it has sentences only in part (`None` otherwise: it
/// sees the whole analysis). Dates are kept whole, as [`Draft::date`] indexes them.
pub fn view<'a>(
    a: &Analysis<'a>,
    draft: &Draft,
    casualties: &[CasualtyStatement],
    toponyms: &[Toponym],
) -> Option<View<'a>> {
    if draft.clauses.is_empty() {
        return None;
    }
    let keep = |sentence: usize, span: ByteSpan| {
        let mut own = draft
            .clauses
            .iter()
            .filter(|(s, _)| *s == sentence)
            .peekable();
        own.peek().is_none() || own.any(|(_, c)| c.start <= span.start && span.start < c.end)
    };
    fn kept<T: Clone>(
        items: &[Located<T>],
        keep: impl Fn(usize, ByteSpan) -> bool,
    ) -> Vec<Located<T>> {
        items
            .iter()
            .filter(|x| keep(x.sentence, x.span))
            .cloned()
            .collect()
    }
    let mut sentences = a.sentences.clone();
    let mut sentence_tokens = a.sentence_tokens.clone();
    let mut person_at = a.person_at.clone();
    for &(s, _) in &draft.clauses {
        let hull = draft
            .clauses
            .iter()
            .filter(|(x, _)| *x == s)
            .map(|(_, c)| *c)
            .reduce(ByteSpan::cover)
            .unwrap_or(sentences[s].span);
        sentences[s].span = hull;
        let first = a.tokens.partition_point(|t| t.span.start < hull.start);
        let end = a.tokens.partition_point(|t| t.span.start < hull.end);
        for i in a.sentence_tokens[s].clone() {
            if !keep(s, a.tokens[i].span) {
                person_at[i] = None;
            }
        }
        sentence_tokens[s] = first..end;
    }
    let analysis = Analysis {
        text: a.text,
        published: a.published,
        tokens: a.tokens.clone(),
        sentences,
        sentence_tokens,
        person_at,
        triggers: kept(&a.triggers, keep),
        weapons: kept(&a.weapons, keep),
        targets: kept(&a.targets, keep),
        actors: kept(&a.actors, keep),
        groups: kept(&a.groups, keep),
        dates: a.dates.clone(),
        times: kept(&a.times, keep),
        names: kept(&a.names, keep),
        dateline_end: a.dateline_end,
        virtual_anchor: a.virtual_anchor,
        // The view's sentences may be narrowed: its own reading.
        aggregate: std::sync::OnceLock::new(),
    };
    Some(View {
        analysis,
        casualties: casualties
            .iter()
            .filter(|c| keep(c.sentence, c.span))
            .cloned()
            .collect(),
        toponyms: toponyms
            .iter()
            .filter(|t| keep(t.sentence, t.span))
            .cloned()
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::casualties::find_casualties;
    use crate::test_support::resources;

    /// The units of every sentence of `text`, as their words.
    fn unit_words(text: &str) -> Vec<(String, bool)> {
        let a = Analysis::new(text, "2016-05-10".parse().ok(), resources());
        let casualties = find_casualties(&a);
        (0..a.sentences.len())
            .flat_map(|s| units(&a, s, &casualties))
            .map(|u| (text[u.span.range()].trim().to_string(), u.past))
            .collect()
    }

    /// The words of the dates of `text` that are days of a report.
    fn reported(text: &str) -> Vec<String> {
        let a = Analysis::new(text, "2016-05-10".parse().ok(), resources());
        let casualties = find_casualties(&a);
        (0..a.sentences.len())
            .flat_map(|s| units(&a, s, &casualties))
            .filter_map(|u| unit_dates(&a, &u).reported)
            .map(|i| text[a.dates[i].span.range()].to_string())
            .collect()
    }

    #[test]
    fn a_clause_about_an_earlier_event_is_a_unit_of_its_own() {
        let text = "Three years after gunmen killed 12 people at a church in Lagos, a bomb \
                    exploded at a mosque in Kano on Friday, wounding 20 people.";
        let got = unit_words(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].1 && got[0].0.starts_with("Three years after"));
        assert!(!got[1].1 && got[1].0.starts_with("a bomb exploded"));
        // Trailing, after a ranking.
        let got = unit_words(
            "A bomb killed six people in Kano on Friday, the deadliest attack since gunmen killed \
             12 people in the city.",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[1].1 && got[1].0.starts_with("since gunmen"));
    }

    #[test]
    fn spans_of_time_and_periods_that_are_no_earlier_event() {
        for text in [
            // No event in the clause.
            "Two years after the war ended, gunmen killed three soldiers in Gao on Monday.",
            // "since" starting a period.
            "The deadliest attack since 2014 killed nine people in Gao on Monday.",
            // "since" without a ranking, and a day after: the same story.
            "Hours after gunmen killed three soldiers in Gao, a bomb wounded two more.",
        ] {
            let got = unit_words(text);
            assert_eq!(got.len(), 1, "{text:?}: {got:?}");
        }
    }

    #[test]
    fn coordinated_clauses_at_two_times_are_two_units() {
        let got = unit_words(
            "In 2013, a car bomb in the town killed eight soldiers, and in June 2015 a suicide \
             bomber killed four.",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[1].0.starts_with("and in June 2015"));
        // The same time twice, or a clause without an event, is one unit.
        for text in [
            "A car bomb killed eight soldiers on Monday, and on Monday night a second blast \
             killed two.",
            "A car bomb killed eight soldiers in 2013, and in 2015 the town was rebuilt.",
        ] {
            assert_eq!(unit_words(text).len(), 1, "{text:?}");
        }
    }

    #[test]
    fn dates_of_reports() {
        for (text, day) in [
            (
                "Gunmen killed three soldiers, the army said on Tuesday.",
                "on Tuesday",
            ),
            (
                "Gunmen killed three soldiers, an officer told reporters on Monday.",
                "on Monday",
            ),
            (
                "The army said in a statement on Sunday that gunmen killed three soldiers.",
                "on Sunday",
            ),
            (
                "On Tuesday, the army said gunmen had killed three soldiers.",
                "On Tuesday",
            ),
            (
                "The ministry announced on Friday that three soldiers were killed.",
                "on Friday",
            ),
        ] {
            assert_eq!(reported(text), [day], "{text:?}");
        }
        for text in [
            "Gunmen killed three soldiers on Tuesday, the army said.",
            "The army said gunmen killed three soldiers on Tuesday.",
            "The army said that on Tuesday gunmen killed three soldiers.",
            "On Tuesday, gunmen killed three soldiers, the army said.",
        ] {
            assert!(reported(text).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn a_clause_sees_only_its_own_facts() {
        let text = "Two years after a bombing killed 40 people at the same market, a car bomb \
                    exploded there in Baghdad on Monday, killing six people.";
        let a = Analysis::new(text, "2016-05-10".parse().ok(), resources());
        let casualties = find_casualties(&a);
        let drafts = segment(&a, &casualties, &[], &resources().gazetteer);
        assert_eq!(drafts.len(), 2, "{drafts:?}");
        for d in &drafts {
            let v = view(&a, d, &casualties, &[]).expect("each has the sentence in part");
            let figures: Vec<_> = v.casualties.iter().map(|c| c.quantity.min).collect();
            let expected = if d.background { Some(40) } else { Some(6) };
            assert_eq!(figures, [expected], "{d:?}");
            let range = v.analysis.sentence_tokens[0].clone();
            assert!(range.len() < a.sentence_tokens[0].len());
        }
    }
}
