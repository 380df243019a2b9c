//! The lexicon of armed groups (`data/lexicons/groups.tsv`, written by hand, and
//! `groups_mined.tsv`, mined from the training perpetrator fields): canonical names and aliases.
//!
//! Aliases marked `=` (short acronyms such as `=IS`) match only exactly as written; everything
//! else matches case-insensitively. Overlapping matches keep the longest ("Real IRA" over "IRA").

use sitrep_model::{ByteSpan, CountryCode};

use crate::error::{ResourceError, Result};
use crate::lexicon::{PhraseLexicon, PhraseMatch, rows};

/// One armed group.
#[derive(Debug, Clone)]
pub struct Group {
    /// Canonical name.
    pub name: String,
    /// Countries where it mainly operates.
    pub countries: Vec<CountryCode>,
}

/// A group named in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GroupMatch {
    /// Where the name is.
    pub span: ByteSpan,
    /// Index into [`GroupLexicon::group`].
    pub group: usize,
}

/// Compiled group names.
#[derive(Debug, Clone)]
pub struct GroupLexicon {
    groups: Vec<Group>,
    folded: PhraseLexicon<usize>,
    exact: PhraseLexicon<usize>,
}

const FILE: &str = "groups.tsv";
const MINED_FILE: &str = "groups_mined.tsv";

impl GroupLexicon {
    /// Parses the hand-written `groups.tsv` and the mined `groups_mined.tsv` (both
    /// `name<TAB>aliases<TAB>countries<TAB>kind…`, with a header line). A mined row whose name
    /// is a hand-written group's adds aliases to it; any other is a group of its own. A name or
    /// alias the hand-written file already has keeps its hand-written group.
    pub fn parse(hand: &str, mined: &str) -> Result<Self> {
        let mut groups: Vec<Group> = Vec::new();
        let mut folded: Vec<(&str, usize)> = Vec::new();
        let mut exact: Vec<(&str, usize)> = Vec::new();
        for (file, text) in [(FILE, hand), (MINED_FILE, mined)] {
            for (line, cols) in rows(text).skip(1) {
                let name = cols
                    .first()
                    .map(|s| s.trim())
                    .filter(|s| !s.is_empty())
                    .ok_or_else(|| ResourceError::Lexicon {
                        file,
                        line,
                        message: "empty group name".into(),
                    })?;
                let idx = match groups.iter().position(|g| g.name == name) {
                    Some(existing) if file == MINED_FILE => existing,
                    Some(_) => {
                        return Err(ResourceError::Lexicon {
                            file,
                            line,
                            message: format!("group {name:?} given twice"),
                        });
                    }
                    None => {
                        let countries = cols
                            .get(2)
                            .map(|c| {
                                c.split('|')
                                    .filter_map(|code| CountryCode::new(code.trim()).ok())
                                    .collect()
                            })
                            .unwrap_or_default();
                        groups.push(Group {
                            name: name.to_string(),
                            countries,
                        });
                        folded.push((name, groups.len() - 1));
                        groups.len() - 1
                    }
                };
                for alias in cols
                    .get(1)
                    .into_iter()
                    .flat_map(|a| a.split('|'))
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                {
                    match alias.strip_prefix('=') {
                        Some(as_written) => exact.push((as_written, idx)),
                        None => folded.push((alias, idx)),
                    }
                }
            }
        }
        Ok(GroupLexicon {
            groups,
            folded: PhraseLexicon::new(FILE, folded)?,
            exact: PhraseLexicon::case_sensitive(FILE, exact)?,
        })
    }

    /// A group by index.
    pub fn group(&self, idx: usize) -> &Group {
        &self.groups[idx]
    }

