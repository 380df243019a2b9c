//! Reading the list of people a head is about: the object after an active verb ("killing two
//! soldiers and a civilian"), the subject before a passive or intransitive one ("Two police
//! officers … were killed", "one of the injured later died").

use sitrep_text::{Quantity, TokenKind, read_quantity};

use super::heads::{ADVERBS, BE, HeadForm, head_kind};
use super::people::{Item, NOT_NAMES, is_singular, item_at, named_person};
use super::{CasualtyKind, Side};
use crate::analysis::Analysis;

/// Reads a list of items forward from `i`: "two soldiers and a civilian", "Ambassador X and
/// three other Americans"; stops at "including".
pub(super) fn forward_items(a: &Analysis<'_>, mut i: usize, limit: usize) -> Vec<Item> {
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
            // "killed Ali Hassan, a local activist", "killed the mayor, Ali Hassan, and …": a
            // name and a role side by side are one person named twice.
            Some(next)
                if a.word(i) == ","
                    && !a.is(i + 1, "and")
                    && items.last().is_some_and(|prev| apposed(a, prev, &next)) =>
            {
                i = next.end;
                if let Some(prev) = items.last_mut() {
                    prev.end = next.end;
                }
            }
            // "the death of one person and three others were wounded", "the deaths of 3
            // soldiers and 2 others wounded": the subject of a clause of its own.
            Some(next)
                if a.is_any(next.end, &["were", "was"]) && heads_after(a, next.end + 1)
                    || heads_after(a, next.end) =>
            {
                break;
            }
            Some(next) => {
                i = next.end;
                items.push(next);
            }
            // "killed the mayor, Juan Perez, and …": a name set off by commas after a role,
            // even one whose words are also places'.
            None => match name_in_commas(a, i, limit) {
                Some(end) if items.last().is_some_and(|prev| apposed_role(a, prev)) => i = end,
                _ => break,
            },
        }
    }
    items
}

/// The end (the closing comma) of one to three capitalised words between commas from the comma
/// at `comma`.
fn name_in_commas(a: &Analysis<'_>, comma: usize, limit: usize) -> Option<usize> {
    if a.word(comma) != "," || a.is(comma + 1, "and") {
        return None;
    }
    let end = (comma + 1..limit.min(comma + 5)).find(|&k| !a.tokens[k].is_capitalized(a.text))?;
    let words = end - comma - 1;
    ((1..=3).contains(&words) && a.word(end) == "," && !a.is_any(comma + 1, NOT_NAMES))
        .then_some(end)
}

/// A single person named by a role: "the mayor", "a local official".
fn apposed_role(a: &Analysis<'_>, it: &Item) -> bool {
    it.quantity.as_exact() == Some(1)
        && a.is_any(it.first, &["a", "an", "the", "his", "her", "their"])
}

/// The opening comma of an aside about a part of the subject that ends right before the verb
/// phrase at `h`: ", one a woman,", ", two of them children,", ", including two guards,".
fn aside_before(a: &Analysis<'_>, lo: usize, h: usize) -> Option<usize> {
    let mut close = h;
    while close > lo && (a.is_any(close - 1, BE) || a.is_any(close - 1, ADVERBS)) {
        close -= 1;
    }
    let close = close
        .checked_sub(1)
        .filter(|&c| c > lo && a.word(c) == ",")?;
    // ", including a district governor, two guards and a driver,": people named among the
    // figure, however many commas their list holds.
    if let Some(open) = (close.saturating_sub(20).max(lo + 1)..close)
        .rev()
        .find(|&k| a.word(k) == "," && a.is(k + 1, "including"))
        .filter(|&open| (open + 2..close).all(|k| head_kind(a.word(k)).is_none()))
    {
        return Some(open);
    }
    let open = (close.saturating_sub(7).max(lo)..close)
        .rev()
        .find(|&k| a.word(k) == ",")?;
    let part = sitrep_text::number_word_value(a.word(open + 1)).is_some()
        || a.is_any(open + 1, &["most", "many", "some"]);
    // "One of the gunmen, a local man, was killed": an appositive says who the subject is.
    let appositive =
        a.is_any(open + 1, &["a", "an"]) && (open + 2..close).all(|k| !a.is_any(k, &["and", "or"]));
    ((part || appositive) && open > lo).then_some(open)
}

