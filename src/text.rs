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

/// An API type name in words: `VirtualMachine` → `["Virtual",
/// "Machine"]`, `IPAddress` → `["IP", "Address"]`, `load_balancer` →
/// `["load", "balancer"]`.
fn words(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut words = Vec::new();
    let mut word = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c == '_' || c == ' ' || c == '-' {
            words.extend((!word.is_empty()).then(|| std::mem::take(&mut word)));
            continue;
        }
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1);
        // A capital starts a word after a lower-case letter or digit, or
        // ends an acronym when a lower-case letter follows it (`IPAddress`).
        let starts = c.is_uppercase()
            && prev.is_some_and(|p| {
                p.is_lowercase()
                    || p.is_ascii_digit()
                    || (p.is_uppercase() && next.is_some_and(|n| n.is_lowercase()))
            });
        if starts && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        word.push(c);
    }
    words.extend((!word.is_empty()).then_some(word));
    words
}

/// An API type name as a noun in a sentence: `VirtualMachine` →
/// `virtual machine`; acronyms keep their capitals (`IP address`).
pub(crate) fn noun(type_name: &str) -> String {
    words(type_name)
        .iter()
        .map(|w| {
            let acronym = w.chars().filter(|c| c.is_uppercase()).count() > 1;
            if acronym { w.clone() } else { w.to_lowercase() }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The same, starting a sentence: `Virtual machine`, `IP address`.
pub(crate) fn capitalized(words: &str) -> String {
    let mut chars = words.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names_read_as_words() {
        for (name, noun_form, start) in [
            ("Disk", "disk", "Disk"),
            ("VirtualMachine", "virtual machine", "Virtual machine"),
            ("IPAddress", "IP address", "IP address"),
            (
                "LoadBalancerRule",
                "load balancer rule",
                "Load balancer rule",
            ),
            ("disk_template", "disk template", "Disk template"),
            ("", "", ""),
            ("X", "x", "X"),
        ] {
            assert_eq!(noun(name), noun_form, "{name}");
            assert_eq!(capitalized(&noun(name)), start, "{name}");
        }
    }

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
