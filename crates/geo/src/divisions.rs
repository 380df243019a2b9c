//! Loose matching of first-level division names, for divisions written in an address.
//!
//! News and incident databases write a division the way they transliterate or translate it,
//! not the way GeoNames does: "Jawzjan" for Jowzjan, "Sari Pul" for Sar-e Pol, "Northern" or
//! "Northern region" for Northern Governorate, "Nord" for Nord Region. Such spellings are not
//! in the spelling index, and some ("Northern", "Central") must not be: on their own they are
//! ordinary words. Inside an address that ends in a country ("in Aali, Northern region,
//! Bahrain") the name can only be a division of that country, which makes a loose comparison
//! safe: it is made against that country's few dozen divisions only, and must pick exactly one.

use std::collections::HashMap;

use crate::gazetteer::{CountryIdx, name_key};

/// Words naming a kind of division, dropped from the end of a name before loose comparison.
const KIND_WORDS: &[&str] = &[
    "region",
    "governorate",
    "province",
    "state",
    "department",
    "district",
    "division",
    "prefecture",
    "county",
    "oblast",
    "territory",
    "municipality",
];

/// The loose forms of one spelling of a division.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LooseDivision {
    /// The division (index into the gazetteer's divisions).
    pub admin1: u32,
    /// Its country.
    pub country: CountryIdx,
    /// [`loose_key`] of the spelling.
    pub key: Box<str>,
    /// [`skeleton`] of the spelling.
    pub skeleton: Box<str>,
}

/// Whether a lower-case word names a kind of division ("region", "governorate", ...).
pub fn is_division_kind(word: &str) -> bool {
    KIND_WORDS.contains(&word)
}

/// The name folded, without a trailing kind word, spaces and hyphens:
/// "South-West Region" → "southwest", "Northern Governorate" → "northern".
pub(crate) fn loose_key(name: &str) -> String {
    let key = name_key(name);
    let mut words: Vec<&str> = key.split(' ').collect();
    if words.len() > 1 && words.last().is_some_and(|w| is_division_kind(w)) {
        words.pop();
    }
    words.concat()
}

/// The consonants of a loose key, with vowels, "w" and "y" dropped and doubled letters made
/// single: "jowzjan" and "jawzjan" → "jzjn", "sarepol" and "saripul" → "srpl".
pub(crate) fn skeleton(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    for c in key.chars() {
        if matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'w' | 'y') || out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    out
}

/// Whether two spellings are transliterations of one name: the same consonants in the same
/// order once folded ("Mazari Sharif" and "Mazār-e Sharīf", "Mihtarlam" and "Mehtar Lām",
/// "Derna" and "Darnah"), beginning and ending alike. A short or other name is not one
/// ("Urfa" and "Şanlıurfa").
pub fn spelled_alike(a: &str, b: &str) -> bool {
    let (a, b) = (without_article(a), without_article(b));
    let (a, b) = (loose_key(&a), loose_key(&b));
    // A final "h" after a vowel is written or not ("Darnah" and "Derna", "Hillah" and "Hilla").
    let plain = |k: &str| -> String {
        match k.strip_suffix('h') {
            Some(rest) if rest.ends_with(['a', 'e', 'i', 'o', 'u']) => rest.to_string(),
            _ => k.to_string(),
        }
    };
    let (a, b) = (plain(&a), plain(&b));
    // Ending alike too: another language's form ends otherwise ("Florencia", "Florence").
    same_start(&a, &b) && a.chars().last() == b.chars().last() && skeleton(&a) == skeleton(&b)
}

/// Arabic articles that some spellings write before a name and others leave out ("Al
/// Fallūjah", "Fallujah").
const ARTICLES: &[&str] = &["al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ath"];

/// The name key without a leading article.
fn without_article(name: &str) -> String {
    let key = name_key(name);
    match key.split_once(' ') {
        Some((first, rest)) if ARTICLES.contains(&first) => rest.to_string(),
        _ => key,
    }
}

/// Whether two loose keys begin alike: the same letter, or both a vowel ("Oruzgan",
/// "Uruzgan").
fn same_start(a: &str, b: &str) -> bool {
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
    match (a.chars().next(), b.chars().next()) {
        (Some(x), Some(y)) => x == y || (vowel(x) && vowel(y)),
        _ => false,
    }
}

/// The one division of `country` among `forms` (sorted by country) that `written` names
/// loosely: first by [`loose_key`], then by [`skeleton`]. `None` when no division, or more
/// than one, matches.
pub(crate) fn find(forms: &[LooseDivision], country: CountryIdx, written: &str) -> Option<u32> {
    let from = forms.partition_point(|f| f.country < country);
    let to = forms.partition_point(|f| f.country <= country);
    let forms = &forms[from..to];
    let key = loose_key(written);
    if key.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return None;
    }
    if let Some(found) = unique(forms.iter().filter(|f| *f.key == *key).map(|f| f.admin1)) {
        return Some(found);
    }
    let bones = skeleton(&key);
    if bones.len() < 3 {
        return None;
    }
    unique(
        forms
            .iter()
            .filter(|f| f.alike(&key, &bones))
            .map(|f| f.admin1),
    )
}

