//! Durations as Terraform users write them (`30s`, `1m30s`, `500ms`, `2h`):
//! Go's syntax, whole numbers, bounded. Shared by the provider's settings
//! and every data source's `timeouts` block.

use std::time::Duration;

/// The longest duration a timeout setting may hold.
pub const MAX_DURATION: Duration = Duration::from_secs(24 * 3600);

/// Parses `30s`, `1m30s`, `500ms`, `2h`: Go's duration syntax, whole
/// numbers, longer than zero and at most `MAX_DURATION`.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let shown = crate::text::quoted(text);
    let bad =
        || format!("{shown} is not a duration: write it like \"30s\", \"1m30s\" or \"500ms\"");
    let too_long = || format!("{shown} is longer than the 24h a timeout may be");
    let mut rest = text.trim();
    if rest.is_empty() {
        return Err(bad());
    }
    let mut total = Duration::ZERO;
    while !rest.is_empty() {
        let digits = rest.find(|c: char| !c.is_ascii_digit()).ok_or_else(bad)?;
        if digits == 0 {
            return Err(bad());
        }
        // All digits: a parse failure can only be an overflow.
        let number: u64 = rest[..digits].parse().map_err(|_| too_long())?;
        rest = &rest[digits..];
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(rest.len());
        let part = match &rest[..unit_len] {
            "ms" => Duration::from_millis(number),
            "s" => Duration::from_secs(number),
            "m" => Duration::from_secs(number.saturating_mul(60)),
            "h" => Duration::from_secs(number.saturating_mul(3600)),
            _ => return Err(bad()),
        };
        total = total.saturating_add(part);
        rest = &rest[unit_len..];
    }
    if total.is_zero() {
        return Err(format!("{shown} must be longer than zero"));
    }
    if total > MAX_DURATION {
        return Err(too_long());
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        let ok = [
            ("30s", 30_000),
            ("1m30s", 90_000),
            ("500ms", 500),
            ("2h", 7_200_000),
            (" 5s ", 5_000),
        ];
        for (text, ms) in ok {
            assert_eq!(
                parse_duration(text),
                Ok(Duration::from_millis(ms)),
                "{text}"
            );
        }
        for text in ["", "30", "s", "1.5s", "-1s", "10 s", "0s", "3d"] {
            assert!(parse_duration(text).is_err(), "{text}");
        }
        assert_eq!(parse_duration("24h"), Ok(MAX_DURATION));
        for text in [
            "24h1s",
            "99999999999999999h",
            "18446744073709551615s",
            "184467440737095516150000s",
        ] {
            let err = parse_duration(text).unwrap_err();
            assert!(err.contains("longer than the 24h"), "{text}: {err}");
        }
    }
}
