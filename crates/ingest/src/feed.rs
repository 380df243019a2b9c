//! Feeds (RSS 0.9x/1.0/2.0, Atom, JSON Feed, parsed by `feed-rs`): one article per entry.
//!
//! - id: the entry's id (RSS `guid`, Atom `id`), else its link, else the content hash of its
//!   text. (feed-rs would invent a random id for an entry without one; ids here are stable.)
//! - title: the entry title; text: the entry's content, else its summary, HTML rendered to
//!   text with the same code as pages (paragraphs separated by blank lines), no boilerplate
//!   detection.
//! - published: the entry's published date, else its updated date, else
//!   [`ReadOptions::default_published`], always the calendar date as written in the feed's own
//!   offset (see `dates`).
//! - url: the entry's first link (an `alternate` one when there are several); source: the feed
//!   title.
//!
//! A feed that cannot be parsed is one error naming the file. A truncated XML feed (it does not
//! end with its root's closing tag) is cut after the last complete `</item>` or `</entry>` and
//! closed; the entries before the break are returned, followed by one
//! [`IngestError::Truncated`] error.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use feed_rs::model::{Entry, Feed, Text};
use jiff::civil::Date;
use sitrep_model::{Article, ArticleId};

use crate::ReadOptions;
use crate::article_text::{check_text, collapse_whitespace};
use crate::dates::date_as_written;
use crate::error::{IngestError, Origin, RecordRef, Result};
use crate::html::fragment_to_text;
use crate::source::{WholeRead, read_error};

/// Reads a feed document.
pub(crate) fn read_feed(
    read: WholeRead,
    at: &Origin,
    options: &ReadOptions,
) -> Vec<Result<Article>> {
    let mut items = Vec::new();
    if read.cut {
        items.push(Err(IngestError::Cut {
            at: at.clone(),
            what: "feed",
            limit_bytes: read.limit_bytes,
        }));
    }
    let ended_early = read.error.is_some() || read.cut;
    if read.bytes.iter().all(u8::is_ascii_whitespace) {
        items.extend(read.error.map(|e| Err(read_error(at, e))));
        items.push(Err(IngestError::Empty { at: at.clone() }));
        return items;
    }
    let root = xml_root(&read.bytes);
    let complete = !ended_early
        && root
            .as_ref()
            .is_none_or(|root| ends_with_closing(&read.bytes, root));
    let parsed = if complete {
        parse(&read.bytes).map(|feed| (feed, false))
    } else {
        match root
            .as_ref()
            .and_then(|root| repair_truncated(&read.bytes, root))
        {
            Some(repaired) => parse(&repaired).map(|feed| (feed, true)),
            None => Err("the feed ends before its first complete entry".to_string()),
        }
    };
    match parsed {
        Ok((feed, truncated)) => {
            items.extend(feed_articles(&feed, at, options));
            if let Some(e) = read.error {
                items.push(Err(read_error(at, e)));
            } else if truncated && !read.cut {
                let what = format!(
                    "feed: {} entries before the break were read",
                    feed.entries.len()
                );
                items.push(Err(IngestError::Truncated {
                    at: at.clone(),
                    what,
                }));
            }
        }
        Err(message) => match read.error {
            Some(e) => items.push(Err(read_error(at, e))),
            None if !complete && root.is_some() => {
                items.push(Err(IngestError::Truncated {
                    at: at.clone(),
                    what: format!("feed ({message})"),
                }));
            }
            None => items.push(Err(IngestError::Feed {
                at: at.clone(),
                message,
            })),
        },
    }
    items
}

/// The moment each entry of a feed says it was published (else updated), by the id its
/// article gets (the entry's id, else its link; an entry with neither is left out). Unlike the
/// articles' dates, these are instants: for measuring how long an item took to be stored, not
/// for anchoring its text. A body that does not parse gives none.
pub fn entry_times(bytes: &[u8]) -> Vec<(ArticleId, jiff::Timestamp)> {
    let parser = feed_rs::parser::Builder::new()
        .id_generator(|_, _, _| String::new())
        .build();
    let Ok(feed) = parser.parse(bytes) else {
        return Vec::new();
    };
    feed.entries
        .iter()
        .filter_map(|entry| {
            let id = if entry.id.trim().is_empty() {
                let url = entry_url(entry)?;
                ArticleId::new(url.as_str())
            } else {
                ArticleId::new(entry.id.trim())
            };
            let at = entry.published.or(entry.updated)?;
            let at = jiff::Timestamp::from_second(at.timestamp()).ok()?;
            Some((id, at))
        })
        .collect()
}

/// An entry's link: the `alternate` one, else the first.
fn entry_url(entry: &Entry) -> Option<String> {
    entry
        .links
        .iter()
        .find(|l| {
            l.rel
                .as_deref()
                .is_none_or(|r| r.eq_ignore_ascii_case("alternate"))
        })
        .or(entry.links.first())
        .map(|l| l.href.trim().to_string())
        .filter(|h| !h.is_empty())
}

