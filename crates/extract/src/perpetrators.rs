//! Perpetrators: armed groups and generic attackers named in an incident's sentences, and
//! whether a group claimed the attack.
//!
//! A claim needs the text to say so: "claimed responsibility", "claimed the attack", "claimed its
//! fighters had killed", "took responsibility", "said it carried out". "Suspected", "blamed",
//! "presumed to have ties to" name a perpetrator without a claim, and a negated claim ("No group
//! claimed responsibility", "has not claimed") is none.

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
    "hijacked",
    "took",
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
    let blamed_before =
        (lo..first).any(|k| a.is_any(k, BLAME) || a.is_any(k, &["ties", "loyal", "belonging"]));
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
