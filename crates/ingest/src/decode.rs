//! Bytes → text: byte-order marks, declared charsets, and the UTF-8 policy.
//!
//! In order: a byte-order mark decides; else a declared charset other than UTF-8 (an HTML
//! `<meta charset>` or an HTTP `Content-Type` header), decoded with `encoding_rs`; else UTF-8.
//! Bytes that are not valid UTF-8 are decoded lossily (invalid bytes become U+FFFD, with a
//! [`IngestError::Lossy`] warning) when at most 1% of the bytes are invalid: that is a text with
//! a few broken characters. Beyond 1% the text is in some other, undeclared encoding, and
//! guessing would store mojibake: the source is rejected with [`IngestError::NotUtf8`].

use std::borrow::Cow;

use encoding_rs::Encoding;

use crate::error::{IngestError, Origin};

/// Text decoded from bytes, with the warning to report if the decoding was lossy.
pub(crate) struct Decoded {
    pub text: String,
    pub warning: Option<IngestError>,
}

/// Decodes `bytes`. `declared` is a charset label from the document or its transport.
/// When `cut_mid_stream` is true the bytes were cut at a size limit, and an incomplete
/// character at their end is dropped instead of counted as invalid.
pub(crate) fn decode(
    bytes: &[u8],
    declared: Option<&str>,
    cut_mid_stream: bool,
    at: &Origin,
) -> Result<Decoded, IngestError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return Ok(decode_with(encoding, &bytes[bom_len..], at));
    }
    let declared = declared.and_then(|label| Encoding::for_label(label.trim().as_bytes()));
    if let Some(encoding) = declared
        && encoding != encoding_rs::UTF_8
        // A page that declares UTF-16 in its own bytes is not UTF-16 (it could not be read as
        // ASCII to find the declaration); the HTML standard reads it as UTF-8.
        && encoding != encoding_rs::UTF_16LE
        && encoding != encoding_rs::UTF_16BE
    {
        return Ok(decode_with(encoding, bytes, at));
    }
    let bytes = if cut_mid_stream {
        drop_incomplete_tail(bytes)
    } else {
        bytes
    };
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: text.to_string(),
            warning: None,
        }),
        Err(_) => {
            let invalid = count_invalid_utf8(bytes);
            if invalid * 100 <= bytes.len() {
                Ok(Decoded {
                    text: String::from_utf8_lossy(bytes).into_owned(),
                    warning: Some(IngestError::Lossy {
                        at: at.clone(),
                        encoding: "UTF-8",
                        invalid_bytes: invalid,
                    }),
                })
            } else {
                Err(IngestError::NotUtf8 { at: at.clone() })
            }
        }
    }
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8], at: &Origin) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let warning = had_errors.then(|| IngestError::Lossy {
        at: at.clone(),
        encoding: encoding.name(),
        invalid_bytes: text
            .chars()
            .filter(|&c| c == char::REPLACEMENT_CHARACTER)
            .count(),
    });
    let text = match text {
        Cow::Borrowed(s) => s.to_string(),
        Cow::Owned(s) => s,
    };
    Decoded { text, warning }
}

/// Number of bytes that are not part of a valid UTF-8 sequence.
pub(crate) fn count_invalid_utf8(bytes: &[u8]) -> usize {
    bytes.utf8_chunks().map(|chunk| chunk.invalid().len()).sum()
}

/// `bytes` without a UTF-8 sequence cut short at its very end.
fn drop_incomplete_tail(bytes: &[u8]) -> &[u8] {
    match std::str::from_utf8(bytes) {
        Err(e) if e.error_len().is_none() => &bytes[..e.valid_up_to()],
        Err(_) => {
            // Somewhere earlier there is an invalid byte; look only at the last 3 bytes.
            let tail_start = bytes.len().saturating_sub(3);
            for start in tail_start..bytes.len() {
                let b = bytes[start];
                if b >= 0xc0 {
                    let needed = if b >= 0xf0 {
                        4
                    } else if b >= 0xe0 {
                        3
                    } else {
                        2
                    };
                    if bytes.len() - start < needed {
                        return &bytes[..start];
                    }
                }
            }
            bytes
        }
        Ok(_) => bytes,
    }
}