/// People counted by a number just before "of" or "from" and a group that starts at `group`
/// ("Five soldiers of the eastern army", "Two children from the same family"), when a few words
/// at most stand between.
fn counted_before_group(a: &Analysis<'_>, lo: usize, group: usize) -> Option<Item> {
    let prep = (group.saturating_sub(4).max(lo + 1)..group)
        .rev()
        .find(|&k| a.is_any(k, &["of", "from"]))?;
    if (prep + 1..group).any(|k| a.tokens[k].kind != TokenKind::Word) {
        return None;
    }
    let counted = |prep: usize| {
        (prep.saturating_sub(6).max(lo)..prep)
            .find_map(|s| item_at(a, s, prep, false).filter(|it| it.end == prep))
            .filter(|it| it.quantity.as_exact().is_some_and(|n| n > 1) && item_has_person(a, it))
    };
    // "Six members of the International Committee of the Red Cross": the group's own name may
    // hold another "of"; the people are counted before the first.
    counted(prep).or_else(|| {
        let outer = (prep.saturating_sub(5).max(lo + 1)..prep)
            .rev()
            .find(|&k| a.is(k, "of"))?;
        let words = (outer + 1..prep).all(|k| a.tokens[k].kind == TokenKind::Word);
        if words { counted(outer) } else { None }
    })
}

/// The end of a plural noun the lexicon does not know, right after a bare figure and right
/// before the head's verb ("Three street sweepers were hurt", "five tea pickers died"): one
/// to three lower-case words, the last a plural, none of them a weapon, a
/// target, a group, a place, a trigger or a word of the clause's grammar.
fn unlisted_plural_noun(a: &Analysis<'_>, item: &Item, h: usize) -> Option<usize> {
    if item.quantity.min.is_none_or(|n| n < 2) || item.end >= h {
        return None;
    }
    // The figure opens its clause: "of four nationalities were killed" counts something else.
    let opens_clause = item.first == 0 || {
        let before = item.first - 1;
        a.tokens[before].kind == TokenKind::Punct
            || a.is_any(
                before,
                &["and", "but", "while", "as", "when", "after", "then"],
            )
            || a.sentence_tokens.iter().any(|r| r.start == item.first)
    };
    if !opens_clause {
        return None;
    }
    let mut end = item.end;
    while end < h && end < item.end + 3 && is_unlisted_noun_word(a, end) {
        end += 1;
    }
    let plural = end > item.end && {
        let w = a.word(end - 1);
        w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us")
    };
    let verb_follows =
        end < h && (end..h).all(|k| BE.iter().any(|b| a.is(k, b)) || a.is_any(k, ADVERBS));
    let direct = end == h && matches!(head_kind(a.word(h)), Some((_, HeadForm::Intransitive)));
    (plural && (verb_follows || direct)).then_some(end)
}

/// Whether the word at `k` may be a word of a noun the lexicon does not know: lower case, no
/// head, no grammar word, and nothing else the analysis found there.
fn is_unlisted_noun_word(a: &Analysis<'_>, k: usize) -> bool {
    let t = a.tokens[k];
    let span = t.span;
    t.kind == TokenKind::Word
        && a.word(k)
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '-')
        && head_kind(a.word(k)).is_none()
        && !BE.iter().any(|b| a.is(k, b))
        && !a.is_any(k, ADVERBS)
        && !a.is_any(k, GRAMMAR_WORDS)
        && !a.weapons.iter().any(|x| x.span.overlaps(&span))
        && !a.targets.iter().any(|x| x.span.overlaps(&span))
        && !a.triggers.iter().any(|x| x.span.overlaps(&span))
        && !a.groups.iter().any(|x| x.span.overlaps(&span))
        && !a.names.iter().any(|x| x.span.overlaps(&span))
}