fn parse(bytes: &[u8]) -> std::result::Result<Feed, String> {
    let parser = feed_rs::parser::Builder::new()
        // Leave missing ids empty: feed-rs would generate random ones.
        .id_generator(|_, _, _| String::new())
        .timestamp_parser(wall_clock_timestamp)
        .build();
    parser.parse(bytes).map_err(|e| e.to_string())
}

/// Reads a feed timestamp as the calendar date written in it, stored as midnight "UTC" so that
/// feed-rs does not shift it to another day.
fn wall_clock_timestamp(text: &str) -> Option<DateTime<Utc>> {
    let date = date_as_written(text)?;
    let naive = NaiveDate::from_ymd_opt(
        i32::from(date.year()),
        date.month() as u32,
        date.day() as u32,
    )?;
    Some(naive.and_hms_opt(0, 0, 0)?.and_utc())
}

fn to_date(timestamp: &DateTime<Utc>) -> Option<Date> {
    let day = timestamp.date_naive();
    Date::new(
        i16::try_from(day.year()).ok()?,
        day.month() as i8,
        day.day() as i8,
    )
    .ok()
}

fn feed_articles(feed: &Feed, at: &Origin, options: &ReadOptions) -> Vec<Result<Article>> {
    let source = feed.title.as_ref().map(text_of).filter(|t| !t.is_empty());
    let mut items = Vec::new();
    for (i, entry) in feed.entries.iter().enumerate() {
        let label = (!entry.id.is_empty()).then(|| format!("id {:?}", entry.id));
        let at = at.with_record(RecordRef::Numbered {
            kind: "entry",
            number: i as u64 + 1,
            label,
        });
        let mut warnings = Vec::new();
        let article = entry_article(entry, source.clone(), &at, options, &mut warnings);
        items.extend(warnings.into_iter().map(Err));
        items.push(article);
    }
    items
}

fn entry_article(
    entry: &Entry,
    source: Option<String>,
    at: &Origin,
    options: &ReadOptions,
    warnings: &mut Vec<IngestError>,
) -> Result<Article> {
    let body = entry
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref())
        .filter(|b| !b.trim().is_empty())
        .map(fragment_to_text)
        .filter(|t| !t.is_empty());
    let text = body
        .or_else(|| entry.summary.as_ref().map(|s| fragment_to_text(&s.content)))
        .unwrap_or_default();
    let text = check_text(text, at, options, warnings)?;
    let url = entry_url(entry);
    let id = if !entry.id.trim().is_empty() {
        ArticleId::new(entry.id.trim())
    } else if let Some(url) = &url {
        ArticleId::new(url.as_str())
    } else {
        ArticleId::from_content(&text)
    };
    let published = entry
        .published
        .or(entry.updated)
        .as_ref()
        .and_then(to_date)
        .or(options.default_published);
    Ok(Article {
        id,
        text,
        published,
        title: entry.title.as_ref().map(text_of).filter(|t| !t.is_empty()),
        url,
        source,
    })
}

/// A title's text: markup rendered, whitespace collapsed.
fn text_of(text: &Text) -> String {
    collapse_whitespace(&fragment_to_text(&text.content))
}

/// The name of the XML root element (`rss`, `feed`, `rdf:RDF`), or `None` for JSON.
fn xml_root(bytes: &[u8]) -> Option<String> {
    let mut rest = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if rest.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'<') {
        return None;
    }
    loop {
        let i = rest.iter().position(|&b| b == b'<')?;
        rest = &rest[i..];
        if rest.starts_with(b"<?") || rest.starts_with(b"<!") {
            let end = if rest.starts_with(b"<!--") {
                b"-->".as_slice()
            } else {
                b">".as_slice()
            };
            let j = rest.windows(end.len()).position(|w| w == end)?;
            rest = &rest[j + end.len()..];
            continue;
        }
        let name_end = rest[1..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'))
            .map_or(rest.len(), |p| p + 1);
        return std::str::from_utf8(&rest[1..name_end])
            .ok()
            .map(str::to_string);
    }
}

/// Whether the document ends with `</root>` (trailing whitespace and comments aside).
fn ends_with_closing(bytes: &[u8], root: &str) -> bool {
    let closing = format!("</{root}");
    match find_last_ignore_case(bytes, closing.as_bytes()) {
        Some(i) => {
            let after = &bytes[i + closing.len()..];
            let after = after
                .iter()
                .position(|&b| b == b'>')
                .map(|p| &after[p + 1..]);
            after.is_some_and(|rest| {
                let rest = String::from_utf8_lossy(rest);
                let mut rest = rest.trim();
                while let Some(comment) = rest.strip_prefix("<!--") {
                    rest = comment.split_once("-->").map_or("", |(_, r)| r).trim();
                }
                rest.is_empty()
            })
        }
        None => false,
    }
}

