//! Finding the article in a page: a readability-style score.
//!
//! Every `<p>` that is not inside skipped boilerplate and holds at least 25 characters of
//! text adds its text length to its parent's score and half of it to its grandparent's. The
//! element with the highest score holds the article's paragraphs; when it lies inside an
//! `<article>` element, the innermost such `<article>` is taken instead (it also holds the
//! lead, headings and captions). A page without scoring paragraphs falls back to `<article>`,
//! `<main>`, then `<body>`.

use std::collections::HashMap;

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};

use super::render::{Scope, inline_text, is_skipped};

/// Paragraphs shorter than this (in bytes of collapsed text) do not score: captions, bylines,
/// "Read more" links.
const MIN_PARAGRAPH_BYTES: usize = 25;

/// The element that holds the page's article text.
pub(crate) fn main_container(doc: &Html) -> NodeRef<'_, Node> {
    let root = doc.tree.root();
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    let mut skipping: Option<NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                let Node::Element(element) = node.value() else {
                    continue;
                };
                if is_skipped(element, Scope::Page) {
                    skipping = Some(node.id());
                    continue;
                }
                if element.name() == "p" {
                    let length = inline_text(node, Scope::Page).len();
                    if length >= MIN_PARAGRAPH_BYTES
                        && let Some(parent) = node.parent()
                    {
                        *scores.entry(parent.id()).or_default() += length as f64;
                        if let Some(grandparent) = parent.parent() {
                            *scores.entry(grandparent.id()).or_default() += length as f64 / 2.0;
                        }
                    }
                }
            }
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                }
            }
        }
    }
    let best = scores
        .iter()
        // Ties go to the earlier node, so the choice does not depend on hash order.
        .max_by(|a, b| a.1.total_cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .and_then(|(&id, _)| doc.tree.get(id));
    match best {
        Some(best) => innermost_article(best).unwrap_or(best),
        None => first_element(doc, &["article", "main", "body"]).unwrap_or(root),
    }
}

fn innermost_article(node: NodeRef<'_, Node>) -> Option<NodeRef<'_, Node>> {
    std::iter::successors(Some(node), |n| n.parent()).find(|n| {
        n.value()
            .as_element()
            .is_some_and(|e| e.name() == "article")
    })
}

/// The first element, in document order, named by the first name of `names` that occurs.
fn first_element<'a>(doc: &'a Html, names: &[&str]) -> Option<NodeRef<'a, Node>> {
    names.iter().find_map(|name| {
        doc.tree.root().descendants().find(|n| {
            n.value()
                .as_element()
                .is_some_and(|e| e.name() == *name && !is_skipped(e, Scope::Page))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::render::render;

    fn main_text(html: &str) -> Vec<String> {
        let doc = Html::parse_document(html);
        render(main_container(&doc), Scope::Page)
    }

    #[test]
    fn the_div_with_most_paragraph_text_wins() {
        let html = "<body><div id=teaser><p>A short teaser paragraph that is long enough.</p></div>\
            <div id=story><p>Gunmen attacked a checkpoint in the north of the city.</p>\
            <p>Two police officers were killed and a third was wounded.</p></div></body>";
        assert_eq!(
            main_text(html),
            [
                "Gunmen attacked a checkpoint in the north of the city.",
                "Two police officers were killed and a third was wounded."
            ]
        );
    }

    #[test]
    fn an_enclosing_article_is_preferred() {
        let html = "<body><article><h2>Subhead</h2><div class=body>\
            <p>Gunmen attacked a checkpoint in the north of the city.</p></div></article>\
            <div><p>Unrelated text outside the article element here.</p></div></body>";
        assert_eq!(
            main_text(html),
            [
                "Subhead",
                "Gunmen attacked a checkpoint in the north of the city."
            ]
        );
    }

    #[test]
    fn pages_without_paragraphs_fall_back_to_the_body() {
        assert_eq!(
            main_text("<body><nav>Menu</nav>Just text<br>more</body>"),
            ["Just text", "more"]
        );
    }
}
