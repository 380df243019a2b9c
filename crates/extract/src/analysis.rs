//! One pass of every span finder over an article: tokens, sentences, and the lexicon, date,
//! time and place-name matches, each tagged with the sentence it falls in.

use std::ops::Range;
use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;
use sitrep_geo::{NameMatch, NameMatchKind, find_place_names};
use sitrep_model::{ByteSpan, DatePrecision, Weapon};
use sitrep_text::{Sentence, Token, split_sentences, tokenize};
use sitrep_time::{DateMention, TimeMention, find_dates, find_times};

use crate::groups::GroupMatch;
use crate::resources::{Resources, TargetNoun, Trigger};

/// A match placed in its sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    /// Index of the sentence the match starts in.
    pub sentence: usize,
    /// Where the match is.
    pub span: ByteSpan,
    /// What it is.
    pub value: T,
}

/// What kind of person a token starts a mention of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonNoun {
    /// People who can be victims: the target noun says what kind.
    Victim(TargetNoun),
    /// A demonym in the plural ("Americans").
    Nationals,
    /// Attackers: generic words or a group's name.
    Attacker,
}

/// A dateline: "KABUL, June 10 (Wire) -", "BENI, Democratic Republic of Congo (Wire) -". It
/// says where the reporter filed from and when, which is not always where and when the event
/// happened.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*[A-Z][A-Z'’.\- ]{2,}(?:,[^\n]{0,60}?)?(?:\s*\([^)\n]{1,40}\))?\s*(?:-{1,2}|–|—)\s",
    )
    .expect("the dateline pattern is valid")
});

/// Words that introduce a page's own date: "date 2019-08-28", "Posted on March 3, 2015",
/// "Updated 06 March 2013", "Last modified: …".
const STAMP_WORDS: &[&str] = &[
    "date",
    "dated",
    "posted",
    "published",
    "updated",
    "modified",
    "last",
    "first",
    "on",
    "at",
];

/// Whether a date is the page's stamp rather than a date of its story: an absolute date
/// (written with digits) that either opens its line after nothing but stamp words, or follows
/// a capitalised stamp word ("Updated 06 March 2013") anywhere.
fn is_page_stamp(text: &str, d: &DateMention) -> bool {
    let written = &text[d.span.range()];
    if d.relative || !written.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let line_start = text[..d.span.start].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..d.span.start];
    let words: Vec<&str> = before
        .split(|c: char| c.is_whitespace() || matches!(c, ':' | '|' | '-' | '–' | '—' | ','))
        .filter(|w| !w.is_empty())
        .collect();
    let is_stamp_word = |w: &str| STAMP_WORDS.iter().any(|s| w.eq_ignore_ascii_case(s));
    let is_core = |w: &&str| STAMP_WORDS[..6].iter().any(|s| w.eq_ignore_ascii_case(s));
    if words.iter().all(|w| is_stamp_word(w)) && words.iter().any(is_core) {
        return true;
    }
    // "… Syria battle Updated 06 March 2013": a capitalised stamp word just before.
    let last = words.last().copied().unwrap_or("");
    let last = if last.eq_ignore_ascii_case("on") && words.len() >= 2 {
        words[words.len() - 2]
    } else {
        last
    };
    matches!(
        last,
        "Updated" | "Posted" | "Published" | "Modified" | "Dated"
    )
}

/// Nouns that "riot" modifies when it names a unit or its gear, not an event.
const RIOT_GEAR: &[&str] = &[
    "police",
    "policemen",
    "policeman",
    "officers",
    "officer",
    "squad",
    "squads",
    "unit",
    "units",
    "gear",
    "shield",
    "shields",
    "control",
    "troops",
    "act",
    "helmets",
    "guns",
];

/// Whether a riot trigger only modifies a noun ("riot police", "anti-riot units"): the words
/// name who keeps order, not a riot.
fn is_equipment_modifier(text: &str, span: ByteSpan, t: sitrep_model::EventType) -> bool {
    if t != sitrep_model::EventType::Riot
        || !text[span.start..span.end].eq_ignore_ascii_case("riot")
    {
        return false;
    }
    let before = text.as_bytes()[..span.start]
        .rsplit(|b| !b.is_ascii_alphabetic())
        .nth(1);
    if before.is_some_and(|w| w.eq_ignore_ascii_case(b"anti")) {
        return true;
    }
    let next = text[span.end..]
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    RIOT_GEAR.iter().any(|w| next.eq_ignore_ascii_case(w))
}