/// Words of a clause's grammar, never part of a noun.
const GRAMMAR_WORDS: &[&str] = &[
    "of", "in", "on", "at", "by", "for", "from", "with", "to", "into", "and", "or", "but", "who",
    "which", "that", "had", "have", "has", "after", "before", "when", "while", "as", "the", "a",
    "an", "their", "his", "her", "its", "this", "these", "those", "more", "than", "others",
    "other", "people",
];

/// Whether the head at `j` is a participle that describes the people before it ("Two
/// teachers kidnapped by rebels were later killed", "a man abducted by gunmen was found
/// dead"): followed by its agent, with no "be" before it to make it a clause's verb.
fn reduced_relative(a: &Analysis<'_>, lo: usize, j: usize) -> bool {
    j > lo
        && a.is(j + 1, "by")
        && matches!(head_kind(a.word(j)), Some((_, HeadForm::Verb)))
        && !BE.iter().any(|b| a.is(j - 1, b))
        && !a.is_any(j - 1, ADVERBS)
}

/// Whether the head at `j` is the verb of a relative clause inside the subject ("A sailor who
/// was kidnapped by pirates in May was killed"): "who" or "that" and "be" before it.
fn relative_clause_verb(a: &Analysis<'_>, lo: usize, j: usize) -> bool {
    j >= lo + 3
        && BE.iter().any(|b| a.is(j - 1, b))
        && a.is_any(j - 2, &["who", "that"])
        && a.tokens[j - 3].kind == TokenKind::Word
}

/// The first token of a person's name of one to four capitalised words ending right before
/// `end`: no common word, group or head among them.
fn name_ending_at(a: &Analysis<'_>, lo: usize, end: usize) -> Option<usize> {
    let name_word = |k: usize| {
        a.tokens[k].is_capitalized(a.text)
            && !a.is_any(k, NOT_NAMES)
            && head_kind(a.word(k)).is_none()
            && a.person_at[k].is_none()
            && !a.groups.iter().any(|g| g.span.overlaps(&a.tokens[k].span))
    };
    let mut start = end;
    while start > lo && end - start < 4 && name_word(start - 1) {
        start -= 1;
    }
    (start < end).then_some(start)
}

/// Whether a head stands at `k`, after any adverbs.
fn heads_after(a: &Analysis<'_>, mut k: usize) -> bool {
    while k < a.tokens.len() && a.is_any(k, ADVERBS) {
        k += 1;
    }
    k < a.tokens.len() && head_kind(a.word(k)).is_some()
}

/// Whether the people at `first` follow a head as its object: "killing one person", "the
/// death of one person".
fn object_of_head(a: &Analysis<'_>, first: usize) -> bool {
    let Some(before) = first.checked_sub(1) else {
        return false;
    };
    let head = |k: usize| a.tokens[k].kind == TokenKind::Word && head_kind(a.word(k)).is_some();
    head(before) || (a.is(before, "of") && before > 0 && head(before - 1))
}

/// Whether two single people side by side are one: one of them named ("Ali Hassan"), the
/// other a role ("a local activist", "the mayor").
fn apposed(a: &Analysis<'_>, x: &Item, y: &Item) -> bool {
    let single = |it: &Item| it.quantity.as_exact() == Some(1) && it.side == x.side;
    let named = |it: &Item| {
        named_person(a, it.first, it.end).is_some_and(|n| n.end == it.end)
            || a.tokens[it.first].is_capitalized(a.text) && !a.is_any(it.first, NOT_NAMES)
    };
    single(x) && single(y) && (named(x) && apposed_role(a, y) || apposed_role(a, x) && named(y))
}

