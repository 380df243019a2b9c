//! Every format read from a file, detected from its content; and one article written in every
//! format reads back the same.

mod common;

use common::{WarcRecord, collect, gzip, normalise, read_path, warc_file, write};
use jiff::civil::Date;
use sitrep_ingest::{Format, ReadOptions, detect_format, read_reader};
use sitrep_model::ArticleId;
use warc::RecordType;

const TITLE: &str = "Gunmen attack South Korean embassy in Tripoli";
const URL: &str = "https://news.example.org/2015/04/13/tripoli-embassy";
const PARAGRAPHS: [&str; 3] = [
    "Gunmen in a car fired at the South Korean Embassy in Tripoli early on Sunday — killing two Libyan guards, officials said.",
    "A third guard was wounded in the attack, which took place at about 01:20 local time near the Souk & the port.",
    "Islamic State militants claimed responsibility in a post on social media, according to the SITE monitoring group.",
];

fn published() -> Option<Date> {
    Some("2015-04-13".parse().unwrap())
}

fn article_text() -> String {
    PARAGRAPHS.join("\n\n")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A news page with everything a real one has around the story.
fn html_page() -> String {
    let paragraphs: String = PARAGRAPHS
        .iter()
        .map(|p| format!("<p>{}</p>\n", escape(p)))
        .collect();
    format!(
        r##"<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>{TITLE} | Example News</title>
<meta property="og:title" content="{TITLE}">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2015-04-13T01:20:00+02:00">
<link rel="canonical" href="{URL}">
<script>window.analytics = {{ track: function() {{}} }};</script>
<style>body {{ font-family: serif; }}</style>
</head><body>
<div id="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<header><a href="/">Example News</a><nav><a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<div class="layout">
<article>
<h1>{TITLE}</h1>
<div class="share-tools"><button>Share on Facebook</button> <a href="#">Tweet this story</a></div>
{paragraphs}
<div class="newsletter-signup"><p>Sign up for our daily newsletter to get the latest headlines.</p></div>
</article>
<aside class="related-stories"><h3>Related</h3><p>Another story about something that happened elsewhere yesterday.</p></aside>
</div>
<section id="comments"><h3>Comments</h3><p>Reader one: this is a long comment that says a great deal about the article.</p>
<p>Reader two: another long comment that should never be part of the article text.</p></section>
<footer><p>Copyright 2015 Example News. All rights reserved. Terms of use and privacy policy.</p></footer>
<noscript>Please enable JavaScript to view this site.</noscript>
</body></html>"##
    )
}

fn rss_feed() -> String {
    let content: String = PARAGRAPHS
        .iter()
        .map(|p| format!("<p>{}</p>", escape(p)))
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example News</title><link>https://news.example.org/</link><description>News</description>
<item>
<title>{TITLE}</title>
<link>{URL}</link>
<guid isPermaLink="false">example-2015-0413-01</guid>
<pubDate>Mon, 13 Apr 2015 01:20:00 +0200</pubDate>
<description>Gunmen attacked the South Korean Embassy in Tripoli.</description>
<content:encoded><![CDATA[{content}]]></content:encoded>
</item>
</channel></rss>"#
    )
}

fn atom_feed() -> String {
    let content: String = PARAGRAPHS
        .iter()
        .map(|p| format!("<p>{}</p>", escape(p)))
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Example News</title><id>urn:example:news</id><updated>2015-04-13T02:00:00+02:00</updated>
<entry>
<title type="text">{TITLE}</title>
<id>tag:news.example.org,2015:tripoli-embassy</id>
<link rel="alternate" href="{URL}"/>
<published>2015-04-13T01:20:00+02:00</published>
<updated>2015-04-14T09:00:00Z</updated>
<content type="html">{}</content>
</entry>
</feed>"#,
        escape(&content)
    )
}

fn jsonl_record() -> String {
    let record = serde_json::json!({
        "id": "example-2015-0413-01",
        "text": article_text(),
        "published": "2015-04-13T01:20:00+02:00",
        "title": TITLE,
        "url": URL,
        "source": "Example News",
        "lang": "en",
    });
    format!("{record}\n")
}

