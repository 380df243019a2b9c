//! Reading one item of people: a figure with its noun ("at least 12 people", "a third guard"),
//! or one named or singular person ("Ambassador Christopher Stevens", "the driver", "he"), with
//! the side it is on and the kind of people it names.

use sitrep_model::TargetType;
use sitrep_text::{Quantity, TokenKind, read_quantity};

use super::Side;
use super::counts::is_count;
use super::heads::{BE, head_kind};
use crate::analysis::{Analysis, PersonNoun};

/// One item of a list of people.
#[derive(Debug, Clone, Copy)]
pub(super) struct Item {
    pub(super) quantity: Quantity,
    pub(super) first: usize,
    /// One past the last token.
    pub(super) end: usize,
    pub(super) side: Side,
    pub(super) category: Option<TargetType>,
    pub(super) additional: bool,
}

const GENERIC_PEOPLE: &[&str] = &[
    "people",
    "persons",
    "person",
    "others",
    "other",
    "personnel",
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

/// Words that start a capitalised phrase without naming a person.
pub(super) const NOT_NAMES: &[&str] = &[
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

/// Reads an item of people at token `i`.
pub(super) fn item_at(a: &Analysis<'_>, i: usize, limit: usize, bare_ok: bool) -> Option<Item> {
    if i >= limit {
        return None;
    }
    // "more than 20" is a hedge, not an addition.
    let additional = (a.is_any(i, &["another", "other", "additional", "further", "more"])
        && !a.is(i + 1, "than"))
        || a.is(i.wrapping_sub(1), "other")
        || a.is(i.wrapping_sub(1), "another");
    // Pronouns ("her" only when no noun follows: "her father" is the father).
    let possessive_her = a.is(i, "her")
        && (person_within(a, i + 1, limit, 3).is_some()
            || read_quantity(a.text, &a.tokens, i + 1, false).is_some());
    if a.is_any(i, &["he", "she", "him", "her"]) && !possessive_her {
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
    // "Turabi's son", "Magomedov's driver": a named person's one relative or employee.
    if a.tokens[i].is_capitalized(a.text)
        && a.is_any(i + 1, &["'s", "’s"])
        && let Some((noun, end)) = person_within(a, i + 2, limit, 3)
        && is_singular(a.word(end - 1))
    {
        return Some(one_person(a, noun, i, end, end, additional));
    }
    // A person's name: "Mohammad Omar", or one name with an appositive ("Jan, an Afghan Local
    // Police commander").
    if let Some(item) = named_person(a, i, limit) {
        return Some(item);
    }
    // "One trooper was killed and another was wounded", "killing one and wounding another."
    let clause_ends = |k: usize| {
        k >= limit
            || a.tokens[k].kind == TokenKind::Punct
            || a.is_any(
                k,
                &["and", "in", "on", "at", "when", "as", "while", "during"],
            )
    };
    if bare_ok
        && a.is(i, "another")
        && (BE.iter().any(|b| a.is(i + 1, b))
            || head_kind(a.word(i + 1)).is_some()
            || clause_ends(i + 1))
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
    // "injuring an additional 58": more people of the figure's kind.
    if a.is_any(i, &["a", "an"])
        && a.is(i + 1, "additional")
        && read_quantity(a.text, &a.tokens, i + 2, false).is_some()
        && let Some(item) = item_at(a, i + 2, limit, bare_ok)
    {
        return Some(Item {
            first: i,
            additional: true,
            ..item
        });
    }
    // "his four children", "their two sons", "all 60 passengers": a possessive or "all"
    // before a figure.
    if a.is_any(i, &["his", "her", "their", "its", "all"])
        && read_quantity(a.text, &a.tokens, i + 1, false).is_some()
        && let Some(item) = item_at(a, i + 1, limit, false)
    {
        return Some(Item { first: i, ..item });
    }
    // "a family of four": as many people as the figure says.
    if a.is_any(i, &["a", "the", "an"])
        && a.is(i + 1, "family")
        && a.is(i + 2, "of")
        && i + 3 < limit
        && let Some(n) = sitrep_text::number_word_value(a.word(i + 3))
            .or_else(|| a.word(i + 3).parse().ok())
            .filter(|n| (2..=20).contains(n))
    {
        return Some(Item {
            quantity: Quantity::exact(n),
            first: i,
            end: i + 4,
            side: Side::Victims,
            category: Some(TargetType::PrivateCitizens),
            additional,
        });
    }
    // "the driver", "the bomber", "one soldier", "his driver"
    if a.is_any(i, &["the", "one", "another", "his", "her", "their", "its"]) {
        if let Some((noun, end)) = person_within(a, i + 1, limit, 3)
            && is_singular(a.word(end - 1))
        {
            return Some(one_person(a, noun, i, end, end, additional));
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
        return Some(one_person(a, noun, i, end, end, additional));
    }
    // "killed 23-year-old teacher Ali Demir": an age before a single role, with no article.
    if bare_ok
        && let Some(after_age) = age_end(a, i, limit)
        && let Some((noun, end)) = person_within(a, after_age, limit, 3)
        && is_singular(a.word(end - 1))
    {
        let name_end = name_after_role(a, end, limit).unwrap_or(end);
        return Some(one_person(a, noun, i, name_end, end, additional));
    }
    // "council member Ahmad Karimi", "journalist Ali Hassan": a role before a name.
    if bare_ok
        && let Some((noun, end)) = person_within(a, i, limit, 3)
        && is_singular(a.word(end - 1))
        && let Some(name_end) = name_after_role(a, end, limit)
    {
        return Some(one_person(a, noun, i, name_end, end, additional));
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
    // "his son and one other", "two others".
    if !article
        && skip == e
        && a.is_any(e, &["other", "others"])
        && person_within(a, e, limit, 4).is_none()
    {
        return Some(Item {
            quantity: m.quantity,
            first: i,
            end: e + 1,
            side: Side::Victims,
            category: None,
            additional,
        });
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

/// Words that make a capitalised run an organisation's name, not a person's.
const ORGANISATION_WORDS: &[&str] = &[
    "party",
    "front",
    "army",
    "movement",
    "council",
    "union",
    "committee",
    "association",
    "organization",
    "organisation",
    "ministry",
    "company",
    "corporation",
    "bank",
    "university",
    "brigade",
    "brigades",
    "forces",
    "police",
    "government",
    "authority",
    "commission",
    "league",
    "alliance",
    "congress",
    "assembly",
    "agency",
    "institute",
    "service",
    "services",
    "group",
];

/// A person named at token `i`: two or more capitalised words that are not a place, group or
/// nationality ("Mohammad Omar"), or one such word followed by an appositive person noun.
pub(super) fn named_person(a: &Analysis<'_>, i: usize, limit: usize) -> Option<Item> {
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
    // "Benali's relatives": the name owns the people; "the Nationalist Party": no person.
    let possessive = |k: usize| a.is_any(k, &["'s", "’s"]) || a.word(k) == "'";
    let mut run_end = i;
    while run_end < limit && run_end < i + 4 && a.tokens[run_end].is_capitalized(a.text) {
        run_end += 1;
    }
    if possessive(run_end) || (i..run_end).any(|k| a.is_any(k, ORGANISATION_WORDS)) {
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
pub(super) fn person_within(
    a: &Analysis<'_>,
    i: usize,
    limit: usize,
    window: usize,
) -> Option<(PersonNoun, usize)> {
    let mut j = i;
    // A place's name before the noun counts as one word: "three Democratic Republic of Congo
    // soldiers".
    let mut reach = i + window;
    while j < limit && j < reach {
        if let Some(place) = a
            .names
            .iter()
            .find(|n| n.value.tokens.start == j && n.value.tokens.end > j + 1)
        {
            reach += place.value.tokens.end - j - 1;
            j = place.value.tokens.end;
            continue;
        }
        if let Some((noun, end)) = a.person_at[j] {
            // Take the last person noun of a compound: "police officers", "NATO soldiers",
            // "British special forces soldiers".
            let mut best = (noun, end);
            let mut k = end;
            while k < limit {
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

pub(super) fn is_singular(word: &str) -> bool {
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

/// One person, from token `first` to `end`, described by `noun` (whose words end at
/// `noun_end`).
fn one_person(
    a: &Analysis<'_>,
    noun: PersonNoun,
    first: usize,
    end: usize,
    noun_end: usize,
    additional: bool,
) -> Item {
    Item {
        quantity: Quantity::exact(1),
        first,
        end,
        side: side_of(noun),
        category: category_of(a, noun, noun_end),
        additional,
    }
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

#[cfg(test)]
mod tests {
    use crate::analysis::Analysis;
    use crate::casualties::tests::statements;
    use crate::casualties::{CasualtyKind::*, Side::*};
    use crate::casualties::{Relation, find_casualties};
    use crate::test_support::resources;

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
    fn an_age_before_a_role_is_one_person() {
        assert_eq!(
            statements("Rebels killed 23-year-old teacher Ali Demir in the east."),
            [(Killed, Victims, Some(1), Some(1))]
        );
    }

    #[test]
    fn a_place_named_before_the_noun_is_one_word_of_it() {
        assert_eq!(
            statements("Three Democratic Republic of Congo soldiers were killed in the ambush."),
            [(Killed, Victims, Some(3), Some(3))]
        );
    }

    #[test]
    fn tribesmen_staff_minors_and_blue_helmets_are_people() {
        for (text, n) in [
            ("Thirteen armed tribesmen were killed in the raid.", 13),
            ("Three blue helmets died in the explosion.", 3),
            ("One security staff was killed at the airport.", 1),
            ("Three minors were killed by the grenade.", 3),
        ] {
            assert_eq!(
                statements(text),
                [(Killed, Victims, Some(n), Some(n))],
                "{text}"
            );
        }
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
}
