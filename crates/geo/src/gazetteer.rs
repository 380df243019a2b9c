//! The gazetteer: countries, first-level divisions and populated places, with an index from
//! every recognised spelling to the places it may name.
//!
//! It is built once from three tab-separated tables (see `data/geo/LICENCE.md` for their
//! source) and then shared read-only across threads. Building it is most of sitrep's start-up
//! (about 300,000 spellings of 170,000 places), so the spelling index is kept in a few flat
//! arrays (no allocation per spelling) and rows are split without allocating.

use std::collections::HashMap;
use std::fmt;
use std::hash::BuildHasher;

use hashbrown::HashTable;

use sitrep_model::{CountryCode, GeonamesId, LocationPrecision};

use crate::divisions::{self, LooseDivision};
use crate::error::{GeoError, Result};

/// Index of a country in the gazetteer.
pub type CountryIdx = u16;

/// A place the gazetteer knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Place {
    /// A country (index into [`Gazetteer::countries`]).
    Country(CountryIdx),
    /// A first-level division (index into [`Gazetteer::admin1s`]).
    Admin1(u32),
    /// A populated place (index into [`Gazetteer::cities`]).
    City(u32),
}

/// A country or territory.
#[derive(Debug, Clone)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code.
    pub code: CountryCode,
    /// English common name.
    pub name: String,
    /// Representative latitude.
    pub lat: f64,
    /// Representative longitude.
    pub lon: f64,
    /// GeoNames id of the country.
    pub geonames_id: Option<GeonamesId>,
    /// Population.
    pub population: u64,
    /// The capital, when it is in the city table.
    pub capital: Option<u32>,
}

/// A first-level administrative division.
#[derive(Debug, Clone)]
pub struct Admin1 {
    /// Its country.
    pub country: CountryIdx,
    /// GeoNames admin1 code within the country.
    pub code: String,
    /// English name.
    pub name: String,
    /// Population-weighted centre of its places.
    pub lat: f64,
    /// Population-weighted centre of its places.
    pub lon: f64,
    /// Sum of its places' populations.
    pub population: u64,
    /// GeoNames id of the division, when the table gives one.
    pub geonames_id: Option<GeonamesId>,
    /// Name keys of regions that lie within it and resolve to it without being a name of it
    /// ("north waziristan" in Khyber Pakhtunkhwa).
    pub regions: Vec<String>,
}

/// A second-level administrative division (district, county, department, upazila, ...).
/// Not in the spelling index: a name is read as one only where the text says what it is
/// ("Udhampur district"), through [`Gazetteer::admin2_named`].
#[derive(Debug, Clone)]
pub struct Admin2 {
    /// Its country.
    pub country: CountryIdx,
    /// Its first-level division, when known.
    pub admin1: Option<u32>,
    /// Name, as GeoNames gives it ("Udhampur", "Province du Soum", "Wakiso District").
    pub name: String,
    /// Population-weighted centre of its places.
    pub lat: f64,
    /// Population-weighted centre of its places.
    pub lon: f64,
    /// Sum of its places' populations.
    pub population: u64,
}

/// A populated place.
#[derive(Debug, Clone)]
pub struct City {
    /// GeoNames id.
    pub geonames_id: GeonamesId,
    /// Name.
    pub name: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Its country.
    pub country: CountryIdx,
    /// Its first-level division, when known.
    pub admin1: Option<u32>,
    /// Its second-level division (index into [`Gazetteer::admin2s`]), when known.
    pub admin2: Option<u32>,
    /// Population.
    pub population: u32,
}

/// Everything known about one place, flattened for output.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceInfo {
    /// Name of the place.
    pub name: String,
    /// Country code.
    pub country: CountryCode,
    /// Country name.
    pub country_name: String,
    /// First-level division name.
    pub admin1: Option<String>,
    /// Second-level division name (a town's district or county), when known.
    pub admin2: Option<String>,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// GeoNames id, when the place has one.
    pub geonames_id: Option<GeonamesId>,
    /// How exact the place is.
    pub precision: LocationPrecision,
}

/// The raw text of the four gazetteer tables.
#[derive(Debug, Clone, Copy)]
pub struct GazetteerSources<'a> {
    /// `countries.tsv`.
    pub countries: &'a str,
    /// `admin1.tsv`.
    pub admin1: &'a str,
    /// `admin2.tsv`.
    pub admin2: &'a str,
    /// `cities.tsv`.
    pub cities: &'a str,
}

/// Countries, divisions and places with a spelling index. Read-only once built; `Sync`.
#[derive(Debug, Default)]
pub struct Gazetteer {
    countries: Vec<Country>,
    admin1s: Vec<Admin1>,
    admin2s: Vec<Admin2>,
    /// Second-level divisions by the key of each of their spellings.
    admin2_names: FastMap<Box<str>, Vec<u32>>,
    cities: Vec<City>,
    names: NameIndex,
    demonyms: FastMap<Box<str>, CountryIdx>,
    by_code: FastMap<CountryCode, CountryIdx>,
    /// Loose forms of every spelling of every division, sorted by country.
    loose_divisions: Vec<LooseDivision>,
    /// An index over `loose_divisions` for looking a spelling up in every country, built on
    /// first use (most articles never need it).
    loose_index: std::sync::OnceLock<divisions::LooseIndex>,
    /// The places of every key that doubles a letter, by the key with its doubled letters
    /// written once ("raqqa" under "raqa"), built on first use.
    single_letters: std::sync::OnceLock<FastMap<Box<str>, Vec<Place>>>,
}

