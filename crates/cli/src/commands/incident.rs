//! `sitrep incident ID`: one incident with its reconciled fields, every source with its own
//! values, and each source's text with the words behind every field highlighted.
//!
//! Highlights are bold yellow on a terminal (unless `NO_COLOR` is set) and `[[…]]` markers
//! otherwise, so the output stays readable in files and diffs. `--format json` prints one JSON
//! object: the incident as `sitrep query --format json` prints it, each source also carrying its
//! article `text` and its `evidence` with the quoted words.

use std::io::{self, IsTerminal, Write};

use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};
use serde_json::{Value, json};
use sitrep_model::{
    ByteSpan, Count, EventDate, Incident, IncidentId, IncidentSource, Location, StoredIncident,
};

use crate::cli::DbArgs;

/// Output formats of `sitrep incident`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum IncidentFormat {
    /// Fields, sources and highlighted texts, for reading.
    Text,
    /// One JSON object with every source's text and evidence.
    Json,
}

/// Flags of `sitrep incident`.
#[derive(Debug, Args)]
pub struct IncidentArgs {
    /// The incident's id, as `sitrep query` prints it. An id that has since merged into
    /// another incident shows that incident.
    #[arg(value_name = "ID")]
    pub id: String,
    /// Database.
    #[command(flatten)]
    pub db: DbArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = IncidentFormat::Text)]
    pub format: IncidentFormat,
}

/// How evidence is marked in text output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marks {
    /// ANSI bold yellow.
    Ansi,
    /// `[[` and `]]`.
    Brackets,
}

impl Marks {
    fn open(self) -> &'static str {
        match self {
            Marks::Ansi => "\x1b[1;33m",
            Marks::Brackets => "[[",
        }
    }

    fn close(self) -> &'static str {
        match self {
            Marks::Ansi => "\x1b[0m",
            Marks::Brackets => "]]",
        }
    }
}

/// One source with its article's text (when the article is stored).
struct SourceText<'a> {
    source: &'a IncidentSource,
    text: Option<String>,
}

/// Runs the command.
pub fn run(args: &IncidentArgs) -> Result<()> {
    let store = args.db.open_existing("sitrep ingest")?;
    let asked = IncidentId::new(args.id.trim());
    let Some(current) = store
        .current_incident_id(&asked)
        .context("reading the store")?
    else {
        bail!("no incident {asked} in store {}", args.db.db);
    };
    let incident = store
        .incident(&current)
        .context("reading the store")?
        .with_context(|| format!("incident {current} vanished while reading"))?;
    let mut texts = Vec::with_capacity(incident.sources.len());
    for source in &incident.sources {
        let article = store
            .article(&source.article_id)
            .with_context(|| format!("reading article {}", source.article_id))?;
        texts.push(SourceText {
            source,
            text: article.map(|a| a.text),
        });
    }
    let merged_from = (current != asked).then_some(&asked);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let written = match args.format {
        IncidentFormat::Json => {
            let value = to_json(&incident, &texts, merged_from)?;
            serde_json::to_writer(&mut out, &value)
                .map_err(io::Error::from)
                .and_then(|()| out.write_all(b"\n"))
        }
        IncidentFormat::Text => {
            let marks = if io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
                Marks::Ansi
            } else {
                Marks::Brackets
            };
            write_text(&mut out, &incident, &texts, merged_from, marks)
        }
    }
    .and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("writing to standard output"),
    }
}

