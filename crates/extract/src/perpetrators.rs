//! Perpetrators: armed groups and generic attackers named in an incident's sentences, and
//! whether a group claimed the attack.
//!
//! A claim needs the text to say so: "claimed responsibility", "claimed the attack", "claimed its
//! fighters had killed", "took responsibility", "said it carried out". "Suspected", "blamed",
//! "presumed to have ties to" name a perpetrator without a claim, and a negated claim ("No group
//! claimed responsibility", "has not claimed") is none.
//!
//! A group the lexicon does not know still counts when the text gives its name as a name: "a
//! group calling itself Revolutionary Solidarity", "an organisation known as …", "the Anti-Power
//! Struggle claimed responsibility".

use sitrep_model::{ByteSpan, Perpetrator};

use crate::analysis::Analysis;
use crate::resources::Resources;

/// Words after which a group is not the perpetrator but an ally, rival or subject of talk.
const NOT_PERPETRATOR_BEFORE: &[&str] = &[
    "against", "fighting", "fought", "versus", "rival", "defected", "former", "ex",
];

/// A perpetrator with where it was named.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundPerpetrator {
    /// The perpetrator.
    pub perpetrator: Perpetrator,
    /// The words.
    pub span: ByteSpan,
}

/// Perpetrators named in `sentences`, named groups first, claims marked.
pub fn find_perpetrators(
    a: &Analysis<'_>,
    r: &Resources,
    sentences: &[usize],
) -> Vec<FoundPerpetrator> {
    let mut named: Vec<FoundPerpetrator> = Vec::new();
    for g in a.groups.iter().filter(|g| sentences.contains(&g.sentence)) {
        let first = a.token_at(g.span.start);
        if first > 0 && NOT_PERPETRATOR_BEFORE.iter().any(|w| a.is(first - 1, w)) {
            continue;
        }
        let last = a.token_at(g.span.end).saturating_sub(1);
        let claimed = claims(a, g.sentence, first);
        if !claimed && !acts_in_sentence(a, g.sentence, first, last) {
            continue;
        }
        let name = r.groups.group(g.value).name.clone();
        if let Some(existing) = named
            .iter_mut()
            .find(|p| p.perpetrator.name.as_deref() == Some(name.as_str()))
        {
            existing.perpetrator.claimed |= claimed;
            continue;
        }
        named.push(FoundPerpetrator {
            perpetrator: Perpetrator {
                name: Some(name),
                claimed,
                text: a.text[g.span.range()].to_string(),
            },
            span: g.span,
        });
    }
    // A claim sentence may name the group by pronoun: "It claimed the attack" after the group.
    if !named.is_empty() && !named.iter().any(|p| p.perpetrator.claimed) {
        let any_claim = sentences.iter().any(|&s| {
            let range = a.sentence_tokens[s].clone();
            range
                .clone()
                .any(|i| claim_at(a, i) && !negated_claim(a, range.start, i))
                && range.clone().any(|i| {
                    a.is_any(
                        i,
                        &["it", "group", "organisation", "organization", "militants"],
                    )
                })
        });
        if any_claim && named.len() == 1 {
            named[0].perpetrator.claimed = true;
        }
    }
    if !named.is_empty() {
        return named;
    }
    if let Some(own) = self_named_group(a, sentences) {
        return vec![own];
    }
    a.actors
        .iter()
        .filter(|x| sentences.contains(&x.sentence))
        .take(1)
        .map(|x| {
            // Widen to the noun phrase: "a group of unidentified gunmen" stays "unidentified gunmen".
            let first = a.token_at(x.span.start);
            let start = if first > 0
                && a.is_any(
                    first - 1,
                    &[
                        "unidentified",
                        "unknown",
                        "armed",
                        "masked",
                        "suspected",
                        "heavily",
                    ],
                ) {
                a.tokens[first - 1].span.start
            } else {
                x.span.start
            };
            let span = ByteSpan {
                start,
                end: x.span.end,
            };
            FoundPerpetrator {
                perpetrator: Perpetrator {
                    name: None,
                    claimed: false,
                    text: a.text[span.range()].to_string(),
                },
                span,
            }
        })
        .collect()
}