/// The key with every doubled letter written once: "ar raqqah" → "ar raqah", "adummim" →
/// "adumim".
fn single_lettered(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut last = None;
    for c in key.chars() {
        if last == Some(c) && c.is_alphabetic() {
            continue;
        }
        out.push(c);
        last = Some(c);
    }
    out
}

/// A hash map with a fast hasher: its keys come from the gazetteer's own tables.
type FastMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

/// Hashes of name keys: fast, and the same in every run (a fixed seed).
#[derive(Clone, Copy)]
struct KeyHasher;

impl KeyHasher {
    fn hash(self, key: &str) -> u64 {
        foldhash::fast::FixedState::with_seed(0x5175_7265_7020_6765).hash_one(key)
    }
}

/// Every name key and the places it may name, in flat arrays: key `i` is
/// `keys[entries[i].key]` and names `places[entries[i].places]`.
#[derive(Default)]
struct NameIndex {
    /// All keys, end to end.
    keys: String,
    entries: Vec<NameEntry>,
    /// The places of each key, sorted and without duplicates, key after key.
    places: Vec<Place>,
    /// Indices into `entries`, by the hash of their key.
    table: HashTable<u32>,
}

#[derive(Debug, Clone, Copy, Default)]
struct NameEntry {
    key_start: u32,
    key_end: u32,
    places_start: u32,
    places_end: u32,
}

impl fmt::Debug for NameIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NameIndex")
            .field("keys", &self.entries.len())
            .field("places", &self.places.len())
            .finish()
    }
}

impl NameIndex {
    fn key(&self, entry: &NameEntry) -> &str {
        &self.keys[entry.key_start as usize..entry.key_end as usize]
    }

    fn get(&self, key: &str) -> &[Place] {
        let found = self.table.find(KeyHasher.hash(key), |&i| {
            self.key(&self.entries[i as usize]) == key
        });
        found.map_or(&[], |&i| {
            let e = self.entries[i as usize];
            &self.places[e.places_start as usize..e.places_end as usize]
        })
    }

    fn len(&self) -> usize {
        self.entries.len()
    }
}

/// Collects (key, place) pairs while the tables are read; [`NameIndexBuilder::finish`] sorts
/// them into a [`NameIndex`].
#[derive(Default)]
struct NameIndexBuilder {
    index: NameIndex,
    /// (entry, place) for every spelling read.
    pairs: Vec<(u32, Place)>,
    /// Scratch for the key being added.
    key: String,
}

impl NameIndexBuilder {
    fn add(&mut self, name: &str, place: Place) {
        self.key.clear();
        push_name_key(name, &mut self.key);
        // Keys of one character name nothing (a stray letter in a table).
        if self.key.chars().nth(1).is_none() {
            return;
        }
        let index = &mut self.index;
        let key = self.key.as_str();
        let hash = KeyHasher.hash(key);
        let entry = match index
            .table
            .find(hash, |&i| index.key(&index.entries[i as usize]) == key)
        {
            Some(&i) => i,
            None => {
                let i = u32::try_from(index.entries.len()).expect("fewer than 2^32 names");
                let key_start = index.keys.len() as u32;
                index.keys.push_str(key);
                index.entries.push(NameEntry {
                    key_start,
                    key_end: index.keys.len() as u32,
                    ..NameEntry::default()
                });
                let (keys, entries) = (&index.keys, &index.entries);
                index.table.insert_unique(hash, i, |&j| {
                    let e = &entries[j as usize];
                    KeyHasher.hash(&keys[e.key_start as usize..e.key_end as usize])
                });
                i
            }
        };
        self.pairs.push((entry, place));
    }

    fn finish(self) -> NameIndex {
        let NameIndexBuilder {
            mut index, pairs, ..
        } = self;
        // A counting sort by key (most keys name one place), then each key's places sorted
        // and deduplicated in place.
        let mut next = vec![0u32; index.entries.len() + 1];
        for &(entry, _) in &pairs {
            next[entry as usize + 1] += 1;
        }
        for i in 1..next.len() {
            next[i] += next[i - 1];
        }
        for (e, w) in index.entries.iter_mut().zip(next.windows(2)) {
            e.places_start = w[0];
        }
        let mut places = vec![Place::Country(0); pairs.len()];
        for (entry, place) in pairs {
            let at = &mut next[entry as usize];
            places[*at as usize] = place;
            *at += 1;
        }
        let mut out = Vec::with_capacity(places.len());
        for (i, e) in index.entries.iter_mut().enumerate() {
            let list = &mut places[e.places_start as usize..next[i] as usize];
            list.sort_unstable();
            e.places_start = out.len() as u32;
            for &p in list.iter() {
                if out.len() as u32 == e.places_start || out.last() != Some(&p) {
                    out.push(p);
                }
            }
            e.places_end = out.len() as u32;
        }
        index.places = out;
        index.keys.shrink_to_fit();
        index
    }
}

/// Normalises a name for lookup: folded (lower case, accents removed), apostrophes and dots
/// dropped, other punctuation and runs of spaces made one space.
pub fn name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    push_name_key(name, &mut out);
    out
}

/// Appends the [`name_key`] of `name` to `out` (which should be empty: a space is never put
/// first).
fn push_name_key(name: &str, out: &mut String) {
    let start = out.len();
    let mut folded = String::new();
    let mut pending_space = false;
    for c in name.chars() {
        if c.is_ascii() && c != '`' {
            // The fold of an ASCII char (but the backtick, an apostrophe) is its lower case:
            // no need for `push_folded`'s table.
            push_key_char(c.to_ascii_lowercase(), out, start, &mut pending_space);
        } else {
            folded.clear();
            sitrep_text::push_folded(c, &mut folded);
            for f in folded.chars() {
                push_key_char(f, out, start, &mut pending_space);
            }
        }
    }
    unify_arabic_articles(out, start);
}