/// The evidence of one report that fits its text, sorted, as (field, span) pairs.
fn evidence_in<'a>(incident: &'a Incident, text: &'a str) -> Vec<(&'static str, ByteSpan)> {
    let mut found: Vec<(&'static str, ByteSpan)> = incident
        .evidence
        .iter()
        .filter(|e| ByteSpan::new(text, e.span.start, e.span.end).is_ok() && !e.span.is_empty())
        .map(|e| (e.field.as_str(), e.span))
        .collect();
    found.sort_by_key(|(field, span)| (span.start, span.end, *field));
    found
}

/// The spans to highlight: evidence spans merged where they overlap or touch.
fn merged_spans(evidence: &[(&'static str, ByteSpan)]) -> Vec<ByteSpan> {
    let mut spans: Vec<ByteSpan> = evidence.iter().map(|(_, s)| *s).collect();
    spans.sort();
    let mut merged: Vec<ByteSpan> = Vec::with_capacity(spans.len());
    for span in spans {
        match merged.last_mut() {
            Some(last) if span.start <= last.end => *last = last.cover(span),
            _ => merged.push(span),
        }
    }
    merged
}

/// `text` with every span wrapped in marks.
fn highlight(text: &str, spans: &[ByteSpan], marks: Marks) -> String {
    let mut out = String::with_capacity(text.len() + spans.len() * 8);
    let mut at = 0;
    for span in spans {
        out.push_str(&text[at..span.start]);
        out.push_str(marks.open());
        out.push_str(&text[span.range()]);
        out.push_str(marks.close());
        at = span.end;
    }
    out.push_str(&text[at..]);
    out
}

fn count(c: Option<&Count>) -> String {
    match c.map(|c| (c.min, c.max)) {
        None | Some((None, None)) => "?".into(),
        Some((Some(a), Some(b))) if a == b => a.to_string(),
        Some((Some(a), Some(b))) => format!("{a}–{b}"),
        Some((Some(a), None)) => format!("at least {a}"),
        Some((None, Some(b))) => format!("at most {b}"),
    }
}

fn date(d: Option<&EventDate>) -> String {
    match d {
        None => "?".into(),
        Some(d) => {
            let range = match (d.start, d.end) {
                (Some(s), Some(e)) if s == e => s.to_string(),
                (Some(s), Some(e)) => format!("{s} … {e}"),
                (Some(s), None) => s.to_string(),
                _ => "unresolved".into(),
            };
            format!("{range} ({}, {:?})", d.precision.as_str(), d.text)
        }
    }
}

fn place(l: Option<&Location>) -> String {
    match l {
        None => "?".into(),
        Some(l) => {
            let mut parts = vec![l.name.clone()];
            if let Some(a) = l.admin2.as_ref().filter(|a| **a != l.name) {
                parts.push(a.clone());
            }
            if let Some(a) = l.admin1.as_ref().filter(|a| **a != l.name) {
                parts.push(a.clone());
            }
            if l.country_name != l.name {
                parts.push(l.country_name.clone());
            }
            format!(
                "{} ({}, {}; {:.4}, {:.4})",
                parts.join(", "),
                l.country,
                l.precision.as_str(),
                l.lat,
                l.lon
            )
        }
    }
}

fn names<T>(items: &[T], name: impl Fn(&T) -> String) -> String {
    if items.is_empty() {
        "?".into()
    } else {
        items.iter().map(name).collect::<Vec<_>>().join(", ")
    }
}

/// The fields of one incident, one per line, indented.
fn write_fields(out: &mut impl Write, i: &Incident, indent: &str) -> io::Result<()> {
    writeln!(out, "{indent}type          {}", i.event_type)?;
    writeln!(out, "{indent}date          {}", date(i.date.as_ref()))?;
    if let Some(time) = &i.time {
        writeln!(out, "{indent}time          {time}")?;
    }
    writeln!(out, "{indent}place         {}", place(i.location.as_ref()))?;
    writeln!(
        out,
        "{indent}killed        {}    wounded {}    kidnapped {}",
        count(i.killed.as_ref()),
        count(i.wounded.as_ref()),
        count(i.kidnapped.as_ref())
    )?;
    if let Some(attackers) = &i.attackers_killed {
        writeln!(
            out,
            "{indent}attackers     {} killed",
            count(Some(attackers))
        )?;
    }
    let perpetrators = names(&i.perpetrators, |p| {
        let name = p.name.clone().unwrap_or_else(|| format!("({})", p.text));
        if p.claimed {
            format!("{name} (claimed)")
        } else {
            name
        }
    });
    writeln!(out, "{indent}perpetrators  {perpetrators}")?;
    let targets = names(&i.targets, |t| match t.nationality {
        Some(n) => format!("{}/{n}", t.kind),
        None => t.kind.to_string(),
    });
    writeln!(out, "{indent}targets       {targets}")?;
    writeln!(
        out,
        "{indent}weapons       {}",
        names(&i.weapons, |w| w.to_string())
    )?;
    if i.background {
        writeln!(
            out,
            "{indent}background    yes (mentioned beside the article's news)"
        )?;
    }
    Ok(())
}

fn write_text(
    out: &mut impl Write,
    incident: &StoredIncident,
    texts: &[SourceText<'_>],
    merged_from: Option<&IncidentId>,
    marks: Marks,
) -> io::Result<()> {
    writeln!(out, "incident {}", incident.id)?;
    if let Some(old) = merged_from {
        writeln!(out, "  ({old} has merged into this incident)")?;
    }
    write_fields(out, &incident.incident, "  ")?;
    writeln!(
        out,
        "  confidence    {:.2}    sources {}",
        incident.incident.confidence,
        incident.sources.len()
    )?;
    for (n, t) in texts.iter().enumerate() {
        let s = t.source;
        writeln!(out)?;
        writeln!(
            out,
            "source {} of {}: {} — {}",
            n + 1,
            texts.len(),
            s.source.as_deref().unwrap_or("(unknown outlet)"),
            s.title.as_deref().unwrap_or("(no title)")
        )?;
        writeln!(out, "  article       {}", s.article_id)?;
        writeln!(out, "  url           {}", s.url.as_deref().unwrap_or("?"))?;
        writeln!(
            out,
            "  published     {}",
            s.published.map_or_else(|| "?".into(), |d| d.to_string())
        )?;
        writeln!(out, "  as reported:")?;
        write_fields(out, &s.incident, "    ")?;
        let Some(text) = &t.text else {
            writeln!(out, "  (article text not stored)")?;
            continue;
        };
        let evidence = evidence_in(&s.incident, text);
        if !evidence.is_empty() {
            writeln!(out, "  evidence:")?;
            for (field, span) in &evidence {
                writeln!(out, "    {field:<18}{:?}", &text[span.range()])?;
            }
        }
        writeln!(out, "  text:")?;
        let marked = highlight(text, &merged_spans(&evidence), marks);
        for line in marked.lines() {
            writeln!(out, "    {line}")?;
        }
    }
    Ok(())
}

fn to_json(
    incident: &StoredIncident,
    texts: &[SourceText<'_>],
    merged_from: Option<&IncidentId>,
) -> Result<Value> {
    let mut value = serde_json::to_value(incident).context("encoding the incident")?;
    if let Some(old) = merged_from {
        value["merged_from"] = json!(old);
    }
    if let Some(sources) = value.get_mut("sources").and_then(Value::as_array_mut) {
        for (source, t) in sources.iter_mut().zip(texts) {
            let evidence: Vec<Value> = t.text.as_deref().map_or_else(Vec::new, |text| {
                evidence_in(&t.source.incident, text)
                    .into_iter()
                    .map(|(field, span)| {
                        json!({"field": field, "start": span.start, "end": span.end,
                               "text": &text[span.range()]})
                    })
                    .collect()
            });
            source["text"] = json!(t.text);
            source["evidence"] = Value::Array(evidence);
        }
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_and_touching_spans_merge() {
        let spans = [
            ("killed", ByteSpan { start: 10, end: 20 }),
            ("location", ByteSpan { start: 15, end: 25 }),
            ("date", ByteSpan { start: 25, end: 30 }),
            ("weapons", ByteSpan { start: 40, end: 45 }),
        ];
        assert_eq!(
            merged_spans(&spans),
            [
                ByteSpan { start: 10, end: 30 },
                ByteSpan { start: 40, end: 45 }
            ]
        );
    }

    #[test]
    fn highlights_wrap_each_span() {
        let text = "Gunmen killed two guards in Tripoli.";
        let spans = [
            ByteSpan { start: 7, end: 24 },
            ByteSpan { start: 28, end: 35 },
        ];
        assert_eq!(
            highlight(text, &spans, Marks::Brackets),
            "Gunmen [[killed two guards]] in [[Tripoli]]."
        );
        assert!(highlight(text, &spans, Marks::Ansi).contains("\x1b[1;33mTripoli\x1b[0m"));
    }

    #[test]
    fn evidence_outside_the_text_is_ignored() {
        let mut i = Incident::new(sitrep_model::EventType::Bombing);
        i.evidence = vec![
            sitrep_model::Evidence {
                field: sitrep_model::EvidenceField::Killed,
                span: ByteSpan { start: 0, end: 4 },
            },
            sitrep_model::Evidence {
                field: sitrep_model::EvidenceField::Date,
                span: ByteSpan { start: 2, end: 99 },
            },
        ];
        // "é" is two bytes: a span ending inside it is not on a char boundary.
        assert_eq!(evidence_in(&i, "Bomb").len(), 1);
        assert_eq!(evidence_in(&i, "é").len(), 0);
    }
}
