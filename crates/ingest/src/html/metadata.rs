//! A page's metadata: title, publication date, URL and site name.
//!
//! - title: `og:title`, `twitter:title`, JSON-LD `headline`, `<title>`, the first `<h1>`;
//! - published: the first valid date of the `<meta>` keys in [`PUBLISHED_KEYS`] (property,
//!   name or itemprop), then JSON-LD `datePublished`, then a `<time>` marked `pubdate` or
//!   `itemprop="datePublished"`, then the first `<time datetime>` inside the main text;
//! - url: `<link rel="canonical">`, then `og:url`;
//! - source: `og:site_name`, then JSON-LD `publisher.name`.

use ego_tree::NodeRef;
use jiff::civil::Date;
use scraper::{Html, Node};
use serde_json::Value;

use super::render::{Scope, inline_text};
use crate::article_text::collapse_whitespace;
use crate::dates::date_as_written;

/// Metadata keys that hold the publication date, best first.
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article.published",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "dc.date.issued",
    "dc.date",
    "dcterms.issued",
    "dcterms.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "original-publish-date",
];

/// What a page says about itself.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct PageMeta {
    pub title: Option<String>,
    pub published: Option<Date>,
    pub url: Option<String>,
    pub source: Option<String>,
}

/// Reads the metadata of `doc`; `main` is the element holding the article text.
pub(crate) fn page_meta(doc: &Html, main: NodeRef<'_, Node>) -> PageMeta {
    let mut metas: Vec<(String, String)> = Vec::new();
    let mut canonical = None;
    let mut title_element = None;
    let mut first_h1 = None;
    let mut marked_time = None;
    let mut json_ld = JsonLd::default();
    for node in doc.tree.root().descendants() {
        let Node::Element(element) = node.value() else {
            continue;
        };
        match element.name() {
            "meta" => {
                let key = element
                    .attr("property")
                    .or(element.attr("name"))
                    .or(element.attr("itemprop"));
                if let (Some(key), Some(content)) = (key, element.attr("content")) {
                    metas.push((key.trim().to_ascii_lowercase(), content.to_string()));
                }
            }
            "link" if canonical.is_none() => {
                let rel = element.attr("rel").unwrap_or_default();
                if rel
                    .split_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
                {
                    canonical = element
                        .attr("href")
                        .map(str::trim)
                        .filter(|h| !h.is_empty());
                }
            }
            "title" if title_element.is_none() => {
                title_element = Some(collapse_whitespace(&text_content(node)));
            }
            "h1" if first_h1.is_none() => first_h1 = Some(inline_text(node, Scope::Fragment)),
            "script" => {
                let is_json_ld = element
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                if is_json_ld {
                    json_ld.read(&text_content(node));
                }
            }
            "time" if marked_time.is_none() => {
                let marked = element.attr("pubdate").is_some()
                    || element
                        .attr("itemprop")
                        .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"));
                if marked {
                    marked_time = element.attr("datetime").and_then(date_as_written);
                }
            }
            _ => {}
        }
    }
    let meta = |key: &str| {
        metas
            .iter()
            .find(|(k, v)| k == key && !v.trim().is_empty())
            .map(|(_, v)| collapse_whitespace(v))
    };
    let nonempty = |s: Option<String>| s.filter(|s| !s.is_empty());
    let title = nonempty(meta("og:title"))
        .or_else(|| nonempty(meta("twitter:title")))
        .or_else(|| nonempty(json_ld.headline.clone()))
        .or_else(|| nonempty(title_element))
        .or_else(|| nonempty(first_h1));
    let published = PUBLISHED_KEYS
        .iter()
        .flat_map(|key| metas.iter().filter(move |(k, _)| k == key))
        .find_map(|(_, v)| date_as_written(v))
        .or(json_ld.published)
        .or(marked_time)
        .or_else(|| first_time_inside(main));
    let url = canonical.map(str::to_string).or_else(|| meta("og:url"));
    let source = nonempty(meta("og:site_name")).or_else(|| nonempty(json_ld.publisher));
    PageMeta {
        title,
        published,
        url,
        source,
    }
}