/// Whether `w` is a vehicle that delivers a bomb: "a suicide bomber rammed his vehicle into a
/// checkpoint", "drove an explosives-laden truck into the gate". A ramming in a sentence that
/// names explosives is how the bomb arrived; the weapon is the explosives.
fn delivers_a_bomb(weapons: &[Located<Weapon>], w: &Located<Weapon>) -> bool {
    w.value == Weapon::Vehicle
        && weapons
            .iter()
            .any(|x| x.value == Weapon::Explosives && x.sentence == w.sentence)
}

/// The day relative dates count from when an article has neither a publication date nor a
/// calendar date of its own: far enough ahead that every dated year in a text is before it.
pub const STAND_IN_DAY: Date = jiff::civil::date(2100, 6, 15);

/// Everything found in one article.
#[derive(Debug)]
pub struct Analysis<'a> {
    /// The cleaned text.
    pub text: &'a str,
    /// Publication date.
    pub published: Option<Date>,
    /// All tokens.
    pub tokens: Vec<Token>,
    /// All sentences.
    pub sentences: Vec<Sentence>,
    /// Token range of each sentence.
    pub sentence_tokens: Vec<Range<usize>>,
    /// Person-noun mentions by the token they start at.
    pub person_at: Vec<Option<(PersonNoun, usize)>>,
    /// Event triggers.
    pub triggers: Vec<Located<Trigger>>,
    /// Weapons.
    pub weapons: Vec<Located<Weapon>>,
    /// Target nouns.
    pub targets: Vec<Located<TargetNoun>>,
    /// Generic attacker words.
    pub actors: Vec<Located<()>>,
    /// Armed groups.
    pub groups: Vec<Located<usize>>,
    /// Dates.
    pub dates: Vec<Located<DateMention>>,
    /// Times of day.
    pub times: Vec<Located<TimeMention>>,
    /// Place names and demonyms (not inside group names).
    pub names: Vec<Located<NameMatch>>,
    /// Where the dateline ends (0 when there is none).
    pub dateline_end: usize,
    /// Whether relative dates were resolved against [`STAND_IN_DAY`] because the article has
    /// no publication date: their days order and separate incidents but are not real.
    pub virtual_anchor: bool,
    /// Per sentence, whether it counts a running total or an aggregate
    /// ([`crate::casualties::is_aggregate_sentence`]), worked out once on first use.
    pub aggregate: std::sync::OnceLock<Vec<bool>>,
}