/// Cuts a truncated feed after its last complete entry and closes the open elements.
fn repair_truncated(bytes: &[u8], root: &str) -> Option<Vec<u8>> {
    let (end_tag, closers): (&[u8], String) = match root.to_ascii_lowercase().as_str() {
        "rss" => (b"</item>", "</channel></rss>".into()),
        "feed" => (b"</entry>", "</feed>".into()),
        r if r.ends_with("rdf") => (b"</item>", format!("</{root}>")),
        _ => return None,
    };
    let i = find_last_ignore_case(bytes, end_tag)?;
    let mut repaired = bytes[..i + end_tag.len()].to_vec();
    repaired.extend_from_slice(closers.as_bytes());
    Some(repaired)
}

fn find_last_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if haystack.len() < needle.len() {
        return None;
    }
    (0..=haystack.len() - needle.len())
        .rev()
        .find(|&i| haystack[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> Vec<Result<Article>> {
        let read = WholeRead {
            bytes: bytes.to_vec(),
            cut: false,
            limit_bytes: usize::MAX,
            error: None,
        };
        read_feed(read, &Origin::source("f.xml"), &ReadOptions::default())
    }

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Libya Herald</title>
<item><title>One</title><guid>g1</guid><link>https://e.org/1</link>
<pubDate>Mon, 13 Apr 2015 01:20:00 +0200</pubDate>
<description>&lt;p&gt;First &amp;amp; para.&lt;/p&gt;&lt;p&gt;Second.&lt;/p&gt;</description></item>
<item><title>Two</title><link>https://e.org/2</link><description>Plain text.</description></item>
<item><title>Three</title><description>No link.</description></item>
</channel></rss>
"#;

    #[test]
    fn rss_items_become_articles() {
        let items = read(RSS.as_bytes());
        let articles: Vec<_> = items.iter().map(|r| r.as_ref().unwrap()).collect();
        assert_eq!(articles.len(), 3);
        assert_eq!(articles[0].id.as_str(), "g1");
        assert_eq!(articles[0].text, "First & para.\n\nSecond.");
        assert_eq!(articles[0].published, "2015-04-13".parse().ok());
        assert_eq!(articles[0].source.as_deref(), Some("Libya Herald"));
        assert_eq!(articles[0].url.as_deref(), Some("https://e.org/1"));
        assert_eq!(articles[1].id.as_str(), "https://e.org/2");
        assert_eq!(articles[2].id, ArticleId::from_content("No link."));
    }

    #[test]
    fn entry_times_are_instants_by_article_id() {
        let rss = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>
<item><guid>g1</guid><description>One.</description><pubDate>Mon, 13 Apr 2015 23:30:00 +0200</pubDate></item>
<item><link>https://e.org/2</link><description>Two.</description><pubDate>Tue, 14 Apr 2015 08:00:00 GMT</pubDate></item>
<item><description>No id, no link.</description><pubDate>Tue, 14 Apr 2015 09:00:00 GMT</pubDate></item>
<item><guid>g4</guid><description>No date.</description></item>
</channel></rss>"#;
        let times = entry_times(rss);
        let ids: Vec<&str> = times.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["g1", "https://e.org/2"]);
        // The instant, not the calendar day as written: 23:30 at +02:00 is 21:30 UTC.
        assert_eq!(times[0].1.to_string(), "2015-04-13T21:30:00Z");
        assert!(entry_times(b"<html>no feed</html>").is_empty());
    }

    #[test]
    fn a_truncated_feed_keeps_the_entries_before_the_break() {
        let cut = &RSS[..RSS.find("<item><title>Three").unwrap() + 20];
        let items = read(cut.as_bytes());
        assert_eq!(items.len(), 3);
        assert!(items[0].is_ok() && items[1].is_ok());
        let err = items[2].as_ref().unwrap_err().to_string();
        assert_eq!(
            err,
            "f.xml: truncated feed: 2 entries before the break were read"
        );
    }

    #[test]
    fn junk_is_one_error() {
        let items = read(b"<rss><channel><item><title>x</tit></item></channel></rss>");
        assert_eq!(items.len(), 1, "{items:?}");
        assert!(
            items[0]
                .as_ref()
                .unwrap_err()
                .to_string()
                .starts_with("f.xml: invalid feed:")
        );
    }

    #[test]
    fn wall_clock_dates_are_not_shifted() {
        let ts = wall_clock_timestamp("Mon, 13 Apr 2015 01:20:00 +0200").unwrap();
        assert_eq!(to_date(&ts), "2015-04-13".parse().ok());
    }
}