fn warc_records(html: &str) -> Vec<WarcRecord<'static>> {
    vec![
        WarcRecord {
            record_type: RecordType::WarcInfo,
            target_uri: None,
            content_type: "application/warc-fields",
            date: "2015-04-14T08:00:00Z",
            body: b"software: test\r\n".to_vec(),
        },
        WarcRecord {
            record_type: RecordType::Request,
            target_uri: Some(URL),
            content_type: "application/http; msgtype=request",
            date: "2015-04-14T08:00:00Z",
            body: b"GET /2015/04/13/tripoli-embassy HTTP/1.1\r\nHost: news.example.org\r\n\r\n"
                .to_vec(),
        },
        WarcRecord::response(URL, "200 OK", "text/html; charset=utf-8", html.as_bytes()),
        WarcRecord::response(
            "https://news.example.org/logo.png",
            "200 OK",
            "image/png",
            b"\x89PNG\r\n",
        ),
        WarcRecord::response(
            "https://news.example.org/gone",
            "404 Not Found",
            "text/html",
            b"<p>Not found</p>",
        ),
    ]
}

#[test]
fn one_article_reads_the_same_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let html = html_page();
    let files = [
        write(dir.path(), "page.html", &html),
        write(dir.path(), "page.html.gz", gzip(html.as_bytes())),
        write(dir.path(), "feed.rss", rss_feed()),
        write(dir.path(), "feed.atom", atom_feed()),
        write(dir.path(), "articles.jsonl", jsonl_record()),
        write(
            dir.path(),
            "crawl.warc",
            warc_file(&warc_records(&html), false),
        ),
        write(
            dir.path(),
            "crawl.warc.gz",
            warc_file(&warc_records(&html), true),
        ),
    ];
    let options = ReadOptions::default();
    for path in &files {
        let read = read_path(path, &options);
        let article = read.only_article();
        let name = path.display();
        assert_eq!(article.title.as_deref(), Some(TITLE), "title of {name}");
        assert_eq!(article.published, published(), "published of {name}");
        assert_eq!(
            normalise(&article.text),
            normalise(&article_text()),
            "text of {name}"
        );
        assert_eq!(article.url.as_deref(), Some(URL), "url of {name}");
        assert_eq!(
            article.source.as_deref(),
            Some("Example News"),
            "source of {name}"
        );
        // Paragraphs stay apart.
        assert_eq!(
            article.text.split("\n\n").count(),
            3,
            "paragraphs of {name}: {:?}",
            article.text
        );
    }
}

#[test]
fn ids_follow_each_format() {
    let dir = tempfile::tempdir().unwrap();
    let html = html_page();
    let options = ReadOptions::default();
    let id = |name: &str, bytes: Vec<u8>| {
        read_path(&write(dir.path(), name, bytes), &options)
            .only_article()
            .id
            .clone()
    };
    assert_eq!(
        id("a.rss", rss_feed().into_bytes()).as_str(),
        "example-2015-0413-01"
    );
    assert_eq!(
        id("a.atom", atom_feed().into_bytes()).as_str(),
        "tag:news.example.org,2015:tripoli-embassy"
    );
    assert_eq!(
        id("a.jsonl", jsonl_record().into_bytes()).as_str(),
        "example-2015-0413-01"
    );
    assert_eq!(
        id("a.warc", warc_file(&warc_records(&html), false)).as_str(),
        URL
    );
    assert_eq!(
        id("a.html", html.clone().into_bytes()),
        ArticleId::from_content(&article_text())
    );
}

#[test]
fn html_boilerplate_is_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let read = read_path(
        &write(dir.path(), "page.html", html_page()),
        &ReadOptions::default(),
    );
    let text = &read.only_article().text;
    for junk in [
        "cookies",
        "World",
        "Share on Facebook",
        "Tweet",
        "newsletter",
        "Another story",
        "Reader one",
        "Copyright",
        "JavaScript",
        "analytics",
        "font-family",
        TITLE,
    ] {
        assert!(!text.contains(junk), "{junk:?} should not be in {text:?}");
    }
    assert!(text.starts_with("Gunmen in a car fired"), "{text:?}");
    assert!(
        text.contains("near the Souk & the port"),
        "entities decoded: {text:?}"
    );
}

#[test]
fn html_metadata_comes_from_json_ld_and_time_elements() {
    let dir = tempfile::tempdir().unwrap();
    let page = r#"<html><head><title>Blast kills 12 in Kabul - Kabul Times</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Blast kills 12 in Kabul","datePublished":"2016-07-23T10:00:00+04:30",
 "publisher":{"@type":"Organization","name":"Kabul Times"}}</script>
