//! Cleaning raw article text into the text that extraction sees and the store keeps.
//!
//! Cleaning normalises line endings and odd whitespace, drops control characters, trims every
//! line, collapses runs of blank lines, and removes page furniture that news sites leave in
//! scraped text: comment prompts, copyright and rights lines, share/follow prompts. Furniture is
//! recognised only on short lines of its own, so a sentence that merely mentions copyright is kept.
//! A list of other stories' headlines after the body ("Most read", "More from the site": a run
//! of short title-cased lines without a full stop) goes too: its "Dead", "Blasts" and "Killed"
//! belong to other pages.

use std::sync::LazyLock;

use regex::Regex;

/// Lines longer than this are never treated as page furniture.
const MAX_FURNITURE_LINE_CHARS: usize = 120;

static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            leave\ a\ (?:reply|comment) .*
          | (?:post\ a\ |add\ a\ |\d+\ )?comments?:?
          | (?:©|\(c\)|copyright\b) .*
          | .*\ball\ rights\ reserved\b.*
          | (?:follow|like|find)\ us\ on\b.*
          | share\ (?:this|on)\b.*
          | (?:share|tweet|email|print|whatsapp)(?:\s*[|/·•]\s*(?:share|tweet|email|print|whatsapp|facebook|twitter|linkedin))*
          | (?:subscribe|sign\ up)\b.*(?:newsletter|updates|alerts).*
          | (?:read|see)\ (?:more|also)\b:?.*
          | related(?:\ (?:articles|stories|posts))?:?
          | related(?:\ (?:articles|stories|posts|news|coverage|content))?\s*[:|]\s*.*
          | (?-i:RELATED)\ .*
          | advertisement
          | click\ here\b.*
          | you\ (?:may|might)\ also\ like:?.*
          | (?:source|sources):\ (?:agencies|wires?|afp|reuters|ap)\.?
        )$",
    )
    .expect("the furniture pattern is valid")
});

/// Returns the cleaned form of `raw`.
///
/// The result never contains `\r`, control characters other than `\n` and `\t`, leading or
/// trailing blank lines, or more than one blank line in a row.
pub fn clean_text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    // Where each kept line lies in `out`, to find lists of headlines once every line is seen.
    let mut lines: Vec<KeptLine> = Vec::new();
    let mut blank_run = 0usize;
    let mut line = String::new();
    for raw_line in raw.split('\n') {
        line.clear();
        for c in raw_line.chars() {
            match c {
                '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => {
                    line.push(' ')
                }
                '\t' => line.push(' '),
                '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{ad}' => {}
                c if c.is_control() => {}
                c => line.push(c),
            }
        }
        let trimmed = line.trim();
        if trimmed.is_empty() || is_furniture(trimmed) {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        let start = out.len();
        out.push_str(trimmed);
        lines.push(KeptLine {
            start,
            end: out.len(),
            headline: is_headline(trimmed),
        });
    }
    drop_headline_lists(out, &lines)
}

/// A line [`clean_text`] kept: its place in the text, and whether it reads as a headline.
struct KeptLine {
    start: usize,
    end: usize,
    headline: bool,
}

/// How many headlines in a row make a list of other stories.
const MIN_HEADLINE_LIST: usize = 3;