impl LooseDivision {
    /// Whether this form and a written `key` with consonants `bones` are transliterations of
    /// one name: the same skeleton, beginning alike.
    fn alike(&self, key: &str, bones: &str) -> bool {
        *self.skeleton == *bones && same_start(&self.key, key)
    }
}

/// The forms of [`LooseDivision`]s a written name may loosely name, found without comparing
/// it with every form: by [`skeleton`], and among the forms whose key is as long as its own,
/// give or take a letter, and begins or ends with the same letter (one edit cannot change
/// both ends of a key of two letters or more).
#[derive(Debug, Default)]
pub(crate) struct LooseIndex {
    by_skeleton: HashMap<Box<str>, Vec<u32>>,
    /// Positions of forms by the byte length of their key and its first byte.
    by_first: HashMap<(usize, u8), Vec<u32>>,
    /// Positions of forms by the byte length of their key and its last byte.
    by_last: HashMap<(usize, u8), Vec<u32>>,
}

impl LooseIndex {
    /// Indexes `forms` (positions into it).
    pub(crate) fn new(forms: &[LooseDivision]) -> Self {
        let mut index = LooseIndex::default();
        for (i, f) in forms.iter().enumerate() {
            let i = i as u32;
            index
                .by_skeleton
                .entry(f.skeleton.clone())
                .or_default()
                .push(i);
            let bytes = f.key.as_bytes();
            if let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) {
                index
                    .by_first
                    .entry((bytes.len(), first))
                    .or_default()
                    .push(i);
                index
                    .by_last
                    .entry((bytes.len(), last))
                    .or_default()
                    .push(i);
            }
        }
        index
    }

    /// Positions of the forms alike to `key` or one edit from it.
    fn near(&self, forms: &[LooseDivision], key: &str, bones: &str) -> Vec<u32> {
        let mut out: Vec<u32> = self.by_skeleton.get(bones).cloned().unwrap_or_default();
        let bytes = key.as_bytes();
        let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
            return out;
        };
        for n in bytes.len().saturating_sub(1)..=bytes.len() + 1 {
            for bucket in [self.by_first.get(&(n, first)), self.by_last.get(&(n, last))]
                .into_iter()
                .flatten()
            {
                out.extend(
                    bucket
                        .iter()
                        .filter(|&&i| forms.get(i as usize).is_some_and(|f| one_edit(&f.key, key))),
                );
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Whether `a` and `b` are equal or one insertion, deletion or substitution apart.
fn one_edit(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let head = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        short[head..].iter().skip(1).eq(long[head..].iter().skip(1))
    } else {
        short[head..] == long[head + 1..]
    }
}

/// The divisions of any country among `forms` that `written` names loosely: those with an
/// equal [`loose_key`] (several countries may have a "Northwest Region", for the article to
/// choose between); else, among the divisions whose key has the same [`skeleton`] or is one
/// edit away, the one closest by edit distance. None when nothing matches or two are equally
/// close ("River" is as near to Rivers as to Rivera).
pub(crate) fn find_anywhere(
    forms: &[LooseDivision],
    index: &LooseIndex,
    written: &str,
) -> Vec<u32> {
    let key = loose_key(written);
    if key.chars().filter(|c| c.is_alphabetic()).count() < 4 {
        return Vec::new();
    }
    let bones = skeleton(&key);
    let candidates: Vec<&LooseDivision> = index
        .near(forms, &key, &bones)
        .into_iter()
        .filter_map(|i| forms.get(i as usize))
        .collect();
    let mut equal: Vec<u32> = candidates
        .iter()
        .filter(|f| *f.key == *key)
        .map(|f| f.admin1)
        .collect();
    if !equal.is_empty() {
        equal.sort_unstable();
        equal.dedup();
        return equal;
    }
    let mut near: Vec<(usize, u32)> = candidates
        .iter()
        .filter_map(|f| {
            let alike = bones.len() >= 3 && f.alike(&key, &bones);
            let d = strsim::levenshtein(&f.key, &key);
            (alike || d <= 1).then_some((d, f.admin1))
        })
        .collect();
    near.sort_unstable();
    near.dedup_by_key(|x| x.1);
    match near[..] {
        [] => Vec::new(),
        [(_, only)] => vec![only],
        [(d, best), (next, other), ..] if d < next || best == other => vec![best],
        _ => Vec::new(),
    }
}

/// The one value `matches` yields (any number of times), or `None`.
fn unique(mut matches: impl Iterator<Item = u32>) -> Option<u32> {
    let first = matches.next()?;
    matches.all(|other| other == first).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(rows: &[(u32, CountryIdx, &str)]) -> Vec<LooseDivision> {
        let mut out: Vec<LooseDivision> = rows
            .iter()
            .map(|&(admin1, country, name)| {
                let key = loose_key(name);
                LooseDivision {
                    admin1,
                    country,
                    skeleton: skeleton(&key).into(),
                    key: key.into(),
                }
            })
            .collect();
        out.sort_by_key(|f| f.country);
        out
    }

    #[test]
    fn one_edit_apart() {
        assert!(one_edit("zabul", "zabol"));
        assert!(one_edit("river", "rivers"));
        assert!(one_edit("rivers", "river"));
        assert!(one_edit("kabul", "kabul"));
        assert!(!one_edit("oruzgan", "urozgan"));
        assert!(!one_edit("ab", "ba"));
        assert!(!one_edit("river", "riv"));
    }

    #[test]
    fn anywhere_the_closest_spelling_wins_and_a_tie_is_no_answer() {
        let f = forms(&[
            (1, 1, "Oruzgan"),
            (2, 1, "Wardak"),
            (3, 2, "Worodougou"),
            (4, 3, "Rivers"),
            (5, 4, "Rivera"),
            (6, 1, "Zabul"),
        ]);
        let index = LooseIndex::new(&f);
        let find = |written: &str| find_anywhere(&f, &index, written);
        assert_eq!(find("Urozgan"), [1]);
        assert_eq!(find("Wardag"), [2]);
        assert_eq!(find("Zabol"), [6]);
        assert_eq!(find("Rivers State"), [4]);
        assert_eq!(find("River"), [] as [u32; 0]);
        assert_eq!(find("Kandahar"), [] as [u32; 0]);
        assert_eq!(find("Zab"), [] as [u32; 0]);
    }

    #[test]
    fn anywhere_an_equal_name_in_several_countries_is_each_of_them() {
        let f = forms(&[
            (1, 1, "Northwest Region"),
            (2, 2, "North-West Province"),
            (3, 3, "Northern Province"),
        ]);
        let index = LooseIndex::new(&f);
        assert_eq!(find_anywhere(&f, &index, "Northwest"), [1, 2]);
    }

    #[test]
    fn kind_words_spaces_and_hyphens_do_not_count() {
        assert_eq!(loose_key("South-West Region"), "southwest");
        assert_eq!(loose_key("Northern Governorate"), "northern");
        assert_eq!(loose_key("Region"), "region");
    }

    #[test]
    fn transliterations_share_a_skeleton() {
        assert_eq!(
            skeleton(&loose_key("Jowzjan")),
            skeleton(&loose_key("Jawzjan"))
        );
        assert_eq!(
            skeleton(&loose_key("Sar-e Pol")),
            skeleton(&loose_key("Sari Pul"))
        );
        assert_eq!(
            skeleton(&loose_key("Khowst")),
            skeleton(&loose_key("Khost"))
        );
        assert_ne!(
            skeleton(&loose_key("Kunduz")),
            skeleton(&loose_key("Kandahar"))
        );
    }

    #[test]
    fn transliterations_are_spelled_alike_and_other_names_are_not() {
        assert!(spelled_alike("Mazari Sharif", "Mazār-e Sharīf"));
        assert!(spelled_alike("Puli Khumri", "Pul-e Khumrī"));
        assert!(!spelled_alike("Urfa", "Şanlıurfa"));
        assert!(!spelled_alike("Bombay", "Mumbai"));
        assert!(spelled_alike("Fallujah", "Al Fallūjah"));
        assert!(spelled_alike("Al-Arish", "Arīsh"));
        assert!(spelled_alike("Derna", "Darnah"));
        assert!(spelled_alike("Hilla", "Al Hillah"));
        assert!(!spelled_alike("Florencia", "Florence"));
        assert!(!spelled_alike("Taraza", "Taraz"));
    }

    #[test]
    fn a_division_is_found_only_in_its_own_country() {
        let f = forms(&[
            (0, 1, "Northern Governorate"),
            (1, 1, "Central Governorate"),
            (2, 2, "Northern Region"),
            (3, 3, "Jowzjan"),
            (4, 3, "Sar-e Pol"),
        ]);
        assert_eq!(find(&f, 1, "Northern"), Some(0));
        assert_eq!(find(&f, 1, "Northern region"), Some(0));
        assert_eq!(find(&f, 2, "Northern"), Some(2));
        assert_eq!(find(&f, 1, "Southern"), None);
        assert_eq!(find(&f, 3, "Jawzjan"), Some(3));
        assert_eq!(find(&f, 3, "Sari Pul"), Some(4));
        assert_eq!(find(&f, 1, "Jawzjan"), None);
    }

    #[test]
    fn an_ambiguous_skeleton_finds_nothing() {
        let f = forms(&[(0, 1, "Bamar"), (1, 1, "Bimor")]);
        assert_eq!(find(&f, 1, "Bumar"), None);
        // A different first letter is another name.
        let f = forms(&[(0, 1, "Kabul")]);
        assert_eq!(find(&f, 1, "Qabul"), None);
    }
}