/// All text under a node, as is (for `<title>` and `<script>`, which rendering skips).
fn text_content(node: NodeRef<'_, Node>) -> String {
    node.descendants()
        .filter_map(|n| n.value().as_text().map(|t| &**t))
        .collect()
}

fn first_time_inside(main: NodeRef<'_, Node>) -> Option<Date> {
    main.descendants()
        .filter_map(|n| n.value().as_element())
        .filter(|e| e.name() == "time")
        .find_map(|e| e.attr("datetime").and_then(date_as_written))
}

/// What JSON-LD blocks say about the article.
#[derive(Default)]
struct JsonLd {
    published: Option<Date>,
    headline: Option<String>,
    publisher: Option<String>,
}

impl JsonLd {
    /// Reads one `<script type="application/ld+json">` block; invalid JSON is ignored (pages
    /// carry broken JSON-LD often, and the page text is still good).
    fn read(&mut self, json: &str) {
        let Ok(value) = serde_json::from_str::<Value>(json) else {
            return;
        };
        // Depth-first over every object, without recursion.
        let mut stack = vec![&value];
        while let Some(value) = stack.pop() {
            match value {
                Value::Array(items) => stack.extend(items.iter().rev()),
                Value::Object(map) => {
                    if self.published.is_none() {
                        self.published = map
                            .get("datePublished")
                            .and_then(Value::as_str)
                            .and_then(date_as_written);
                    }
                    if self.headline.is_none() {
                        self.headline = map
                            .get("headline")
                            .and_then(Value::as_str)
                            .map(collapse_whitespace);
                    }
                    if self.publisher.is_none() {
                        self.publisher = map
                            .get("publisher")
                            .and_then(|p| p.get("name"))
                            .and_then(Value::as_str)
                            .map(collapse_whitespace);
                    }
                    stack.extend(map.values().filter(|v| v.is_object() || v.is_array()));
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(html: &str) -> PageMeta {
        let doc = Html::parse_document(html);
        page_meta(&doc, doc.tree.root())
    }

    fn day(s: &str) -> Option<Date> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn open_graph_wins() {
        let m = meta_of(
            "<head><title>Attack | Site</title><meta property=\"og:title\" content=\" Attack  on\n embassy \">\
             <meta property=\"article:published_time\" content=\"2015-04-13T01:20:00+02:00\">\
             <meta property=\"og:site_name\" content=\"Libya Herald\">\
             <link rel=\"canonical\" href=\"https://example.org/a\"></head><body><h1>H</h1></body>",
        );
        assert_eq!(m.title.as_deref(), Some("Attack on embassy"));
        assert_eq!(m.published, day("2015-04-13"));
        assert_eq!(m.source.as_deref(), Some("Libya Herald"));
        assert_eq!(m.url.as_deref(), Some("https://example.org/a"));
    }

    #[test]
    fn json_ld_gives_date_headline_and_publisher() {
        let m = meta_of(
            r#"<head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[
                {"@type":"WebSite","name":"x"},
                {"@type":"NewsArticle","headline":"Blast in Kabul","datePublished":"2016-07-23T10:00:00+04:30",
                 "publisher":{"@type":"Organization","name":"Kabul Times"}}]}</script></head><body></body>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Blast in Kabul"));
        assert_eq!(m.published, day("2016-07-23"));
        assert_eq!(m.source.as_deref(), Some("Kabul Times"));
    }

    #[test]
    fn fallbacks_title_element_h1_and_time() {
        let m = meta_of(
            "<head><title>From title</title></head><body><time datetime=\"2014-06-10\">x</time></body>",
        );
        assert_eq!(m.title.as_deref(), Some("From title"));
        assert_eq!(m.published, day("2014-06-10"));
        let m = meta_of(
            "<body><h1>From <em>h1</em></h1><meta name=\"DC.date\" content=\"2013-01-02\"></body>",
        );
        assert_eq!(m.title.as_deref(), Some("From h1"));
        assert_eq!(m.published, day("2013-01-02"));
    }

    #[test]
    fn invalid_dates_fall_through_to_the_next_key() {
        let m = meta_of(
            "<meta property=\"article:published_time\" content=\"soon\"><meta name=\"pubdate\" content=\"2012-09-11\">",
        );
        assert_eq!(m.published, day("2012-09-11"));
    }
}
