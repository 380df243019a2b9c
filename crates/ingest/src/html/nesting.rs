//! A guard against pathologically deep pages, applied before parsing.
//!
//! html5ever's tree builder scans the stack of open elements for many start tags (for a
//! `<div>`, whether a `<p>` is open in button scope), so a page of N nested `<div>`s costs
//! O(N²): 50,000 of them take seconds, and a 16 MiB page of them would take hours. Browsers cap
//! the depth of the tree for the same reason. Here, start tags deeper than [`MAX_DEPTH`] and
//! their end tags are removed from the source before parsing; the text inside them stays, so
//! nothing a reader would see is lost, only structure no real page has.
//!
//! The depth is estimated by a linear scan of the tags: void elements (`br`, `img`…), elements
//! whose end tag is optional (`p`, `li`, `td`…), self-closed tags in SVG and MathML, comments,
//! and the content of raw-text elements (`script`, `style`…) do not count.

use std::borrow::Cow;

/// The deepest nesting of elements kept.
pub(crate) const MAX_DEPTH: usize = 256;

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "frame", "basefont", "bgsound", "image",
];

const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
    "colgroup", "caption", "rb", "rt", "rtc", "rp", "html", "head", "body",
];

const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// `html` with start and end tags deeper than [`MAX_DEPTH`] removed (borrowed when none is).
pub(crate) fn limit_nesting(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out: Option<Vec<u8>> = None;
    // Bytes before `copied` are already in `out` (or need no copy while `out` is `None`).
    let mut copied = 0;
    let mut depth = 0usize;
    // Depths at which open `svg`/`math` elements started: inside them `<x/>` closes itself.
    let mut foreign: Vec<usize> = Vec::new();
    let mut i = 0;
    while let Some(offset) = bytes[i..].iter().position(|&b| b == b'<') {
        let start = i + offset;
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            i = find(bytes, start + 4, b"-->").map_or(bytes.len(), |end| end + 3);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b':' | b'_'))
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            i = start + 1;
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let Some(end) = tag_end(bytes, name_start + name_len) else {
            break;
        };
        let self_closed = bytes[..end].ends_with(b"/");
        i = end + 1;
        let counted = !VOID.contains(&name.as_str()) && !OPTIONAL_END.contains(&name.as_str());
        let drop_tag = if closing {
            if !counted {
                false
            } else {
                let deep = depth > MAX_DEPTH;
                depth = depth.saturating_sub(1);
                if matches!(name.as_str(), "svg" | "math")
                    && let Some(outer) = foreign.pop()
                {
                    depth = outer;
                }
                deep
            }
        } else if counted && (!self_closed || foreign.is_empty()) {
            if matches!(name.as_str(), "svg" | "math") {
                foreign.push(depth);
            }
            depth += 1;
            depth > MAX_DEPTH
        } else {
            false
        };
        if drop_tag {
            let out = out.get_or_insert_with(|| Vec::with_capacity(bytes.len()));
            out.extend_from_slice(&bytes[copied..start]);
            copied = i;
        }
        if !closing && RAW_TEXT.contains(&name.as_str()) {
            // Skip to the end tag: what is inside is not markup.
            let close = format!("</{name}");
            i = find_ignore_case(bytes, i, close.as_bytes()).unwrap_or(bytes.len());
        }
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut out) => {
            out.extend_from_slice(&bytes[copied..]);
            // Only whole tags, which start and end with ASCII bytes, were removed.
            match String::from_utf8(out) {
                Ok(text) => Cow::Owned(text),
                Err(e) => Cow::Owned(String::from_utf8_lossy(e.as_bytes()).into_owned()),
            }
        }
    }
}

/// The index of the `>` that ends the tag whose attributes start at `from`, quotes respected.
fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut quote = None;
    for (i, &b) in bytes.iter().enumerate().skip(from) {
        match (quote, b) {
            (Some(q), b) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return Some(i),
            (None, _) => {}
        }
    }
    None
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn find_ignore_case(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    crate::format::find_ignore_case(bytes.get(from..)?, needle).map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_pages_are_untouched() {
        let html = "<html><body><div class=\"a>b\"><p>One<p>Two<br><img src=x><svg><path d=\"M0\"/></svg>\
                    <script>if (a < b) { x = '<div>'; }</script></div></body></html>";
        assert!(matches!(limit_nesting(html), Cow::Borrowed(_)));
    }

    #[test]
    fn tags_beyond_the_limit_are_removed_and_text_kept() {
        let n = MAX_DEPTH + 100;
        let html = format!("{}deep{}after", "<div>".repeat(n), "</div>".repeat(n));
        let limited = limit_nesting(&html);
        assert_eq!(
            limited,
            format!(
                "{}deep{}after",
                "<div>".repeat(MAX_DEPTH),
                "</div>".repeat(MAX_DEPTH)
            )
        );
    }

    #[test]
    fn many_paragraphs_and_self_closed_svg_children_do_not_count() {
        let html = format!(
            "<div>{}<svg>{}</svg><div>x</div></div>",
            "<p>para".repeat(1000),
            "<path/>".repeat(1000)
        );
        assert!(matches!(limit_nesting(&html), Cow::Borrowed(_)));
    }

    #[test]
    fn broken_markup_does_not_panic() {
        for html in [
            "<",
            "<div",
            "<div class=\"",
            "</",
            "<!--",
            "<é>",
            "<script>",
            "a<b>é</b>",
        ] {
            let _ = limit_nesting(html);
        }
    }
}
