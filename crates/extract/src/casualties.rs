//! Casualty statements: who was killed, wounded or kidnapped, and how many.
//!
//! A statement joins a *head* (killed, dead, died, wounded, injuries, abducted, hostages, death
//! toll …) with the people it is about, read as a list of items, each a quantity of people
//! ("two soldiers", "at least 12 people", "a third guard") or one named or singular person
//! ("Ambassador Christopher Stevens", "the driver", "he"):
//!
//! - passive and intransitive heads look back for their subject: "Two police officers … were
//!   killed", "five people died", "left 5 dead";
//! - active heads look forward for their object: "killed ten people", "killing two soldiers and
//!   a civilian" (items add up: 3), "killed Ambassador Christopher Stevens and three other
//!   Americans" (4);
//! - tolls read their figure: "the death toll rose to 9" (an update, it supersedes);
//! - negations give zero: "no one was hurt", "No injuries were reported", "no casualties" (both
//!   killed and wounded). A negation about a subgroup ("No South Koreans were hurt") says nothing
//!   about the total and is ignored; "no immediate reports of casualties" is not a zero.
//!
//! People who are attackers ("gunmen", "the bomber", "three militants", a group's fighters,
//! "blew himself up", "including the bomber") are counted apart from victims.
//! Numbers that are not people are never read: ages ("aged 34", "34-year-old"), times
//! ("2 a.m."), roads ("Route 9"), money ("$5,000"), years, distances.

use sitrep_model::{ByteSpan, TargetType};
use sitrep_text::{Quantity, TokenKind, read_quantity};

use crate::analysis::{Analysis, PersonNoun};

/// Which casualty figure a statement gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CasualtyKind {
    /// People killed.
    Killed,
    /// People wounded.
    Wounded,
    /// People kidnapped or taken hostage.
    Kidnapped,
}

/// Whose casualties a statement counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Victims.
    Victims,
    /// Attackers.
    Attackers,
}

/// How a statement relates to other statements of the same figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// A figure on its own.
    Plain,
    /// "another 5", "also killed": adds to the earlier figures.
    Additional,
    /// "the death toll rose to 9": supersedes the earlier figures.
    Update,
}

/// One statement of a casualty figure.
#[derive(Debug, Clone, PartialEq)]
pub struct CasualtyStatement {
    /// Sentence index.
    pub sentence: usize,
    /// Which figure.
    pub kind: CasualtyKind,
    /// Whose.
    pub side: Side,
    /// How many.
    pub quantity: Quantity,
    /// The words: from the first person to the head, or the head to the last person.
    pub span: ByteSpan,
    /// How it combines with others.
    pub relation: Relation,
    /// The kind of people counted, when the words say (police, military, civilians…); `None`
    /// for generic words ("people", "others").
    pub category: Option<TargetType>,
    /// A zero from a negation.
    pub negated: bool,
}

const BE: &[&str] = &[
    "was", "were", "been", "being", "is", "are", "be", "got", "get", "gets",
];
const ADVERBS: &[&str] = &[
    "also",
    "today",
    "yesterday",
    "tonight",
    "reportedly",
    "reported",
    "allegedly",
    "later",
    "fatally",
    "critically",
    "seriously",
    "severely",
    "slightly",
    "lightly",
    "badly",
    "all",
    "both",
    "subsequently",
    "initially",
    "immediately",
    "instantly",
    "apparently",
    "believed",
    "said",
    "confirmed",
    "feared",
    "thought",
    "presumed",
    "not",
    "never",
    "either",
    "mortally",
    "had",
    "have",
    "has",
    "to",
    "being",
    "been",
];
const NOT_PEOPLE_AFTER: &[&str] = &[
    "year",
    "years",
    "year-old",
    "years-old",
    "month",
    "months",
    "day",
    "days",
    "week",
    "weeks",
    "hour",
    "hours",
    "minute",
    "minutes",
    "km",
    "kilometres",
    "kilometers",
    "kilometre",
    "kilometer",
    "miles",
    "mile",
    "metres",
    "meters",
    "metre",
    "meter",
    "feet",
    "percent",
    "per",
    "%",
    "times",
    "a.m.",
    "p.m.",
    "am",
    "pm",
    "o'clock",
    "kg",
    "kilograms",
    "kilogrammes",
    "pounds",
    "tons",
    "tonnes",
    "dollars",
    "euros",
    "rupees",
    "afghanis",
    "naira",
    "pesos",
    "shillings",
    "rounds",
    "shots",
    "bullets",
    "vehicles",
    "cars",
    "houses",
    "homes",
    "buildings",
    "shops",
    "rockets",
    "mortars",
    "shells",
    "bombs",
    "grenades",
    "mines",
    "p.m",
    "a.m",
    "gmt",
    "utc",
    "th",
    "st",
    "nd",
    "rd",
];
const NOT_PEOPLE_BEFORE: &[&str] = &[
    "$",
    "€",
    "£",
    "¥",
    "aged",
    "age",
    "ages",
    "route",
    "highway",
    "road",
    "no",
    "number",
    "nos",
    "rs",
    "usd",
    "us$",
    "at",
    "since",
    "from",
    "until",
    "by",
    "of",
    "page",
    "chapter",
    "article",
    "resolution",
    "flight",
    "unit",
    "battalion",
    "brigade",
    "division",
    "platoon",
    "block",
    "sector",
    "phase",
    "district",
    "zone",
    "camp",
    "kilometer",
    "km",
    "mile",
];
const GENERIC_PEOPLE: &[&str] = &[
    "people",
    "persons",
    "person",
    "others",
    "other",
    "individuals",
    "individual",
    "victims",
    "casualties",
    "dead",
    "bodies",
    "lives",
    "civilians",
];
const TITLES: &[&str] = &[
    "ambassador",
    "president",
    "governor",
    "mayor",
    "general",
    "gen",
    "colonel",
    "col",
    "captain",
    "capt",
    "major",
    "maj",
    "lieutenant",
    "lt",
    "sergeant",
    "sgt",
    "corporal",
    "cpl",
    "private",
    "pvt",
    "mr",
    "mrs",
    "ms",
    "dr",
    "judge",
    "justice",
    "senator",
    "sen",
    "representative",
    "rep",
    "sheikh",
    "shaikh",
    "mullah",
    "maulana",
    "maulvi",
    "mufti",
    "commander",
    "cmdr",
    "chief",
    "minister",
    "imam",
    "father",
    "bishop",
    "reverend",
    "rev",
    "prof",
    "professor",
    "brigadier",
    "inspector",
    "constable",
    "officer",
    "deputy",
    "lawmaker",
    "councillor",
    "councilor",
    "prince",
    "king",
    "queen",
    "prime",
    "mp",
];
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