/// `text` without the lists of other stories' headlines that follow a line of body text: runs
/// of at least [`MIN_HEADLINE_LIST`] headline lines. A headline and its standfirst above the
/// body are never such a run, since no body line precedes them.
fn drop_headline_lists(text: String, lines: &[KeptLine]) -> String {
    let mut dropped = vec![false; lines.len()];
    let mut body_seen = false;
    let mut k = 0;
    while k < lines.len() {
        let run = lines[k..].iter().take_while(|l| l.headline).count();
        if body_seen && run >= MIN_HEADLINE_LIST {
            dropped[k..k + run].fill(true);
            k += run;
            continue;
        }
        body_seen |= is_body(&text[lines[k].start..lines[k].end]);
        k += 1;
    }
    if !dropped.contains(&true) {
        return text;
    }
    // Rejoined as clean_text joins lines: a dropped list reads as a blank line.
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for (k, l) in lines.iter().enumerate() {
        if dropped[k] {
            blank = true;
            continue;
        }
        if !out.is_empty() {
            let gap_was_blank = k > 0 && text[lines[k - 1].end..l.start].starts_with("\n\n");
            out.push_str(if blank || gap_was_blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(&text[l.start..l.end]);
    }
    out
}

/// Short words a title-cased headline leaves in lower case.
const HEADLINE_SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "by", "with",
    "from", "as", "is", "vs", "after", "over", "into", "off", "up", "out", "its", "his", "her",
    "their", "be", "are", "was", "were", "has", "have", "not", "no", "so", "if", "than", "that",
    "this", "via", "per",
];

/// Whether `line` reads as a headline in title case: at most a furniture line's length, at
/// least four words of which three or more carry meaning, nearly all of those capitalised,
/// and no full stop at its end ("Bus Crash Kills 14 In North -").
fn is_headline(line: &str) -> bool {
    if line.chars().count() > MAX_FURNITURE_LINE_CHARS {
        return false;
    }
    let line = line.trim_end_matches(['-', '–', '—', '|', ' ']);
    if line.ends_with('.') && !line.ends_with("...") {
        return false;
    }
    let (mut words, mut meaningful, mut capitalised) = (0usize, 0usize, 0usize);
    let split = line.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'));
    for word in split {
        let Some(first) = word.chars().next().filter(|c| c.is_alphabetic()) else {
            continue;
        };
        words += 1;
        if HEADLINE_SMALL_WORDS
            .iter()
            .any(|small| small.eq_ignore_ascii_case(word))
        {
            continue;
        }
        meaningful += 1;
        if first.is_uppercase() {
            capitalised += 1;
        }
    }
    words >= 4 && meaningful >= 3 && capitalised * 5 >= meaningful * 4
}

/// Whether `line` is body text: a sentence of eight words or more that ends with a full stop,
/// a question or an exclamation mark (a closing quote may follow).
fn is_body(line: &str) -> bool {
    let end = line.trim_end_matches(['"', '”', '’', '\'', ')']);
    end.ends_with(['.', '!', '?']) && line.split_whitespace().count() >= 8
}

fn is_furniture(line: &str) -> bool {
    line.chars().count() <= MAX_FURNITURE_LINE_CHARS && FURNITURE.is_match(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_lines_are_removed() {
        let raw = "Rebels shelled the town.\nLeave a Reply\n\n© 2001-2019 Some Daily.\nAll rights reserved.\nFollow us on: |\nShare this article";
        assert_eq!(clean_text(raw), "Rebels shelled the town.");
    }

    #[test]
    fn links_to_related_stories_are_removed() {
        let raw = "Rebels shelled the town.\nRELATED Gunmen kill 4 at a market in the north\nRelated: Two soldiers die in blast\nRelated fighting spread to the valley.";
        assert_eq!(
            clean_text(raw),
            "Rebels shelled the town.\n\nRelated fighting spread to the valley."
        );
    }

    #[test]
    fn lists_of_other_headlines_after_the_body_are_removed() {
        let raw = "Gunmen shot dead two guards at the gate of the port on Monday, police said.\n\
                   Singer Blasts Rival Over Award Show Snub -\n\
                   At Least 30 Dead After Ferry Sinks Off Coast -\n\
                   Star Recalls Crash That Almost Killed Him -\n\
                   Officials said the port would reopen.";
        assert_eq!(
            clean_text(raw),
            "Gunmen shot dead two guards at the gate of the port on Monday, police said.\n\n\
             Officials said the port would reopen."
        );
    }

    #[test]
    fn headlines_above_the_body_and_short_runs_are_kept() {
        // A headline, a standfirst and a byline before any body line are the article's own.
        let raw = "Gunmen Kill Two Guards At Port Gate\nSecurity Forces Hunt The Attackers\n\
                   Wire Staff Reporter In The Capital\n\
                   Gunmen shot dead two guards at the gate of the port on Monday, police said.\n\
                   Port Reopens After Attack -\nTwo Guards Buried On Tuesday Morning -";
        assert_eq!(clean_text(raw), raw);
    }

    #[test]
    fn sentences_mentioning_copyright_are_kept() {
        let raw = "The group said copyright law did not apply to its leaflets, which were left at the scene.";
        assert_eq!(clean_text(raw), raw);
    }

    #[test]
    fn long_lines_are_never_furniture() {
        let raw = format!("Read more about {} here.", "the attack ".repeat(20));
        assert_eq!(clean_text(&raw), raw);
    }

    #[test]
    fn whitespace_is_normalised() {
        let raw = "\r\n  Two\u{a0}soldiers were  hurt.\r\n\r\n\r\n\r\nA second  line.\u{200b}\r\n";
        assert_eq!(
            clean_text(raw),
            "Two soldiers were  hurt.\n\nA second  line."
        );
    }

    #[test]
    fn control_characters_are_dropped() {
        assert_eq!(clean_text("a\u{0}b\u{7}c\u{1b}d"), "abcd");
    }

    #[test]
    fn empty_and_blank_input_give_empty_text() {
        assert_eq!(clean_text(""), "");
        assert_eq!(clean_text(" \n\t\r\n "), "");
    }
}
