//! Extraction: one article in, its incidents out.
//!
//! [`extract_article`] is a pure function of the article (cleaned text and publication date)
//! and the compiled [`Resources`]: no files, network, clock or global state. It runs the span
//! finders once over the text ([`analysis`]), reads casualty statements ([`casualties`]),
//! resolves place names with the whole article as context ([`places`]), groups sentences (or
//! their clauses) into incidents ([`segment`]) and assembles each incident with the evidence for
//! every field ([`assemble`]). The main incident comes first; every other incident the article
//! mentions (an earlier attack recalled for context, an attack elsewhere the same day) follows
//! with `background: true`.
//!
//! ```no_run
//! use sitrep_extract::{Resources, extract_article};
//! use sitrep_model::{Article, ArticleId};
//!
//! let resources = Resources::embedded().expect("the embedded data is valid");
//! let text = "Gunmen killed two police officers in Kabul on Monday.".to_string();
//! let article = Article {
//!     id: ArticleId::from_content(&text),
//!     text,
//!     published: Some("2017-05-02".parse().unwrap()),
//!     title: None,
//!     url: None,
//!     source: None,
//! };
//! let out = extract_article(&article, &resources);
//! assert_eq!(out.incidents[0].killed.as_ref().unwrap().min, Some(2));
//! ```
#![deny(missing_docs)]

pub mod analysis;
pub mod assemble;
pub mod casualties;
pub mod choose;
pub mod districts;
mod error;
pub mod event_type;
pub mod groups;
pub mod lexicon;
pub mod outcome;
pub mod perpetrators;
pub mod places;
mod resources;
pub mod segment;
pub mod targets;
#[cfg(test)]
mod test_support;

pub use error::{ResourceError, Result};
pub use resources::{ResourceSources, Resources, Strength, TargetNoun, Trigger};

use sitrep_model::{
    Article, ArticleMeta, Count, Evidence, EvidenceField, ExtractedArticle, Incident,
};
use sitrep_text::Quantity;

use crate::casualties::CasualtyKind;
use crate::choose::toll;

/// Extracts the incidents an article reports. Deterministic; never panics on any text.
pub fn extract_article(article: &Article, resources: &Resources) -> ExtractedArticle {
    extract_with_choices(article, resources).0
}

/// What the learned choices saw in one article: the candidates for each toll of the main
/// incident and the page's features. `sitrep train` fits the models on these, so training
/// and extraction read the same features.
#[derive(Debug, Clone, Default)]
pub struct Choices {
    /// Candidates for the main incident's death toll (victims).
    pub killed: Vec<toll::Candidate>,
    /// Candidates for the main incident's wounded (victims).
    pub wounded: Vec<toll::Candidate>,
    /// The page's relevance features ([`choose::relevance::FEATURES`]).
    pub page: Vec<f64>,
    /// The relevance model's probability that the page reports an incident.
    pub relevance: f64,
    /// Whether the rules found a main incident, before relevance had its say.
    pub has_main: bool,
    /// What the event-type model chose the main incident's type from.
    pub event_type: Option<choose::event::Cues>,
    /// The places the place model chose the main incident's location from.
    pub place: Vec<choose::place::Candidate>,
}

/// A page whose relevance is below this reports no incident of its own.
pub const RELEVANCE_THRESHOLD: f64 = 0.5;

