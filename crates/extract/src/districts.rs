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

use sitrep_geo::{CountryIdx, Gazetteer, Place, name_key};
use sitrep_model::ByteSpan;

use crate::analysis::Analysis;
use crate::places::ChosenLocation;

/// Lower-case words that say the name before them is a second-level division. Not
/// "province" or "region": in most countries they are first-level (but see
/// `OWN_NAME_KINDS`).
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

/// Kind words that name a second-level division only where the division's own name says
/// so: "Soum Province" is Burkina Faso's "Province du Soum", but "Kandahar province" is a
/// first-level division, which no second-level one of that name shadows.
const OWN_NAME_KINDS: &[&str] = &["province"];

/// Whether token `k` is a word for a second-level division.
fn is_kind(a: &Analysis<'_>, k: usize) -> bool {
    k < a.tokens.len() && (a.is_any(k, DISTRICT_KINDS) || a.is_any(k, OWN_NAME_KINDS))
}

/// A second-level division named at a chosen location.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NamedDistrict {
    /// The division (index into [`Gazetteer::admin2s`]).
    pub admin2: u32,
    /// The words of its name ("Udhampur").
    pub name: ByteSpan,
    /// The words that name it, with its kind ("Udhampur district").
    pub span: ByteSpan,
}

/// The second-level division the chosen location's words name with their kind, if the
/// gazetteer knows it there, or else in `article_country`, the country the article is
/// about. `name` is the span of the place's name as the article writes it (a town's name,
/// or the name of a settlement the gazetteer lacks).
pub fn district_named(
    a: &Analysis<'_>,
    g: &Gazetteer,
    chosen: &ChosenLocation,
    name: ByteSpan,
    article_country: Option<CountryIdx>,
) -> Option<NamedDistrict> {
    // An offset from a town is a point, not the town's district.
    if chosen.coordinates.is_some() || name.is_empty() {
        return None;
    }
    let (name, kind) = name_and_kind(a, name)?;
    let found = spelled(a, g, name, kind);
    let named = |admin2| NamedDistrict {
        admin2,
        name,
        span: name.cover(a.tokens[kind].span),
    };
    // The town's own district first: "Udhampur district" holds the town of Udhampur.
    if let Some(own) = g.admin2_of(chosen.place).filter(|d| found.contains(d)) {
        return Some(named(own));
    }
    // Else the one district so named in the place's division, or country.
    let country = g.country_of(chosen.place);
    let admin1 = match chosen.place {
        Place::Country(_) => None,
        _ => g.admin1_of(chosen.place),
    };
    only_one_in(g, found.clone(), country, admin1)
        // Else the one in the country the article is about: "Bangladeshi policemen were
        // killed in Magura District" is not about the Romanian town of Magura.
        .or_else(|| {
            let about = article_country.filter(|&c| c != country)?;
            only_one_in(g, found, about, None)
        })
        .map(named)
}

/// The first district of `country` that the words of sentence `sentence` name with their
/// kind ("in Chuadanga District"), for an incident placed only in the country: up to three
/// capitalised words before a kind word that name exactly one district of the country.
pub fn district_in_country(
    a: &Analysis<'_>,
    g: &Gazetteer,
    country: CountryIdx,
    sentence: usize,
) -> Option<NamedDistrict> {
    let range = a.sentence_tokens.get(sentence)?.clone();
    range.clone().find_map(|kind| {
        if !is_kind(a, kind) {
            return None;
        }
        // The longest run of capitalised words before the kind that names one district.
        let first_capital = (kind.saturating_sub(3).max(range.start)..kind)
            .find(|&k| (k..kind).all(|j| a.tokens[j].is_capitalized(a.text)))?;
        (first_capital..kind).find_map(|first| {
            let name = a.span(first, kind - 1);
            only_one_in(g, spelled(a, g, name, kind), country, None).map(|admin2| NamedDistrict {
                admin2,
                name,
                span: name.cover(a.tokens[kind].span),
            })
        })
    })
}

/// The name and the index of the kind word after it: the token after the name, or the
/// name's own last word ("Tarin Kot district", read whole as a settlement's name).
fn name_and_kind(a: &Analysis<'_>, name: ByteSpan) -> Option<(ByteSpan, usize)> {
    let after = a.token_at(name.end);
    if is_kind(a, after) {
        return Some((name, after));
    }
    let first = a.token_at(name.start);
    let last = after.checked_sub(1)?;
    (last > first && is_kind(a, last)).then(|| (a.span(first, last - 1), last))
}

/// The districts the name spells, alone or with its kind word ("Wakiso District").
fn spelled(a: &Analysis<'_>, g: &Gazetteer, name: ByteSpan, kind: usize) -> Vec<u32> {
    let with_kind = name.cover(a.tokens[kind].span);
    let mut found: Vec<u32> = g
        .admin2_named(&name_key(&a.text[name.range()]))
        .iter()
        .chain(g.admin2_named(&name_key(&a.text[with_kind.range()])))
        .copied()
        .collect();
    found.sort_unstable();
    found.dedup();
    if a.is_any(kind, OWN_NAME_KINDS) {
        let word = a.word(kind).to_ascii_lowercase();
        let admin2s = g.admin2s();
        found.retain(|&d| {
            name_key(&admin2s[d as usize].name)
                .split(' ')
                .any(|w| w == word)
        });
    }
    found
}

/// The one district among `found` in `country` (and in `admin1`, when given).
fn only_one_in(
    g: &Gazetteer,
    found: Vec<u32>,
    country: CountryIdx,
    admin1: Option<u32>,
) -> Option<u32> {
    let admin2s = g.admin2s();
    let inside: Vec<u32> = found
        .into_iter()
        .filter(|&d| {
            let d = &admin2s[d as usize];
            d.country == country && (admin1.is_none() || d.admin1 == admin1)
        })
        .collect();
    match inside.as_slice() {
        [only] => Some(*only),
        _ => None,
    }
}