fn head_kind(word: &str) -> Option<(CasualtyKind, HeadForm)> {
    use CasualtyKind::*;
    use HeadForm::*;
    let w = word.to_ascii_lowercase();
    Some(match w.as_str() {
        "killed" | "executed" | "murdered" | "massacred" | "slaughtered" | "assassinated"
        | "beheaded" | "hanged" | "strangled" | "lynched" | "decapitated" => (Killed, Verb),
        "killing" | "kills" | "killings" | "kill" | "massacre" | "massacres" | "massacring" => {
            (Killed, ActiveOnly)
        }
        // "fatally shot", "fatally wounded": read with the verb after it.
        "fatally" => (Killed, Verb),
        "dead" | "died" | "dies" | "die" | "perished" | "slain" | "martyred" | "gunned" => {
            (Killed, Intransitive)
        }
        "deaths" | "fatalities" | "death" | "bodies" | "lives" => (Killed, Noun),
        "wounded" | "injured" => (Wounded, Verb),
        "wounding" | "injuring" | "hurting" | "injures" | "wounds" | "injure" | "wound" => {
            (Wounded, ActiveOnly)
        }
        "hurt" | "hospitalized" | "hospitalised" => (Wounded, Intransitive),
        "injuries" | "injury" => (Wounded, Noun),
        "casualties" | "casualty" => (Killed, Noun),
        "kidnapped" | "abducted" => (Kidnapped, Verb),
        "kidnapping" | "abducting" | "kidnaps" | "abducts" => (Kidnapped, ActiveOnly),
        "hostage" | "hostages" | "captive" | "captives" => (Kidnapped, Noun),
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HeadForm {
    /// Active or passive: "killed two" / "two were killed".
    Verb,
    /// Active only: "killing two".
    ActiveOnly,
    /// Subject only: "two died", "5 dead".
    Intransitive,
    /// A noun: "two deaths", "no injuries".
    Noun,
}

/// One item of a list of people.
#[derive(Debug, Clone, Copy)]
struct Item {
    quantity: Quantity,
    first: usize,
    /// One past the last token.
    end: usize,
    side: Side,
    category: Option<TargetType>,
    additional: bool,
}

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
    // left more than 3,000 dead": a conflict's toll, in the perfect and in hundreds or more.
    let conflict = || {
        perfect
            && range.clone().any(|i| {
                a.is_any(
                    i,
                    &["war", "conflict", "insurgency", "uprising", "rebellion"],
                )
            })
    };
    if cue {
        perfect || large_figure(a, range)
    } else {
        conflict() && large_figure(a, range)
    }
}

/// Whether the tokens `range` give a count of people of a hundred or more.
fn large_figure(a: &Analysis<'_>, range: std::ops::Range<usize>) -> bool {
    range.clone().any(|i| {
        read_quantity(a.text, &a.tokens, i, false).is_some_and(|m| {
            m.quantity.min.or(m.quantity.max).is_some_and(|n| n >= 100)
                && is_count(a, i, m.tokens.end)
                && (person_within(a, m.tokens.end, range.end, 4).is_some()
                    || head_kind(a.word(m.tokens.end)).is_some()
                    || BE.iter().any(|b| a.is(m.tokens.end, b)))
        })
    })
}

/// Finds every casualty statement in the article.
pub fn find_casualties(a: &Analysis<'_>) -> Vec<CasualtyStatement> {
    let mut out = Vec::new();
    for (s, range) in a.sentence_tokens.iter().enumerate() {
        if is_aggregate_sentence(a, s) {
            continue;
        }
        let mut h = range.start;
        while h < range.end {
            if let Some(found) = statement_at(a, s, range.clone(), h) {
                out.extend(found);
            }
            h += 1;
        }
    }
    drop_repeated_additions(a, &mut out);
    out
}

/// How many bytes around a statement must read the same for a second copy to be a repeat.
const REPEAT_CONTEXT: usize = 40;

/// Drops an addition ("13 more wounded") that a page repeats word for word (a paragraph
/// printed twice, a caption that copies the lead): the same words said again add nothing.
fn drop_repeated_additions(a: &Analysis<'_>, statements: &mut Vec<CasualtyStatement>) {
    let context = |c: &CasualtyStatement| {
        let sentence = a.sentences[c.sentence].span;
        let mut start = c
            .span
            .start
            .saturating_sub(REPEAT_CONTEXT)
            .max(sentence.start);
        let mut end = (c.span.end + REPEAT_CONTEXT).min(sentence.end);
        while !a.text.is_char_boundary(start) {
            start += 1;
        }
        while !a.text.is_char_boundary(end) {
            end -= 1;
        }
        &a.text[start..end]
    };
    let mut kept: Vec<CasualtyStatement> = Vec::with_capacity(statements.len());
    for c in statements.drain(..) {
        let repeat = c.relation == Relation::Additional
            && kept.iter().any(|k| {
                k.sentence != c.sentence
                    && k.kind == c.kind
                    && k.side == c.side
                    && k.quantity == c.quantity
                    && a.text[k.span.range()] == a.text[c.span.range()]
                    && context(k) == context(&c)
            });
        if !repeat {
            kept.push(c);
        }
    }
    *statements = kept;
}

/// A plain statement that `count` attackers were killed (or hurt, as `kind` says).
fn attackers_statement(
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
];

/// "A suicide bomber detonated himself …", "two suicide bombers attacked …": the GTD counts
/// a suicide attacker who carried out the attack among the dead. One attacker per singular
/// mention, or the number before a plural one; nothing when the sentence says the attacker
/// was caught, survived or failed, or gives no act.
fn suicide_attackers(
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
    let plural = a.is_any(head, &["bombers", "attackers"]);
    if !plural && !a.is_any(head, &["bomber", "attacker"]) || head >= range.end {
        return None;
    }
    let count = if plural {
        let before = h.checked_sub(1).filter(|&b| b >= range.start)?;
        let n = sitrep_text::number_word_value(a.word(before))
            .or_else(|| a.word(before).parse().ok())?;
        (1..=20).contains(&n).then_some(n)?
    } else {
        1
    };
    let acted = range.clone().any(|i| a.is_any(i, SUICIDE_ACT));
    let spared = range.clone().any(|i| a.is_any(i, SUICIDE_SPARED));
    (acted && !spared)
        .then(|| attackers_statement(sentence, CasualtyKind::Killed, count, a.span(h, head)))
}

fn statement_at(
    a: &Analysis<'_>,
    sentence: usize,
    range: std::ops::Range<usize>,
    h: usize,
) -> Option<Vec<CasualtyStatement>> {
    // "blew himself up", "blowing herself up": a suicide attacker died.
    if a.is_any(h, &["blew", "blows", "blowing", "blown"])
        && a.is_any(h + 1, &["himself", "herself"])
        && a.is(h + 2, "up")
    {
        return Some(vec![attackers_statement(
            sentence,
            CasualtyKind::Killed,
            1,
            a.span(h, h + 2),
        )]);
    }
    if let Some(found) = suicide_attackers(a, sentence, range.clone(), h) {
        return Some(vec![found]);
    }
    // "death toll", "toll": read the figure after it.
    if a.is(h, "toll") {
        return toll_statement(a, sentence, range, h).map(|s| vec![s]);
    }
    if a.is(h, "death") && a.is(h + 1, "toll") {
        return None;
    }
    let (kind, form) = head_kind(a.word(h))?;
    if a.tokens[h].kind != TokenKind::Word {
        return None;
    }
    // "threatened to kill two hostages", "vowed to massacre": an intent, not a toll.
    if a.is_any(h, &["kill", "massacre", "injure", "wound"])
        && h > range.start
        && a.is_any(
            h - 1,
            &[
                "to", "would", "will", "could", "might", "may", "not", "can", "shall", "should",
                "didn't", "did", "never",
            ],
        )
    {
        return None;
    }
    // "lives" counts only in "claimed the lives of" / "lost their lives".
    if a.is(h, "lives") && !(a.is(h - 1, "the") && a.is(h + 1, "of") || a.is(h - 1, "their")) {
        return None;
    }
    // "was beaten to death", "shot to death": the participle before "to death" is the
    // killing, its voice read before it.
    let to_death = a.is(h, "death")
        && h >= range.start + 2
        && a.is(h - 1, "to")
        && is_participle(a.word(h - 2));
    if a.is(h, "death") && !a.is(h + 1, "of") && !to_death {
        return None;
    }
    // "kill" words used as nouns or adjectives of other things: "killing spree" is still a killing.
    if let Some(zero) = negation(a, sentence, range.clone(), h, kind) {
        return Some(zero);
    }
    // "A conscript was among the dead": a part of a figure given elsewhere.
    if h >= 2 && a.is(h - 1, "the") && a.is(h - 2, "among") {
        return None;
    }
    // "casualties" is read only in negations: a figure of casualties mixes dead and hurt.
    if a.is_any(h, &["casualties", "casualty"]) {
        return None;
    }
    // "shot dead": the verb phrase's voice is read before "shot" ("were shot dead").
    let shot_dead = h > range.start
        && a.is(h, "dead")
        && a.is_any(
            h - 1,
            &[
                "shot", "stabbed", "beaten", "hacked", "burned", "burnt", "clubbed",
            ],
        );
    // "fatally shot four of the attackers", "was fatally wounded": a killing, told by the
    // verb after the adverb (whose own reading as a wound gives way).
    const FATAL_VERBS: &[&str] = &["shot", "stabbed", "wounded", "injured", "hit", "struck"];
    let fatally = a.is(h, "fatally");
    if fatally && !a.is_any(h + 1, FATAL_VERBS) {
        return None;
    }
    if kind == CasualtyKind::Wounded && h > range.start && a.is(h - 1, "fatally") {
        return None;
    }
    // "was shot and killed", "were abducted and later killed": coordinated participles share
    // the voice read before the first.
    let coordinated = if kind != CasualtyKind::Killed {
        None
    } else if h >= range.start + 2 && a.is(h - 1, "and") && is_participle(a.word(h - 2)) {
        Some(h - 2)
    } else if h >= range.start + 3
        && a.is_any(h - 1, ADVERBS)
        && a.is(h - 2, "and")
        && is_participle(a.word(h - 3))
    {
        Some(h - 3)
    } else {
        None
    };
    let voice_at = if shot_dead {
        h - 1
    } else if to_death {
        h - 2
    } else if let Some(first_verb) = coordinated {
        first_verb
    } else {
        h
    };
    let passive = is_passive(a, range.start, voice_at);
    if fatally && !passive {
        return statement_after(a, sentence, range, h, h + 2, kind);
    }
    // "shot dead a councillor", "gunned down two guards": an active verb phrase.
    let form = if shot_dead || to_death {
        HeadForm::Verb
    } else if a.is(h, "gunned") && a.is(h + 1, "down") && !passive {
        return statement_after(a, sentence, range, h, h + 2, kind);
    } else {
        form
    };
    let mut items: Vec<Item> = Vec::new();
    let mut active = false;
    if !passive && matches!(form, HeadForm::Verb | HeadForm::ActiveOnly) {
        items = forward_items(a, h + 1, range.end);
        active = !items.is_empty();
        // "the death of two soldiers", "claimed the lives of five"
    } else if matches!(form, HeadForm::Noun) && a.is(h + 1, "of") {
        items = forward_items(a, h + 2, range.end);
        active = !items.is_empty();
    }
    if items.is_empty() && form != HeadForm::ActiveOnly {
        items = backward_items(a, range.start, voice_at, form);
        // An active verb's subject is the killer, not the killed: only a headline's
        // "12 people killed" (the item right before the head) reads as passive.
        if form == HeadForm::Verb && !passive {
            items.retain(|i| i.end == voice_at && !a.is_any(i.first, &["he", "she"]));
        }
        if items.is_empty() && passive && form == HeadForm::Verb {
            items.extend(singular_subject(a, range.start, voice_at));
        }
    }
    if items.is_empty() {
        return None;
    }
    let first = items.iter().map(|i| i.first).min()?;
    let last = items.iter().map(|i| i.end).max()? - 1;
    let span = if active {
        a.span(h, last)
    } else {
        // "were fatally shot": the verb after the adverb belongs to the words.
        a.span(first, if fatally { h + 1 } else { h })
    };
    let also = (first.min(h)..last.max(h))
        .any(|i| a.is_any(i, &["also", "another", "additional", "further"]));

    let mut statements = Vec::new();
    for side in [Side::Victims, Side::Attackers] {
        let of_side: Vec<&Item> = items.iter().filter(|i| i.side == side).collect();
        if of_side.is_empty() {
            continue;
        }
        let quantity = of_side.iter().map(|i| i.quantity).reduce(Quantity::plus)?;
        let category = if of_side.len() == 1 {
            of_side[0].category
        } else {
            None
        };
        let relation = if also || of_side.iter().any(|i| i.additional) {
            Relation::Additional
        } else {
            Relation::Plain
        };
        statements.push(CasualtyStatement {
            sentence,
            kind,
            side,
            quantity,
            span,
            relation,
            category,
            negated: false,
        });
    }
    // "Eight people, including the bomber, were killed", "killing six people, including the
    // bomber": the bomber is among the figure.
    let end = h.max(last);
    let trailing = if a.is(end + 1, "including") {
        Some(end + 1)
    } else if a.word(end + 1) == "," && a.is(end + 2, "including") {
        Some(end + 2)
    } else {
        None
    };
    let reach = trailing.map_or(end, |k| (k + 4).min(range.end.saturating_sub(1)).max(end));
    if let Some(attackers) = included_attackers(a, first, reach) {
        if let Some(victims) = statements.iter_mut().find(|s| s.side == Side::Victims) {
            victims.quantity = subtract(victims.quantity, attackers);
        }
        if !statements.iter().any(|s| s.side == Side::Attackers) {
            statements.push(attackers_statement(sentence, kind, attackers, span));
        }
    }
    // "In addition to the assailant, a civilian was killed"
    if kind == CasualtyKind::Killed
        && !statements.iter().any(|s| s.side == Side::Attackers)
        && addition_of_attacker(a, range.start, first)
    {
        statements.push(attackers_statement(sentence, kind, 1, span));
    }
    Some(statements)
}

/// A statement whose people follow `from` ("gunned down two guards").
fn statement_after(
    a: &Analysis<'_>,
    sentence: usize,
    range: std::ops::Range<usize>,
    h: usize,
    from: usize,
    kind: CasualtyKind,
) -> Option<Vec<CasualtyStatement>> {
    let items = forward_items(a, from, range.end);
    let last = items.iter().map(|i| i.end).max()? - 1;
    let span = a.span(h, last);
    let mut out = Vec::new();
    for side in [Side::Victims, Side::Attackers] {
        let of: Vec<&Item> = items.iter().filter(|i| i.side == side).collect();
        if let Some(quantity) = of.iter().map(|i| i.quantity).reduce(Quantity::plus) {
            let category = if of.len() == 1 { of[0].category } else { None };
            out.push(CasualtyStatement {
                sentence,
                kind,
                side,
                quantity,
                span,
                relation: Relation::Plain,
                category,
                negated: false,
            });
        }
    }
    Some(out)
}

fn subtract(q: Quantity, n: u32) -> Quantity {
    Quantity {
        min: q.min.map(|m| m.saturating_sub(n)),
        max: q.max.map(|m| m.saturating_sub(n)),
    }
}

/// Whether `w` reads as a past participle of a verb of violence: "shot", "beaten", "abducted".
fn is_participle(w: &str) -> bool {
    const IRREGULAR: &[&str] = &[
        "shot", "beaten", "hit", "struck", "taken", "thrown", "burnt", "cut", "bound", "slain",
        "stabbed", "hacked", "run",
    ];
    IRREGULAR.iter().any(|x| w.eq_ignore_ascii_case(x))
        || (w.len() > 4 && w.ends_with("ed") && w.chars().next().is_some_and(char::is_lowercase))
}

/// Whether the head at `h` is in the passive voice or used as an adjective: "were killed",
/// "were also reportedly killed", "killed" right after a noun in a headline is not decided here.
fn is_passive(a: &Analysis<'_>, start: usize, h: usize) -> bool {
    let mut i = h;
    while i > start {
        i -= 1;
        let w = a.word(i);
        if BE.iter().any(|b| w.eq_ignore_ascii_case(b)) {
            return true;
        }
        if !ADVERBS.iter().any(|b| w.eq_ignore_ascii_case(b)) {
            return false;
        }
    }
    false
}

fn negation(
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
    if a.is_any(h + 1, &["nobody", "none"]) || (a.is(h + 1, "no") && a.is(h + 2, "one")) {
        let last = if a.is(h + 1, "no") { h + 2 } else { h + 1 };
        return Some(vec![CasualtyStatement {
            sentence,
            kind,
            side: Side::Victims,
            quantity: Quantity::exact(0),
            span: a.span(h, last),
            relation: Relation::Plain,
            category: None,
            negated: true,
        }]);
    }
    let verb_zero = subject_zero && !noun_head;
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
            "no one was",
            "were no",
            "was no",
            "there were no",
        ]);
    if !(verb_zero || noun_zero) {
        return None;
    }
    let first = (lo..h)
        .rev()
        .find(|&i| a.is_any(i, &["no", "nobody", "none", "without", "there"]))
        .unwrap_or(h);
    let span = a.span(first, h);
    let mut kinds = vec![kind];
    // "no casualties", "no one was hurt": nobody died or was wounded.
    if head == "casualties" || (head == "hurt" && verb_zero) {
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
    Some(
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
            .collect(),
    )
}

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
/// [`negation`], which is consulted for every head word.
fn toll_statement(
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

/// Whether the number at tokens `first..end` counts people rather than years, ages, money,
/// times, roads or distances.
fn is_count(a: &Analysis<'_>, first: usize, end: usize) -> bool {
    let before = first
        .checked_sub(1)
        .map(|i| a.word(i).to_ascii_lowercase())
        .unwrap_or_default();
    if NOT_PEOPLE_BEFORE.contains(&before.as_str()) && a.tokens[first].kind == TokenKind::Number {
        return false;
    }
    has_count_shape(a, first, end)
}

/// Whether the number at tokens `first..end` has the shape of a count of people, whatever
/// word comes before it: no unit, time or year.
fn has_count_shape(a: &Analysis<'_>, first: usize, end: usize) -> bool {
    let after = a.word(end).to_ascii_lowercase();
    if NOT_PEOPLE_AFTER.contains(&after.as_str())
        || after.starts_with("year")
        || (after == "-" && a.word(end + 1).to_ascii_lowercase().starts_with("year"))
    {
        return false;
    }
    // "2 a.m.", "1:20"
    if a.word(end) == ":" {
        return false;
    }
    if a.tokens[first].kind == TokenKind::Number {
        let raw = a.word(first);
        if raw.len() == 4
            && !raw.contains(',')
            && raw.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
        {
            return false;
        }
    }
    true
}

/// Reads an item of people at token `i`.
fn item_at(a: &Analysis<'_>, i: usize, limit: usize, bare_ok: bool) -> Option<Item> {
    if i >= limit {
        return None;
    }
    // "more than 20" is a hedge, not an addition.
    let additional = (a.is_any(i, &["another", "other", "additional", "further", "more"])
        && !a.is(i + 1, "than"))
        || a.is(i.wrapping_sub(1), "other")
        || a.is(i.wrapping_sub(1), "another");
    // Pronouns.
    if a.is_any(i, &["he", "she", "him", "her"]) {
        return Some(Item {
            quantity: Quantity::exact(1),
            first: i,
            end: i + 1,
            side: Side::Victims,
            category: None,
            additional: false,
        });
    }
    if a.is_any(i, &["himself", "herself"]) {
        return Some(Item {
            quantity: Quantity::exact(1),
            first: i,
            end: i + 1,
            side: Side::Attackers,
            category: None,
            additional: false,
        });
    }
    // Title + name: "Ambassador Christopher Stevens", "Gen. Ali Omar".
    if a.tokens[i].is_capitalized(a.text)
        && TITLES
            .iter()
            .any(|t| a.word(i).trim_end_matches('.').eq_ignore_ascii_case(t))
    {
        let mut j = i + 1;
        if a.word(j) == "." {
            j += 1;
        }
        let name_start = j;
        while j < limit && a.tokens[j].is_capitalized(a.text) {
            j += 1;
        }
        if j > name_start {
            return Some(Item {
                quantity: Quantity::exact(1),
                first: i,
                end: j,
                side: Side::Victims,
                category: None,
                additional,
            });
        }
    }
    // A person's name: "Mohammad Omar", or one name with an appositive ("Jan, an Afghan Local
    // Police commander").
    if let Some(item) = named_person(a, i, limit) {
        return Some(item);
    }
    // "One trooper was killed and another was wounded."
    if bare_ok
        && a.is(i, "another")
        && (BE.iter().any(|b| a.is(i + 1, b)) || head_kind(a.word(i + 1)).is_some())
    {
        return Some(Item {
            quantity: Quantity::exact(1),
            first: i,
            end: i + 1,
            side: Side::Victims,
            category: None,
            additional: false,
        });
    }
    // "a couple", "an elderly couple": two people ("a couple of" is a number, read by
    // the number reader).
    if a.is_any(i, &["a", "an", "the", "one"]) {
        let noun = if a.is(i + 1, "couple") {
            Some(i + 1)
        } else if a.is(i + 2, "couple")
            && a.tokens
                .get(i + 1)
                .is_some_and(|t| t.kind == TokenKind::Word)
            && head_kind(a.word(i + 1)).is_none()
        {
            Some(i + 2)
        } else {
            None
        };
        if let Some(noun) = noun.filter(|&n| n < limit && !a.is(n + 1, "of")) {
            return Some(Item {
                quantity: Quantity::exact(2),
                first: i,
                end: noun + 1,
                side: Side::Victims,
                category: Some(TargetType::PrivateCitizens),
                additional,
            });
        }
    }
    // "a third", "a second": one more person of a kind already named.
    if a.is_any(i, &["a", "an"])
        && a.is_any(i + 1, &["second", "third", "fourth", "fifth", "sixth"])
        && !a.person_at.get(i + 2).is_some_and(Option::is_some)
        && !a.tokens.get(i + 2).is_some_and(|t| {
            t.kind == TokenKind::Word
                && !a.is_any(i + 2, &["and", "in", "on", "at", "as", "when", "after"])
        })
    {
        return Some(Item {
            quantity: Quantity::exact(1),
            first: i,
            end: i + 2,
            side: Side::Victims,
            category: None,
            additional: true,
        });
    }
    // "the driver", "the bomber", "one soldier", "his driver"
    if a.is_any(i, &["the", "one", "another", "his", "her", "their", "its"]) {
        if let Some((noun, end)) = person_within(a, i + 1, limit, 3)
            && is_singular(a.word(end - 1))
        {
            let side = side_of(noun);
            return Some(Item {
                quantity: Quantity::exact(1),
                first: i,
                end,
                side,
                category: category_of(a, noun, end),
                additional,
            });
        }
        if a.is_any(i, &["the", "his", "her", "their", "its"]) {
            return None;
        }
    }
    // "a 35-year-old man": one person; the age is not a count.
    if a.is_any(i, &["a", "an"])
        && let Some(after_age) = age_end(a, i + 1, limit)
        && let Some((noun, end)) = person_within(a, after_age, limit, 3)
    {
        return Some(Item {
            quantity: Quantity::exact(1),
            first: i,
            end,
            side: side_of(noun),
            category: category_of(a, noun, end),
            additional,
        });
    }
    // "council member Ahmad Karimi", "journalist Ali Hassan": a role before a name.
    if bare_ok
        && let Some((noun, end)) = person_within(a, i, limit, 3)
        && is_singular(a.word(end - 1))
        && let Some(name_end) = name_after_role(a, end, limit)
    {
        return Some(Item {
            quantity: Quantity::exact(1),
            first: i,
            end: name_end,
            side: side_of(noun),
            category: category_of(a, noun, end),
            additional,
        });
    }
    let m = read_quantity(a.text, &a.tokens, i, true)?;
    if m.tokens.end > limit || !is_count(a, m.tokens.start.max(i), m.tokens.end) {
        return None;
    }
    let article = a.is_any(i, &["a", "an"]);
    let mut e = m.tokens.end;
    let mut additional = additional;
    // "seventeen more wounded", "17 more people": more of those the sentence counts.
    if !article && a.is(e, "more") && !a.is(e + 1, "than") {
        e += 1;
        additional = true;
    }
    let mut skip = e;
    if a.is(skip, "of") {
        // "five of them", "two of the guards"
        skip += 1;
        if a.is_any(skip, &["them", "whom", "those"]) {
            return Some(Item {
                quantity: m.quantity,
                first: i,
                end: skip + 1,
                side: Side::Victims,
                category: None,
                additional,
            });
        }
    }
    if let Some((noun, end)) = person_within(a, skip, limit, if article { 3 } else { 4 }) {
        let side = side_of(noun);
        return Some(Item {
            quantity: m.quantity,
            first: i,
            end,
            side,
            category: category_of(a, noun, end),
            additional,
        });
    }
    if !article && bare_ok {
        // "two were killed", "5 dead", "killing 12."
        return Some(Item {
            quantity: m.quantity,
            first: i,
            end: e,
            side: Side::Victims,
            category: None,
            additional,
        });
    }
    None
}

/// Whether the word at `i` closed a longer name earlier in the article: "Singh was killed"
/// after "Assailants abducted Rawail Singh".
fn named_earlier(a: &Analysis<'_>, i: usize) -> bool {
    let word = a.word(i);
    (1..i).any(|k| {
        a.word(k) == word
            && a.tokens[k - 1].kind == TokenKind::Word
            && a.tokens[k - 1].is_capitalized(a.text)
            && !a.is_any(k - 1, NOT_NAMES)
            && !a.groups.iter().any(|g| g.span.overlaps(&a.tokens[k].span))
            && a.person_at[k - 1].is_none()
    })
}

/// The end of a name right after a role ("council member Ahmad Karimi"): one to three
/// capitalised words that are not a group, a title word or a sentence-level word. After a
/// role, a word that could also be a place ("Ahmad") is a name.
fn name_after_role(a: &Analysis<'_>, i: usize, limit: usize) -> Option<usize> {
    let mut j = i;
    while j < limit
        && j < i + 3
        && a.tokens[j].kind == TokenKind::Word
        && a.tokens[j].is_capitalized(a.text)
        && !a.is_any(j, NOT_NAMES)
        && !a
            .groups
            .iter()
            .any(|g| g.span.start == a.tokens[j].span.start)
        && a.person_at.get(j).is_some_and(Option::is_none)
    {
        j += 1;
    }
    (j > i).then_some(j)
}

/// The token after an age written "35-year-old" (or "35 year old") starting at `i`.
fn age_end(a: &Analysis<'_>, i: usize, limit: usize) -> Option<usize> {
    let w = a.word(i);
    if !w.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // One token: "35-year-old".
    if w.to_ascii_lowercase().ends_with("-old") {
        return Some(i + 1);
    }
    let mut k = i + 1;
    while k < limit && k < i + 6 {
        if a.is_any(k, &["old", "year-old", "years-old"]) {
            return Some(k + 1);
        }
        if !(a.word(k) == "-" || a.is_any(k, &["year", "years"])) {
            return None;
        }
        k += 1;
    }
    None
}

/// A person noun starting within `window` tokens of `i` (adjectives and demonyms may come
/// first); returns it and the token after it.
fn person_within(
    a: &Analysis<'_>,
    i: usize,
    limit: usize,
    window: usize,
) -> Option<(PersonNoun, usize)> {
    let mut j = i;
    while j < limit && j < i + window {
        if let Some((noun, end)) = a.person_at[j] {
            // Take the last person noun of a compound: "police officers", "NATO soldiers".
            let mut best = (noun, end);
            let mut k = end;
            while k < limit && k < end + 2 {
                if let Some((n2, e2)) = a.person_at[k].filter(|&(_, e2)| e2 > k) {
                    best = (n2, e2);
                    k = e2;
                } else {
                    break;
                }
            }
            return Some(best);
        }
        let t = a.tokens[j];
        if t.kind == TokenKind::Punct && !matches!(a.word(j), "-" | "(" | ")") {
            return None;
        }
        if head_kind(a.word(j)).is_some()
            || BE.iter().any(|b| a.is(j, b))
            || a.is_any(
                j,
                &[
                    "in", "on", "at", "by", "and", "or", "when", "after", "while", "during",
                ],
            )
        {
            return None;
        }
        j += 1;
    }
    None
}

fn is_singular(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    (!w.ends_with('s') || w.ends_with("ss"))
        && !matches!(
            w.as_str(),
            "police"
                | "people"
                | "staff"
                | "personnel"
                | "troops"
                | "militia"
                | "crew"
                | "military"
                | "army"
                | "security"
                | "children"
                | "men"
                | "women"
                | "policemen"
                | "gunmen"
                | "servicemen"
                | "militiamen"
        )
}

fn side_of(noun: PersonNoun) -> Side {
    match noun {
        PersonNoun::Attacker => Side::Attackers,
        _ => Side::Victims,
    }
}

fn category_of(a: &Analysis<'_>, noun: PersonNoun, end: usize) -> Option<TargetType> {
    match noun {
        PersonNoun::Victim(t) => {
            let w = a.word(end - 1).to_ascii_lowercase();
            if GENERIC_PEOPLE.contains(&w.as_str()) {
                None
            } else {
                Some(t.kind)
            }
        }
        PersonNoun::Nationals => Some(TargetType::PrivateCitizens),
        PersonNoun::Attacker => None,
    }
}

/// Reads a list of items forward from `i`: "two soldiers and a civilian", "Ambassador X and
/// three other Americans"; stops at "including".
fn forward_items(a: &Analysis<'_>, mut i: usize, limit: usize) -> Vec<Item> {
    let mut items = Vec::new();
    // Allow "at least" etc. (read by read_quantity) but nothing else before the first item,
    // except a determiner-free adverb: "killed instantly two".
    // A headline in title case ("Ten Killed As Car Bomb Hits Beirut") capitalises every word:
    // after its verb only a figure is a victim, no capitalised run is a name.
    let title_case = i > 0 && a.tokens[i - 1].is_capitalized(a.text);
    let Some(first) = item_at(a, i, limit, true)
        .filter(|it| !title_case || read_quantity(a.text, &a.tokens, it.first, true).is_some())
        .or_else(|| name_after_verb(a, i, limit))
    else {
        return items;
    };
    i = first.end;
    items.push(first);
    loop {
        let mut j = i;
        if a.word(j) == "," {
            j += 1;
        }
        if a.is(j, "and") {
            j += 1;
        } else if j == i {
            break;
        }
        match item_at(a, j, limit, false) {
            // "killing five people, a police spokesman said": the source, not a victim.
            Some(next) if a.word(i) == "," && !a.is(i + 1, "and") && speaks_at(a, next.end) => {
                break;
            }
            Some(next) => {
                i = next.end;
                items.push(next);
            }
            None => break,
        }
    }
    items
}

/// A person's name right after an active verb of killing, even when one of its words is also
/// a place ("killed Jassim Hassoun"): no place follows "killed" without a preposition. Two to
/// four capitalised words, not one place's name, not a group's, not a month or weekday.
fn name_after_verb(a: &Analysis<'_>, i: usize, limit: usize) -> Option<Item> {
    // A headline in title case ("Minister Killed As Explosion Hits") capitalises every word.
    let title_case = i > 0 && a.tokens[i - 1].is_capitalized(a.text);
    if title_case || a.person_at.get(i).is_some_and(Option::is_some) {
        return None;
    }
    let j = a.name_run(i, limit, |k| a.tokens[k].is_capitalized(a.text))?;
    let function_word = (i..j)
        .any(|k| a.is_any(k, NOT_NAMES) || a.is_any(k, &["as", "by", "of", "for", "with", "near"]));
    let span = a.span(i, j - 1);
    let group = a.groups.iter().any(|g| g.span.overlaps(&span));
    let calendar = (i..j).any(|k| a.dates.iter().any(|d| d.span.overlaps(&a.tokens[k].span)));
    (!function_word && !group && !calendar).then_some(Item {
        quantity: Quantity::exact(1),
        first: i,
        end: j,
        side: Side::Victims,
        category: None,
        additional: false,
    })
}

/// The one person "was killed" speaks of when the subject is no counted noun: "A BBC producer
/// was shot and killed" (a noun phrase the lexicon has no person noun for), "Oscar Polanco, news
/// director at a channel, was shot" (a name at the start of the sentence, then an apposition).
/// Only after a singular "was", whose subject a killing or wounding makes a person.
fn singular_subject(a: &Analysis<'_>, start: usize, voice_at: usize) -> Option<Item> {
    let mut be = voice_at.checked_sub(1)?;
    while be > start && a.is_any(be, ADVERBS) {
        be -= 1;
    }
    if be <= start || !a.is(be, "was") {
        return None;
    }
    let one = |first: usize, end: usize| Item {
        quantity: Quantity::exact(1),
        first,
        end,
        side: Side::Victims,
        category: None,
        additional: false,
    };
    if a.word(be - 1) == "," {
        // "Name Surname, <apposition>, was killed": the name opens the sentence.
        let comma = (start..be - 1).find(|&k| a.word(k) == ",")?;
        let words = comma - start;
        let name = a.name_run(start, comma, |k| a.tokens[k].is_capitalized(a.text));
        return (name == Some(comma) && (2..=4).contains(&words) && !a.is_any(start, NOT_NAMES))
            .then(|| one(start, comma));
    }
    // "A BBC producer was killed": a determiner, then words only, a singular noun last.
    let lo = be.saturating_sub(6).max(start);
    let det = (lo..be)
        .rev()
        .find(|&k| a.is_any(k, &["a", "an", "the", "his", "her"]))?;
    let plain = (det + 1..be).all(|k| {
        a.tokens[k].kind == TokenKind::Word
            && !a.is_any(k, &["and", "or", "of", "with", "who", "which", "that"])
    });
    (plain && be > det + 1 && is_singular(a.word(be - 1))).then(|| one(det, be))
}

/// Whether a verb of saying stands at token `i` (or after a name: "a spokesman, Ali Khan,
/// said"), so that the person before it is a source.
pub(crate) fn speaks_at(a: &Analysis<'_>, i: usize) -> bool {
    const SAYING: &[&str] = &[
        "said",
        "says",
        "told",
        "added",
        "stated",
        "confirmed",
        "reported",
        "tweeted",
        "saying",
        "announced",
    ];
    // "spokesman Lieutenant Mak Hazukay, saying": a rank and a name may come between.
    (i..i + 5).any(|k| a.is_any(k, SAYING))
}

/// Finds the subject list before the head at `h`: the nearest item, then items joined to it
/// by "and" or commas.
/// "one of the injured", "two of the wounded" ending at token `j`, before a death head at `h`
/// with nothing but adverbs and auxiliaries between: an addition to the dead of people counted
/// among the hurt.
fn among_the_hurt(a: &Analysis<'_>, lo: usize, j: usize, h: usize) -> Option<Item> {
    if j < lo + 3 || !a.is_any(j, &["wounded", "injured", "hurt"]) {
        return None;
    }
    if !a.is(j - 1, "the") || !a.is(j - 2, "of") || head_kind(a.word(h))?.0 != CasualtyKind::Killed
    {
        return None;
    }
    let first = j - 3;
    let n = sitrep_text::number_word_value(a.word(first)).or_else(|| a.word(first).parse().ok())?;
    let between_ok =
        (j + 1..h).all(|k| BE.iter().any(|b| a.is(k, b)) || ADVERBS.iter().any(|b| a.is(k, b)));
    ((1..=50).contains(&n) && between_ok).then_some(Item {
        quantity: Quantity::exact(n),
        first,
        end: j + 1,
        side: Side::Victims,
        category: None,
        additional: true,
    })
}

fn backward_items(a: &Analysis<'_>, start: usize, h: usize, form: HeadForm) -> Vec<Item> {
    let lo = h.saturating_sub(30).max(start);
    let mut j = h;
    let mut nearest = None;
    while j > lo {
        j -= 1;
        // "one of the wounded later died": people already counted among the hurt, now among
        // the dead too.
        if let Some(item) = among_the_hurt(a, lo, j, h) {
            return vec![item];
        }
        // Another head ends the search, unless it names the people ("forty hostages were
        // killed").
        if j + 1 < h
            && ((head_kind(a.word(j)).is_some() && a.person_at[j].is_none())
                || a.is(j, "toll")
                || a.word(j) == ";"
                || a.word(j) == ":")
        {
            break;
        }
        if let Some(item) = item_at(a, j, h, true) {
            // The item must reach the head without crossing another clause's verb phrase:
            // accept when the head follows the item within the item's clause.
            let adjacent = item.end == h
                || (item.end..h)
                    .all(|k| BE.iter().any(|b| a.is(k, b)) || ADVERBS.iter().any(|b| a.is(k, b)));
            let close_noun = matches!(form, HeadForm::Noun) && h - item.end <= 2;
            if adjacent || close_noun || item_has_person(a, &item) {
                nearest = Some(item);
                break;
            }
        }
    }
    let Some(mut nearest) = nearest else {
        return Vec::new();
    };
    // A longer item ending at the same place: "between 5 and 7 people", "at least 12 people".
    for k in nearest.first.saturating_sub(4).max(lo)..nearest.first {
        if let Some(longer) = item_at(a, k, h, true).filter(|it| it.end == nearest.end) {
            nearest = longer;
            break;
        }
    }
    let mut items = vec![nearest];
    // Extend left: "two soldiers and a civilian were killed".
    let mut left = nearest.first;
    loop {
        let mut k = left;
        if k == 0 {
            break;
        }
        k -= 1;
        if !a.is(k, "and") && a.word(k) != "," {
            break;
        }
        if a.is(k, "and") && k > 0 && a.word(k - 1) == "," {
            k -= 1;
        }
        // find an item that ends exactly at k
        let found = (k.saturating_sub(6).max(lo)..k)
            .find_map(|s| item_at(a, s, k, false).filter(|it| it.end == k));
        match found {
            // "A prominent politician, Marcel Dutoit, was killed": one person named twice.
            Some(it)
                if a.word(k) == ","
                    && items.len() == 1
                    && nearest.quantity.as_exact() == Some(1)
                    && it.quantity.as_exact() == Some(1)
                    && named_person(a, nearest.first, nearest.end).is_some() =>
            {
                left = it.first;
                items[0].first = it.first;
            }
            Some(it) => {
                left = it.first;
                items.push(it);
            }
            None => break,
        }
    }
    // "Eleven people, among them three workers and two soldiers, were killed": the list is a
    // part of the figure before it.
    let mut p = left;
    if p > 0 && a.is_any(p - 1, &["them", "whom"]) && p > 1 && a.is_any(p - 2, &["among", "of"]) {
        p -= 2;
    } else if p > 0 && a.is(p - 1, "including") {
        p -= 1;
    } else {
        return items;
    }
    let k = if p > 0 && a.word(p - 1) == "," {
        p - 1
    } else {
        p
    };
    if let Some(total) = (k.saturating_sub(6).max(lo)..k)
        .find_map(|s| item_at(a, s, k, true).filter(|it| it.end == k))
    {
        return vec![total];
    }
    items
}

/// Words that start a capitalised phrase without naming a person.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "this",
    "that",
    "these",
    "those",
    "some",
    "all",
    "both",
    "several",
    "many",
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "in",
    "on",
    "at",
    "after",
    "before",
    "when",
    "while",
    "police",
    "security",
    "officials",
    "authorities",
    "sources",
    "residents",
    "witnesses",
    "government",
    "army",
    "military",
    "troops",
    "forces",
    "assailants",
    "gunmen",
    "militants",
    "unknown",
    "unidentified",
    "suspected",
    "local",
    "state",
    "federal",
    "national",
    "provincial",
    "district",
    "according",
    "however",
    "also",
    "later",
    "it",
    "they",
    "he",
    "she",
    "we",
    "there",
];

/// A person named at token `i`: two or more capitalised words that are not a place, group or
/// nationality ("Mohammad Omar"), or one such word followed by an appositive person noun.
fn named_person(a: &Analysis<'_>, i: usize, limit: usize) -> Option<Item> {
    let starts_name = |k: usize| {
        a.tokens.get(k).is_some_and(|t| t.is_capitalized(a.text))
            && !a.is_any(k, NOT_NAMES)
            && a.person_at.get(k).is_some_and(Option::is_none)
            && !a.names.iter().any(|n| n.value.tokens.start == k)
            && !a
                .groups
                .iter()
                .any(|g| g.span.start == a.tokens[k].span.start)
            && head_kind(a.word(k)).is_none()
    };
    // "Singh was killed" after "Rawail Singh": a surname already used, even when a place
    // shares it.
    let surname = a.tokens[i].kind == TokenKind::Word
        && a.tokens[i].is_capitalized(a.text)
        && !a.is_any(i, NOT_NAMES)
        && !a
            .tokens
            .get(i + 1)
            .is_some_and(|t| t.is_capitalized(a.text))
        && named_earlier(a, i);
    if !(surname || starts_name(i)) || read_quantity(a.text, &a.tokens, i, false).is_some() {
        return None;
    }
    // The end of "…, a senior official" after the name: the appositive is the same person.
    let appositive_at = |j: usize| -> Option<usize> {
        (a.word(j) == "," && a.is_any(j + 1, &["a", "an", "the"]))
            .then(|| person_within(a, j + 2, limit.max(j + 11).min(a.tokens.len()), 10))
            .flatten()
            .map(|(_, end)| end)
    };
    // "Rahim Gul, a district official": a capitalised run followed by an appositive person
    // noun is a person even when one of its words is also a place ("Gul").
    let mut run = i;
    while run < limit && run < i + 4 && a.tokens[run].is_capitalized(a.text) {
        run += 1;
    }
    let mut j = i;
    while j < limit
        && j < i + 4
        && a.tokens[j].is_capitalized(a.text)
        && !a.names.iter().any(|n| n.value.tokens.start == j && j > i)
    {
        j += 1;
    }
    if j < run && appositive_at(run).is_some() {
        j = run;
    }
    let appositive = appositive_at(j);
    ((j - i >= 2 && j - i <= 3) || (j - i >= 1 && appositive.is_some()) || surname).then_some(
        Item {
            quantity: Quantity::exact(1),
            first: i,
            end: appositive.unwrap_or(j),
            side: Side::Victims,
            category: None,
            additional: false,
        },
    )
}

fn item_has_person(a: &Analysis<'_>, item: &Item) -> bool {
    if named_person(a, item.first, item.end.max(item.first + 1)).is_some_and(|n| n.end == item.end)
    {
        return true;
    }
    (item.first..item.end).any(|k| a.person_at.get(k).is_some_and(Option::is_some))
        || item.end - item.first == 1 && a.is_any(item.first, &["he", "she"])
}

/// "including the bomber", "including two attackers" inside the statement.
fn included_attackers(a: &Analysis<'_>, first: usize, last: usize) -> Option<u32> {
    let k = (first..=last.min(a.tokens.len().saturating_sub(1)))
        .find(|&k| a.is(k, "including") || a.is(k, "among"))?;
    if a.is(k + 1, "the")
        && ATTACKER_SINGULAR
            .iter()
            .any(|w| a.is(k + 2, w) || a.is(k + 3, w))
    {
        return Some(1);
    }
    let item = item_at(a, k + 1, last + 1, false)?;
    (item.side == Side::Attackers)
        .then(|| item.quantity.as_exact())
        .flatten()
}

/// "In addition to the assailant, …" before the subject.
fn addition_of_attacker(a: &Analysis<'_>, start: usize, first: usize) -> bool {
    (start..first).any(|k| {
        a.is(k, "addition")
            && a.is(k + 1, "to")
            && (k + 2..first.min(k + 5)).any(|j| ATTACKER_SINGULAR.iter().any(|w| a.is(j, w)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::resources;

    fn statements(text: &str) -> Vec<(CasualtyKind, Side, Option<u32>, Option<u32>)> {
        let r = resources();
        let a = Analysis::new(text, None, r);
        find_casualties(&a)
            .into_iter()
            .map(|s| (s.kind, s.side, s.quantity.min, s.quantity.max))
            .collect()
    }

    use CasualtyKind::*;
    use Side::*;

    #[test]
    fn a_conflicts_toll_in_the_perfect_is_a_running_total() {
        for text in [
            "The army has fought rebels for years, in a war that has claimed the lives of more than 10,000 people.",
            "Both sides are accused of abuses in a conflict that has left more than 3,000 dead.",
        ] {
            assert!(statements(text).is_empty(), "{text}");
        }
        // An incident's own toll in a war stays.
        assert_eq!(
            statements("Fighting in the civil war killed 120 fighters in the town on Sunday."),
            [(Killed, Victims, Some(120), Some(120))]
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

    #[test]
    fn passive_subjects() {
        assert_eq!(
            statements(
                "Two police officers from the local force who had been guarding the gate were killed in the shooting."
            ),
            [(Killed, Victims, Some(2), Some(2))]
        );
        assert_eq!(
            statements("A third guard was wounded and taken to hospital."),
            [(Wounded, Victims, Some(1), Some(1))]
        );
        assert_eq!(
            statements("Five people died in the fire."),
            [(Killed, Victims, Some(5), Some(5))]
        );
    }

    #[test]
    fn active_objects() {
        assert_eq!(
            statements("The blast killed at least 12 people and wounded 31."),
            [
                (Killed, Victims, Some(12), None),
                (Wounded, Victims, Some(31), Some(31))
            ]
        );
        assert_eq!(
            statements("Gunmen killed ten people at a bus station."),
            [(Killed, Victims, Some(10), Some(10))]
        );
    }

    #[test]
    fn lists_add_up() {
        assert_eq!(
            statements("Rebels killed Governor Amadou Sall and three other officials."),
            [(Killed, Victims, Some(4), Some(4))]
        );
        assert_eq!(
            statements("Two soldiers and a civilian were killed near the border."),
            [(Killed, Victims, Some(3), Some(3))]
        );
        assert_eq!(
            statements("The mine killed two soldiers and a civilian."),
            [(Killed, Victims, Some(3), Some(3))]
        );
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
    fn unknown_is_not_zero() {
        assert!(statements("There were no immediate reports of casualties.").is_empty());
        // A negation about a subgroup says nothing about the total.
        assert!(statements("No Britons were among those hurt.").is_empty());
    }

    #[test]
    fn attackers_are_counted_apart() {
        assert_eq!(
            statements("Three militants were killed in the gunfight."),
            [(Killed, Attackers, Some(3), Some(3))]
        );
        let s = statements("Eight people, including the bomber, were killed.");
        assert!(s.contains(&(Killed, Victims, Some(7), Some(7))), "{s:?}");
        assert!(s.contains(&(Killed, Attackers, Some(1), Some(1))), "{s:?}");
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
        // Caught, or no act: no death.
        assert!(statements("Police arrested a suicide bomber at the gate.").is_empty());
        assert!(statements("The group trains suicide bombers.").is_empty());
        let s = statements("Suicide bombers struck the market.");
        assert!(s.is_empty(), "{s:?}");
    }

    #[test]
    fn a_figure_followed_by_more_adds_to_the_others() {
        let s = statements("Seven people were killed and seventeen more wounded.");
        assert!(s.contains(&(Wounded, Victims, Some(17), Some(17))), "{s:?}");
        let r = resources();
        let a = Analysis::new("Four more people later died in hospital.", None, r);
        let found = find_casualties(&a);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].relation, Relation::Additional);
        // "more than" is a bound, not an addition.
        let a = Analysis::new("Two more than expected died.", None, r);
        assert!(
            find_casualties(&a)
                .iter()
                .all(|s| s.relation != Relation::Additional)
        );
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
    fn hostages_and_foreigners_are_people_who_can_be_killed() {
        assert!(
            statements("Eleven hostages were killed when troops stormed the hall.").contains(&(
                Killed,
                Victims,
                Some(11),
                Some(11)
            ))
        );
        assert!(
            statements("Nine foreigners of four nationalities were killed at the gas field.")
                .contains(&(Killed, Victims, Some(9), Some(9)))
        );
    }

    #[test]
    fn a_bomber_who_blows_himself_up_is_an_attacker_killed() {
        for text in [
            "A man blows himself up at the checkpoint.",
            "A woman approached the gate, blowing herself up.",
            "Police said the bomber had blown himself up at the gate.",
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

    #[test]
    fn the_hurt_who_later_die_add_to_the_dead() {
        let r = resources();
        let a = Analysis::new(
            "A grenade killed two guards. One of the injured later died in hospital.",
            None,
            r,
        );
        let s = find_casualties(&a);
        assert!(
            s.iter().any(|s| s.quantity.min == Some(1)
                && s.kind == Killed
                && s.relation == Relation::Additional),
            "{s:?}"
        );
        // Not when the hurt are the subject of something else.
        let a = Analysis::new("One of the injured said the attackers died.", None, r);
        assert!(
            find_casualties(&a)
                .iter()
                .all(|s| s.relation != Relation::Additional)
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

    #[test]
    fn more_than_is_a_hedge_not_an_addition() {
        let r = resources();
        let a = Analysis::new(
            "A grenade blast wounded more than 20 revelers in a park on Wednesday.",
            None,
            r,
        );
        let found = find_casualties(&a);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].relation, Relation::Plain);
        assert_eq!(found[0].quantity.min, Some(20));
    }

    #[test]
    fn a_couple_is_two_people() {
        assert!(
            statements("A rocket hit their home, killing an elderly couple.").contains(&(
                Killed,
                Victims,
                Some(2),
                Some(2)
            ))
        );
        assert!(
            statements("A young couple was shot dead at the checkpoint.").contains(&(
                Killed,
                Victims,
                Some(2),
                Some(2)
            ))
        );
        // "a couple of" is the number reader's two, unchanged by the noun reading.
        assert!(statements("A couple of guards were wounded.").contains(&(
            Wounded,
            Victims,
            Some(2),
            Some(2)
        )));
    }

    #[test]
    fn a_day_between_the_verb_and_its_auxiliary() {
        assert_eq!(
            statements("Seven guards were today killed at the depot."),
            [(Killed, Victims, Some(7), Some(7))]
        );
        assert_eq!(
            statements("Two nurses were yesterday wounded by shrapnel."),
            [(Wounded, Victims, Some(2), Some(2))]
        );
    }

    #[test]
    fn numbers_that_are_not_casualties() {
        assert!(statements("The man, aged 34, was arrested at 2 a.m. on Route 9.").is_empty());
        assert!(
            statements("He was paid $5,000 in 2015 and killed nobody.")
                .iter()
                .all(|s| s.2 == Some(0))
        );
        assert!(
            statements("A 34-year-old was wounded.")
                .iter()
                .all(|s| s.2 != Some(34))
        );
    }

    #[test]
    fn hedges_and_vague_counts() {
        assert_eq!(
            statements("Dozens of people were wounded."),
            [(Wounded, Victims, Some(24), None)]
        );
        assert_eq!(
            statements("Between 5 and 7 people were killed."),
            [(Killed, Victims, Some(5), Some(7))]
        );
        assert_eq!(
            statements("As many as 40 people were kidnapped."),
            [(Kidnapped, Victims, None, Some(40))]
        );
    }
}
