//! Sentence splitting for news text.
//!
//! A blank line always ends a sentence, and so does a line break after a line that ends a thought:
//! one with terminal punctuation, or one (a headline, a dateline) that the next line does not go
//! on from in lower case. Inside a line, `.`, `!`
//! or `?` (with closing quotes) followed by a space and an upper-case letter, digit or opening
//! quote ends a sentence, except after known abbreviations ("Gen.", "Sept.", "Mr.") and initials
//! ("John F. Kennedy").

use sitrep_model::ByteSpan;

/// One sentence: its span in the text, trimmed of surrounding whitespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Where the sentence is.
    pub span: ByteSpan,
    /// Index of the paragraph (block of lines separated by blank lines) it starts in.
    pub paragraph: usize,
}

impl Sentence {
    /// The sentence's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.span.range()]
    }
}

/// Words that take a dot without ending a sentence (compared lower-case, without the dot).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt",
    "adm", "cmdr", "brig", "gov", "sen", "rep", "rev", "fr", "st", "mt", "ft", "no", "nos", "vs",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx",
    "est", "dept", "univ", "inc", "corp", "co", "ltd", "jr", "sr", "pres", "sec", "gen", "lieut",
    "supt", "insp", "hon", "messrs", "km", "etc", "al",
];

/// Splits `text` into sentences. Every byte of non-whitespace text belongs to exactly one
/// sentence, and sentences are in text order.
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut paragraph = 0usize;
    let mut line_start = 0usize;
    let mut sentence_start: Option<usize> = None;

    let push = |start: usize, end: usize, paragraph: usize, out: &mut Vec<Sentence>| {
        let piece = &text[start..end];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            let s = start + lead;
            out.push(Sentence {
                span: ByteSpan {
                    start: s,
                    end: s + trimmed.len(),
                },
                paragraph,
            });
        }
    };

    while line_start <= text.len() {
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |i| line_start + i);
        let line = &text[line_start..line_end];
        let trimmed = line.trim_end();
        if trimmed.trim_start().is_empty() {
            if let Some(s) = sentence_start.take() {
                push(s, line_start, paragraph, &mut sentences);
            }
            if sentences.last().is_some_and(|s| s.paragraph == paragraph) {
                paragraph += 1;
            }
        } else {
            let start = *sentence_start.get_or_insert(line_start);
            // Split inside the line.
            let mut cut_from = start.max(line_start);
            let mut current = start;
            for (i, c) in line.char_indices() {
                let at = line_start + i;
                if at < cut_from || !matches!(c, '.' | '!' | '?') {
                    continue;
                }
                if let Some(end) = sentence_end_after(text, at, line_end) {
                    push(current, end, paragraph, &mut sentences);
                    current = end;
                    cut_from = end;
                }
            }
            sentence_start = Some(current);
            // A short line ends one unless the next goes on in lower case: wire copy wrapped
            // at a narrow width ("Two days ago a farmer, a father\nof four, was shot dead …").
            let ends_thought = trimmed.ends_with(['.', '!', '?', ':', '"', '”', '’', '\''])
                || !next_line_continues(text, line_end);
            if ends_thought && let Some(s) = sentence_start.take() {
                push(s, line_end, paragraph, &mut sentences);
            }
        }
        if line_end >= text.len() {
            break;
        }
        line_start = line_end + 1;
    }
    if let Some(s) = sentence_start {
        push(s, text.len(), paragraph, &mut sentences);
    }
    sentences
}