impl<'a> Analysis<'a> {
    /// Runs every finder over `text`.
    pub fn new(text: &'a str, published: Option<Date>, resources: &Resources) -> Self {
        let tokens = tokenize(text);
        let sentences = split_sentences(text);
        let sentence_tokens = sentences
            .iter()
            .map(|s| {
                let start = tokens.partition_point(|t| t.span.start < s.span.start);
                let end = tokens.partition_point(|t| t.span.start < s.span.end);
                start..end
            })
            .collect();
        let sentence_of = |offset: usize| {
            sentences
                .partition_point(|s| s.span.end <= offset)
                .min(sentences.len().saturating_sub(1))
        };
        let locate = |span: ByteSpan| sentence_of(span.start);

        let weapons = resources
            .weapons
            .find_all(text)
            .into_iter()
            .map(|m| Located {
                sentence: locate(m.span),
                span: m.span,
                value: m.value,
            })
            .collect::<Vec<_>>();
        let bomb_vehicles: Vec<ByteSpan> = weapons
            .iter()
            .filter(|w| delivers_a_bomb(&weapons, w))
            .map(|w| w.span)
            .collect();
        let weapons: Vec<Located<Weapon>> = weapons
            .into_iter()
            .filter(|w| !bomb_vehicles.contains(&w.span))
            .collect();
        let triggers = resources
            .triggers
            .find_all(text)
            .into_iter()
            .filter(|m| !is_equipment_modifier(text, m.span, m.value.event_type))
            // The ramming of a bomber's vehicle is the bombing's delivery, not an assault of its own.
            .filter(|m| {
                m.value.event_type != sitrep_model::EventType::UnarmedAssault
                    || !bomb_vehicles.iter().any(|v| v.overlaps(&m.span))
            })
            .map(|m| Located {
                sentence: locate(m.span),
                span: m.span,
                value: m.value,
            })
            .collect();
        let groups: Vec<Located<usize>> = resources
            .groups
            .find_all(text)
            .into_iter()
            .map(|GroupMatch { span, group }| Located {
                sentence: locate(span),
                span,
                value: group,
            })
            .collect();
        let targets: Vec<Located<TargetNoun>> = resources
            .targets
            .find_all(text)
            .into_iter()
            .filter(|m| !groups.iter().any(|g| g.span.overlaps(&m.span)))
            .map(|m| Located {
                sentence: locate(m.span),
                span: m.span,
                value: m.value,
            })
            .collect();
        let actors: Vec<Located<()>> = resources
            .actors
            .find_all(text)
            .into_iter()
            .map(|m| Located {
                sentence: locate(m.span),
                span: m.span,
                value: (),
            })
            .collect();
        // A page's own stamp ("date 2019-08-28", "Updated 06 March 2013") says when the page
        // was written, never when the event happened; it anchors "on Tuesday" when the source
        // gave no publication date.
        let mut found = find_dates(text, 0..text.len(), published);
        let stamp = found
            .iter()
            .find(|d| is_page_stamp(text, d))
            .and_then(|d| d.start.filter(|_| d.precision == DatePrecision::Day));
        if published.is_none() && stamp.is_some() {
            found = find_dates(text, 0..text.len(), stamp);
        }
        let published = published.or(stamp);
        // With no day to count from and no calendar date in the text, "on Sunday", "on
        // Monday" and "last month" are still different days: resolved against a stand-in
        // day, they tell incidents apart, and their days are never reported.
        let virtual_anchor = published.is_none()
            && found.iter().any(|d| d.relative)
            && !found
                .iter()
                .any(|d| !d.relative && d.precision == DatePrecision::Day);
        if virtual_anchor {
            found = find_dates(text, 0..text.len(), Some(STAND_IN_DAY));
        }
        let dates = found
            .into_iter()
            .filter(|d| !is_page_stamp(text, d))
            .map(|d| Located {
                sentence: locate(d.span),
                span: d.span,
                value: d,
            })
            .collect();
        let times = find_times(text, 0..text.len())
            .into_iter()
            .map(|t| Located {
                sentence: locate(t.span),
                span: t.span,
                value: t,
            })
            .collect();
        let names = find_place_names(&resources.gazetteer, text, &tokens)
            .into_iter()
            .filter(|n| !groups.iter().any(|g| g.span.overlaps(&n.span)))
            .map(|n| Located {
                sentence: locate(n.span),
                span: n.span,
                value: n,
            })
            .collect::<Vec<_>>();

        let token_at = |offset: usize| tokens.partition_point(|t| t.span.start < offset);
        let mut person_at: Vec<Option<(PersonNoun, usize)>> = vec![None; tokens.len()];
        let mut mark = |span: ByteSpan, kind: PersonNoun| {
            let first = token_at(span.start);
            let last = tokens.partition_point(|t| t.span.start < span.end);
            // Only mentions that start a token ("worker" inside "co-worker" starts none) and
            // cover at least one token.
            let starts_token = tokens
                .get(first)
                .is_some_and(|t| t.span.start == span.start);
            if starts_token && last > first && person_at[first].is_none() {
                person_at[first] = Some((kind, last));
            }
        };
        for t in &targets {
            if t.value.person {
                mark(t.span, PersonNoun::Victim(t.value));
            }
        }
        for a in &actors {
            mark(a.span, PersonNoun::Attacker);
        }
        for g in &groups {
            mark(g.span, PersonNoun::Attacker);
        }
        for n in &names {
            if let NameMatchKind::Demonym(_) = n.value.kind {
                mark(n.span, PersonNoun::Nationals);
            }
        }

        Analysis {
            text,
            published,
            tokens,
            sentences,
            sentence_tokens,
            person_at,
            triggers,
            weapons,
            targets,
            actors,
            groups,
            dates,
            times,
            names,
            dateline_end: DATELINE.find(text).map_or(0, |m| m.end()),
            virtual_anchor,
            aggregate: std::sync::OnceLock::new(),
        }
    }