/// Words that make a named group the suspected author: "blamed X", "X is suspected",
/// "presumed to have ties to X", "carried out by X".
const BLAME: &[&str] = &[
    "blamed",
    "blames",
    "blame",
    "blaming",
    "attribute",
    "attributes",
    "suspected",
    "suspect",
    "suspects",
    "accused",
    "accuses",
    "attributed",
    "presumed",
    "believed",
    "thought",
    "responsible",
    "behind",
    "by",
    "perpetrated",
    "alleged",
    "allegedly",
];

/// Verbs and nouns of attack that a group can be the subject of.
const ACTS: &[&str] = &[
    "attack",
    "attacked",
    "attacks",
    "attacking",
    "killed",
    "kills",
    "killing",
    "stormed",
    "storm",
    "ambushed",
    "ambush",
    "abducted",
    "kidnapped",
    "bombed",
    "shot",
    "opened",
    "raided",
    "launched",
    "carried",
    "set",
    "detonated",
    "fired",
    "shelled",
    "struck",
    "hit",
    "seized",
    "executed",
    "beheaded",
    "massacred",
    "massacre",
    "kill",
    "targeted",
    "assaulted",
    "overran",
    "captured",
    "torched",
    "burned",
    "planted",
    "exploded",
    "blew",
    "blows",
    "hijacked",
    "took",
    "damaged",
    "destroyed",
    "hanged",
    "hung",
    "threw",
    "hurled",
    "murdered",
    "assassinated",
    "abduct",
    "kidnap",
    "bomb",
    "shoot",
    "burnt",
];

/// Actor nouns a group name can modify or head: "Boko Haram insurgents", "fighters of IS".
const ACTOR_NOUNS: &[&str] = &[
    "gunmen",
    "gunman",
    "militants",
    "militant",
    "fighters",
    "fighter",
    "insurgents",
    "insurgent",
    "rebels",
    "rebel",
    "guerrillas",
    "guerrilla",
    "members",
    "member",
    "militiamen",
    "jihadists",
    "bomber",
    "bombers",
    "attackers",
    "assailants",
    "cell",
    "operatives",
    "terrorists",
    "men",
    "forces",
    "suicide",
    "cadres",
    "cadre",
    "commandos",
    "loyalists",
    "supporters",
    "squad",
    "unit",
];

/// Whether the group named at tokens `first..=last` acts in its sentence: it is blamed or
/// suspected, it heads or modifies attackers, or an attack verb follows it in its clause.
fn acts_in_sentence(a: &Analysis<'_>, sentence: usize, first: usize, last: usize) -> bool {
    let range = a.sentence_tokens[sentence].clone();
    let lo = first.saturating_sub(6).max(range.start);
    // "the work of X", "police have linked the bomb to X" blame; "groups linked to X operate
    // in the area" describes.
    let linked_by = |k: usize| {
        a.is_any(k, &["link", "links", "linked"])
            && k > 0
            && a.is_any(
                k - 1,
                &[
                    "have",
                    "has",
                    "had",
                    "police",
                    "authorities",
                    "officials",
                    "investigators",
                ],
            )
    };
    let blamed_before = (lo..first).any(|k| {
        a.is_any(k, BLAME)
            || a.is_any(k, &["ties", "loyal", "belonging"])
            || (a.is(k, "work") && a.is(k + 1, "of"))
            || linked_by(k)
    });
    let hi = (last + 5).min(range.end);
    let blamed_after = (last + 1..hi).any(|k| {
        a.is_any(
            k,
            &["suspected", "blamed", "responsible", "behind", "accused"],
        )
    });
    let heads_attackers = a.is_any(last + 1, ACTOR_NOUNS)
        || (first >= 2 && a.is_any(first - 1, &["from", "of"]) && a.is_any(first - 2, ACTOR_NOUNS));
    let acts_after = (last + 1..(last + 10).min(range.end))
        .take_while(|&k| !a.is_any(k, &["and", "but", "while", "whereas"]) || k == last + 1)
        .any(|k| a.is_any(k, ACTS) || head_word(a, k));
    blamed_before || blamed_after || heads_attackers || acts_after
}

