//! Printing incidents: an aligned table, JSON Lines, CSV or GeoJSON.

use std::io::Write;

use anyhow::Result;
use serde_json::json;
use sitrep_model::{Count, StoredIncident};

use crate::cli::Format;

/// Writes `incidents` in `format`.
pub fn write(out: &mut impl Write, format: Format, incidents: &[StoredIncident]) -> Result<()> {
    match format {
        Format::Table => table(out, incidents),
        Format::Json => {
            for incident in incidents {
                serde_json::to_writer(&mut *out, incident)?;
                out.write_all(b"\n")?;
            }
            Ok(())
        }
        Format::Csv => csv(out, incidents),
        Format::Geojson => geojson(out, incidents),
    }
}

fn count(c: &Option<Count>) -> String {
    match c {
        None => "?".to_string(),
        Some(c) => match (c.min, c.max) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (Some(a), Some(b)) => format!("{a}-{b}"),
            (Some(a), None) => format!("{a}+"),
            (None, Some(b)) => format!("≤{b}"),
            (None, None) => "?".to_string(),
        },
    }
}

fn date(i: &StoredIncident) -> String {
    match &i.incident.date {
        Some(d) => match (d.start, d.end) {
            (Some(s), Some(e)) if s == e => s.to_string(),
            (Some(s), Some(e)) => format!("{s}…{e}"),
            _ => format!("({})", d.text),
        },
        None => "?".to_string(),
    }
}

fn place(i: &StoredIncident) -> String {
    match &i.incident.location {
        Some(l) if l.name == l.country_name => l.country.to_string(),
        Some(l) => format!("{}, {}", l.name, l.country),
        None => "?".to_string(),
    }
}

fn perpetrators(i: &StoredIncident) -> String {
    let names: Vec<String> = i
        .incident
        .perpetrators
        .iter()
        .map(|p| {
            let name = p.name.clone().unwrap_or_else(|| format!("({})", p.text));
            if p.claimed {
                format!("{name} (claimed)")
            } else {
                name
            }
        })
        .collect();
    names.join("; ")
}