<meta property="og:url" content="https://kabul.example/blast"></head>
<body><main><div class="story"><p>A suicide bomber struck a demonstration in Kabul on Saturday, killing twelve people.</p>
<p>Dozens more were wounded, officials at the health ministry said in a statement.</p></div></main></body></html>"#;
    let read = read_path(
        &write(dir.path(), "blast.htm", page),
        &ReadOptions::default(),
    );
    let article = read.only_article();
    assert_eq!(article.title.as_deref(), Some("Blast kills 12 in Kabul"));
    assert_eq!(article.published, "2016-07-23".parse().ok());
    assert_eq!(article.source.as_deref(), Some("Kabul Times"));
    assert_eq!(article.url.as_deref(), Some("https://kabul.example/blast"));

    let page = "<html><body><article><p>Police said the attackers fled on motorbikes after the raid.</p>\
        <p class=\"meta\">Posted <time datetime=\"2014-06-10T18:00:00-05:00\">June 10</time></p></article></body></html>";
    let read = read_path(
        &write(dir.path(), "raid.html", page),
        &ReadOptions::default(),
    );
    assert_eq!(read.only_article().published, "2014-06-10".parse().ok());
}

#[test]
fn html_declared_charsets_are_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let mut page = b"<html><head><meta charset=\"windows-1252\"></head><body><p>".to_vec();
    page.extend_from_slice(
        b"Le caf\xe9 a \xe9t\xe9 attaqu\xe9 \x96 deux morts, a d\xe9clar\xe9 la police.",
    );
    page.extend_from_slice(b"</p></body></html>");
    let read = read_path(&write(dir.path(), "fr.html", page), &ReadOptions::default());
    assert_eq!(
        read.only_article().text,
        "Le café a été attaqué – deux morts, a déclaré la police."
    );
    assert!(read.warnings.is_empty());
}

#[test]
fn plain_text_is_one_article_with_the_default_date() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Gunmen attacked a checkpoint.\n\nTwo police officers were killed.\n";
    let options = ReadOptions {
        default_published: published(),
        ..ReadOptions::default()
    };
    let read = read_path(&write(dir.path(), "story.txt", text), &options);
    let article = read.only_article();
    assert_eq!(article.text, text, "text is not cleaned");
    assert_eq!(article.id, ArticleId::from_content(text));
    assert_eq!(article.published, published());
    assert_eq!(article.title, None);
}

#[test]
fn json_lines_stream_with_record_dates_winning() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl =
        "{\"id\":\"a1\",\"text\":\"One.\",\"published\":\"2015-04-12\"}\n\n{\"text\":\"Two.\"}\n";
    let options = ReadOptions {
        default_published: published(),
        ..ReadOptions::default()
    };
    let read = read_path(&write(dir.path(), "a.jsonl", jsonl), &options);
    assert!(read.errors.is_empty());
    assert_eq!(read.articles.len(), 2);
    assert_eq!(read.articles[0].published, "2015-04-12".parse().ok());
    assert_eq!(read.articles[1].published, published());
    assert_eq!(read.articles[1].id, ArticleId::from_content("Two."));
}

#[test]
fn json_feed_entries_are_articles() {
    let dir = tempfile::tempdir().unwrap();
    let feed = serde_json::json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Example News",
        "items": [{
            "id": "jf-1", "url": URL, "title": TITLE,
            "content_html": PARAGRAPHS.iter().map(|p| format!("<p>{}</p>", escape(p))).collect::<String>(),
            "date_published": "2015-04-13T01:20:00+02:00"
        }]
    });
    let read = read_path(
        &write(dir.path(), "feed.json", feed.to_string()),
        &ReadOptions::default(),
    );
    let article = read.only_article();
    assert_eq!(article.id.as_str(), "jf-1");
    assert_eq!(article.published, published());
    assert_eq!(normalise(&article.text), normalise(&article_text()));
}

#[test]
fn rss1_feeds_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let rdf = r#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://e.org/"><title>Old Wire</title><link>https://e.org/</link><description>d</description></channel>
<item rdf:about="https://e.org/1"><title>Clash near Aleppo</title><link>https://e.org/1</link>
<description>Fighting broke out near Aleppo on Tuesday.</description><dc:date>2012-08-07T10:00:00+03:00</dc:date></item>
</rdf:RDF>"#;
    let read = read_path(&write(dir.path(), "old.rdf", rdf), &ReadOptions::default());
    let article = read.only_article();
    assert_eq!(article.title.as_deref(), Some("Clash near Aleppo"));
    assert_eq!(article.text, "Fighting broke out near Aleppo on Tuesday.");
    assert_eq!(article.source.as_deref(), Some("Old Wire"));
    assert_eq!(article.published, "2012-08-07".parse().ok());
}