fn head_word(a: &Analysis<'_>, k: usize) -> bool {
    a.triggers.iter().any(|t| {
        t.span.start == a.tokens[k].span.start
            && t.value.event_type != sitrep_model::EventType::Unknown
    })
}

/// Whether token `i` starts a claim phrase.
fn claim_at(a: &Analysis<'_>, i: usize) -> bool {
    (a.is_any(i, &["claimed", "claiming", "claims", "claim"])
        && (a.is_any(
            i + 1,
            &[
                "responsibility",
                "credit",
                "the",
                "its",
                "that",
                "it",
                "an",
                "a",
                "to",
                "this",
                "their",
                "his",
            ],
        ) || a.is_any(i + 1, &["of"])))
        || (a.is_any(i, &["took", "taken", "accepted", "assumed", "admitted", "acknowledged"])
            && a.is(i + 1, "responsibility"))
        // "indicated it was responsible for", "said they were responsible for".
        || (a.is_any(
            i,
            &[
                "said", "says", "indicated", "stated", "announced", "admitted", "declared",
                "acknowledged",
            ],
        ) && a.is_any(i + 1, &["it", "they", "he", "she"])
            && a.is_any(i + 2, &["was", "were", "is", "are"])
            && a.is(i + 3, "responsible"))
        || (a.is_any(i, &["said", "says", "admitted"])
            && a.is(i + 1, "it")
            && a.is_any(
                i + 2,
                &[
                    "carried",
                    "was",
                    "had",
                    "killed",
                    "attacked",
                    "conducted",
                    "staged",
                    "launched",
                ],
            ))
}

fn negated_claim(a: &Analysis<'_>, start: usize, i: usize) -> bool {
    let lo = i.saturating_sub(4).max(start);
    (lo..i).any(|k| {
        a.is_any(
            k,
            &[
                "no", "not", "nobody", "none", "yet", "denied", "deny", "denies", "never",
                "neither",
            ],
        )
    })
}

/// Whether the group named at token `first` in `sentence` claims the attack there.
fn claims(a: &Analysis<'_>, sentence: usize, first: usize) -> bool {
    let range = a.sentence_tokens[sentence].clone();
    // "X claimed responsibility …" (the group before the claim, within 15 tokens) or
    // "… was claimed by X" / "claim of responsibility by X".
    let after = (first..range.end.min(first + 16)).find(|&i| claim_at(a, i));
    if let Some(i) = after {
        return !negated_claim(a, range.start, i);
    }
    let lo = first.saturating_sub(8).max(range.start);
    (lo..first)
        .any(|i| a.is(i, "claimed") && a.is(first - 1, "by") && !negated_claim(a, range.start, i))
}

/// Nouns for an organisation that a name can follow: "a group called …".
const ORGANISATION: &[&str] = &[
    "group",
    "organisation",
    "organization",
    "movement",
    "faction",
    "cell",
    "front",
];

/// Phrases after which a name is the author of the attack: "signed by", "perpetrated by",
/// "on behalf of", "in the name of", "claimed by", "the so-called".
const ATTRIBUTIONS: &[&[&str]] = &[
    &["signed", "by"],
    &["perpetrated", "by"],
    &["committed", "by"],
    &["carried", "out", "by"],
    &["claimed", "by"],
    &["on", "behalf", "of"],
    &["in", "the", "name", "of"],
    &["so-called"],
];

