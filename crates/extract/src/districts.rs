//! Second-level divisions an article names with their kind: "in Udhampur district", "the
//! Wakiso District", "Bijapur tehsil".
//!
//! A district and its chief town usually share a name, and news writes "Udhampur district"
//! when it means the district, not the town: the place is somewhere in it. Such a name is
//! read as the district only where its kind word follows it, and only when the gazetteer
//! holds a division of that name where the rest of the article places it (the town's own
//! district, or the one district so named in its division or country). A bare "Udhampur"
//! stays the town. Districts are not in the spelling index, so they never compete with
//! towns for a name that has no kind word after it.

use sitrep_geo::{Gazetteer, Place, name_key};
use sitrep_model::ByteSpan;

use crate::analysis::Analysis;
use crate::places::ChosenLocation;

/// Lower-case words that say the name before them is a second-level division. Not
/// "province" or "region": in most countries they are first-level.
pub const DISTRICT_KINDS: &[&str] = &[
    "district",
    "county",
    "upazila",
    "upazilla",
    "tehsil",
    "taluka",
    "taluk",
    "lga",
    "department",
    "prefecture",
];

/// A second-level division named at a chosen location.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NamedDistrict {
    /// The division (index into [`Gazetteer::admin2s`]).
    pub admin2: u32,
    /// The words that name it, with its kind ("Udhampur district").
    pub span: ByteSpan,
}

/// The second-level division the chosen location's words name with their kind, if the
/// gazetteer knows it there. `name` is the span of the place's name as the article writes
/// it (a town's name, or the name of a settlement the gazetteer lacks).
pub fn district_named(
    a: &Analysis<'_>,
    g: &Gazetteer,
    chosen: &ChosenLocation,
    name: ByteSpan,
) -> Option<NamedDistrict> {
    // An offset from a town is a point, not the town's district.
    if chosen.coordinates.is_some() || name.is_empty() {
        return None;
    }
    let kind = a.token_at(name.end);
    if kind >= a.tokens.len() || !a.is_any(kind, DISTRICT_KINDS) {
        return None;
    }
    let span = ByteSpan {
        start: name.start,
        end: a.tokens[kind].span.end,
    };
    let mut found: Vec<u32> = g
        .admin2_named(&name_key(&a.text[name.range()]))
        .iter()
        .chain(g.admin2_named(&name_key(&a.text[span.range()])))
        .copied()
        .collect();
    found.sort_unstable();
    found.dedup();
    // The town's own district first: "Udhampur district" holds the town of Udhampur.
    if let Some(own) = g.admin2_of(chosen.place).filter(|d| found.contains(d)) {
        return Some(NamedDistrict { admin2: own, span });
    }
    // Else the one district so named in the place's division, or country.
    let country = g.country_of(chosen.place);
    let admin1 = match chosen.place {
        Place::Country(_) => None,
        _ => g.admin1_of(chosen.place),
    };
    let admin2s = g.admin2s();
    let inside: Vec<u32> = found
        .into_iter()
        .filter(|&d| {
            let d = &admin2s[d as usize];
            d.country == country && (admin1.is_none() || d.admin1 == admin1)
        })
        .collect();
    match inside.as_slice() {
        [only] => Some(NamedDistrict {
            admin2: *only,
            span,
        }),
        _ => None,
    }
}
