//! Targets: whom or what an incident was aimed at, with nationality.
//!
//! A target noun counts when the text makes it the object of the attack: the victims of a
//! casualty statement, the object of an attack verb or preposition ("fired at the embassy",
//! "attack on a police checkpoint", "targeting a convoy"), or the subject of a passive attack verb
//! ("The embassy was targeted"). Its nationality comes from a demonym or country name right
//! before it ("South Korean Embassy", "a U.S. consulate"), or, for a diplomatic target without
//! one, from the demonym the article uses most with diplomatic words; other targets default to
//! the country where the incident happened.

use sitrep_geo::NameMatchKind;
use sitrep_model::{ByteSpan, CountryCode, TargetType};

use crate::analysis::{Analysis, Located};
use crate::resources::{Resources, TargetNoun};

const ATTACK_WORDS: &[&str] = &[
    "at",
    "on",
    "against",
    "targeting",
    "targeted",
    "target",
    "attacked",
    "attacking",
    "attack",
    "stormed",
    "storming",
    "hit",
    "hitting",
    "struck",
    "striking",
    "bombed",
    "shelled",
    "raided",
    "ambushed",
    "torched",
    "burned",
    "burnt",
    "fire",
    "killed",
    "killing",
    "wounded",
    "injured",
    "kidnapped",
    "abducted",
    "shot",
    "opened",
    "into",
    "near",
    "outside",
    "inside",
    "assaulted",
    "seized",
    "destroyed",
    "damaged",
    "hijacked",
    "rammed",
    "stabbed",
    "blew",
    "blows",
    "blown",
    "sabotaged",
    "derailed",
    "threw",
    "thrown",
    "hurled",
    "attached",
    "planted",
    "under",
    "flogged",
    "lashed",
    "whipped",
    "beat",
    "beaten",
    "poisoned",
    "executed",
];
/// Verbs of damage to property, whose object (or passive subject) was attacked.
const DAMAGE_VERBS: &[&str] = &[
    "firebombed",
    "fire-bombed",
    "firebombing",
    "vandalized",
    "vandalised",
    "defaced",
    "ransacked",
    "looted",
    "toppled",
];
const PASSIVE_ATTACK: &[&str] = &[
    "targeted",
    "attacked",
    "hit",
    "struck",
    "bombed",
    "shelled",
    "raided",
    "ambushed",
    "torched",
    "burned",
    "stormed",
    "damaged",
    "destroyed",
    "seized",
    "hijacked",
    "set",
    "killed",
    "injured",
    "wounded",
    "shot",
    "assassinated",
    "murdered",
    "unharmed",
    "unhurt",
    "kidnapped",
    "abducted",
];

/// A target with where it was named.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundTarget {
    /// Its type.
    pub kind: TargetType,
    /// Nationality named with it.
    pub nationality: Option<CountryCode>,
    /// Whether the target is a prominent person.
    pub prominent: bool,
    /// Whether the text names the person ("Omar Jan, the district police chief", "police chief
    /// Omar Jan"): an attack on a named person is aimed at that person.
    pub named: bool,
    /// Whether the target is a private or company vehicle named without its owner or
    /// passengers.
    pub vehicle: bool,
    /// The words.
    pub span: ByteSpan,
}