/// Spellings of the Arabic article before a word, "al" once assimilated to the letter after it
/// ("Ad Dawr", "Ar Ramadi", "As Sulaymaniyah", "An Nasiriyah") or written "el": one key, so
/// that "Al-Dawr" in the text finds GeoNames' "Ad Dawr" and "El Arish" finds "Al Arish".
const ARTICLE_SPELLINGS: &[&str] = &[
    "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az", "el",
];

/// Rewrites every article spelling of [`ARTICLE_SPELLINGS`] that has a word after it in the key
/// `out[start..]` as "al".
fn unify_arabic_articles(out: &mut String, start: usize) {
    let key = &out[start..];
    let needs = key
        .split(' ')
        .rev()
        .skip(1)
        .any(|w| ARTICLE_SPELLINGS.contains(&w));
    if !needs {
        return;
    }
    let words: Vec<&str> = key.split(' ').collect();
    let last = words.len() - 1;
    let unified = words
        .iter()
        .enumerate()
        .map(|(k, w)| {
            if k < last && ARTICLE_SPELLINGS.contains(w) {
                "al"
            } else {
                w
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    out.truncate(start);
    out.push_str(&unified);
}

#[inline(always)]
fn push_key_char(f: char, out: &mut String, start: usize, pending_space: &mut bool) {
    if f.is_alphanumeric() {
        if *pending_space && out.len() > start {
            out.push(' ');
        }
        *pending_space = false;
        out.push(f);
    } else if f == '.' {
        // "St. Louis" = "St Louis"
        *pending_space = true;
    } else if f != '\'' {
        // "N'Djamena" = "NDjamena"
        *pending_space = true;
    }
}

struct Table<'a> {
    file: &'static str,
    columns: HashMap<&'a str, usize>,
}

impl<'a> Table<'a> {
    fn new(file: &'static str, header: &'a str) -> Self {
        let columns = header
            .split('\t')
            .enumerate()
            .map(|(i, c)| (c.trim(), i))
            .collect();
        Table { file, columns }
    }

    fn column(&self, name: &'static str) -> Result<usize> {
        self.columns
            .get(name)
            .copied()
            .ok_or(GeoError::MissingColumn {
                file: self.file,
                column: name,
            })
    }
}

fn rows(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .skip(1)
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty())
}

/// Splits a row at tabs into `fields` (reused from row to row: no allocation per row).
/// The columns the two division tables, `admin1.tsv` and `admin2.tsv`, share.
struct DivisionColumns {
    file: &'static str,
    country: usize,
    code: usize,
    name: usize,
    lat: usize,
    lon: usize,
    population: usize,
    names: usize,
}

impl DivisionColumns {
    fn of(t: &Table<'_>) -> Result<Self> {
        Ok(DivisionColumns {
            file: t.file,
            country: t.column("country")?,
            code: t.column("admin1_code")?,
            name: t.column("name")?,
            lat: t.column("lat")?,
            lon: t.column("lon")?,
            population: t.column("population")?,
            names: t.column("names")?,
        })
    }

    /// The row's country code.
    fn country(&self, f: &[&str], line: usize) -> Result<CountryCode> {
        CountryCode::new(field(f, self.country, self.file, line)?)
            .map_err(|e| bad(self.file, line, e.to_string()))
    }

    /// The row's centre (latitude, longitude) and population (0 when not given).
    fn centre_and_population(&self, f: &[&str], line: usize) -> Result<(f64, f64, u64)> {
        let file = self.file;
        Ok((
            number(field(f, self.lat, file, line)?, file, line, "lat")?,
            number(field(f, self.lon, file, line)?, file, line, "lon")?,
            optional_number(
                field(f, self.population, file, line)?,
                file,
                line,
                "population",
            )?
            .unwrap_or(0),
        ))
    }
}

fn split_row<'a>(row: &'a str, fields: &mut Vec<&'a str>) {
    fields.clear();
    let mut start = 0;
    for (i, &b) in row.as_bytes().iter().enumerate() {
        if b == b'\t' {
            fields.push(&row[start..i]);
            start = i + 1;
        }
    }
    fields.push(&row[start..]);
}

fn header(text: &str) -> &str {
    text.lines()
        .next()
        .unwrap_or("")
        .trim_start_matches('\u{feff}')
}

fn bad(file: &'static str, line: usize, message: impl Into<String>) -> GeoError {
    GeoError::BadRow {
        file,
        line,
        message: message.into(),
    }
}

fn field<'a>(fields: &[&'a str], i: usize, file: &'static str, line: usize) -> Result<&'a str> {
    fields
        .get(i)
        .copied()
        .ok_or_else(|| bad(file, line, format!("missing column {}", i + 1)))
}

fn number<T: std::str::FromStr>(s: &str, file: &'static str, line: usize, what: &str) -> Result<T> {
    // Trimming first costs more than the parse; numbers in the tables are rarely padded.
    s.parse()
        .or_else(|_| s.trim().parse())
        .map_err(|_| bad(file, line, format!("{what} {s:?} is not a number")))
}

fn optional_number<T: std::str::FromStr>(
    s: &str,
    file: &'static str,
    line: usize,
    what: &str,
) -> Result<Option<T>> {
    if s.trim().is_empty() {
        Ok(None)
    } else {
        number(s, file, line, what).map(Some)
    }
}

fn alternates(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|n| !n.is_empty())
}

