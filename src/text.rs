//! Text from outside (the API's answers, Terraform's messages, the
//! environment) made safe to repeat in a message: every echo goes through
//! `shown`, so no value arrives in a terminal whole or raw.

/// `text` made safe to show in a terminal: control and
/// bidirectional-formatting characters (which could clear the screen, move
/// the cursor or reorder what is shown) escaped as `\u{1b}`, and cut to
/// `max` characters with a note saying how many more there were.
pub(crate) fn shown(text: &str, max: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max));
    let mut chars = text.chars();
    for c in chars.by_ref().take(max) {
        let bidi = matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        if c.is_control() || bidi {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    let cut = chars.count();
    if cut > 0 {
        out.push_str(&format!("… ({cut} more characters cut)"));
    }
    out
}

/// The most characters of a value from the configuration a message repeats.
pub(crate) const MAX_ECHO: usize = 200;

/// A value the user wrote (or Terraform sent), quoted for a message: made
/// safe and cut to `MAX_ECHO` characters.
pub(crate) fn quoted(text: &str) -> String {
    format!("\"{}\"", shown(text, MAX_ECHO))
}

/// The most characters of server-supplied text a message repeats.
const MAX_SERVER_TEXT: usize = 500;

/// Text from the server (the API's answers, a proxy's page, a resolver's
/// word), made safe to show (see `shown`) and cut to `MAX_SERVER_TEXT`
/// characters.
pub(crate) fn server_text(text: &str) -> String {
    shown(text, MAX_SERVER_TEXT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_text_is_escaped_and_cut() {
        let cases = [
            ("plain words", "plain words".to_owned()),
            ("\u{1b}[2Jgone", "\\u{1b}[2Jgone".to_owned()),
            ("a\nb\r\u{7}c", "a\\u{a}b\\u{d}\\u{7}c".to_owned()),
            ("\u{202e}txt.exe", "\\u{202e}txt.exe".to_owned()),
            ("é ✓", "é ✓".to_owned()),
            (
                &"x".repeat(600),
                format!("{}… (100 more characters cut)", "x".repeat(500)),
            ),
        ];
        for (input, want) in cases {
            assert_eq!(server_text(input), want, "{input:?}");
        }
    }

    #[test]
    fn echoes_are_escaped_and_cut() {
        assert_eq!(quoted("disk_1"), "\"disk_1\"");
        assert_eq!(quoted("a\u{1b}[2J"), "\"a\\u{1b}[2J\"");
        let long = quoted(&"x".repeat(1 << 20));
        assert!(long.len() < 300, "{}", long.len());
        assert!(
            long.ends_with("… (1048376 more characters cut)\""),
            "{long}"
        );
    }
}