    /// The text of token `i`.
    pub fn word(&self, i: usize) -> &'a str {
        self.tokens
            .get(i)
            .map_or("", |t| &self.text[t.span.range()])
    }

    /// Whether the days of a date mention are real: false for a relative date resolved
    /// against [`STAND_IN_DAY`].
    pub fn has_real_days(&self, d: &DateMention) -> bool {
        d.is_resolved() && !(self.virtual_anchor && d.relative)
    }

    /// Whether the span lies in the dateline.
    pub fn in_dateline(&self, span: ByteSpan) -> bool {
        span.end <= self.dateline_end
    }

    /// Whether token `i` is `word`, ignoring ASCII case.
    pub fn is(&self, i: usize, word: &str) -> bool {
        self.word(i).eq_ignore_ascii_case(word)
    }

    /// Whether token `i` is one of `words`, ignoring ASCII case.
    pub fn is_any(&self, i: usize, words: &[&str]) -> bool {
        let w = self.word(i);
        words.iter().any(|x| w.eq_ignore_ascii_case(x))
    }

    /// Whether the words of `phrase` start at token `i` and end before token `end`, ignoring
    /// ASCII case.
    pub fn is_phrase(&self, i: usize, phrase: &[&str], end: usize) -> bool {
        i + phrase.len() <= end && phrase.iter().enumerate().all(|(k, w)| self.is(i + k, w))
    }

    /// The index of the token starting at or after `offset`.
    pub fn token_at(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < offset)
    }

    /// The span from the start of token `first` to the end of token `last` (inclusive).
    pub fn span(&self, first: usize, last: usize) -> ByteSpan {
        ByteSpan {
            start: self.tokens[first].span.start,
            end: self.tokens[last].span.end,
        }
    }

    /// Whether `span` lies within the name of one place ("New York", not "Ali Ferreira" in
    /// which only "Ferreira" is a place).
    pub fn within_one_place(&self, span: ByteSpan) -> bool {
        self.names
            .iter()
            .any(|n| n.span.start <= span.start && n.span.end >= span.end)
    }

    /// A person's name from token `first`: the tokens before `limit` for which `word` holds, at
    /// most four, when they are at least two and not the name of one place. Its end token.
    pub fn name_run(
        &self,
        first: usize,
        limit: usize,
        word: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let mut end = first;
        while end < limit && end < first + 4 && word(end) {
            end += 1;
        }
        (end - first >= 2 && !self.within_one_place(self.span(first, end - 1))).then_some(end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::resources;

    fn days(text: &str, published: Option<Date>) -> Vec<(String, Option<Date>)> {
        let a = Analysis::new(text, published, resources());
        a.dates
            .iter()
            .map(|d| (text[d.span.range()].to_string(), d.value.start))
            .collect()
    }

    #[test]
    fn a_bombers_vehicle_delivers_the_bomb() {
        let weapons = |text: &str| {
            let a = Analysis::new(text, None, resources());
            let mut w: Vec<Weapon> = a.weapons.iter().map(|w| w.value).collect();
            w.dedup();
            let ramming = a
                .triggers
                .iter()
                .any(|t| t.value.event_type == sitrep_model::EventType::UnarmedAssault);
            (w, ramming)
        };
        assert_eq!(
            weapons("A suicide bomber rammed his vehicle into the checkpoint."),
            (vec![Weapon::Explosives], false)
        );
        // A ramming with no bomb is the attack itself.
        assert_eq!(
            weapons("A man rammed his car into the crowd."),
            (vec![Weapon::Vehicle], true)
        );
    }

    #[test]
    fn a_page_stamp_is_no_event_date_and_anchors_weekdays() {
        let text = "date 2019-08-28 Gunmen killed two guards on Tuesday in the town.";
        let found = days(text, None);
        assert_eq!(
            found,
            vec![(
                "on Tuesday".to_string(),
                Some(jiff::civil::date(2019, 8, 27))
            )]
        );
        let a = Analysis::new(text, None, resources());
        assert_eq!(a.published, Some(jiff::civil::date(2019, 8, 28)));
        let updated =
            "Rebels die in battle Updated 06 March 2013 Follow\nRebels attacked the town.";
        assert!(days(updated, None).is_empty());
    }

    #[test]
    fn dates_that_open_a_story_are_kept() {
        for text in [
            "12/31/2016: Assailants attacked a police post in the town.",
            "On 12 March 2015, gunmen attacked a police post.",
            "Police said the bomb, posted on 3 March 2015, killed two.",
        ] {
            assert_eq!(days(text, None).len(), 1, "{text}");
        }
    }

    #[test]
    fn riot_police_and_their_gear_are_no_riot() {
        let riots = |text: &str| {
            Analysis::new(text, None, resources())
                .triggers
                .iter()
                .filter(|t| t.value.event_type == sitrep_model::EventType::Riot)
                .count()
        };
        assert_eq!(
            riots("Gunmen shot two riot police officers outside a bank."),
            0
        );
        assert_eq!(riots("Anti-riot units were deployed after the attack."), 0);
        assert_eq!(riots("Police in riot gear stood by."), 0);
        assert_eq!(riots("A riot broke out and rioters burned cars."), 2);
    }
}
