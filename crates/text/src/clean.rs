//! Cleaning raw article text into the text that extraction sees and the store keeps.
//!
//! Cleaning normalises line endings and odd whitespace, drops control characters, trims every
//! line, collapses runs of blank lines, and removes page furniture that news sites leave in
//! scraped text: comment prompts, copyright and rights lines, share/follow prompts. Furniture is
//! recognised only on short lines of its own, so a sentence that merely mentions copyright is kept.

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
        out.push_str(trimmed);
    }
    out
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