#[test]
fn warc_wet_conversion_records_are_text_articles() {
    let dir = tempfile::tempdir().unwrap();
    let record = WarcRecord {
        record_type: RecordType::Conversion,
        target_uri: Some("https://e.org/wet"),
        content_type: "text/plain",
        date: "2019-03-02T11:00:00Z",
        body: "Rebels shelled the town overnight.".as_bytes().to_vec(),
    };
    let read = read_path(
        &write(dir.path(), "x.warc.wet.gz", warc_file(&[record], true)),
        &ReadOptions::default(),
    );
    let article = read.only_article();
    assert_eq!(article.id.as_str(), "https://e.org/wet");
    assert_eq!(article.text, "Rebels shelled the town overnight.");
    assert_eq!(article.published, "2019-03-02".parse().ok());
}

#[test]
fn warc_pages_without_a_date_take_the_crawl_date() {
    let dir = tempfile::tempdir().unwrap();
    let page =
        "<html><body><p>Gunmen attacked a convoy on the road to the airport.</p></body></html>";
    let records = [WarcRecord::response(
        "https://e.org/c",
        "200 OK",
        "text/html",
        page.as_bytes(),
    )];
    let read = read_path(
        &write(dir.path(), "c.warc", warc_file(&records, false)),
        &ReadOptions::default(),
    );
    assert_eq!(read.only_article().published, "2015-04-14".parse().ok());
}

#[test]
fn formats_are_detected_from_content_not_extension() {
    let dir = tempfile::tempdir().unwrap();
    let options = ReadOptions::default();
    // HTML saved as .txt: read as a page, boilerplate gone.
    let read = read_path(&write(dir.path(), "saved.txt", html_page()), &options);
    assert_eq!(read.only_article().title.as_deref(), Some(TITLE));
    // JSON Lines saved as .dat: records, not one text article.
    let read = read_path(&write(dir.path(), "export.dat", jsonl_record()), &options);
    assert_eq!(read.only_article().id.as_str(), "example-2015-0413-01");
    // A feed saved as .html.
    let read = read_path(&write(dir.path(), "feed.html", rss_feed()), &options);
    assert_eq!(read.only_article().id.as_str(), "example-2015-0413-01");
    // A gzipped WARC without any extension.
    let read = read_path(
        &write(
            dir.path(),
            "crawl",
            warc_file(&warc_records(&html_page()), true),
        ),
        &options,
    );
    assert_eq!(read.only_article().id.as_str(), URL);
    // Gzipped JSON Lines named .txt.
    let read = read_path(
        &write(dir.path(), "x.txt", gzip(jsonl_record().as_bytes())),
        &options,
    );
    assert_eq!(read.only_article().id.as_str(), "example-2015-0413-01");

    assert_eq!(
        detect_format(html_page().as_bytes(), Some("a.txt".as_ref())),
        Format::Html
    );
    assert_eq!(
        detect_format(jsonl_record().as_bytes(), Some("a.dat".as_ref())),
        Format::JsonLines
    );
}

#[test]
fn readers_other_than_files_are_read_lazily() {
    let read = collect(read_reader(
        std::io::Cursor::new(rss_feed().into_bytes()),
        "net:feed",
        None,
        &ReadOptions::default(),
    ));
    assert_eq!(read.only_article().source.as_deref(), Some("Example News"));
}

#[test]
fn a_huge_page_is_cut_not_loaded() {
    let dir = tempfile::tempdir().unwrap();
    let paragraph =
        "<p>Security forces fought militants in the old city for a third day on Thursday.</p>\n";
    let mut page = String::from("<html><head><title>Siege</title></head><body><article>");
    while page.len() < 50 * 1024 * 1024 {
        page.push_str(paragraph);
    }
    page.push_str("</article></body></html>");
    let path = write(dir.path(), "huge.html", &page);
    drop(page);
    let read = read_path(&path, &ReadOptions::default());
    let article = read.only_article();
    assert!(article.text.len() <= ReadOptions::DEFAULT_MAX_ARTICLE_BYTES);
    assert!(article.text.starts_with("Security forces fought"));
    let warnings: Vec<String> = read.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(
        warnings[0].contains("HTML page longer than 16777216 bytes"),
        "{warnings:?}"
    );
    assert!(
        warnings[1].contains("text longer than 5242880 bytes"),
        "{warnings:?}"
    );
}

#[test]
fn utf16_text_with_a_byte_order_mark_is_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xff, 0xfe];
    for unit in "Gunmen attacked a checkpoint — two dead.".encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let read = read_path(
        &write(dir.path(), "utf16.txt", bytes),
        &ReadOptions::default(),
    );
    assert_eq!(
        read.only_article().text,
        "Gunmen attacked a checkpoint — two dead."
    );
}
