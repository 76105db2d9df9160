//! The two time formats the provider writes: dates for people, and the
//! timestamp Terraform's log parser insists on.

use time::OffsetDateTime;

/// `2026-09-21 14:13:20 UTC`; the raw number when it is out of range.
pub fn utc_date_time(unix_seconds: i64) -> String {
    match OffsetDateTime::from_unix_timestamp(unix_seconds) {
        Ok(t) => format!(
            "{:04}-{:02}-{:02} {:02}:{:02}:{:02} UTC",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute(),
            t.second()
        ),
        Err(_) => format!("Unix time {unix_seconds}"),
    }
}

/// Go's `2006-01-02T15:04:05.000000Z07:00` in UTC: six fractional digits
/// and a `Z`, exactly what hclog writes and Terraform parses.
pub fn log_timestamp(t: OffsetDateTime) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        t.microsecond()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(utc_date_time(0), "1970-01-01 00:00:00 UTC");
        assert_eq!(utc_date_time(1_786_810_364), "2026-08-15 16:12:44 UTC");
        assert_eq!(utc_date_time(i64::MAX), format!("Unix time {}", i64::MAX));
        let t = OffsetDateTime::from_unix_timestamp_nanos(1_786_810_364_000_123_456).unwrap();
        assert_eq!(log_timestamp(t), "2026-08-15T16:12:44.000123Z");
    }
}