impl Gazetteer {
    /// Builds the gazetteer from the three tables. Fails on the first malformed row, naming
    /// its file and line.
    pub fn from_sources(sources: GazetteerSources<'_>) -> Result<Self> {
        let mut g = Gazetteer::default();
        let mut names = NameIndexBuilder::default();
        g.load_countries(sources.countries, &mut names)?;
        let admin1_index = g.load_admin1(sources.admin1, &mut names)?;
        let admin2_rows = g.load_admin2(sources.admin2, &admin1_index)?;
        g.load_cities(sources.cities, &admin1_index, &admin2_rows, &mut names)?;
        g.names = names.finish();
        g.link_capitals(sources.countries)?;
        Ok(g)
    }

    fn load_countries(&mut self, text: &str, names: &mut NameIndexBuilder) -> Result<()> {
        const FILE: &str = "countries.tsv";
        let t = Table::new(FILE, header(text));
        let (c_iso, c_name, c_lat, c_lon, c_gid, c_pop, c_names, c_dem) = (
            t.column("iso2")?,
            t.column("name")?,
            t.column("lat")?,
            t.column("lon")?,
            t.column("geonames_id")?,
            t.column("population")?,
            t.column("names")?,
            t.column("demonyms")?,
        );
        let mut f = Vec::with_capacity(t.columns.len());
        for (line, row) in rows(text) {
            split_row(row, &mut f);
            let code = CountryCode::new(field(&f, c_iso, FILE, line)?)
                .map_err(|e| bad(FILE, line, e.to_string()))?;
            let idx = CountryIdx::try_from(self.countries.len())
                .map_err(|_| bad(FILE, line, "too many countries"))?;
            let name = field(&f, c_name, FILE, line)?.to_string();
            self.countries.push(Country {
                code,
                name: name.clone(),
                lat: number(field(&f, c_lat, FILE, line)?, FILE, line, "lat")?,
                lon: number(field(&f, c_lon, FILE, line)?, FILE, line, "lon")?,
                geonames_id: optional_number(
                    field(&f, c_gid, FILE, line)?,
                    FILE,
                    line,
                    "geonames_id",
                )?
                .map(GeonamesId),
                population: optional_number(
                    field(&f, c_pop, FILE, line)?,
                    FILE,
                    line,
                    "population",
                )?
                .unwrap_or(0),
                capital: None,
            });
            self.by_code.insert(code, idx);
            names.add(&name, Place::Country(idx));
            for alt in alternates(field(&f, c_names, FILE, line)?) {
                names.add(alt, Place::Country(idx));
            }
            for demonym in alternates(field(&f, c_dem, FILE, line)?) {
                let key = name_key(demonym);
                if key.len() < 2 {
                    continue;
                }
                if !key.ends_with('s') && !key.ends_with("ese") && !key.ends_with("ch") {
                    self.demonyms
                        .entry(format!("{key}s").into_boxed_str())
                        .or_insert(idx);
                }
                self.demonyms.entry(key.into_boxed_str()).or_insert(idx);
            }
        }
        Ok(())
    }