/// [`extract_article`], with what the learned choices saw.
pub fn extract_with_choices(
    article: &Article,
    resources: &Resources,
) -> (ExtractedArticle, Choices) {
    let a = analysis::Analysis::new(&article.text, article.published, resources);
    let casualties = casualties::find_casualties(&a);
    let (toponyms, evidence) = places::article_toponyms(&a, resources);
    let drafts = segment::segment(&a, &casualties, &toponyms, &resources.gazetteer);
    let cx = assemble::Context {
        a: &a,
        r: resources,
        casualties: &casualties,
        toponyms: &toponyms,
        evidence: &evidence,
    };
    // An incident that has a sentence only in part (a clause about another event) sees only
    // its own part of it.
    let build = |draft: &segment::Draft, inherited: Option<&sitrep_model::Incident>| {
        let Some(view) = segment::view(&a, draft, &casualties, &toponyms) else {
            return assemble::assemble_with_cues(&cx, draft, inherited);
        };
        let narrowed = assemble::Context {
            a: &view.analysis,
            casualties: &view.casualties,
            toponyms: &view.toponyms,
            ..cx
        };
        assemble::assemble_with_cues(&narrowed, draft, inherited)
    };
    // The main incident first: the first one that is not background. Others without a place
    // of their own take its place.
    let main = drafts.iter().position(|d| !d.background).unwrap_or(0);
    let mut choices = Choices {
        page: choose::relevance::features(&a, &casualties, &drafts),
        ..Choices::default()
    };
    choices.relevance = resources.models.relevance.probability(&choices.page);
    choices.has_main = drafts.iter().any(|d| !d.background);
    let mut incidents = Vec::with_capacity(drafts.len());
    if let Some(draft) = drafts.get(main) {
        let assembled = build(draft, None);
        let mut incident = assembled.incident;
        if !draft.background {
            choices.event_type = Some(assembled.event);
            choices.place = assembled.places;
            for (kind, model, slot) in [
                (
                    CasualtyKind::Killed,
                    &resources.models.toll_killed,
                    &mut choices.killed,
                ),
                (
                    CasualtyKind::Wounded,
                    &resources.models.toll_wounded,
                    &mut choices.wounded,
                ),
            ] {
                *slot = choose_toll(&a, &casualties, &drafts, main, kind, model, &mut incident);
            }
        }
        // A page that only borrows the words of violence (a match, a crash, a trial) reports
        // no incident of its own; what it tells of with a toll or a culprit stays as an
        // incident mentioned, the rest goes.
        if !draft.background && choices.relevance < RELEVANCE_THRESHOLD {
            incident.background = true;
            let told = incident
                .killed
                .as_ref()
                .is_some_and(|c| c.min.unwrap_or(0) > 0)
                || incident
                    .wounded
                    .as_ref()
                    .is_some_and(|c| c.min.unwrap_or(0) > 0)
                || !incident.perpetrators.is_empty();
            if told {
                incidents.push(incident);
            }
        } else {
            incidents.push(incident);
        }
    }
    let main_incident = incidents.first().filter(|i| !i.background).cloned();
    // Each draft's incident, once built: where an incident without a place of its own looks
    // for the place of the incident it follows.
    let mut built: Vec<Option<usize>> = vec![None; drafts.len()];
    if !incidents.is_empty() {
        built[main] = Some(0);
    }
    for (k, draft) in drafts.iter().enumerate().filter(|(k, _)| *k != main) {
        let inherited = place_to_inherit(draft, &built, &incidents, main_incident.as_ref());
        let mut other = build(draft, inherited.cloned().as_ref()).incident;
        // Whatever else the article tells of, past or the same day elsewhere, is mentioned
        // beside its news, not the news it reports.
        other.background = true;
        built[k] = Some(incidents.len());
        incidents.push(other);
    }
    let extracted = ExtractedArticle {
        article: ArticleMeta::from(article),
        incidents,
    };
    (extracted, choices)
}

/// The incident whose place an incident naming none takes: the one the article was telling
/// when it turned to it, when that one lies in the main incident's country ("Last month, a
/// bombing near the same bank killed 12"), else the main incident.
fn place_to_inherit<'i>(
    draft: &segment::Draft,
    built: &[Option<usize>],
    incidents: &'i [Incident],
    main: Option<&'i Incident>,
) -> Option<&'i Incident> {
    let country = |i: &Incident| i.location.as_ref().map(|l| l.country);
    let parent = draft
        .parent
        .and_then(|p| built.get(p).copied().flatten())
        .map(|k| &incidents[k])
        .filter(|p| p.location.is_some())
        .filter(|p| main.is_none_or(|m| country(m).is_none() || country(m) == country(p)));
    parent.or(main)
}

/// Sets the main incident's figure of `kind` to the candidate the model prefers, with its
/// statements as evidence, when the article gives more than one figure; returns the
/// candidates. The rules' combination of the main incident's statements is one of them.
fn choose_toll(
    a: &analysis::Analysis<'_>,
    casualties: &[casualties::CasualtyStatement],
    drafts: &[segment::Draft],
    main: usize,
    kind: CasualtyKind,
    model: &choose::LinearModel,
    incident: &mut Incident,
) -> Vec<toll::Candidate> {
    let (slot, field) = match kind {
        CasualtyKind::Killed => (&mut incident.killed, EvidenceField::Killed),
        CasualtyKind::Wounded => (&mut incident.wounded, EvidenceField::Wounded),
        CasualtyKind::Kidnapped => (&mut incident.kidnapped, EvidenceField::Kidnapped),
    };
    let combined = slot.as_ref().map(|c| Quantity {
        min: c.min,
        max: c.max,
    });
    let candidates = toll::candidates(a, casualties, drafts, main, kind, combined);
    if candidates.len() < 2 {
        return candidates;
    }
    let Some(chosen) = toll::choose(model, &candidates) else {
        return candidates;
    };
    if Some(chosen.quantity) == combined {
        return candidates;
    }
    let Some(first) = chosen.spans.first() else {
        return candidates;
    };
    *slot = Some(Count {
        min: chosen.quantity.min,
        max: chosen.quantity.max,
        text: a.text[first.range()].to_string(),
    });
    incident.evidence.retain(|e| e.field != field);
    incident
        .evidence
        .extend(chosen.spans.iter().map(|&span| Evidence { field, span }));
    candidates
}
