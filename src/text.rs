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

#[cfg(test)]
mod tests {
    use super::*;

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