/// Small words allowed inside a group's name between capitalised words.
const NAME_JOINERS: &[&str] = &[
    "of", "the", "for", "and", "al", "el", "de", "del", "la", "&", "-", "in",
];

/// Quotation marks that may open or close a name.
const QUOTES: &[&str] = &["'", "\"", "“", "”", "‘", "’"];

fn capitalised(a: &Analysis<'_>, k: usize) -> bool {
    a.word(k)
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// The tokens of a name starting at `start` (after an optional quote and "the"), before `end`:
/// capitalised words, with small joining words inside. `None` when no capitalised word starts
/// it.
fn name_from(a: &Analysis<'_>, start: usize, end: usize) -> Option<(usize, usize)> {
    let mut k = start;
    while k < end && (a.is_any(k, QUOTES) || a.is_any(k, &["the", "a", "an"])) {
        k += 1;
    }
    if k >= end || !capitalised(a, k) || a.is(k, "The") {
        return None;
    }
    let first = k;
    let mut last = k;
    let mut j = k + 1;
    while j < end && j - first < 10 {
        if capitalised(a, j) {
            last = j;
        } else if !a.is_any(j, NAME_JOINERS) {
            break;
        }
        j += 1;
    }
    Some((first, last))
}

/// Words that head the names of armed groups: a capitalised phrase before "claimed" is a
/// group's name only with one of them ("the Anti-Power Struggle"), or with "group" after it;
/// otherwise it is as likely a person or an office.
const ORGANISATION_HEADS: &[&str] = &[
    "front",
    "army",
    "brigade",
    "brigades",
    "movement",
    "organization",
    "organisation",
    "group",
    "cell",
    "cells",
    "struggle",
    "action",
    "faction",
    "committee",
    "committees",
    "party",
    "resistance",
    "liberation",
    "revolutionary",
    "nuclei",
    "forces",
    "commando",
    "commandos",
    "battalion",
    "council",
    "union",
    "league",
    "squad",
    "squads",
    "justice",
    "solidarity",
    "unit",
    "units",
    "legion",
    "federation",
    "alliance",
    "conspiracy",
    "guard",
    "guards",
    "mujahideen",
    "jihad",
    "jamaat",
    "lashkar",
    "jaish",
    "ansar",
    "harakat",
    "tehrik",
    "hizb",
    "kataib",
    "militia",
    "fighters",
    "warriors",
    "tigers",
    "martyrs",
    "insurgency",
    "brothers",
];

/// Capitalised words that are no name: "No group claimed", "It claimed".
const NOT_A_NAME: &[&str] = &[
    "no", "nobody", "none", "it", "they", "he", "she", "we", "this", "that", "another", "any",
    "some", "a", "an", "one", "each", "every", "neither", "either", "other",
];

/// The capitalised words that end just before token `end`, read backwards: "the Anti-Power
/// Struggle" before "claimed". The name needs a word of [`ORGANISATION_HEADS`] or a noun of
/// [`ORGANISATION`] after it.
fn name_before(a: &Analysis<'_>, sentence_start: usize, end: usize) -> Option<(usize, usize)> {
    let (last, needs_head) = if end > sentence_start && a.is_any(end - 1, ORGANISATION) {
        (end.checked_sub(2)?, false)
    } else {
        (end.checked_sub(1)?, true)
    };
    if last < sentence_start || !capitalised(a, last) {
        return None;
    }
    let mut first = last;
    while first > sentence_start {
        let k = first - 1;
        if capitalised(a, k) && !a.is(k, "The") {
            first = k;
        } else if a.is_any(k, NAME_JOINERS)
            && k > sentence_start
            && capitalised(a, k - 1)
            && !a.is(k - 1, "The")
        {
            first = k - 1;
        } else {
            break;
        }
    }
    if a.is_any(first, NOT_A_NAME) {
        return None;
    }
    let headed = (first..=last).any(|k| a.is_any(k, ORGANISATION_HEADS));
    (headed || !needs_head).then_some((first, last))
}

/// Where the name starts after a group's naming of itself at token `i`: "calling itself",
/// "calls themselves", "referring to itself", "describing itself"; `None` when none is there.
fn reflexive_naming(a: &Analysis<'_>, i: usize) -> Option<usize> {
    let reflexive = |k: usize| a.is_any(k, &["itself", "themselves"]);
    if a.is_any(
        i,
        &["calling", "calls", "called", "describing", "describes"],
    ) && reflexive(i + 1)
    {
        Some(i + 2)
    } else if a.is_any(i, &["referring", "refers", "referred"])
        && a.is(i + 1, "to")
        && reflexive(i + 2)
    {
        Some(i + 3)
    } else {
        None
    }
}

/// A group the text names as itself though the lexicon does not know it: "a group calling
/// itself X", "an organisation known as X", "X (group) claimed responsibility". The name is
/// neither a place nor a known group; it is the perpetrator when it claims or acts.
fn self_named_group(a: &Analysis<'_>, sentences: &[usize]) -> Option<FoundPerpetrator> {
    for &s in sentences {
        let range = a.sentence_tokens[s].clone();
        for i in range.clone() {
            let name = if let Some(after) = reflexive_naming(a, i) {
                // "as" may come before the name: "referring to itself as X".
                let start = after + usize::from(a.is(after, "as"));
                name_from(a, start, range.end)
            } else if a.is_any(i, ORGANISATION)
                && (a.is_any(i + 1, &["called", "named"])
                    || (a.is(i + 1, "known") && a.is(i + 2, "as")))
            {
                let skip = if a.is(i + 1, "known") { 3 } else { 2 };
                name_from(a, i + skip, range.end)
            } else if a.is_any(i, ORGANISATION) && a.is(i + 1, ",") {
                // An apposition: "a leftist group, Chukakuha, claimed …".
                name_from(a, i + 2, range.end).filter(|&(_, last)| {
                    last + 1 >= range.end || a.is_any(last + 1, &[",", ".", ";"])
                })
            } else if ATTRIBUTIONS
                .iter()
                .any(|phrase| i >= phrase.len() && a.is_phrase(i - phrase.len(), phrase, i))
            {
                // "signed by the X Brigades", "perpetrated by the X Front": a name headed like
                // a group's, since a person can sign or perpetrate too.
                name_from(a, i, range.end).filter(|&(first, last)| {
                    (first == i || (first == i + 1 && a.is(i, "the")))
                        && (first..=last).any(|k| a.is_any(k, ORGANISATION_HEADS))
                })
            } else if claim_at(a, i) && a.is_any(i, &["claimed", "claims"]) && i > range.start {
                name_before(a, range.start, i)
            } else {
                None
            };
            let Some((first, last)) = name else { continue };
            let span = a.span(first, last);
            let is_place = a.names.iter().any(|n| n.span.overlaps(&span));
            let is_group = a.groups.iter().any(|g| g.span.overlaps(&span));
            if is_place || is_group {
                continue;
            }
            if a.is_any(first, NOT_A_NAME) {
                continue;
            }
            // A name read before "claimed" stands only on a claim that is not denied; one the
            // text introduces as a group's own name claims when its sentence makes a claim.
            let by_claim = claim_at(a, i) && !a.is_any(i, ORGANISATION);
            let claimed = claims(a, s, first)
                || (!by_claim
                    && range
                        .clone()
                        .any(|k| claim_at(a, k) && !negated_claim(a, range.start, k)));
            if !claimed && (by_claim || !acts_in_sentence(a, s, first, last)) {
                continue;
            }
            let text = a.text[span.range()].to_string();
            return Some(FoundPerpetrator {
                perpetrator: Perpetrator {
                    name: Some(text.clone()),
                    claimed,
                    text,
                },
                span,
            });
        }
    }
    None
}