/// Targets of the incident made of `sentences`, in text order, one per (type, nationality).
pub fn find_targets(
    a: &Analysis<'_>,
    r: &Resources,
    sentences: &[usize],
    victim_spans: &[ByteSpan],
) -> Vec<FoundTarget> {
    let mut found: Vec<FoundTarget> = Vec::new();
    let mut consumed: Vec<ByteSpan> = Vec::new();
    for t in a.targets.iter().filter(|t| sentences.contains(&t.sentence)) {
        // "Imam Sahib" is a district, not an imam; but a church is a church even though a
        // town in England is called Church: only a longer place name hides a target noun.
        if consumed.contains(&t.span)
            || a.names.iter().any(|n| {
                matches!(n.value.kind, sitrep_geo::NameMatchKind::Place(_))
                    && n.span.overlaps(&t.span)
                    && n.span.end - n.span.start > t.span.end - t.span.start
            })
        {
            continue;
        }
        // "a car bomb" is a weapon, not a car; "gunmen on a motorcycle" rode it.
        if a.weapons.iter().any(|w| w.span.overlaps(&t.span)) || is_attackers_ride(a, t) {
            continue;
        }
        // "a girls' school": the school, whose owner-word only describes it; but "a police
        // commander's vehicle" was aimed at the commander.
        let after = a.token_at(t.span.end);
        if a.tokens
            .get(after)
            .is_some_and(|tok| tok.span.start == t.span.end)
            && matches!(a.word(after), "'" | "’" | "'s" | "’s")
            && a.targets.iter().any(|u| {
                u.span.start > t.span.end
                    && a.token_at(u.span.start) <= after + 2
                    && !u.value.vehicle
            })
        {
            continue;
        }
        let first = a.token_at(t.span.start);
        if is_transport(t) && (owned_by_possessive(a, first) || only_qualifies(a, t)) {
            continue;
        }
        // "Taliban fighters", "Boko Haram members": a group's own people are its side, not
        // what it attacked.
        if t.value.person
            && a.groups.iter().any(|g| {
                g.span.end <= t.span.start && a.text[g.span.end..t.span.start].trim().is_empty()
            })
        {
            continue;
        }
        // "Police spokesman Abdul Ahad said", "according to a top official": a source.
        if t.value.person && is_source(a, first, a.token_at(t.span.end)) {
            continue;
        }
        // "the vehicle of Haji Ghalib": the person is the target, told of elsewhere.
        if vehicle_of_a_person(a, t) && owner_after(a, t).is_none() {
            continue;
        }
        let in_victims = victim_spans.iter().any(|v| v.contains(&t.span));
        let sentence_start = a.sentence_tokens[t.sentence].start;
        if !(in_victims || is_attack_object(a, first, sentence_start) || is_passive_subject(a, t)) {
            continue;
        }
        let (nationality, start) = nationality_before(a, r, first);
        let own_start = t.span.start;
        // "the offices of a daily newspaper", "the vehicle of a police commander": the owner
        // is the target.
        let (t, end) = match owner_after(a, t) {
            Some(owner) => {
                consumed.push(owner.span);
                (owner, owner.span.end)
            }
            None => (t, t.span.end),
        };
        let span = ByteSpan {
            start: start.unwrap_or(own_start).min(own_start),
            end,
        };
        if found.iter().any(|f| {
            f.kind == t.value.kind && (f.nationality == nationality || nationality.is_none())
        }) {
            continue;
        }
        if let Some(f) = found
            .iter_mut()
            .find(|f| f.kind == t.value.kind && f.nationality.is_none())
        {
            f.nationality = nationality;
            continue;
        }
        found.push(FoundTarget {
            kind: t.value.kind,
            nationality,
            prominent: t.value.prominent,
            named: t.value.person && names_a_person(a, t),
            vehicle: t.value.vehicle,
            span,
        });
    }
    // "Assailants shot and killed Brendan Tevlin": a victim named without a role is a private
    // citizen.
    if found.is_empty()
        && let Some(span) = victim_spans.iter().find_map(|v| named_in(a, *v))
    {
        found.push(FoundTarget {
            kind: TargetType::PrivateCitizens,
            nationality: None,
            prominent: false,
            named: true,
            vehicle: false,
            span,
        });
    }
    // A vehicle leads only when nothing else is named: "a bomb attached to a car exploded
    // outside a mosque" was aimed at the mosque.
    found.sort_by_key(|f| (f.vehicle, f.span.start));
    // "security posts", "security personnel" say only that the target was armed: the police or
    // soldiers the incident names lead ("attacked a security checkpoint … five police officers
    // were killed").
    let generic = |f: &FoundTarget| {
        a.text[f.span.range()]
            .split_whitespace()
            .any(|w| w.eq_ignore_ascii_case("security"))
    };
    if found.first().is_some_and(generic)
        && let Some(k) = found.iter().position(|f| {
            matches!(f.kind, TargetType::Police | TargetType::Military) && !generic(f)
        })
    {
        let specific = found.remove(k);
        found.insert(0, specific);
    }
    found
}