fn targets(i: &StoredIncident) -> String {
    let mut parts: Vec<String> = Vec::new();
    for t in &i.incident.targets {
        let s = match t.nationality {
            Some(n) => format!("{}/{n}", t.kind),
            None => t.kind.to_string(),
        };
        if !parts.contains(&s) {
            parts.push(s);
        }
    }
    parts.join(",")
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn table(out: &mut impl Write, incidents: &[StoredIncident]) -> Result<()> {
    let header = [
        "date",
        "type",
        "place",
        "killed",
        "wounded",
        "kidnap",
        "perpetrator",
        "targets",
        "id",
    ];
    let rows: Vec<[String; 9]> = incidents
        .iter()
        .map(|i| {
            let mark = if i.incident.background { "↺ " } else { "" };
            [
                format!("{mark}{}", date(i)),
                i.incident.event_type.to_string(),
                truncate(&place(i), 24),
                count(&i.incident.killed),
                count(&i.incident.wounded),
                count(&i.incident.kidnapped),
                truncate(&perpetrators(i), 34),
                truncate(&targets(i), 30),
                i.id.to_string(),
            ]
        })
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| -> String {
        cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    writeln!(out, "{}", line(&header.map(String::from)))?;
    writeln!(
        out,
        "{}",
        line(&widths.iter().map(|w| "─".repeat(*w)).collect::<Vec<_>>())
    )?;
    for row in &rows {
        writeln!(out, "{}", line(row))?;
    }
    writeln!(
        out,
        "{} incident{}",
        incidents.len(),
        if incidents.len() == 1 { "" } else { "s" }
    )?;
    Ok(())
}

fn csv(out: &mut impl Write, incidents: &[StoredIncident]) -> Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record([
        "id",
        "date_start",
        "date_end",
        "date_precision",
        "time",
        "event_type",
        "place",
        "admin1",
        "country",
        "lat",
        "lon",
        "location_precision",
        "killed_min",
        "killed_max",
        "wounded_min",
        "wounded_max",
        "kidnapped_min",
        "kidnapped_max",
        "perpetrators",
        "claimed",
        "targets",
        "weapons",
        "background",
        "confidence",
        "sources",
        "killed_total_min",
        "killed_total_max",
        "wounded_total_min",
        "wounded_total_max",
        // Last, so that readers of the columns before it by position keep working.
        "admin2",
    ])?;
    let opt = |v: Option<u32>| v.map(|n| n.to_string()).unwrap_or_default();
    for i in incidents {
        let inc = &i.incident;
        let (ds, de, dp) =
            inc.date
                .as_ref()
                .map_or((String::new(), String::new(), String::new()), |d| {
                    (
                        d.start.map(|x| x.to_string()).unwrap_or_default(),
                        d.end.map(|x| x.to_string()).unwrap_or_default(),
                        d.precision.as_str().to_string(),
                    )
                });
        let loc = inc.location.as_ref();
        let c = |x: &Option<Count>| {
            (
                opt(x.as_ref().and_then(|c| c.min)),
                opt(x.as_ref().and_then(|c| c.max)),
            )
        };
        let (km, kx) = c(&inc.killed);
        let (wm, wx) = c(&inc.wounded);
        let (nm, nx) = c(&inc.kidnapped);
        let (ktm, ktx) = c(&inc.killed_total());
        let (wtm, wtx) = c(&inc.wounded_total());
        w.write_record([
            i.id.to_string(),
            ds,
            de,
            dp,
            inc.time.clone().unwrap_or_default(),
            inc.event_type.to_string(),
            loc.map(|l| l.name.clone()).unwrap_or_default(),
            loc.and_then(|l| l.admin1.clone()).unwrap_or_default(),
            loc.map(|l| l.country.to_string()).unwrap_or_default(),
            loc.map(|l| l.lat.to_string()).unwrap_or_default(),
            loc.map(|l| l.lon.to_string()).unwrap_or_default(),
            loc.map(|l| l.precision.as_str().to_string())
                .unwrap_or_default(),
            km,
            kx,
            wm,
            wx,
            nm,
            nx,
            inc.perpetrators
                .iter()
                .filter_map(|p| p.name.clone())
                .collect::<Vec<_>>()
                .join("; "),
            inc.perpetrators.iter().any(|p| p.claimed).to_string(),
            targets(i),
            inc.weapons
                .iter()
                .map(|w| w.as_str())
                .collect::<Vec<_>>()
                .join(","),
            inc.background.to_string(),
            inc.confidence.to_string(),
            i.sources
                .iter()
                .map(|s| s.article_id.to_string())
                .collect::<Vec<_>>()
                .join(" "),
            ktm,
            ktx,
            wtm,
            wtx,
            loc.and_then(|l| l.admin2.clone()).unwrap_or_default(),
        ])?;
    }
    w.flush()?;
    Ok(())
}

fn geojson(out: &mut impl Write, incidents: &[StoredIncident]) -> Result<()> {
    let features: Vec<serde_json::Value> = incidents
        .iter()
        .filter_map(|i| {
            let loc = i.incident.location.as_ref()?;
            let inc = &i.incident;
            Some(json!({
                "type": "Feature",
                "id": i.id,
                "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]},
                "properties": {
                    "event_type": inc.event_type,
                    "date": inc.date.as_ref().and_then(|d| d.start),
                    "place": loc.name,
                    "country": loc.country,
                    "precision": loc.precision,
                    "killed": inc.killed.as_ref().and_then(Count::best),
                    "wounded": inc.wounded.as_ref().and_then(Count::best),
                    "killed_total": inc.killed_total().as_ref().and_then(Count::best),
                    "wounded_total": inc.wounded_total().as_ref().and_then(Count::best),
                    "kidnapped": inc.kidnapped.as_ref().and_then(Count::best),
                    "perpetrators": inc.perpetrators.iter().filter_map(|p| p.name.clone()).collect::<Vec<_>>(),
                    "background": inc.background,
                    "sources": i.sources.len(),
                }
            }))
        })
        .collect();
    serde_json::to_writer(
        &mut *out,
        &json!({"type": "FeatureCollection", "features": features}),
    )?;
    out.write_all(b"\n")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use sitrep_model::{CountryCode, EventType, Incident, IncidentId, Location, LocationPrecision};

    use super::*;

    fn count(min: Option<u32>, max: Option<u32>) -> Option<Count> {
        Some(Count {
            min,
            max,
            text: "words".into(),
        })
    }

    /// A located bombing: 6 victims and its bomber killed, at least 10 victims and 2
    /// attackers wounded.
    fn bombing() -> StoredIncident {
        let mut incident = Incident::new(EventType::Bombing);
        incident.location = Some(Location {
            name: "Kabul".into(),
            country: CountryCode::new("AF").unwrap(),
            country_name: "Afghanistan".into(),
            admin1: None,
            admin2: None,
            lat: 34.5553,
            lon: 69.2075,
            geonames_id: None,
            precision: LocationPrecision::City,
            text: "Kabul".into(),
        });
        incident.killed = count(Some(6), Some(6));
        incident.attackers_killed = count(Some(1), Some(1));
        incident.wounded = count(Some(10), None);
        incident.attackers_wounded = count(Some(2), Some(2));
        StoredIncident {
            id: IncidentId::new("inc-1"),
            incident,
            sources: Vec::new(),
        }
    }

    fn render(format: Format, incidents: &[StoredIncident]) -> String {
        let mut out = Vec::new();
        write(&mut out, format, incidents).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn csv_carries_victims_and_attackers_together() {
        let mut unknown = bombing();
        unknown.id = IncidentId::new("inc-2");
        unknown.incident.killed = None;
        unknown.incident.attackers_killed = None;
        unknown.incident.wounded = None;
        unknown.incident.attackers_wounded = None;
        let text = render(Format::Csv, &[bombing(), unknown]);
        let mut reader = ::csv::Reader::from_reader(text.as_bytes());
        let headers = reader.headers().unwrap().clone();
        let rows: Vec<::csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
        let cell = |row: usize, name: &str| -> String {
            let col = headers
                .iter()
                .position(|h| h == name)
                .unwrap_or_else(|| panic!("no column {name} in {headers:?}"));
            rows[row][col].to_string()
        };
        assert_eq!(cell(0, "killed_min"), "6");
        assert_eq!(cell(0, "killed_total_min"), "7");
        assert_eq!(cell(0, "killed_total_max"), "7");
        assert_eq!(cell(0, "wounded_total_min"), "12");
        assert_eq!(cell(0, "wounded_total_max"), "");
        for column in [
            "killed_total_min",
            "killed_total_max",
            "wounded_total_min",
            "wounded_total_max",
        ] {
            assert_eq!(cell(1, column), "", "{column}: unknown is empty, not 0");
        }
    }

    #[test]
    fn csv_header_is_the_servers() {
        let text = render(Format::Csv, &[]);
        let mut reader = ::csv::Reader::from_reader(text.as_bytes());
        let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(headers, sitrep_server::export::CSV_HEADER);
    }

    #[test]
    fn geojson_carries_victims_and_attackers_together() {
        let text = render(Format::Geojson, &[bombing()]);
        let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
        let properties = &doc["features"][0]["properties"];
        assert_eq!(properties["killed"], 6);
        assert_eq!(properties["killed_total"], 7);
        assert_eq!(properties["wounded"], 10);
        assert_eq!(properties["wounded_total"], 12);
        let mut unknown = bombing();
        unknown.incident.killed = None;
        unknown.incident.attackers_killed = None;
        let text = render(Format::Geojson, &[unknown]);
        let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(doc["features"][0]["properties"]["killed_total"].is_null());
    }
}