/// The charset an HTML document declares in its first bytes (`<meta charset="…">` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">`), as the HTML standard's prescan
/// looks for it (here within the first 4 KiB, case-insensitive).
pub(crate) fn html_declared_charset(bytes: &[u8]) -> Option<String> {
    let window = &bytes[..bytes.len().min(4096)];
    let mut rest = window;
    while let Some(i) = crate::format::find_ignore_case(rest, b"<meta") {
        let tag_start = &rest[i..];
        let tag_end = tag_start
            .iter()
            .position(|&b| b == b'>')
            .unwrap_or(tag_start.len());
        let tag = &tag_start[..tag_end];
        if let Some(label) = charset_param(tag) {
            return Some(label);
        }
        rest = &tag_start[tag_end..];
    }
    None
}

/// The value after `charset=` in a tag or header value, without quotes.
pub(crate) fn charset_param(bytes: &[u8]) -> Option<String> {
    let i = crate::format::find_ignore_case(bytes, b"charset")?;
    let mut rest = &bytes[i + b"charset".len()..];
    rest = trim_ascii_start(rest);
    rest = rest.strip_prefix(b"=")?;
    rest = trim_ascii_start(rest);
    rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b';' | b'>' | b'/') || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    let label = std::str::from_utf8(&rest[..end]).ok()?.trim();
    (!label.is_empty()).then(|| label.to_string())
}

fn trim_ascii_start(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at() -> Origin {
        Origin::source("t")
    }

    #[test]
    fn valid_utf8_passes_unchanged() {
        let d = decode("Benghazi — Libya".as_bytes(), None, false, &at()).unwrap();
        assert_eq!(d.text, "Benghazi — Libya");
        assert!(d.warning.is_none());
    }

    #[test]
    fn a_few_invalid_bytes_are_replaced_with_a_warning() {
        let mut bytes = "a".repeat(500).into_bytes();
        bytes.push(0xff);
        let d = decode(&bytes, None, false, &at()).unwrap();
        assert!(d.text.ends_with('\u{fffd}'));
        assert!(matches!(
            d.warning,
            Some(IngestError::Lossy {
                invalid_bytes: 1,
                ..
            })
        ));
    }

    #[test]
    fn mostly_invalid_bytes_are_rejected() {
        let err = decode(b"Caf\xe9 attaqu\xe9 \xe0 Paris", None, false, &at())
            .err()
            .unwrap();
        assert!(matches!(err, IngestError::NotUtf8 { .. }));
    }

    #[test]
    fn declared_charsets_decode() {
        let d = decode(b"Caf\xe9", Some("iso-8859-1"), false, &at()).unwrap();
        assert_eq!(d.text, "Café");
        assert!(d.warning.is_none());
    }

    #[test]
    fn a_char_cut_at_the_limit_is_dropped_silently() {
        let bytes = "ab—".as_bytes();
        let d = decode(&bytes[..3], None, true, &at()).unwrap();
        assert_eq!(d.text, "ab");
        assert!(d.warning.is_none());
    }

    #[test]
    fn meta_charsets_are_found() {
        let html = b"<html><head><META http-equiv='Content-Type' content='text/html; charset=windows-1256'>";
        assert_eq!(html_declared_charset(html).as_deref(), Some("windows-1256"));
        assert_eq!(
            html_declared_charset(b"<meta charset=\"utf-8\" />").as_deref(),
            Some("utf-8")
        );
        assert_eq!(html_declared_charset(b"<meta name=x>"), None);
    }

    #[test]
    fn bom_wins() {
        let mut bytes = vec![0xfe, 0xff];
        for unit in "Hé".encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(
            decode(&bytes, Some("iso-8859-1"), false, &at())
                .unwrap()
                .text,
            "Hé"
        );
    }
}