/// A person's name inside the words `span`: two to four capitalised words that are not one
/// place's name and not a group's.
fn named_in(a: &Analysis<'_>, span: ByteSpan) -> Option<ByteSpan> {
    let first = a.token_at(span.start);
    let end = a.token_at(span.end);
    let plain = |k: usize| {
        a.tokens[k].is_capitalized(a.text)
            && a.tokens[k].kind == sitrep_text::TokenKind::Word
            && !a.groups.iter().any(|g| g.span.overlaps(&a.tokens[k].span))
            && !a.is_any(
                k,
                &["The", "A", "An", "In", "On", "At", "He", "She", "They"],
            )
    };
    // A name is not the first word of its sentence alone ("Two" or "Police" open one), and
    // one of its words may be a place ("Ferreira"), not the whole run ("New York").
    let mut k = first;
    while k < end {
        if !plain(k) {
            k += 1;
            continue;
        }
        if let Some(j) = a.name_run(k, end, plain) {
            return Some(a.span(k, j - 1));
        }
        let run_start = k;
        while k < end && k < run_start + 4 && plain(k) {
            k += 1;
        }
    }
    None
}

/// Whether the person noun from token `first` to `end` is who gives the news: a verb of
/// saying follows it (after a name, perhaps) or "according to" comes just before it.
fn is_source(a: &Analysis<'_>, first: usize, end: usize) -> bool {
    let according =
        (first.saturating_sub(5)..first).any(|k| a.is(k, "according") && a.is(k + 1, "to"));
    according || crate::casualties::speaks_at(a, end)
}

/// Whether the person noun `t` is given to a named person: in apposition after a name
/// ("Omar Jan, the district police chief") or before one ("police chief Omar Jan").
fn names_a_person(a: &Analysis<'_>, t: &Located<TargetNoun>) -> bool {
    let first = a.token_at(t.span.start);
    let after = a.token_at(t.span.end);
    let range = a.sentence_tokens[t.sentence].clone();
    let is_name_word = |k: usize| {
        range.contains(&k)
            && a.tokens[k].is_capitalized(a.text)
            && !a.is_any(k, &["The", "A", "An", "In", "On", "At", "And"])
            && !a.names.iter().any(|n| n.value.tokens.start == k)
    };
    // "…, a/the [adjectives] <role>" after a name.
    let appositive = (first.saturating_sub(6).max(range.start)..first).any(|k| {
        a.word(k) == ","
            && a.is_any(k + 1, &["a", "an", "the"])
            && k > range.start
            && is_name_word(k - 1)
            && (k + 2..first).all(|j| a.tokens[j].kind == sitrep_text::TokenKind::Word)
    });
    // "<role> Omar Jan": two capitalised words right after.
    let before_name = is_name_word(after) && is_name_word(after + 1);
    appositive || before_name
}

/// Whether `t` is the vehicle the attackers rode ("gunmen on a motorcycle", "assailants in
/// a car"): a transport noun after "on"/"in" (and an article) right after an attacker word.
fn is_attackers_ride(a: &Analysis<'_>, t: &Located<TargetNoun>) -> bool {
    if !is_transport(t) {
        return false;
    }
    let first = a.token_at(t.span.start);
    let mut k = first;
    if k > 0 && a.is_any(k - 1, &["a", "an", "two", "three", "their", "stolen"]) {
        k -= 1;
    }
    if k == 0 || !a.is_any(k - 1, &["on", "in", "riding", "aboard"]) {
        return false;
    }
    let before = k - 1;
    a.actors
        .iter()
        .any(|x| a.token_at(x.span.end) == before && x.sentence == t.sentence)
}

/// Whether `t` is a vehicle or a means of transport.
fn is_transport(t: &Located<TargetNoun>) -> bool {
    t.value.vehicle || t.value.kind == TargetType::Transportation
}

/// Whether the vehicle whose first token is `first` comes after a possessive ("a police
/// commander's vehicle", "Ahmad's motorcycle"): its owner, named before it, is the target.
fn owned_by_possessive(a: &Analysis<'_>, first: usize) -> bool {
    first >= 2 && matches!(a.word(first - 1), "'s" | "’s" | "'" | "’")
}

