//! The resolution test corpus (`fixtures/resolve/pakistan-2023-05-16.jsonl`, written for these
//! tests): one suicide bombing in Quetta reported by five outlets with different wording,
//! tolls and date styles, and five unrelated attacks in Pakistan on the same day. Also the
//! same articles as RSS, Atom, HTML pages and WARC, and readers of what the store holds.

#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;

use crate::util::Dir;

/// The fixture's path.
pub fn fixture_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/resolve/pakistan-2023-05-16.jsonl")
}

/// One article of the corpus.
#[derive(Debug, Clone)]
pub struct Doc {
    pub id: String,
    pub source: String,
    pub title: String,
    pub url: String,
    pub published: String,
    pub text: String,
}

/// The URLs of the five reports of the Quetta bombing.
pub fn quetta_bombing_urls() -> BTreeSet<String> {
    docs()
        .into_iter()
        .filter(|d| d.id.ends_with("-quetta"))
        .map(|d| d.url)
        .collect()
}

/// The corpus, in file order.
pub fn docs() -> Vec<Doc> {
    let text = std::fs::read_to_string(fixture_path()).expect("the fixture exists");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("the fixture is JSON Lines");
            let field = |k: &str| {
                v[k].as_str()
                    .expect("every fixture field is set")
                    .to_string()
            };
            Doc {
                id: field("id"),
                source: field("source"),
                title: field("title"),
                url: field("url"),
                published: field("published"),
                text: field("text"),
            }
        })
        .collect()
}

/// JSON Lines, one record per article.
pub fn jsonl(docs: &[Doc]) -> String {
    docs.iter()
        .map(|d| {
            serde_json::json!({"id": d.id, "source": d.source, "title": d.title, "url": d.url,
                               "published": d.published, "text": d.text})
            .to_string()
                + "\n"
        })
        .collect()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The text's paragraphs as HTML `<p>` elements.
fn paragraphs(text: &str) -> String {
    text.split("\n\n")
        .map(|p| format!("<p>{}</p>", escape(p.trim())))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `2023-05-16` or `2023-05-17T08:15:00+05:00` as RFC 2822, keeping the offset as written.
fn rfc2822(published: &str) -> String {
    let date: jiff::civil::Date = published[..10].parse().expect("a date");
    let (time, offset) = match published.get(11..19) {
        Some(time) => (time.to_string(), published[19..].replace(':', "")),
        None => ("00:00:00".to_string(), "+0000".to_string()),
    };
    format!("{} {time} {offset}", date.strftime("%a, %d %b %Y"))
}

/// RFC 3339, midnight UTC for a bare date.
fn rfc3339(published: &str) -> String {
    if published.len() == 10 {
        format!("{published}T00:00:00Z")
    } else {
        published.to_string()
    }
}

/// One RSS 2.0 feed with every article as an item (guid = the article id).
pub fn rss(docs: &[Doc]) -> String {
    let items: String = docs
        .iter()
        .map(|d| {
            format!(
                "<item><guid isPermaLink=\"false\">{}</guid><title>{}</title><link>{}</link>\
                 <pubDate>{}</pubDate><description>{}</description></item>\n",
                escape(&d.id),
                escape(&d.title),
                escape(&d.url),
                rfc2822(&d.published),
                escape(&paragraphs(&d.text))
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\
         <title>Pakistan wires</title><link>https://wires.example/</link>\
         <description>Test feed</description>\n{items}</channel></rss>\n"
    )
}

/// One Atom feed with every article as an entry (id = the article id).
pub fn atom(docs: &[Doc]) -> String {
    let entries: String = docs
        .iter()
        .map(|d| {
            format!(
                "<entry><id>{}</id><title>{}</title><link rel=\"alternate\" href=\"{}\"/>\
                 <published>{}</published><updated>{}</updated>\
                 <content type=\"html\">{}</content></entry>\n",
                escape(&d.id),
                escape(&d.title),
                escape(&d.url),
                rfc3339(&d.published),
                rfc3339(&d.published),
                escape(&paragraphs(&d.text))
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\
         <title>Pakistan wires</title><id>urn:test:wires</id><updated>2023-05-18T00:00:00Z</updated>\n\
         {entries}</feed>\n"
    )
}

/// A news page for one article, with navigation and footer around the story.
pub fn html(d: &Doc) -> String {
    format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{title}</title>\n\
         <meta property=\"article:published_time\" content=\"{published}\">\n\
         <meta property=\"og:site_name\" content=\"{source}\">\n\
         <link rel=\"canonical\" href=\"{url}\"></head>\n\
         <body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\n\
         <article><h1>{title}</h1>\n{body}</article>\n\
         <footer>Copyright {source}</footer></body></html>\n",
        title = escape(&d.title),
        published = escape(&d.published),
        source = escape(&d.source),
        url = escape(&d.url),
        body = paragraphs(&d.text)
    )
}

/// A WARC file with one HTTP `response` record per article, its page as payload.
pub fn warc(docs: &[Doc]) -> Vec<u8> {
    use warc::{RecordBuilder, RecordType, WarcHeader, WarcWriter};
    let mut writer = WarcWriter::new(std::io::BufWriter::new(Vec::new()));
    for d in docs {
        let page = html(d);
        let mut payload = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n",
            page.len()
        )
        .into_bytes();
        payload.extend_from_slice(page.as_bytes());
        let record = RecordBuilder::default()
            .warc_type(RecordType::Response)
            .header(WarcHeader::TargetURI, d.url.as_bytes().to_vec())
            .header(
                WarcHeader::ContentType,
                b"application/http; msgtype=response".to_vec(),
            )
            .body(payload)
            .build()
            .expect("a valid WARC record");
        writer.write(&record).expect("writing to memory");
    }
    writer.into_inner().expect("flushing to memory")
}

/// Every incident in the store `db` of `dir`, background included, as JSON.
pub fn incidents(dir: &Dir, db: &str) -> Vec<Value> {
    dir.run(&[
        "query",
        "--db",
        db,
        "--include-background",
        "--format",
        "json",
    ])
    .expect_code(0)
    .json_lines()
}

/// The incidents as sets of source URLs.
pub fn grouping(incidents: &[Value]) -> BTreeSet<BTreeSet<String>> {
    incidents
        .iter()
        .map(|i| {
            i["sources"]
                .as_array()
                .expect("sources")
                .iter()
                .map(|s| s["url"].as_str().unwrap_or("(no url)").to_string())
                .collect()
        })
        .collect()
}

/// The reconciled fields that resolution decides, by the incident's source URLs: type, first
/// day, place, and the killed and wounded ranges.
pub fn fields(incidents: &[Value]) -> BTreeMap<BTreeSet<String>, Value> {
    incidents
        .iter()
        .map(|i| {
            let set = grouping(std::slice::from_ref(i))
                .pop_first()
                .expect("one incident, one set");
            let range = |c: &Value| serde_json::json!([c["min"], c["max"]]);
            let summary = serde_json::json!({
                "event_type": i["event_type"],
                "date": i["date"]["start"],
                "place": i["location"]["name"],
                "country": i["location"]["country"],
                "killed": range(&i["killed"]),
                "wounded": range(&i["wounded"]),
                "background": i["background"],
            });
            (set, summary)
        })
        .collect()
}
