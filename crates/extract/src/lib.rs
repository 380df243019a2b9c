//! Extraction: one article in, its incidents out.
//!
//! [`extract_article`] is a pure function of the article (cleaned text and publication date)
//! and the compiled [`Resources`]: no files, network, clock or global state. It runs the span
//! finders once over the text ([`analysis`]), reads casualty statements ([`casualties`]),
//! resolves place names with the whole article as context ([`places`]), groups sentences (or
//! their clauses) into incidents ([`segment`]) and assembles each incident with the evidence for
//! every field ([`assemble`]). The main incident comes first; past incidents mentioned for context follow
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

use sitrep_model::{Article, ArticleMeta, ExtractedArticle};

/// Extracts the incidents an article reports. Deterministic; never panics on any text.
pub fn extract_article(article: &Article, resources: &Resources) -> ExtractedArticle {
    let a = analysis::Analysis::new(&article.text, article.published, resources);
    let casualties = casualties::find_casualties(&a);
    let (mut toponyms, evidence) = places::resolve_toponyms(&a, resources);
    toponyms.extend(places::capital_mentions(&a, &resources.gazetteer));
    toponyms.sort_by_key(|t| t.span.start);
    let drafts = segment::segment(&a, &casualties);
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
            return assemble::assemble(&cx, draft, inherited);
        };
        let narrowed = assemble::Context {
            a: &view.analysis,
            casualties: &view.casualties,
            toponyms: &view.toponyms,
            ..cx
        };
        assemble::assemble(&narrowed, draft, inherited)
    };
    // The main incident first: the first one that is not background. Others without a place
    // of their own take its place.
    let main = drafts.iter().position(|d| !d.background).unwrap_or(0);
    let mut incidents = Vec::with_capacity(drafts.len());
    if let Some(draft) = drafts.get(main) {
        incidents.push(build(draft, None));
    }
    for (_, draft) in drafts.iter().enumerate().filter(|(k, _)| *k != main) {
        let other = build(draft, incidents.first());
        incidents.push(other);
    }
    ExtractedArticle {
        article: ArticleMeta::from(article),
        incidents,
    }
}