/// Whether the transport noun `t` only qualifies what follows: a compound's first noun ("car
/// dealerships", "bus drivers") or a word of a proper name ("Providence Road Baptist Church",
/// "the West Side Highway").
fn only_qualifies(a: &Analysis<'_>, t: &Located<TargetNoun>) -> bool {
    let first = a.token_at(t.span.start);
    let next = a.token_at(t.span.end);
    let compound = a.targets.iter().any(|u| {
        u.span.start >= t.span.end
            && a.token_at(u.span.start) == next
            && a.text[t.span.end..u.span.start].trim().is_empty()
    });
    let sentence_start = a.sentence_tokens[t.sentence].start;
    let in_name = first > sentence_start
        && a.tokens[first].is_capitalized(a.text)
        && a.tokens[first - 1].is_capitalized(a.text)
        && a.tokens[first - 1].kind == sitrep_text::TokenKind::Word;
    compound || in_name
}

/// Where the words that give `t` an owner end: "<t> of", "<t> (that) belonged to", "<t>
/// belonging to", "<t> owned by", and for a vehicle "<t> carrying"; the token after them.
fn owner_words_end(a: &Analysis<'_>, t: &Located<TargetNoun>) -> Option<usize> {
    let mut k = a.token_at(t.span.end);
    if a.is(k, "of") || (is_transport(t) && a.is_any(k, &["carrying", "transporting"])) {
        return Some(k + 1);
    }
    if a.is_any(k, &["that", "which"]) {
        k += 1;
    }
    ((a.is_any(k, &["belonged", "belonging", "belongs"]) && a.is(k + 1, "to"))
        || (a.is(k, "owned") && a.is(k + 1, "by")))
    .then_some(k + 2)
}

/// The target noun that owns `t` in "<t> of <owner>" or "<t> that belonged to <owner>", within
/// five tokens after those words.
fn owner_after<'a>(
    a: &'a Analysis<'_>,
    t: &Located<TargetNoun>,
) -> Option<&'a Located<TargetNoun>> {
    let mut start = owner_words_end(a, t)?;
    // "the vehicle of Haji Ghalib, the Bati Kot district chief": the owner's role after the
    // name.
    let mut name_end = start;
    while name_end < start + 4
        && a.tokens
            .get(name_end)
            .is_some_and(|tok| tok.is_capitalized(a.text))
    {
        name_end += 1;
    }
    if name_end > start && a.word(name_end) == "," && a.is_any(name_end + 1, &["a", "an", "the"]) {
        start = name_end + 2;
    }
    let limit = a
        .tokens
        .get(start + 5)
        .map_or(a.text.len(), |tok| tok.span.start);
    a.targets
        .iter()
        .find(|u| u.span.start > t.span.end && u.span.start < limit && u.sentence == t.sentence)
}

/// Whether the vehicle `t` belongs to a named person, who is then the target and not the
/// vehicle: "the vehicle of Haji Ghalib", "the car that belonged to Milan Radojevic", "Ahmad's
/// motorcycle".
fn vehicle_of_a_person(a: &Analysis<'_>, t: &Located<TargetNoun>) -> bool {
    if !is_transport(t) {
        return false;
    }
    let capitalised = |k: usize| {
        a.tokens
            .get(k)
            .is_some_and(|tok| tok.is_capitalized(a.text))
            && !a.names.iter().any(|n| n.value.tokens.start == k)
    };
    let owner_named = owner_words_end(a, t).is_some_and(|k| capitalised(k) && capitalised(k + 1));
    let first = a.token_at(t.span.start);
    let possessive =
        first >= 2 && matches!(a.word(first - 1), "'s" | "’s") && capitalised(first - 2);
    owner_named || possessive
}

