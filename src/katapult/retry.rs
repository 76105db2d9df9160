//! When and how long to wait before trying a request again: exponential
//! backoff with jitter, or the server's own `Retry-After`.

use std::hash::{BuildHasher, Hasher};
use std::time::Duration;

/// How hard a client tries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Tries after the first; 0 disables retries.
    pub max_retries: u32,
    /// The first backoff; each retry doubles it, up to `max_backoff`.
    pub base_backoff: Duration,
    pub max_backoff: Duration,
    /// The most a read with the usual budget waits, in all, on requests
    /// that get no answer (timed out, or their connection failed) and the
    /// waits between them, before it fails; `None`: up to its budget. A
    /// read given a budget of its own (`timeouts { read }`) waits up to it.
    pub no_answer_limit: Option<Duration>,
}

/// How long a read waits for an API that does not answer, unless it is
/// given more: a stalled API fails a plan in a minute, not in minutes.
pub const DEFAULT_NO_ANSWER_LIMIT: Duration = Duration::from_secs(60);

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_retries: 5,
            base_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(20),
            no_answer_limit: Some(DEFAULT_NO_ANSWER_LIMIT),
        }
    }
}

impl RetryPolicy {
    /// The wait before retry number `retry` (0 for the first): a random time
    /// between half and all of `base × 2^retry`, capped. The jitter keeps
    /// parallel reads that failed together from retrying together.
    pub fn backoff(&self, retry: u32) -> Duration {
        let full = self
            .base_backoff
            .saturating_mul(1u32.checked_shl(retry).unwrap_or(u32::MAX))
            .min(self.max_backoff);
        let half = full / 2;
        half + half.mul_f64(random_fraction())
    }
}

/// A uniformly random number in [0, 1), from the standard library's
/// per-process random hash keys: no generator crate for one number.
fn random_fraction() -> f64 {
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(0);
    (hasher.finish() >> 11) as f64 / (1u64 << 53) as f64
}

/// The longest `Retry-After` taken as it is; a longer one is cut to this.
/// (A read's own budget cuts it shorter still: see the client.)
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(3600);

/// `Retry-After` as seconds, at most `MAX_RETRY_AFTER` (the HTTP-date form
/// is not used by Katapult and is ignored, falling back to backoff).
pub fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // All digits: a parse failure can only be an overflow, so: very long.
    let secs = value.parse::<u64>().unwrap_or(u64::MAX);
    Some(Duration::from_secs(secs).min(MAX_RETRY_AFTER))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_with_jitter_and_caps() {
        let policy = RetryPolicy::default();
        for (retry, full_ms) in [
            (0, 500),
            (1, 1000),
            (2, 2000),
            (5, 16_000),
            (6, 20_000),
            (40, 20_000),
        ] {
            for _ in 0..50 {
                let wait = policy.backoff(retry).as_millis();
                assert!(
                    wait >= full_ms / 2 && wait <= full_ms,
                    "retry {retry}: {wait} ms"
                );
            }
        }
        let waits: std::collections::HashSet<_> = (0..20).map(|_| policy.backoff(3)).collect();
        assert!(waits.len() > 1, "jitter varies the wait");
    }

    #[test]
    fn retry_after_seconds() {
        assert_eq!(parse_retry_after("7"), Some(Duration::from_secs(7)));
        assert_eq!(parse_retry_after(" 0 "), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), None);
        assert_eq!(parse_retry_after("-1"), None);
        assert_eq!(parse_retry_after(""), None);
        for huge in [
            "18446744073709551615",
            "9223372036854775807",
            "99999999999999999999999999",
        ] {
            assert_eq!(parse_retry_after(huge), Some(MAX_RETRY_AFTER), "{huge}");
        }
    }
}
