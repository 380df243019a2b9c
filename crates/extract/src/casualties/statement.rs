//! Reading one statement at a head word: its voice, the people it is about and the figure they
//! add up to, handing tolls, negations and attackers to their own readers.

use sitrep_text::{Quantity, TokenKind, read_quantity};

use super::attackers::{
    addition_of_attacker, attackers_statement, included_attackers, suicide_attackers,
};
use super::heads::{ADVERBS, BE, HeadForm, head_kind};
use super::lists::{
    Refers, antecedent, backward_items, forward_items, people_along_with, singular_subject,
};
use super::negation::{denied, negation};
use super::people::Item;
use super::toll::toll_statement;
use super::{CasualtyKind, CasualtyStatement, Relation, Side};
use crate::analysis::Analysis;

pub(super) fn statement_at(
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
    // "blew themselves up": as many suicide attackers died as the subject counts.
    if a.is_any(h, &["blew", "blows", "blowing", "blown"])
        && a.is(h + 1, "themselves")
        && a.is(h + 2, "up")
    {
        let subject = backward_items(a, range.start, h, HeadForm::Intransitive);
        let count = subject
            .iter()
            .map(|it| it.quantity.as_exact())
            .sum::<Option<u32>>()?;
        return Some(vec![attackers_statement(
            sentence,
            CasualtyKind::Killed,
            count,
            a.span(subject.first()?.first, h + 2),
        )]);
    }
    // "exploded himself", "detonated herself".
    if a.is_any(h, &["exploded", "detonated", "explodes", "detonates"])
        && a.is_any(h + 1, &["himself", "herself"])
    {
        return Some(vec![attackers_statement(
            sentence,
            CasualtyKind::Killed,
            1,
            a.span(h, h + 1),
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
    let (kind, form) = match head_kind(a.word(h)) {
        Some(found) => found,
        // "the murder of a prison officer": a killing named by its noun.
        None if is_nominal_killing(a, h) => (CasualtyKind::Killed, HeadForm::Noun),
        // "claimed the life of a guard", "lost his life", "the body of a guard was found".
        None if life_lost(a, range.start, h) || body_found(a, range.clone(), h) => {
            (CasualtyKind::Killed, HeadForm::Noun)
        }
        // "Two passers-by were shot.", "stabbed three people": hurt, when no one is said to
        // have died.
        // Passive, its people before it; active, after it ("An assailant stabbed two
        // soldiers" wounded the soldiers, not the assailant).
        None if hurt_and_survived(a, sentence, range.clone(), h) => {
            let passive = (range.start.max(h.saturating_sub(3))..h).any(|k| a.is_any(k, BE));
            let form = if passive {
                HeadForm::Verb
            } else {
                HeadForm::ActiveOnly
            };
            (CasualtyKind::Wounded, form)
        }
        None => return None,
    };
    if a.tokens[h].kind != TokenKind::Word {
        return None;
    }
    // "succumbed to their injuries", "died of his wounds": the hurt are now among the dead.
    if a.is_any(h, &["injuries", "injury", "wounds"])
        && h >= range.start + 2
        && a.is_any(h - 1, &["his", "her", "their"])
        && a.is_any(h - 2, &["to", "of", "from"])
    {
        return None;
    }
    // "threatened to kill two hostages", "vowed to massacre": an intent, not a toll.
    if a.is_any(h, &["kill", "massacre", "injure", "wound"]) && intended(a, range.start, h) {
        return None;
    }
    // "lives" are lost ones only after a verb of loss ("claimed the lives of", "lost their
    // lives", "cost seven civilian lives"); "saved their lives" is no toll.
    if a.is(h, "lives") && !lives_lost(a, range.start, h) {
        return None;
    }
    // "was beaten to death", "shot to death": the participle before "to death" is the
    // killing, its voice read before it.
    let to_death = a.is(h, "death")
        && h >= range.start + 2
        && a.is(h - 1, "to")
        && is_participle(a.word(h - 2));
    // "stabbed three tourists to death": the people stand between the verb and "to death".
    if a.is(h, "death") && !to_death && h >= range.start + 3 && a.is(h - 1, "to") {
        return object_to_death(a, sentence, range, h);
    }
    if a.is(h, "death") && !a.is(h + 1, "of") && !to_death {
        return None;
    }
    // "kill" words used as nouns or adjectives of other things: "killing spree" is still a killing.
    if let Some(zero) = negation(a, sentence, range.clone(), h, kind) {
        return Some(zero);
    }
    if let Some(zero) = denied(a, sentence, range.clone(), h, kind) {
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
    } else if h >= range.start + 4
        && a.is(h - 1, "and")
        && a.is(h - 2, "times")
        && is_participle(a.word(h - 4))
    {
        // "was shot four times and killed".
        Some(h - 4)
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
    }
    // "the death of two soldiers", "claimed the lives of five", "the killing of a police
    // officer".
    if items.is_empty()
        && a.is(h + 1, "of")
        && (matches!(form, HeadForm::Noun) || is_nominal_killing(a, h))
    {
        items = forward_items(a, h + 2, range.end);
        active = !items.is_empty();
    }
    // "causing injuries to four people": the hurt after "to".
    if items.is_empty() && a.is_any(h, &["injuries", "injury"]) && a.is(h + 1, "to") {
        items = forward_items(a, h + 2, range.end);
        active = !items.is_empty();
    }
    // "A soldier was stopped by two men and then shot dead": the passive of the first verb
    // carries over to the second, whose subject is the sentence's.
    if items.is_empty()
        && !passive
        && form == HeadForm::Verb
        && let Some(subject) = coordinated_passive_subject(a, sentence, range.start, voice_at)
    {
        items.push(subject);
    }
    if items.is_empty() && form != HeadForm::ActiveOnly {
        items = backward_items(a, range.start, voice_at, form);
        // An active verb's subject is the killer, not the killed: only a headline's
        // "12 people killed" (the item right before the head) reads as passive.
        if form == HeadForm::Verb && !passive {
            // "left two people slightly injured": a manner adverb may stand between.
            items.retain(|i| {
                (i.end..voice_at).all(|k| a.is_any(k, MANNER)) && !a.is_any(i.first, &["he", "she"])
            });
        }
        if items.is_empty() && passive && form == HeadForm::Verb {
            items.extend(singular_subject(a, range.start, voice_at));
        }
        if items.is_empty() && passive && form == HeadForm::Verb {
            items.extend(elided_subject(a, sentence, range.start, voice_at));
        }
        if items.is_empty() && (passive && form == HeadForm::Verb || form == HeadForm::Intransitive)
        {
            items.extend(they_subject(a, sentence, range.start, voice_at));
        }
        if items.is_empty() && (passive && form == HeadForm::Verb || form == HeadForm::Intransitive)
        {
            items.extend(definite_subject(a, sentence, range.start, voice_at));
        }
        // "… before he was shot dead": the pronoun is the attacker the sentence named.
        if let [only] = items.as_mut_slice()
            && only.end - only.first == 1
            && a.is_any(only.first, &["he", "she"])
            && antecedent(a, sentence, only.first, Refers::One)
                .is_some_and(|p| p.side == Side::Attackers)
        {
            only.side = Side::Attackers;
        }
    }
    // "His body was found", "police recovered a body": one person, the body itself.
    if items.is_empty() && a.is(h, "body") {
        items.push(Item {
            quantity: Quantity::exact(1),
            first: h - 1,
            end: h + 1,
            side: Side::Victims,
            category: None,
            additional: false,
        });
    }
    if items.is_empty() {
        return None;
    }
    // "…, along with his driver", "were killed, as well as their driver".
    let after = items.iter().map(|i| i.end).max()?.max(h + 1);
    items.extend(people_along_with(a, after, range.end));
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

/// Where the verb phrase ending at `voice_at` begins, its auxiliaries and adverbs included:
/// the subject ends there.
fn verb_phrase_start(a: &Analysis<'_>, start: usize, voice_at: usize) -> usize {
    let mut k = voice_at;
    while k > start && (a.is_any(k - 1, ADVERBS) || a.is_any(k - 1, BE)) {
        k -= 1;
    }
    k
}

/// "A militant stabbed three tourists and was then shot dead": a passive verb coordinated
/// after another verb phrase shares its subject, the first person of the sentence. The item
/// keeps its own words; the statement's words run from it to the head.
fn elided_subject(
    a: &Analysis<'_>,
    sentence: usize,
    start: usize,
    voice_at: usize,
) -> Option<Item> {
    let k = verb_phrase_start(a, start, voice_at);
    let auxiliary = (k..voice_at).any(|i| a.is_any(i, BE));
    if !auxiliary || k <= start || !a.is(k - 1, "and") {
        return None;
    }
    antecedent(a, sentence, k - 1, Refers::Subject)
}

/// The subject of a participle coordinated after a passive verb with no auxiliary of its own:
/// "was stopped by two men on a motorcycle and then shot dead". The passive must be the
/// nearest verb phrase before "and" (a "was/were" and a participle within a few words).
fn coordinated_passive_subject(
    a: &Analysis<'_>,
    sentence: usize,
    start: usize,
    voice_at: usize,
) -> Option<Item> {
    /// How far before "and" the passive may stand.
    const REACH: usize = 10;
    let mut k = voice_at;
    while k > start && a.is_any(k - 1, ADVERBS) {
        k -= 1;
    }
    let and = k.checked_sub(1).filter(|&i| i > start && a.is(i, "and"))?;
    let participle = |i: usize| {
        let w = a.word(i).to_ascii_lowercase();
        w.len() > 3 && (w.ends_with("ed") || w.ends_with("en")) || w == "shot" || w == "hit"
    };
    let be = (and.saturating_sub(REACH).max(start)..and)
        .rev()
        .find(|&i| a.is_any(i, BE))?;
    let verb = (be + 1..and).find(|&i| !a.is_any(i, ADVERBS))?;
    if !participle(verb) || (be + 1..and).any(|i| a.word(i) == "," || a.is(i, "and")) {
        return None;
    }
    antecedent(a, sentence, and, Refers::Subject)
}

/// Whether the verb at `v` is only meant, denied or possible: "threatened to kill", "would
/// beat", "did not kill".
fn intended(a: &Analysis<'_>, start: usize, v: usize) -> bool {
    v > start
        && a.is_any(
            v - 1,
            &[
                "to", "would", "will", "could", "might", "may", "not", "can", "shall", "should",
                "didn't", "did", "never",
            ],
        )
}

/// "stabbed three tourists to death", "beat a teacher to death": an active verb of violence,
/// its object, then "to death" at `h`. The object must reach "to" exactly.
fn object_to_death(
    a: &Analysis<'_>,
    sentence: usize,
    range: std::ops::Range<usize>,
    h: usize,
) -> Option<Vec<CasualtyStatement>> {
    const VERBS: &[&str] = &[
        "stabbed",
        "stab",
        "stabbing",
        "beat",
        "beaten",
        "beating",
        "hacked",
        "hacking",
        "burned",
        "burnt",
        "burning",
        "clubbed",
        "stoned",
        "stoning",
        "shot",
        "shooting",
        "bludgeoned",
        "strangled",
        "tortured",
        "lynched",
        "kicked",
        "trampled",
    ];
    let to = h - 1;
    let verb = (to.saturating_sub(8).max(range.start)..to - 1)
        .rev()
        .find(|&v| a.is_any(v, VERBS))?;
    if is_passive(a, range.start, verb) || intended(a, range.start, verb) {
        return None;
    }
    let items = forward_items(a, verb + 1, to);
    if items.iter().map(|i| i.end).max() != Some(to) {
        return None;
    }
    statement_after(a, sentence, range, verb, verb + 1, CasualtyKind::Killed)
}

/// "They were later killed", "they died": the people "they" stands for, when it is the
/// subject right before the verb phrase. The item keeps the pronoun's words.
fn they_subject(a: &Analysis<'_>, sentence: usize, start: usize, voice_at: usize) -> Option<Item> {
    let k = verb_phrase_start(a, start, voice_at);
    if k <= start || !a.is(k - 1, "they") {
        return None;
    }
    let people = antecedent(a, sentence, k - 1, Refers::Many)?;
    Some(Item {
        first: k - 1,
        end: k,
        ..people
    })
}

/// "Two gunmen opened fire on the guards. The gunmen were killed": people named by "the" and
/// a plural noun that an earlier figure counted, of the same noun.
fn definite_subject(
    a: &Analysis<'_>,
    sentence: usize,
    start: usize,
    voice_at: usize,
) -> Option<Item> {
    let k = verb_phrase_start(a, start, voice_at);
    if k < start + 2 || !a.is(k - 2, "the") || a.person_at[k - 1].is_none() {
        return None;
    }
    let noun = a.word(k - 1);
    let people = antecedent(a, sentence, k - 2, Refers::Many)?;
    a.word(people.end - 1)
        .eq_ignore_ascii_case(noun)
        .then_some(Item {
            first: k - 2,
            end: k,
            ..people
        })
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
        // "was found shot dead", "were found beheaded", "were left wounded": found or left in
        // the state the verb made.
        if !ADVERBS.iter().any(|b| w.eq_ignore_ascii_case(b))
            && !w.eq_ignore_ascii_case("found")
            && !w.eq_ignore_ascii_case("left")
        {
            return false;
        }
    }
    false
}

/// Adverbs of how badly people were hurt: "left two people slightly injured".
const MANNER: &[&str] = &[
    "slightly",
    "lightly",
    "seriously",
    "critically",
    "gravely",
    "badly",
    "severely",
    "mildly",
];

/// Verbs that take lives: "claimed the lives of", "cost seven lives".
const TAKING_LIVES: &[&str] = &[
    "claimed", "claiming", "claims", "claim", "took", "taking", "takes", "take", "cost", "costing",
    "costs",
];

/// Verbs by which people give up their own lives: "lost their lives".
const LOSING_LIVES: &[&str] = &[
    "lost",
    "lose",
    "loses",
    "losing",
    "gave",
    "give",
    "giving",
    "sacrificed",
];

/// Whether "lives" at `h` are lives lost: "claimed the lives of", "lost their lives",
/// "claimed seven (civilian) lives", "12 lives were lost". The figure stands next to "lives"
/// or across one word that is not a determiner.
fn lives_lost(a: &Analysis<'_>, start: usize, h: usize) -> bool {
    if h >= start + 2 && a.is(h - 1, "the") && a.is(h + 1, "of") {
        return a.is_any(h - 2, TAKING_LIVES);
    }
    if h >= start + 2 && a.is(h - 1, "their") {
        return a.is_any(h - 2, LOSING_LIVES);
    }
    let lost_after = a.is(h + 1, "lost") || a.is_any(h + 1, BE) && a.is(h + 2, "lost");
    (1..=3).any(|back| {
        h >= start + back
            && read_quantity(a.text, &a.tokens, h - back, false).is_some_and(|m| {
                let next_to = m.tokens.end == h
                    || m.tokens.end + 1 == h
                        && a.tokens[m.tokens.end].kind == TokenKind::Word
                        && !a.is_any(m.tokens.end, &["the", "their", "his", "her", "its", "of"]);
                let taken = m.tokens.start > start && a.is_any(m.tokens.start - 1, TAKING_LIVES);
                next_to && (taken || lost_after)
            })
    })
}

/// Whether "shot" or "stabbed" at `h` tells of people hurt: the verb (not "a shot", not
/// "shot at" or "shot down" something), in a sentence that, like the ones before and after it,
/// speaks of no death ("shot dead", "was shot and later died" tell how someone died).
fn hurt_and_survived(
    a: &Analysis<'_>,
    sentence: usize,
    range: std::ops::Range<usize>,
    h: usize,
) -> bool {
    if !a.is_any(h, &["shot", "stabbed"])
        || (h > range.start && a.is_any(h - 1, &["a", "the", "one", "warning", "fatally"]))
        || a.is_any(h + 1, &["at", "down", "through", "up", "into"])
        // "stabbed and injured a lawmaker": the verb after it tells the harm.
        || (a.is_any(h + 1, &["and", "or"]) && head_kind(a.word(h + 2)).is_some())
    {
        return false;
    }
    let speaks_of_death = |s: usize| s < a.sentences.len() && crate::outcome::mentions_death(a, s);
    // "Gunmen killed a councillor. He was shot outside his home.": the dead, told again.
    let before = sentence.checked_sub(1).is_some_and(speaks_of_death);
    !(before || speaks_of_death(sentence) || speaks_of_death(sentence + 1))
}

/// Whether "life" at `h` is one life lost: "claimed the life of a guard", "lost his life".
fn life_lost(a: &Analysis<'_>, start: usize, h: usize) -> bool {
    a.is(h, "life")
        && h >= start + 2
        && (a.is(h - 1, "the") && a.is(h + 1, "of") && a.is_any(h - 2, TAKING_LIVES)
            || a.is_any(h - 1, &["his", "her"]) && a.is_any(h - 2, LOSING_LIVES))
}

/// Verbs of finding the dead: "the body of a guard was found", "police recovered a body".
const FINDING: &[&str] = &[
    "found",
    "discovered",
    "recovered",
    "retrieved",
    "dumped",
    "pulled",
    "dragged",
];

/// Whether "body" at `h` is a person found dead: a determiner or possessive before it (one
/// adjective may stand between) and a verb of finding within a few words of it ("the body of
/// a policeman was found", "his body was discovered", "police recovered an unidentified
/// body"). "body armour", "a governing body" and a body that is not found are not.
fn body_found(a: &Analysis<'_>, range: std::ops::Range<usize>, h: usize) -> bool {
    const DETERMINERS: &[&str] = &["the", "a", "an", "his", "her"];
    let determined = h > range.start
        && (a.is_any(h - 1, DETERMINERS)
            || h >= range.start + 2
                && a.is_any(h - 2, DETERMINERS)
                && a.tokens[h - 1].kind == TokenKind::Word
                && a.word(h - 1).chars().all(|c| c.is_ascii_lowercase()));
    // "police recovered a body": found before it; "the body … was found": after it, in the
    // passive ("The body found that …" is a committee).
    let found_before = (h.saturating_sub(4).max(range.start)..h).any(|k| a.is_any(k, FINDING));
    let found_after = (h + 1..(h + 8).min(range.end))
        .any(|k| a.is_any(k, FINDING) && (h + 1..k).any(|b| BE.iter().any(|be| a.is(b, be))));
    // "body armour", "a body shop": a noun the word describes.
    let ends_phrase = h + 1 >= range.end
        || a.tokens[h + 1].kind != TokenKind::Word
        || a.is_any(h + 1, BODY_FOLLOWERS);
    a.is(h, "body") && determined && ends_phrase && (found_before || found_after)
}

/// Words that may follow "body" when it is a person's: "the body of", "the body was found",
/// "a body lying in the road".
const BODY_FOLLOWERS: &[&str] = &[
    "of",
    "was",
    "were",
    "is",
    "has",
    "had",
    "lay",
    "lying",
    "at",
    "in",
    "on",
    "near",
    "inside",
    "from",
    "found",
    "discovered",
    "recovered",
    "dumped",
    "with",
    "bearing",
    "showing",
    "and",
    "later",
];

/// Whether the word at `h` names a killing as a noun with its victims after "of": "the killing of
/// a police officer", "his murder of two guards", "the massacre of 30 villagers". An attempt
/// ("the attempted murder of") killed nobody and is not one.
fn is_nominal_killing(a: &Analysis<'_>, h: usize) -> bool {
    a.is_any(h, &["killing", "killings", "murder", "murders", "massacre"])
        && a.is(h + 1, "of")
        && h > 0
        && a.is_any(h - 1, &["the", "a", "his", "her", "their", "its"])
}

#[cfg(test)]
mod tests {
    use crate::casualties::tests::statements;
    use crate::casualties::{CasualtyKind::*, Side::*};

    #[test]
    fn a_loss_named_by_its_noun_counts_the_figure_after_of() {
        for (text, n) in [
            (
                "The blast caused the deaths of 40 people near the mosque.",
                40,
            ),
            (
                "Gunmen opened fire, resulting in the death of 9 passengers.",
                9,
            ),
            (
                "The bombing claimed the lives of 12 civilians on Monday.",
                12,
            ),
            ("He was convicted of the killing of 3 guards.", 3),
        ] {
            assert_eq!(
                statements(text),
                [(Killed, Victims, Some(n), Some(n))],
                "{text}"
            );
        }
        // After any other "of" a figure is no count of people.
        assert!(statements("A convoy of 40 trucks was attacked.").is_empty());
    }

    #[test]
    fn found_dead_or_found_as_a_body() {
        for text in [
            "A policeman was found shot dead near the village.",
            "A farmer was found beheaded in his field.",
            "A judge was found shot to death in his car.",
            "The body of a policeman was found near the village.",
            "His body was discovered two days later.",
            "Police recovered an unidentified body at the river.",
            "A grenade attack claimed the life of one man.",
            "A soldier lost his life in the attack.",
        ] {
            assert_eq!(
                statements(text),
                [(Killed, Victims, Some(1), Some(1))],
                "{text}"
            );
        }
        for text in [
            "The governing body found that the vote was fair.",
            "The body armour was found in the car.",
            "He spent his life in the village.",
            "Police found the weapons in a body shop.",
        ] {
            assert!(
                statements(text).is_empty(),
                "{text}: {:?}",
                statements(text)
            );
        }
    }

    #[test]
    fn lives_count_only_when_lost() {
        for (text, n) in [
            ("The explosion claimed seven civilian lives in the town.", 7),
            ("The ambush cost 12 lives.", 12),
            ("Nine lives were lost in the blast.", 9),
            ("Five soldiers lost their lives.", 5),
            ("The raid took the lives of 6 villagers.", 6),
        ] {
            assert_eq!(
                statements(text),
                [(Killed, Victims, Some(n), Some(n))],
                "{text}"
            );
        }
        for text in [
            "The guards saved their lives.",
            "Doctors saved 12 lives.",
            "The soldiers were defending their lives.",
            "The raid spared the lives of 40 villagers.",
        ] {
            assert!(
                statements(text).iter().all(|s| s.0 != Killed),
                "{text}: {:?}",
                statements(text)
            );
        }
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
        // An appositive between the subject and its verb says who the subject is.
        assert_eq!(
            statements("One of the raiders, a former soldier, was shot dead by the guards."),
            [(Killed, Attackers, Some(1), Some(1))]
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
    fn shot_several_times_and_killed() {
        assert_eq!(
            statements("A villager was shot four times and killed by men on a motorcycle."),
            [(Killed, Victims, Some(1), Some(1))]
        );
    }

    #[test]
    fn a_passive_carries_over_to_a_coordinated_participle() {
        assert_eq!(
            statements("A teacher was dragged from his car by gunmen and then shot dead."),
            [(Killed, Victims, Some(1), Some(1))]
        );
        assert_eq!(
            statements("Three guards were tied up by the raiders and executed."),
            [(Killed, Victims, Some(3), Some(3))]
        );
        // An active verb before "and" keeps its subject the killer's.
        assert!(
            statements("The gunman stormed the hall and shot dead the mayor.")
                .iter()
                .all(|s| s.2 == Some(1))
        );
    }

    #[test]
    fn ranks_headmen_and_believers_are_people() {
        assert_eq!(
            statements("A lieutenant of the border army was shot dead at his home."),
            [(Killed, Victims, Some(1), Some(1))]
        );
        assert_eq!(
            statements("Militants gunned down the village headman on Friday."),
            [(Killed, Victims, Some(1), Some(1))]
        );
        assert_eq!(
            statements("Attackers killed four Christians in the raid."),
            [(Killed, Victims, Some(4), Some(4))]
        );
    }

    #[test]
    fn people_between_the_verb_and_to_death() {
        assert_eq!(
            statements("Attackers hacked five villagers to death with machetes."),
            [(Killed, Victims, Some(5), Some(5))]
        );
        assert_eq!(
            statements("A mob beat a teacher to death in the market."),
            [(Killed, Victims, Some(1), Some(1))]
        );
        // The passive keeps its own reading.
        assert_eq!(
            statements("Two men were beaten to death."),
            [(Killed, Victims, Some(2), Some(2))]
        );
        // A threat is no death.
        assert!(statements("They threatened to beat him to death.").is_empty());
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
}