    /// Number of groups.
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// Whether there are no groups.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Every group name in `text`, in text order, overlaps resolved to the longest.
    pub fn find_all(&self, text: &str) -> Vec<GroupMatch> {
        // A name is a proper noun: where the lexicon capitalises a word, the text must too
        // ("Sinai Province" the group, not "North Sinai province" the place), unless the text is
        // in capitals throughout (a headline).
        let mut all: Vec<PhraseMatch<usize>> = self
            .folded
            .find_all(text)
            .into_iter()
            .filter(|m| capitalisation_fits(self.folded.pattern(m.pattern), &text[m.span.range()]))
            .collect();
        all.extend(self.exact.find_all(text));
        all.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        let mut out: Vec<GroupMatch> = Vec::with_capacity(all.len());
        for m in all {
            if let Some(last) = out.last()
                && last.span.overlaps(&m.span)
            {
                continue;
            }
            out.push(GroupMatch {
                span: m.span,
                group: m.value,
            });
        }
        out
    }
}

/// Whether every word the pattern capitalises is capitalised in the matched text too.
fn capitalisation_fits(pattern: &str, matched: &str) -> bool {
    if !matched.chars().any(|c| c.is_lowercase()) {
        return true;
    }
    pattern.split(' ').zip(matched.split(' ')).all(|(p, m)| {
        let p_upper = p.chars().next().is_some_and(char::is_uppercase);
        let m_upper = m.chars().next().is_some_and(char::is_uppercase);
        !p_upper || m_upper
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GROUPS: &str = "name\taliases\tcountries\tkind
Islamic State\t=IS|=ISIS|ISIL|Daesh\tIQ|SY\tjihadist
Irish Republican Army\t=IRA\tGB\tethnonationalist
Real IRA\t=RIRA\tGB\tethnonationalist
";

    fn names(text: &str) -> Vec<String> {
        let lex = GroupLexicon::parse(GROUPS, "").unwrap();
        lex.find_all(text)
            .iter()
            .map(|m| lex.group(m.group).name.clone())
            .collect()
    }

    #[test]
    fn aliases_map_to_the_canonical_name() {
        assert_eq!(
            names("Daesh and ISIL and IS"),
            ["Islamic State", "Islamic State", "Islamic State"]
        );
    }

    #[test]
    fn acronyms_match_only_as_written() {
        assert!(names("it is what it is").is_empty());
        assert!(names("Isis is a goddess").is_empty());
    }

    #[test]
    fn longest_overlapping_name_wins() {
        assert_eq!(names("the Real IRA said"), ["Real IRA"]);
    }

    #[test]
    fn lower_case_words_do_not_match_capitalised_names() {
        let lex = GroupLexicon::parse(
            "name\taliases\tcountries\tkind\nSinai Province\t\tEG\tjihadist\n",
            "",
        )
        .unwrap();
        assert!(
            lex.find_all("the capital of North Sinai province")
                .is_empty()
        );
        assert_eq!(lex.find_all("Sinai Province claimed it").len(), 1);
        assert_eq!(lex.find_all("SINAI PROVINCE CLAIMS ATTACK").len(), 1);
    }

    #[test]
    fn mined_rows_extend_hand_written_groups_or_add_their_own() {
        let mined = "name\taliases\tcountries\tkind\trecords
Islamic State\tIslamic State of Iraq\t\tother\t12
Black Star\t\tGR\tother\t9
";
        let lex = GroupLexicon::parse(GROUPS, mined).unwrap();
        assert_eq!(lex.len(), 4);
        let found: Vec<&str> = lex
            .find_all("the Islamic State of Iraq and Black Star")
            .iter()
            .map(|m| lex.group(m.group).name.as_str())
            .collect();
        assert_eq!(found, ["Islamic State", "Black Star"]);
        assert_eq!(lex.group(3).countries.len(), 1);
    }

    #[test]
    fn a_hand_written_group_given_twice_is_an_error_naming_the_line() {
        let twice = format!("{GROUPS}Real IRA\t\tGB\tethnonationalist\n");
        let message = GroupLexicon::parse(&twice, "").unwrap_err().to_string();
        assert!(message.starts_with("groups.tsv:5"), "{message}");
        let message = GroupLexicon::parse(GROUPS, "name\n\tan alias\t\n")
            .unwrap_err()
            .to_string();
        assert!(message.starts_with("groups_mined.tsv:2"), "{message}");
    }

    #[test]
    fn countries_are_parsed() {
        let lex = GroupLexicon::parse(GROUPS, "").unwrap();
        assert_eq!(lex.group(0).countries.len(), 2);
    }
}
