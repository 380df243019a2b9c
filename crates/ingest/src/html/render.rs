//! HTML tree → text: paragraphs and headings separated by blank lines.
//!
//! Block elements (`p`, `div`, headings, list items, table rows, `br`…) end a paragraph;
//! whitespace inside a paragraph collapses to single spaces; entities are already decoded by
//! the parser. Elements that never hold article text (`script`, `style`, `nav`, `footer`,
//! `form`…) are skipped with everything inside them; on whole pages, so are elements whose
//! class, id or ARIA role says they are boilerplate (comments, share bars, related links,
//! newsletter and cookie banners, menus, sidebars, adverts).
//!
//! Traversal is iterative, so deeply nested pages cannot overflow the stack.

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::Node;
use scraper::node::Element;

/// Which skipping rules apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// A whole web page: tag rules and class/id/role boilerplate rules.
    Page,
    /// A fragment of article content (a feed entry's body): tag rules only.
    Fragment,
}

/// Elements skipped with their content, wherever they are.
const SKIPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg",
    "button", "template", "select", "option", "textarea", "object", "embed", "canvas", "audio",
    "video", "map", "head", "title", "menu", "dialog",
];

/// Elements that start and end a paragraph.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "br",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hgroup",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "ul",
    "body",
    "html",
    "center",
    "legend",
];

/// Words in a class or id that mark boilerplate (matched inside each class/id token).
const BOILERPLATE_WORDS: &[&str] = &[
    "comment",
    "share",
    "sharing",
    "social",
    "related",
    "newsletter",
    "subscribe",
    "cookie",
    "consent",
    "gdpr",
    "menu",
    "sidebar",
    "footer",
    "advert",
    "sponsor",
    "promo",
    "breadcrumb",
    "popup",
    "modal",
    "paywall",
    "recommend",
    "most-read",
    "mostread",
    "trending",
    "outbrain",
    "taboola",
    "skip-link",
    "skiplink",
];

/// Whole class/id tokens (split at `-` and `_`) that mark boilerplate.
const BOILERPLATE_TOKENS: &[&str] = &[
    "ad",
    "ads",
    "nav",
    "navbar",
    "banner",
    "tags",
    "byline-share",
];

/// ARIA roles of boilerplate.
const BOILERPLATE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "menu",
    "menubar",
    "dialog",
    "alertdialog",
];

/// Elements that hold the article and are never dropped for their class (a `<body
/// class="has-sidebar">` must not lose the page).
const NEVER_BOILERPLATE: &[&str] = &["html", "body", "main", "article"];

/// Whether `element` and its content are skipped under `scope`.
pub(crate) fn is_skipped(element: &Element, scope: Scope) -> bool {
    let name = element.name();
    if SKIPPED_TAGS.contains(&name) {
        return true;
    }
    if element.attr("hidden").is_some()
        || element
            .attr("aria-hidden")
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
    {
        return true;
    }
    if scope == Scope::Fragment || NEVER_BOILERPLATE.contains(&name) {
        return false;
    }
    if element.attr("role").is_some_and(|role| {
        BOILERPLATE_ROLES
            .iter()
            .any(|r| role.trim().eq_ignore_ascii_case(r))
    }) {
        return true;
    }
    let class_tokens = element
        .attr("class")
        .into_iter()
        .flat_map(str::split_whitespace);
    let id_tokens = element.attr("id").into_iter();
    class_tokens.chain(id_tokens).any(is_boilerplate_token)
}

fn is_boilerplate_token(token: &str) -> bool {
    let token = token.to_ascii_lowercase();
    BOILERPLATE_WORDS.iter().any(|w| token.contains(w))
        || token
            .split(['-', '_'])
            .any(|part| BOILERPLATE_TOKENS.contains(&part))
}

pub(crate) fn is_block(name: &str) -> bool {
    BLOCK_TAGS.contains(&name)
}