/// Whether the line after `line_end` starts in lower case (a wrapped sentence going on).
fn next_line_continues(text: &str, line_end: usize) -> bool {
    text.get(line_end + 1..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(|c| c.is_lowercase())
}

/// When the terminal mark at `at` ends a sentence, the offset just after it (and any closing
/// quotes or brackets).
fn sentence_end_after(text: &str, at: usize, line_end: usize) -> Option<usize> {
    let mark = text[at..].chars().next()?;
    let mut end = at + mark.len_utf8();
    // Closing quotes and brackets belong to the sentence.
    while let Some(c) = text[end..line_end].chars().next() {
        if matches!(c, '"' | '”' | '’' | '\'' | ')' | ']') {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    let rest = &text[end..line_end];
    let after_space = rest.trim_start();
    if after_space.len() == rest.len() || after_space.is_empty() {
        // No space after the mark ("U.S.A", "3.5") or end of line (the line logic decides).
        return None;
    }
    let next = after_space.chars().next()?;
    if !(next.is_uppercase()
        || next.is_ascii_digit()
        || matches!(next, '"' | '“' | '‘' | '\'' | '('))
    {
        return None;
    }
    if mark == '.' && is_abbreviation_before(text, at) {
        return None;
    }
    Some(end)
}

/// Whether the word before the dot at `dot` is an abbreviation or a single-letter initial.
fn is_abbreviation_before(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true; // an initial: "John F. Kennedy"
    }
    if word.contains('.') {
        // The last dot of "U.S." or "a.m.": in news copy these run on far more often than they
        // end a sentence.
        return true;
    }
    let lower = word.to_ascii_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text).iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn splits_on_terminal_punctuation() {
        assert_eq!(
            split("Gunmen attacked. Two died! Why? Nobody knows."),
            ["Gunmen attacked.", "Two died!", "Why?", "Nobody knows."]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            split(
                "Gen. Ali Omar met Sgt. Lee on Sept. 11 in Washington. John F. Kennedy Airport was shut."
            ),
            [
                "Gen. Ali Omar met Sgt. Lee on Sept. 11 in Washington.",
                "John F. Kennedy Airport was shut."
            ]
        );
    }

    #[test]
    fn dotted_abbreviations_mid_sentence_do_not_split() {
        assert_eq!(
            split("The U.S. Embassy was closed. It reopened."),
            ["The U.S. Embassy was closed.", "It reopened."]
        );
        assert_eq!(
            split("It happened at 2 a.m. Tuesday in the port."),
            ["It happened at 2 a.m. Tuesday in the port."]
        );
    }

    #[test]
    fn quotes_close_the_sentence() {
        assert_eq!(
            split("“We will respond,” he said. “Soon.” Then he left."),
            ["“We will respond,” he said.", "“Soon.”", "Then he left."]
        );
    }

    #[test]
    fn headlines_and_blank_lines_end_sentences() {
        let text = "Militants Attack Mission in Libya\n\nThe embassy was hit on Sunday.\nFollow-up line here.";
        assert_eq!(
            split(text),
            [
                "Militants Attack Mission in Libya",
                "The embassy was hit on Sunday.",
                "Follow-up line here."
            ]
        );
        let sentences = split_sentences(text);
        assert_eq!(sentences[0].paragraph, 0);
        assert_eq!(sentences[1].paragraph, 1);
    }

    #[test]
    fn wrapped_lines_join() {
        let text = format!(
            "{} and the police\nsaid the attackers fled.",
            "A long sentence that goes on and on about the attack on the convoy near the border crossing"
        );
        assert_eq!(split(&text).len(), 1);
    }

    #[test]
    fn narrow_wire_copy_joins_but_a_headline_stands_alone() {
        let text = "Two days ago a farmer, a father\nof four, was shot dead outside\nhis home.";
        assert_eq!(
            split(text),
            ["Two days ago a farmer, a father\nof four, was shot dead outside\nhis home."]
        );
        assert_eq!(
            split("Gunmen Kill Five in Kabul\nThe attack began at dawn."),
            ["Gunmen Kill Five in Kabul", "The attack began at dawn."]
        );
    }

    #[test]
    fn decimals_do_not_split() {
        assert_eq!(
            split("The blast was 3.5 km away. Nobody was hurt."),
            ["The blast was 3.5 km away.", "Nobody was hurt."]
        );
    }

    #[test]
    fn empty_text_has_no_sentences() {
        assert!(split("").is_empty());
        assert!(split("\n\n  \n").is_empty());
    }
}