/// Whether the target noun from token `first` is the object of an attack word before it in
/// its sentence (which starts at token `sentence_start`).
fn is_attack_object(a: &Analysis<'_>, first: usize, sentence_start: usize) -> bool {
    // "at the gate of the French Embassy": a part of the target may come between.
    let of_between = (first.saturating_sub(4)..first).any(|k| a.is(k, "of"));
    // "set fire to the Providence Road Baptist Church": the name's words come between too.
    // A possessive inside the name counts as one of its words ("the Concord Women's Clinic").
    let name_words = (0..first.min(5))
        .take_while(|&j| {
            let k = first - 1 - j;
            a.tokens[k].is_capitalized(a.text)
                || (k > 0
                    && matches!(a.word(k), "'s" | "’s")
                    && a.tokens[k - 1].is_capitalized(a.text))
        })
        .count();
    let lo = first
        .saturating_sub(if of_between { 8 } else { 5 } + name_words)
        .max(sentence_start);
    // "an attack by Ugandan rebels": "by" names who attacked, not what.
    (lo..first).rev().any(|i| {
        (a.is_any(i, ATTACK_WORDS) || a.is_any(i, DAMAGE_VERBS))
            && !(i + 1..first).any(|k| a.is(k, "by"))
            && (i + 1..first).all(|k| {
                let w = a.word(k);
                w.chars().next().is_some_and(char::is_alphanumeric)
                    || matches!(w, "-" | "." | "’s" | "'s" | "'" | "’")
            })
    }) || is_named_object_role(a, first)
}

/// "shot Rahim Gul, a senior government official": the role in an appositive after a named
/// object of an attack word (a run of one to four capitalised words).
fn is_named_object_role(a: &Analysis<'_>, first: usize) -> bool {
    // The comma and article before the role (adjectives between allowed).
    let Some(comma) = (first.saturating_sub(5)..first)
        .rev()
        .find(|&k| a.word(k) == "," && a.is_any(k + 1, &["a", "an", "the"]))
    else {
        return false;
    };
    if (comma + 2..first).any(|k| !a.word(k).chars().all(char::is_alphanumeric)) {
        return false;
    }
    let mut k = comma;
    while k > 0 && comma - k < 4 && a.tokens[k - 1].is_capitalized(a.text) {
        k -= 1;
    }
    k < comma && k > 0 && a.is_any(k - 1, ATTACK_WORDS)
}

fn is_passive_subject(a: &Analysis<'_>, t: &Located<TargetNoun>) -> bool {
    let end = a.token_at(t.span.end);
    let range = a.sentence_tokens[t.sentence].clone();
    let hi = (end + 12).min(range.end);
    (end..hi).any(|i| {
        a.is_any(i, &["was", "were"])
            && (i + 1..(i + 4).min(hi))
                .any(|k| a.is_any(k, PASSIVE_ATTACK) || a.is_any(k, DAMAGE_VERBS))
    })
}

/// A demonym or country name within the two tokens before `first` (skipping "the", "a").
fn nationality_before(
    a: &Analysis<'_>,
    r: &Resources,
    first: usize,
) -> (Option<CountryCode>, Option<usize>) {
    let g = &r.gazetteer;
    for n in &a.names {
        let end = n.value.tokens.end;
        if end > first || end + 2 < first {
            continue;
        }
        let code = match &n.value.kind {
            NameMatchKind::Demonym(c) => Some(g.country(*c).code),
            NameMatchKind::Place(places) => places.iter().find_map(|p| match p {
                sitrep_geo::Place::Country(c) => Some(g.country(*c).code),
                _ => None,
            }),
        };
        if code.is_some() {
            return (code, Some(n.span.start));
        }
    }
    (None, None)
}

/// The nationality the article gives diplomatic words most often ("Russian ambassador",
/// "Russian diplomats"), other than `host`.
pub fn diplomatic_nationality(
    a: &Analysis<'_>,
    r: &Resources,
    host: Option<CountryCode>,
) -> Option<CountryCode> {
    let mut counts: Vec<(CountryCode, usize)> = Vec::new();
    for t in a
        .targets
        .iter()
        .filter(|t| t.value.kind == TargetType::Diplomatic)
    {
        let first = a.token_at(t.span.start);
        if let (Some(code), _) = nationality_before(a, r, first)
            && Some(code) != host
        {
            match counts.iter_mut().find(|(c, _)| *c == code) {
                Some((_, n)) => *n += 1,
                None => counts.push((code, 1)),
            }
        }
    }
    counts.into_iter().max_by_key(|(_, n)| *n).map(|(c, _)| c)
}