/// Paragraphs being built from text pieces.
#[derive(Default)]
pub(crate) struct Paragraphs {
    done: Vec<String>,
    current: String,
    pending_space: bool,
}

impl Paragraphs {
    /// Appends text, collapsing whitespace.
    pub(crate) fn push_text(&mut self, text: &str) {
        for (i, word) in text.split(char::is_whitespace).enumerate() {
            if i > 0 {
                self.pending_space = true;
            }
            if word.is_empty() {
                continue;
            }
            if self.pending_space && !self.current.is_empty() {
                self.current.push(' ');
            }
            self.pending_space = false;
            self.current.push_str(word);
        }
    }

    /// A soft separator (between table cells).
    pub(crate) fn push_space(&mut self) {
        self.pending_space = true;
    }

    /// Ends the current paragraph, if it has text.
    pub(crate) fn end_block(&mut self) {
        if !self.current.is_empty() {
            self.done.push(std::mem::take(&mut self.current));
        }
        self.pending_space = false;
    }

    /// The paragraphs, in order.
    pub(crate) fn finish(mut self) -> Vec<String> {
        self.end_block();
        self.done
    }
}

/// Renders the text under `root` (itself included) as paragraphs.
pub(crate) fn render(root: NodeRef<'_, Node>, scope: Scope) -> Vec<String> {
    let mut out = Paragraphs::default();
    let mut skipping: Option<ego_tree::NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(text) => out.push_text(text),
                    Node::Element(element) => {
                        if is_skipped(element, scope) {
                            skipping = Some(node.id());
                        } else if is_block(element.name()) {
                            out.end_block();
                        } else if matches!(element.name(), "td" | "th") {
                            out.push_space();
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                    continue;
                }
                if skipping.is_some() {
                    continue;
                }
                if let Node::Element(element) = node.value() {
                    if is_block(element.name()) {
                        out.end_block();
                    } else if matches!(element.name(), "td" | "th") {
                        out.push_space();
                    }
                }
            }
        }
    }
    out.finish()
}

/// The text of a node with whitespace collapsed, skipped elements left out, blocks joined by
/// spaces (for titles, headings and scoring).
pub(crate) fn inline_text(root: NodeRef<'_, Node>, scope: Scope) -> String {
    render(root, scope).join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn text_of(html: &str, scope: Scope) -> Vec<String> {
        let doc = Html::parse_document(html);
        render(doc.tree.root(), scope)
    }

    #[test]
    fn blocks_become_paragraphs_and_whitespace_collapses() {
        let paragraphs = text_of(
            "<body><h2>Attack  in\n Tripoli</h2><p>Gunmen <b>opened</b>\n\tfire &amp; fled.</p>\
             <ul><li>one</li><li>two</li></ul>first<br>second</body>",
            Scope::Page,
        );
        assert_eq!(
            paragraphs,
            [
                "Attack in Tripoli",
                "Gunmen opened fire & fled.",
                "one",
                "two",
                "first",
                "second"
            ]
        );
    }

    #[test]
    fn boilerplate_is_skipped_on_pages_only() {
        let html = "<body><div class=\"share-bar\">Share this</div><p>Story.</p>\
                    <script>var x = 1;</script><nav>Home</nav></body>";
        assert_eq!(text_of(html, Scope::Page), ["Story."]);
        assert_eq!(text_of(html, Scope::Fragment), ["Share this", "Story."]);
    }

    #[test]
    fn class_rules_spare_the_body_and_unrelated_words() {
        let html = "<body class=\"has-sidebar\"><div class=\"header-image\"></div>\
                    <div class=\"adventure\"><p>Kept.</p></div><div class=\"ad-slot\">Ad</div></body>";
        assert_eq!(text_of(html, Scope::Page), ["Kept."]);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        // Inline elements nest without html5ever's quadratic cost.
        let html = format!(
            "{}deep{}",
            "<span>".repeat(50_000),
            "</span>".repeat(50_000)
        );
        assert_eq!(text_of(&html, Scope::Page), ["deep"]);
    }
}
