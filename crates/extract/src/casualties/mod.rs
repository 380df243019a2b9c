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
//!
//! # How the files fit together
//!
//! [`find_casualties`] reads each sentence in turn, tries a statement at every token, then
//! combines what it found. Reading one statement and combining statements live apart:
//!
//! - `aggregate.rs`: a sentence of running totals ("since 2004", a conflict's toll in the
//!   perfect) is skipped whole;
//! - `statement.rs`: one statement at a head word: its voice, its people, its figure;
//! - `heads.rs`: the head words and the auxiliaries and adverbs around them;
//! - `lists.rs`: the list of people a head is about, forward (object) or backward (subject);
//! - `people.rs`: one item of that list: a figure with its noun, or one named or singular
//!   person;
//! - `counts.rs`: whether a number counts people at all (not an age, time, road, year …);
//! - `toll.rs`: "the death toll rose to 9";
//! - `negation.rs`: "no one was hurt";
//! - `attackers.rs`: attackers counted apart (suicide attackers, "including the bomber");
//! - `repeats.rs`: combining: a statement printed twice counts once.

mod aggregate;
mod attackers;
mod counts;
mod heads;
mod lists;
mod negation;
mod people;
mod repeats;
mod statement;
#[cfg(test)]
mod tests;
mod toll;

pub use aggregate::is_aggregate_sentence;
pub(crate) use lists::speaks_at;

use sitrep_model::{ByteSpan, TargetType};
use sitrep_text::Quantity;

use crate::analysis::Analysis;
use repeats::drop_repeated_additions;
use statement::statement_at;

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