    fn load_admin1<'a>(
        &mut self,
        text: &'a str,
        names: &mut NameIndexBuilder,
    ) -> Result<FastMap<(CountryIdx, &'a str), u32>> {
        const FILE: &str = "admin1.tsv";
        let t = Table::new(FILE, header(text));
        let c = DivisionColumns::of(&t)?;
        // Optional: the sources give ids for few divisions.
        let c_gid = t.column("geonames_id").ok();
        // Optional: older tables have no regions.
        let c_regions = t.column("regions").ok();
        let mut index = FastMap::default();
        let mut f = Vec::with_capacity(t.columns.len());
        for (line, row) in rows(text) {
            split_row(row, &mut f);
            let Some(&country) = self.by_code.get(&c.country(&f, line)?) else {
                continue; // a division of a territory the country table lacks
            };
            let geonames_id = match c_gid {
                Some(c) => optional_number(field(&f, c, FILE, line)?, FILE, line, "geonames_id")?
                    .map(GeonamesId),
                None => None,
            };
            let idx =
                u32::try_from(self.admin1s.len()).map_err(|_| bad(FILE, line, "too many rows"))?;
            let admin_code = field(&f, c.code, FILE, line)?;
            let name = field(&f, c.name, FILE, line)?.to_string();
            index.insert((country, admin_code), idx);
            let (lat, lon, population) = c.centre_and_population(&f, line)?;
            self.admin1s.push(Admin1 {
                country,
                code: admin_code.to_string(),
                name: name.clone(),
                lat,
                lon,
                population,
                geonames_id,
                regions: Vec::new(),
            });
            names.add(&name, Place::Admin1(idx));
            self.add_loose_division(idx, country, &name);
            for alt in alternates(field(&f, c.names, FILE, line)?) {
                names.add(alt, Place::Admin1(idx));
                self.add_loose_division(idx, country, alt);
            }
            if let Some(c) = c_regions {
                for region in alternates(field(&f, c, FILE, line)?) {
                    names.add(region, Place::Admin1(idx));
                    self.admin1s[idx as usize].regions.push(name_key(region));
                }
            }
        }
        self.loose_divisions.sort_by_key(|f| f.country);
        Ok(index)
    }

    fn add_loose_division(&mut self, admin1: u32, country: CountryIdx, name: &str) {
        let key = divisions::loose_key(name);
        self.loose_divisions.push(LooseDivision {
            admin1,
            country,
            skeleton: divisions::skeleton(&key).into(),
            key: key.into(),
        });
    }

    /// Reads `admin2.tsv`. Returns, for each of its rows, the division it became (`None` for
    /// a division of a territory the country table lacks), for the cities to point to.
    fn load_admin2(
        &mut self,
        text: &str,
        admin1_index: &FastMap<(CountryIdx, &str), u32>,
    ) -> Result<Vec<Option<u32>>> {
        const FILE: &str = "admin2.tsv";
        let t = Table::new(FILE, header(text));
        let c = DivisionColumns::of(&t)?;
        let mut loaded = Vec::new();
        let mut f = Vec::with_capacity(t.columns.len());
        for (line, row) in rows(text) {
            split_row(row, &mut f);
            let Some(&country) = self.by_code.get(&c.country(&f, line)?) else {
                loaded.push(None);
                continue;
            };
            let idx =
                u32::try_from(self.admin2s.len()).map_err(|_| bad(FILE, line, "too many rows"))?;
            let name = field(&f, c.name, FILE, line)?.to_string();
            let mut keys: Vec<String> = std::iter::once(name.as_str())
                .chain(alternates(field(&f, c.names, FILE, line)?))
                .map(name_key)
                .collect();
            keys.sort_unstable();
            keys.dedup();
            for key in keys {
                self.admin2_names
                    .entry(key.into_boxed_str())
                    .or_default()
                    .push(idx);
            }
            let (lat, lon, population) = c.centre_and_population(&f, line)?;
            self.admin2s.push(Admin2 {
                country,
                admin1: admin1_index
                    .get(&(country, field(&f, c.code, FILE, line)?))
                    .copied(),
                name,
                lat,
                lon,
                population,
            });
            loaded.push(Some(idx));
        }
        Ok(loaded)
    }

    fn load_cities(
        &mut self,
        text: &str,
        admin1_index: &FastMap<(CountryIdx, &str), u32>,
        admin2_rows: &[Option<u32>],
        names: &mut NameIndexBuilder,
    ) -> Result<()> {
        const FILE: &str = "cities.tsv";
        let t = Table::new(FILE, header(text));
        let (c_id, c_name, c_lat, c_lon, c_country, c_admin, c_pop, c_names) = (
            t.column("geonames_id")?,
            t.column("name")?,
            t.column("lat")?,
            t.column("lon")?,
            t.column("country")?,
            t.column("admin1_code")?,
            t.column("population")?,
            t.column("names")?,
        );
        // Optional: a table without second-level divisions places no city in one.
        let c_admin2 = t.column("admin2").ok();
        self.cities.reserve(text.len() / 60);
        let mut f = Vec::with_capacity(t.columns.len());
        for (line, row) in rows(text) {
            split_row(row, &mut f);
            let code = CountryCode::new(field(&f, c_country, FILE, line)?)
                .map_err(|e| bad(FILE, line, e.to_string()))?;
            let Some(&country) = self.by_code.get(&code) else {
                continue;
            };
            let idx =
                u32::try_from(self.cities.len()).map_err(|_| bad(FILE, line, "too many rows"))?;
            let admin_code = field(&f, c_admin, FILE, line)?;
            let admin2 = match c_admin2 {
                Some(c) => {
                    match optional_number::<usize>(field(&f, c, FILE, line)?, FILE, line, "admin2")?
                    {
                        Some(row) => *admin2_rows.get(row).ok_or_else(|| {
                            bad(FILE, line, format!("admin2 row {row} is not in admin2.tsv"))
                        })?,
                        None => None,
                    }
                }
                None => None,
            };
            let name = field(&f, c_name, FILE, line)?.to_string();
            names.add(&name, Place::City(idx));
            for alt in alternates(field(&f, c_names, FILE, line)?) {
                names.add(alt, Place::City(idx));
            }
            self.cities.push(City {
                geonames_id: GeonamesId(number(
                    field(&f, c_id, FILE, line)?,
                    FILE,
                    line,
                    "geonames_id",
                )?),
                name,
                lat: number(field(&f, c_lat, FILE, line)?, FILE, line, "lat")?,
                lon: number(field(&f, c_lon, FILE, line)?, FILE, line, "lon")?,
                country,
                admin1: admin1_index.get(&(country, admin_code)).copied(),
                admin2,
                population: optional_number(
                    field(&f, c_pop, FILE, line)?,
                    FILE,
                    line,
                    "population",
                )?
                .unwrap_or(0),
            });
        }
        Ok(())
    }

    /// Links each country to its capital: the most populous city of that country whose name
    /// matches the `capital` column.
    fn link_capitals(&mut self, countries_text: &str) -> Result<()> {
        const FILE: &str = "countries.tsv";
        let t = Table::new(FILE, header(countries_text));
        let c_capital = t.column("capital")?;
        for (i, (_, row)) in rows(countries_text).enumerate() {
            let f: Vec<&str> = row.split('\t').collect();
            let Some(capital) = f.get(c_capital).map(|s| s.trim()).filter(|s| !s.is_empty()) else {
                continue;
            };
            let Some(country) = self.countries.get(i).map(|_| i as CountryIdx) else {
                continue;
            };
            let best = self
                .lookup(capital)
                .iter()
                .filter_map(|p| match *p {
                    Place::City(c) if self.cities[c as usize].country == country => Some(c),
                    _ => None,
                })
                .max_by_key(|&c| self.cities[c as usize].population);
            self.countries[i].capital = best;
        }
        Ok(())
    }

    /// The places a spelling may name (any case, accents optional).
    pub fn lookup(&self, name: &str) -> &[Place] {
        self.lookup_key(&name_key(name))
    }

    /// The places for an already normalised key (see [`name_key`]).
    pub fn lookup_key(&self, key: &str) -> &[Place] {
        self.names.get(key)
    }

    /// The places a key names when doubled letters are taken as single ones, either side:
    /// "Raqa" finds Raqqa, "Tal Afar" Tall Afar, "Adummim" Adumim. Empty when the key has no
    /// such reading. For a name the words mark as a place: doubled letters are also how
    /// different names differ.
    pub fn lookup_single_letters(&self, key: &str) -> Vec<Place> {
        let index = self.single_letters.get_or_init(|| {
            let mut map: FastMap<Box<str>, Vec<Place>> = FastMap::default();
            for entry in &self.names.entries {
                let key = self.names.key(entry);
                let single = single_lettered(key);
                if single != key {
                    let places =
                        &self.names.places[entry.places_start as usize..entry.places_end as usize];
                    map.entry(single.into_boxed_str())
                        .or_default()
                        .extend_from_slice(places);
                }
            }
            for places in map.values_mut() {
                places.sort_unstable();
                places.dedup();
            }
            map
        });
        let single = single_lettered(key);
        let mut out: Vec<Place> = index.get(single.as_str()).cloned().unwrap_or_default();
        if single != key {
            out.extend_from_slice(self.lookup_key(&single));
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The one division of `country` that `written` names when spelling is taken loosely: kind
    /// words, spaces, hyphens and vowels aside ("Northern region" for Northern Governorate,
    /// "Jawzjan" for Jowzjan). Only for a name that can be nothing but a division of that
    /// country, such as the part before the country in an address.
    pub fn division_written(&self, country: CountryIdx, written: &str) -> Option<u32> {
        divisions::find(&self.loose_divisions, country, written)
    }

    /// Whether `written` names a region within division `admin1` rather than the division.
    pub fn is_region_within(&self, admin1: u32, written: &str) -> bool {
        let key = name_key(written);
        self.admin1s
            .get(admin1 as usize)
            .is_some_and(|d| d.regions.contains(&key))
    }

    /// The divisions of any country that `written` names when spelling is taken loosely
    /// ("Urozgan" for Oruzgan; "Northwest" for Cameroon's Northwest Region and South Africa's
    /// North West). Only for a name that the words mark as a division, such as one followed
    /// by "province".
    pub fn divisions_anywhere(&self, written: &str) -> Vec<u32> {
        let index = self
            .loose_index
            .get_or_init(|| divisions::LooseIndex::new(&self.loose_divisions));
        divisions::find_anywhere(&self.loose_divisions, index, written)
    }

    /// The country a demonym or adjective names ("Libyan", "South Koreans").
    pub fn demonym(&self, word: &str) -> Option<CountryIdx> {
        self.demonyms.get(name_key(word).as_str()).copied()
    }

    /// The country for a demonym key (see [`name_key`]).
    pub fn demonym_key(&self, key: &str) -> Option<CountryIdx> {
        self.demonyms.get(key).copied()
    }

    /// A country by its code.
    pub fn country_by_code(&self, code: CountryCode) -> Option<CountryIdx> {
        self.by_code.get(&code).copied()
    }

    /// All countries.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// All first-level divisions.
    pub fn admin1s(&self) -> &[Admin1] {
        &self.admin1s
    }

    /// All populated places.
    pub fn cities(&self) -> &[City] {
        &self.cities
    }

    /// One country.
    pub fn country(&self, idx: CountryIdx) -> &Country {
        &self.countries[idx as usize]
    }

    /// The country a place is in.
    pub fn country_of(&self, place: Place) -> CountryIdx {
        match place {
            Place::Country(c) => c,
            Place::Admin1(a) => self.admin1s[a as usize].country,
            Place::City(c) => self.cities[c as usize].country,
        }
    }

    /// The first-level division a place is in, if any.
    pub fn admin1_of(&self, place: Place) -> Option<u32> {
        match place {
            Place::Country(_) => None,
            Place::Admin1(a) => Some(a),
            Place::City(c) => self.cities[c as usize].admin1,
        }
    }

    /// The second-level division a town is in, if known.
    pub fn admin2_of(&self, place: Place) -> Option<u32> {
        match place {
            Place::City(c) => self.cities[c as usize].admin2,
            Place::Country(_) | Place::Admin1(_) => None,
        }
    }

    /// Every second-level division.
    pub fn admin2s(&self) -> &[Admin2] {
        &self.admin2s
    }

    /// The second-level divisions a spelling may name, by its [`name_key`], anywhere in the
    /// world ("udhampur", "soum", "wakiso district").
    pub fn admin2_named(&self, key: &str) -> &[u32] {
        self.admin2_names.get(key).map_or(&[], Vec::as_slice)
    }

    /// Population of a place (0 when unknown).
    pub fn population(&self, place: Place) -> u64 {
        match place {
            Place::Country(c) => self.countries[c as usize].population,
            Place::Admin1(a) => self.admin1s[a as usize].population,
            Place::City(c) => u64::from(self.cities[c as usize].population),
        }
    }

    /// Coordinates of a place.
    pub fn coordinates(&self, place: Place) -> (f64, f64) {
        match place {
            Place::Country(c) => (
                self.countries[c as usize].lat,
                self.countries[c as usize].lon,
            ),
            Place::Admin1(a) => (self.admin1s[a as usize].lat, self.admin1s[a as usize].lon),
            Place::City(c) => (self.cities[c as usize].lat, self.cities[c as usize].lon),
        }
    }

    /// Whether `inner` lies in `outer` (a city in its division or country, a division in its
    /// country). A place contains itself.
    pub fn contains(&self, outer: Place, inner: Place) -> bool {
        if outer == inner {
            return true;
        }
        match outer {
            Place::Country(c) => self.country_of(inner) == c,
            Place::Admin1(a) => matches!(inner, Place::City(_)) && self.admin1_of(inner) == Some(a),
            Place::City(_) => false,
        }
    }

    /// A place's own name (the gazetteer's, not an alternate).
    pub fn name(&self, place: Place) -> &str {
        match place {
            Place::Country(c) => &self.country(c).name,
            Place::Admin1(a) => &self.admin1s[a as usize].name,
            Place::City(c) => &self.cities[c as usize].name,
        }
    }

    /// Everything about a place, for output.
    pub fn info(&self, place: Place) -> PlaceInfo {
        let country = self.country(self.country_of(place));
        let admin1 = self
            .admin1_of(place)
            .map(|a| self.admin1s[a as usize].name.clone());
        let (lat, lon) = self.coordinates(place);
        let (geonames_id, precision) = match place {
            Place::Country(_) => (country.geonames_id, LocationPrecision::Country),
            Place::Admin1(a) => (
                self.admin1s[a as usize].geonames_id,
                LocationPrecision::Admin1,
            ),
            Place::City(c) => (
                Some(self.cities[c as usize].geonames_id),
                LocationPrecision::City,
            ),
        };
        PlaceInfo {
            name: self.name(place).to_string(),
            country: country.code,
            country_name: country.name.clone(),
            admin1,
            admin2: self
                .admin2_of(place)
                .map(|d| self.admin2s[d as usize].name.clone()),
            lat: round4(lat),
            lon: round4(lon),
            geonames_id,
            precision,
        }
    }

    /// Number of spellings indexed.
    pub fn name_count(&self) -> usize {
        self.names.len()
    }
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) const COUNTRIES: &str = "iso2\tiso3\tname\tlat\tlon\tgeonames_id\tpopulation\tcapital\tnames\tdemonyms
LY\tLBY\tLibya\t25.0\t17.0\t2215636\t6461454\tTripoli\tLibya|State of Libya\tLibyan
LB\tLBN\tLebanon\t33.83\t35.83\t272103\t6848925\tBeirut\tLebanon|Lebanese Republic\tLebanese
KR\tKOR\tSouth Korea\t37.0\t127.5\t1835841\t51635256\tSeoul\tSouth Korea|Republic of Korea\tSouth Korean|Korean
FR\tFRA\tFrance\t46.0\t2.0\t3017382\t66987244\tParis\tFrance|French Republic\tFrench
US\tUSA\tUnited States\t38.0\t-97.0\t6252001\t327167434\tWashington\tUnited States|U.S.|USA|America\tAmerican|U.S.
";
    pub(crate) const ADMIN1: &str = "country\tadmin1_code\tname\tlat\tlon\tpopulation\tnames
LY\t77\tTripoli\t32.8\t13.1\t1500000\tTripoli|Sha'biyat Tarabulus
LY\t69\tBenghazi\t32.1\t20.1\t800000\tBenghazi
LB\t09\tNorth Governorate\t34.4\t35.9\t800000\tNorth Governorate|North
FR\t11\tIle-de-France\t48.8\t2.3\t12000000\tÎle-de-France|Ile-de-France
US\tTX\tTexas\t31.0\t-99.0\t28000000\tTexas
US\tMO\tMissouri\t38.5\t-92.5\t6000000\tMissouri
";
    pub(crate) const ADMIN2: &str = "country\tadmin1_code\tname\tlat\tlon\tpopulation\tnames
US\tMO\tCity of Saint Louis\t38.63\t-90.24\t300000\tSaint Louis
US\tTX\tLamar County\t33.66\t-95.57\t49000\tLamar
";
    pub(crate) const CITIES: &str =
        "geonames_id\tname\tlat\tlon\tcountry\tadmin1_code\tpopulation\tnames
2210247\tTripoli\t32.8872\t13.1913\tLY\t77\t1150989\tTarabulus
88319\tBenghazi\t32.1167\t20.0667\tLY\t69\t650629\tBanghazi
266826\tTripoli\t34.4367\t35.8497\tLB\t09\t229398\tTarabulus
2988507\tParis\t48.8534\t2.3488\tFR\t11\t2138551\t
4717560\tParis\t33.6609\t-95.5555\tUS\tTX\t24782\t
1835848\tSeoul\t37.566\t126.9784\tKR\t11\t10349312\t
4407066\tSt. Louis\t38.6273\t-90.1979\tUS\tMO\t279695\tSaint Louis
";

    pub(crate) fn small() -> Gazetteer {
        Gazetteer::from_sources(GazetteerSources {
            countries: COUNTRIES,
            admin1: ADMIN1,
            admin2: ADMIN2,
            cities: CITIES,
        })
        .unwrap()
    }

    #[test]
    fn spellings_of_the_arabic_article_share_a_key() {
        assert_eq!(name_key("Al-Dawr"), name_key("Ad Dawr"));
        assert_eq!(name_key("an-Nasiriyah"), name_key("Al Nasiriyah"));
        assert_eq!(name_key("El Arish"), name_key("al-Arish"));
        assert_eq!(name_key("Dayr az Zawr"), "dayr al zawr");
        // Only before a word: a name ending in one of the spellings keeps it.
        assert_eq!(name_key("Tel As"), "tel as");
        assert_eq!(name_key("Paris"), "paris");
    }

    #[test]
    fn doubled_letters_written_once_find_the_name_either_way() {
        let g = small();
        // A doubled letter the gazetteer's spelling lacks is read once.
        assert_eq!(g.lookup_single_letters("bengghazi"), g.lookup("Benghazi"));
        assert_eq!(g.lookup_single_letters("pariss"), g.lookup("Paris"));
        // A doubled letter in the gazetteer's key ("Missouri") is found written once.
        assert_eq!(g.lookup_single_letters("misouri"), g.lookup("Missouri"));
        assert!(g.lookup_single_letters("atlantis").is_empty());
        assert_eq!(single_lettered("ar raqqah"), "ar raqah");
    }

    #[test]
    fn a_town_knows_its_second_level_division_which_only_its_own_index_spells() {
        // The cities table gives the division's row in admin2.tsv.
        let cities = "geonames_id\tname\tlat\tlon\tcountry\tadmin1_code\tpopulation\tnames\tadmin2
4717560\tParis\t33.6609\t-95.5555\tUS\tTX\t24782\t\t1
4407066\tSt. Louis\t38.6273\t-90.1979\tUS\tMO\t279695\tSaint Louis\t0
2988507\tParis\t48.8534\t2.3488\tFR\t11\t2138551\t\t
";
        let g = Gazetteer::from_sources(GazetteerSources {
            countries: COUNTRIES,
            admin1: ADMIN1,
            admin2: ADMIN2,
            cities,
        })
        .unwrap();
        let texan = g
            .lookup("Paris")
            .iter()
            .copied()
            .find(|p| g.country(g.country_of(*p)).code.as_str() == "US");
        let info = g.info(texan.unwrap());
        assert_eq!(info.admin2.as_deref(), Some("Lamar County"));
        assert_eq!(info.admin1.as_deref(), Some("Texas"));
        // A French Paris has none.
        let french = g
            .lookup("Paris")
            .iter()
            .copied()
            .find(|p| g.country(g.country_of(*p)).code.as_str() == "FR");
        assert_eq!(g.info(french.unwrap()).admin2, None);
        // A division is found by its name and by its name without the generic words, but
        // is not among the places a spelling names in running text.
        let lamar = g.admin2_named("lamar");
        assert_eq!(lamar, g.admin2_named("lamar county"));
        assert_eq!(lamar.len(), 1);
        let d = &g.admin2s()[lamar[0] as usize];
        assert_eq!(g.admin1s()[d.admin1.unwrap() as usize].name, "Texas");
        assert!(g.lookup("Lamar").is_empty());
        // A row that is not in admin2.tsv is an error that says so.
        let broken = "geonames_id\tname\tlat\tlon\tcountry\tadmin1_code\tpopulation\tnames\tadmin2
4717560\tParis\t33.6609\t-95.5555\tUS\tTX\t24782\t\t7
";
        let err = Gazetteer::from_sources(GazetteerSources {
            countries: COUNTRIES,
            admin1: ADMIN1,
            admin2: ADMIN2,
            cities: broken,
        })
        .unwrap_err();
        assert!(err.to_string().contains("admin2 row 7"), "{err}");
    }

    #[test]
    fn names_are_found_in_any_case_and_accent() {
        let g = small();
        assert_eq!(g.lookup("TRIPOLI").len(), 3); // two cities and a division
        assert_eq!(g.lookup("ile de france"), g.lookup("Île-de-France"));
        assert!(g.lookup("Atlantis").is_empty());
    }

    #[test]
    fn demonyms_and_their_plurals_name_countries() {
        let g = small();
        let kr = g.country_by_code(CountryCode::new("KR").unwrap()).unwrap();
        assert_eq!(g.demonym("South Korean"), Some(kr));
        assert_eq!(g.demonym("Koreans"), Some(kr));
        assert_eq!(
            g.demonym("French"),
            g.country_by_code(CountryCode::new("FR").unwrap())
        );
        assert_eq!(g.demonym("Martian"), None);
    }

    #[test]
    fn capitals_are_linked_within_their_country() {
        let g = small();
        let ly = g.country_by_code(CountryCode::new("LY").unwrap()).unwrap();
        let capital = g.country(ly).capital.unwrap();
        assert_eq!(
            g.cities()[capital as usize].geonames_id,
            GeonamesId(2210247)
        );
    }

    #[test]
    fn containment_follows_the_hierarchy() {
        let g = small();
        let tripoli_ly = Place::City(0);
        let ly_tripoli_admin = Place::Admin1(0);
        let lb = Place::Country(g.country_by_code(CountryCode::new("LB").unwrap()).unwrap());
        assert!(g.contains(ly_tripoli_admin, tripoli_ly));
        assert!(!g.contains(lb, tripoli_ly));
        assert!(g.contains(lb, Place::City(2)));
    }

    #[test]
    fn info_flattens_a_city() {
        let g = small();
        let info = g.info(Place::City(0));
        assert_eq!(info.name, "Tripoli");
        assert_eq!(info.country.as_str(), "LY");
        assert_eq!(info.country_name, "Libya");
        assert_eq!(info.admin1.as_deref(), Some("Tripoli"));
        assert_eq!(info.precision, LocationPrecision::City);
    }

    #[test]
    fn malformed_rows_name_file_and_line() {
        let cities = "geonames_id\tname\tlat\tlon\tcountry\tadmin1_code\tpopulation\tnames\n1\tX\tnorth\t0\tLY\t77\t1\t\n";
        let err = Gazetteer::from_sources(GazetteerSources {
            countries: COUNTRIES,
            admin1: ADMIN1,
            admin2: ADMIN2,
            cities,
        })
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "cities.tsv:2: lat \"north\" is not a number"
        );
        let err = Gazetteer::from_sources(GazetteerSources {
            countries: "iso2\tname\n",
            admin1: ADMIN1,
            admin2: ADMIN2,
            cities: CITIES,
        })
        .unwrap_err();
        assert!(err.to_string().contains("missing column"));
    }

    #[test]
    fn name_keys_fold_punctuation() {
        assert_eq!(name_key("N'Djamena"), "ndjamena");
        assert_eq!(name_key("St. Louis"), "st louis");
        assert_eq!(name_key("Ras al-Ain"), "ras al ain");
        assert_eq!(name_key("  São   Paulo "), "sao paulo");
    }
}