/// "along with his driver", "as well as their driver", "together with two guards" after a
/// statement's people or its head: more people of the same statement. The people follow
/// within a few words of `from`, with no other head between.
pub(super) fn people_along_with(a: &Analysis<'_>, from: usize, limit: usize) -> Vec<Item> {
    let reach = limit.min(from + 8);
    for k in from..reach {
        if head_kind(a.word(k)).is_some() || a.word(k) == ";" {
            break;
        }
        let start = if a.is_any(k, &["along", "together"]) && a.is(k + 1, "with") {
            k + 2
        } else if a.is(k, "as") && a.is(k + 1, "well") && a.is(k + 2, "as") {
            k + 3
        } else {
            continue;
        };
        let people = forward_items(a, start, limit);
        // "killed, as well as 10 others injured": people of another figure.
        let end = people.iter().map(|i| i.end).max().unwrap_or(start);
        let other_figure = (start..(end + 2).min(limit)).any(|j| head_kind(a.word(j)).is_some());
        return if other_figure { Vec::new() } else { people };
    }
    Vec::new()
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
    let j = a.name_run(i, limit, |k| capitalised_or_particle(a, k))?;
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

/// A capitalised word, or a name's particle before one ("al-Garawi", "bin", "ibn").
fn capitalised_or_particle(a: &Analysis<'_>, k: usize) -> bool {
    let w = a.word(k);
    a.tokens[k].is_capitalized(a.text)
        || ["al-", "el-", "ad-", "as-", "ash-", "ar-", "an-", "at-"]
            .iter()
            .any(|p| {
                w.len() > p.len() + 1
                    && w.starts_with(p)
                    && w[p.len()..].starts_with(|c: char| c.is_uppercase())
            })
        || (a.is_any(k, &["bin", "ibn", "bint"])
            && a.tokens
                .get(k + 1)
                .is_some_and(|t| t.is_capitalized(a.text)))
}

/// The one person "was killed" speaks of when the subject is no counted noun: "A BBC producer
/// was shot and killed" (a noun phrase the lexicon has no person noun for), "Oscar Polanco, news
/// director at a channel, was shot" (a name at the start of the sentence, then an apposition).
/// Only after a singular "was", whose subject a killing or wounding makes a person.
pub(super) fn singular_subject(a: &Analysis<'_>, start: usize, voice_at: usize) -> Option<Item> {
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

/// Verbs that say who speaks: "police said", "a spokesman told reporters".
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

/// Whether a verb of saying stands at token `i` (or after a name: "a spokesman, Ali Khan,
/// said"), so that the person before it is a source.
pub(crate) fn speaks_at(a: &Analysis<'_>, i: usize) -> bool {
    // "spokesman Lieutenant Mak Hazukay, saying": a rank and a name may come between.
    (i..i + 5).any(|k| a.is_any(k, SAYING))
}

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

/// Finds the subject list before the head at `h`: the nearest item, then items joined to it
/// by "and" or commas.
pub(super) fn backward_items(
    a: &Analysis<'_>,
    start: usize,
    h: usize,
    form: HeadForm,
) -> Vec<Item> {
    let lo = h.saturating_sub(30).max(start);
    // "Two activists, one a woman, were injured": the subject ends before the aside.
    let h = aside_before(a, lo, h).unwrap_or(h);
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
        // killed"); so does a verb of saying, whose subject speaks of the dead ("Bisi Ojo, a
        // spokesman, said no workers had been killed").
        if j + 1 < h
            && ((head_kind(a.word(j)).is_some()
                && a.person_at[j].is_none()
                && !reduced_relative(a, lo, j)
                && !relative_clause_verb(a, lo, j))
                || a.is_any(j, SAYING)
                || a.is(j, "toll")
                || a.word(j) == ";"
                || a.word(j) == ":")
        {
            break;
        }
        if let Some(item) = item_at(a, j, h, true) {
            // The item must reach the head without crossing another clause's verb phrase:
            // accept when the head follows the item within the item's clause.
            // "113 were left injured", "two were found dead": left or found in that state.
            let adjacent = item.end == h
                || (item.end..h).all(|k| {
                    BE.iter().any(|b| a.is(k, b))
                        || ADVERBS.iter().any(|b| a.is(k, b))
                        || k > item.end && a.is_any(k, &["left", "found"])
                });
            let close_noun = matches!(form, HeadForm::Noun) && h - item.end <= 2;
            // "in a rebel attack": a person noun that names the attack's doers, not people.
            let modifies_deed = item.end < h
                && head_kind(a.word(item.end)).is_none()
                && !a.word(item.end).ends_with("ed")
                && a.triggers
                    .iter()
                    .any(|t| t.span.start == a.tokens[item.end].span.start);
            if adjacent || close_noun || (item_has_person(a, &item) && !modifies_deed) {
                nearest = Some(item);
                break;
            }
            if let Some(end) = unlisted_plural_noun(a, &item, h) {
                nearest = Some(Item { end, ..item });
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
    // "Five soldiers of the eastern army", "Two children from the same family": the people
    // counted before "of" or "from", not the group they belong to.
    if nearest.quantity.as_exact().is_none_or(|n| n == 1)
        && let Some(outer) = counted_before_group(a, lo, nearest.first)
    {
        nearest = Item {
            end: nearest.end,
            ..outer
        };
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
        // "A police officer and the two attackers were killed": a determiner before the item.
        if k > lo && a.is(k, "the") && a.is(k - 1, "and") {
            k -= 1;
        }
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
            // "One man, a hospital guard, was injured": two single people side by side that
            // open the clause, before a verb in the singular, are one ("In addition to the
            // assailant, a civilian was killed" names two).
            Some(it)
                if a.word(k) == ","
                    && items.len() == 1
                    && nearest.quantity.as_exact() == Some(1)
                    && it.quantity.as_exact() == Some(1)
                    && (it.first == lo || a.tokens[it.first - 1].kind == TokenKind::Punct)
                    && (nearest.end..h).any(|v| a.is_any(v, &["was", "is", "has"])) =>
            {
                left = it.first;
                items[0].first = it.first;
            }
            // "Two volunteers, Ali Omar and Juan Perez, were killed": the names are the figure's
            // people.
            Some(it)
                if a.word(k) == ","
                    && it
                        .quantity
                        .as_exact()
                        .is_some_and(|n| n as usize == items.len())
                    && items.iter().all(|x| {
                        x.quantity.as_exact() == Some(1)
                            && named_person(a, x.first, x.end).is_some()
                    }) =>
            {
                left = it.first;
                items = vec![Item {
                    end: nearest.end,
                    ..it
                }];
            }
            // "the death of one person and three others were wounded": the object of another
            // head is not of this subject.
            Some(it) if object_of_head(a, it.first) => break,
            // "During the assault, led by about 40 fighters, three guards were
            // killed": the agent of an aside is not among the dead.
            Some(it) if it.first > lo && a.is(it.first - 1, "by") => break,
            Some(it) => {
                left = it.first;
                items.push(it);
            }
            // "Ajmal and his son were killed", "Bismillah and five others": a name before
            // "and" beside a person's kin or "others" is one more person.
            None if a.is(k, "and")
                && items.len() == 1
                && (a.is_any(items[0].first, &["his", "her"])
                    || a.is(items[0].end - 1, "others")) =>
            {
                let Some(start) = name_ending_at(a, lo, k) else {
                    break;
                };
                items.push(Item {
                    quantity: Quantity::exact(1),
                    first: start,
                    end: k,
                    side: Side::Victims,
                    category: None,
                    additional: false,
                });
                left = start;
            }
            None => break,
        }
    }
    // "Eleven people, among them three workers and two soldiers, were killed": the list is a
    // part of the figure before it. (Not when the verb is the list's own: "seven people
    // wounded, including a teacher who later died".)
    if (nearest.end..h).any(|k| a.is_any(k, &["who", "whom", "which", "that"])) {
        return items;
    }
    let mut p = left;
    if p > 0 && a.is_any(p - 1, &["them", "whom"]) && p > 1 && a.is_any(p - 2, &["among", "of"]) {
        p -= 2;
    } else if p > 0 && a.is(p - 1, "including") {
        p -= 1;
    } else if p > 1 && a.is(p - 1, "the") && a.is(p - 2, "including") {
        // "Nine people, including the three attackers, were killed".
        p -= 2;
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

/// Active verbs of attack whose subject is the attacker.
const ACTS_OF_ATTACK: &[&str] = &[
    "stabbed",
    "shot",
    "opened",
    "attacked",
    "killed",
    "fired",
    "detonated",
    "rammed",
    "threw",
    "hurled",
    "stormed",
    "ambushed",
    "kidnapped",
    "abducted",
    "hijacked",
    "bombed",
    "set",
];

/// Two or three capitalised words right before a verb of attack: "Omar Salem opened fire",
/// a person even when a word of the name is also a place's.
fn named_actor(a: &Analysis<'_>, i: usize, limit: usize) -> Option<Item> {
    let j = (i..limit.min(i + 3)).find(|&k| !a.tokens[k].is_capitalized(a.text))?;
    let words = (i..j).all(|k| a.tokens[k].kind == TokenKind::Word && !a.is_any(k, NOT_NAMES));
    let group = a
        .groups
        .iter()
        .any(|g| g.span.overlaps(&a.span(i, j.saturating_sub(1))));
    (j >= i + 2 && words && !group && a.is_any(j, ACTS_OF_ATTACK)).then_some(Item {
        quantity: Quantity::exact(1),
        first: i,
        end: j,
        side: Side::Attackers,
        category: None,
        additional: false,
    })
}

/// What a pronoun or an elided subject stands for (see [`antecedent`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Refers {
    /// "he", "she": one person, in this sentence or the one before.
    One,
    /// "they": more than one, in this sentence or the one before.
    Many,
    /// The subject a coordinated verb leaves out: this sentence's first person.
    Subject,
}

/// Whom a pronoun or an elided subject before token `before` of sentence `sentence` stands for:
/// the first person the sentence names ("A gunman opened fire …, before he was shot dead",
/// "A militant stabbed three tourists and was then shot dead"), or, for a pronoun whose
/// sentence names nobody before it, the first person the sentence before names ("Five
/// soldiers were ambushed. They were later killed").
pub(super) fn antecedent(
    a: &Analysis<'_>,
    sentence: usize,
    before: usize,
    refers: Refers,
) -> Option<Item> {
    let fits = |it: &Item| match refers {
        Refers::One => it.quantity.as_exact() == Some(1),
        Refers::Many => it.quantity.as_exact().is_some_and(|n| n > 1),
        Refers::Subject => true,
    };
    let first_person = |range: std::ops::Range<usize>| {
        range.clone().find_map(|k| {
            let found = item_at(a, k, range.end, true).or_else(|| named_actor(a, k, range.end));
            found.filter(|it| {
                !a.is_any(it.first, &["he", "she", "him", "her", "himself", "herself"])
                    && fits(it)
                    && (it.side == Side::Attackers || item_has_person(a, it))
            })
        })
    };
    let here = a.sentence_tokens.get(sentence)?;
    // Whoever did the violence is an attacker, whatever the noun: "Numan Haider stabbed two
    // officers …. He was then shot dead."
    let as_actor = |mut it: Item| {
        let verb = if a.is_any(it.end, ADVERBS) && !a.is_any(it.end, BE) {
            it.end + 1
        } else {
            it.end
        };
        if a.is_any(verb, ACTS_OF_ATTACK) {
            it.side = Side::Attackers;
        }
        it
    };
    first_person(here.start..before.min(here.end))
        .map(as_actor)
        .or_else(|| {
            let previous = a.sentence_tokens.get(sentence.checked_sub(1)?)?;
            (refers != Refers::Subject)
                .then(|| first_person(previous.clone()))
                .flatten()
                .map(as_actor)
        })
}

fn item_has_person(a: &Analysis<'_>, item: &Item) -> bool {
    if named_person(a, item.first, item.end.max(item.first + 1)).is_some_and(|n| n.end == item.end)
    {
        return true;
    }
    (item.first..item.end).any(|k| a.person_at.get(k).is_some_and(Option::is_some))
        || item.end - item.first == 1 && a.is_any(item.first, &["he", "she"])
}

#[cfg(test)]
mod tests {
    use crate::analysis::Analysis;
    use crate::casualties::tests::statements;
    use crate::casualties::{CasualtyKind::*, Side::*};
    use crate::casualties::{Relation, find_casualties};
    use crate::test_support::resources;

    #[test]
    fn a_speaker_is_not_the_subject_of_what_they_report() {
        // The named spokesman said the words; nobody was killed.
        let found = statements(
            "Ada Obi, a spokeswoman for the company that runs the field, said none of its \
             workers had been killed.",
        );
        assert!(
            !found
                .iter()
                .any(|s| s.0 == Killed && s.2.is_some_and(|n| n > 0)),
            "{found:?}"
        );
        // The speaker still ends nothing before a head that follows the subject.
        assert_eq!(
            statements("Police said two guards were killed."),
            [(Killed, Victims, Some(2), Some(2))]
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
        // "personnel" are people of no one kind, like "others".
        assert_eq!(
            statements("The bomb killed a commander, ten other personnel and seven civilians."),
            [(Killed, Victims, Some(18), Some(18))]
        );
    }

    #[test]
    fn lists_with_possessives_families_and_others() {
        for (text, n) in [
            (
                "Insurgents shelled the house, killing his four children and their uncle.",
                5,
            ),
            ("Rebels killed a family of four.", 4),
            ("Gunmen shot and killed all 60 mourners.", 60),
            ("Ajmal and his son were killed in the attack.", 2),
            (
                "A commander named Jama Khan and his bodyguard were killed.",
                2,
            ),
            ("Bismillah and five others were killed in the attack.", 6),
            ("Her father and two soldiers were killed.", 3),
            ("Gunmen killed his son and one other.", 2),
            ("A policeman and a defense volunteer were killed.", 2),
        ] {
            assert_eq!(
                statements(text),
                [(Killed, Victims, Some(n), Some(n))],
                "{text}"
            );
        }
    }

    #[test]
    fn people_along_with_the_figure_add_to_it() {
        for (text, n) in [
            (
                "Gunmen shot and killed a cleric, Karim Benali, along with his driver.",
                2,
            ),
            (
                "All three engineers were killed in the attack, as well as their driver.",
                4,
            ),
            (
                "The mayor died in the explosion, along with his son and one other.",
                3,
            ),
        ] {
            assert_eq!(
                statements(text),
                [(Killed, Victims, Some(n), Some(n))],
                "{text}"
            );
        }
        // People of another figure are not added.
        let s = statements("Ten people were killed as well as 10 others injured.");
        assert!(s.contains(&(Killed, Victims, Some(10), Some(10))), "{s:?}");
        assert!(s.contains(&(Wounded, Victims, Some(10), Some(10))), "{s:?}");
    }

    #[test]
    fn a_person_named_and_described_is_one() {
        for (text, n) in [
            ("Rebels stabbed to death Karim Benali, a local activist.", 1),
            (
                "Gunmen killed the mayor, Karim Benali, and six of his followers.",
                7,
            ),
            // A name that is also a place's, set off by commas after a role.
            (
                "Gunmen killed the mayor, Juan Perez, and six of his followers.",
                7,
            ),
            (
                "Two volunteers, Karim Benali and Omar Haddad, were killed by gunmen.",
                2,
            ),
            // Two named people, or two roles, are two.
            (
                "Gunmen killed Karim Benali, Omar Haddad and a policeman.",
                3,
            ),
            ("Gunmen killed a soldier, a policeman, and a civilian.", 3),
        ] {
            assert_eq!(
                statements(text),
                [(Killed, Victims, Some(n), Some(n))],
                "{text}"
            );
        }
    }

    #[test]
    fn names_that_are_no_person() {
        // A possessive name owns the people; an organisation's name is no person.
        let s = statements("Three of Benali's relatives were also killed in the attack.");
        assert_eq!(s, [(Killed, Victims, Some(3), Some(3))]);
        let s = statements("Three members of the Nationalist Party (NP) were killed by rebels.");
        assert_eq!(s, [(Killed, Victims, Some(3), Some(3))]);
        // A named person's one relative is one person.
        assert_eq!(
            statements("The explosion injured Turabi's son and one of his guards."),
            [(Wounded, Victims, Some(2), Some(2))]
        );
        // A name with its particle is one.
        assert_eq!(
            statements("Gunmen killed Mohammed al-Garawi."),
            [(Killed, Victims, Some(1), Some(1))]
        );
    }

    #[test]
    fn the_people_counted_before_their_group_are_the_figure() {
        assert_eq!(
            statements("Two children from the same family died in the blast."),
            [(Killed, Victims, Some(2), Some(2))]
        );
        assert_eq!(
            statements("Six members of the International Committee of the Red Cross were killed."),
            [(Killed, Victims, Some(6), Some(6))]
        );
        assert_eq!(
            statements("Four soldiers of the border army were killed in an ambush."),
            [(Killed, Victims, Some(4), Some(4))]
        );
        // "One of the soldiers": one, not the group.
        assert_eq!(
            statements("One of the soldiers was killed."),
            [(Killed, Victims, Some(1), Some(1))]
        );
    }

    #[test]
    fn a_participle_with_its_agent_describes_the_people_before_it() {
        let s = statements("Two teachers kidnapped by rebels last month were killed.");
        assert!(s.contains(&(Killed, Victims, Some(2), Some(2))), "{s:?}");
        let s = statements("A driver abducted by gunmen was found dead near the road.");
        assert!(s.contains(&(Killed, Victims, Some(1), Some(1))), "{s:?}");
        // So does a relative clause's verb.
        let s = statements("A sailor who was kidnapped by pirates in May was killed.");
        assert!(s.contains(&(Killed, Victims, Some(1), Some(1))), "{s:?}");
        // A clause's own verb in the passive still ends the search: the dead are the others.
        assert_eq!(
            statements("Two teachers were kidnapped by rebels and five guards killed."),
            [
                (Kidnapped, Victims, Some(2), Some(2)),
                (Killed, Victims, Some(5), Some(5))
            ]
        );
    }

    #[test]
    fn a_clause_of_its_own_ends_the_list() {
        let s =
            statements("The attack led to the death of one person and three others were wounded.");
        assert_eq!(
            s,
            [
                (Killed, Victims, Some(1), Some(1)),
                (Wounded, Victims, Some(3), Some(3))
            ]
        );
        // "2 others wounded": a reduced clause, its figure its own head's.
        assert_eq!(
            statements(
                "A mine hit the truck, causing the deaths of 4 guards and 6 others wounded."
            ),
            [
                (Killed, Victims, Some(4), Some(4)),
                (Wounded, Victims, Some(6), Some(6))
            ]
        );
        assert_eq!(
            statements("Two American nationals, their interpreter and one policeman were killed."),
            [(Killed, Victims, Some(4), Some(4))]
        );
    }

    #[test]
    fn an_aside_about_some_of_the_subject() {
        assert_eq!(
            statements("Two activists of the party, one a woman, were injured in the blast."),
            [(Wounded, Victims, Some(2), Some(2))]
        );
        assert_eq!(
            statements("Nine villagers, most of them farmers, were killed."),
            [(Killed, Victims, Some(9), Some(9))]
        );
        // The people named after "including" are among the figure, commas and all.
        for text in [
            "Four officials, including a mayor, two aides, and a police chief, were injured.",
            "Four other people, including Karim, a local commander, were injured.",
        ] {
            assert_eq!(
                statements(text),
                [(Wounded, Victims, Some(4), Some(4))],
                "{text}"
            );
        }
    }

    #[test]
    fn the_people_a_figure_counted_before_are_that_figure() {
        let s = statements("Three gunmen stormed the hotel. The gunmen were later shot dead.");
        assert_eq!(s, [(Killed, Attackers, Some(3), Some(3))]);
        // Another noun is other people, not counted.
        let s = statements("Two guards were wounded. The attackers were killed.");
        assert_eq!(s, [(Wounded, Victims, Some(2), Some(2))]);
    }

    #[test]
    fn they_stands_for_the_people_named_before() {
        let s = statements("Three men were abducted near the town. They were later beheaded.");
        assert!(s.contains(&(Killed, Victims, Some(3), Some(3))), "{s:?}");
        let s = statements("Two gunmen stormed the bank. They were later killed by police.");
        assert_eq!(s, [(Killed, Attackers, Some(2), Some(2))]);
        // "they" as the subject of a verb of saying counts nobody.
        let s = statements("Police arrested two suspects. They said five people died.");
        assert_eq!(s, [(Killed, Victims, Some(5), Some(5))]);
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
}
