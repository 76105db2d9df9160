//! The `timeouts { read }` block every data source has, as Terraform users
//! know it from other providers: its definition, its one reading, and the
//! time budget a read gets from it.

use std::time::Duration;

use crate::diag::Diagnostic;
use crate::katapult;
use crate::schema::{Attribute, Kind, NestedBlock};
use crate::tftypes::{AttributePath, Value};

use super::error::ReadError;

/// The `timeouts` block.
pub const TIMEOUTS: NestedBlock = NestedBlock {
    name: "timeouts",
    description: "How long the read may take.",
    attributes: &[Attribute::optional(
        "read",
        Kind::String,
        "How long the read may take in all, retries and rate-limit pacing included, as a \
         duration such as `30s` or `5m`, at most `24h`. Defaults to the provider's `read_timeout`.",
    )],
};

/// A `timeouts { read }` block, parsed: `None` when not set (or not known
/// yet). The one reading of it, for validate and read alike.
pub fn read_timeout(config: &Value) -> Result<Option<Duration>, Diagnostic> {
    match config.attribute("timeouts").attribute("read") {
        Value::String(read) => crate::duration::parse_duration(read)
            .map(Some)
            .map_err(|problem| {
                Diagnostic::error("Invalid read timeout", problem)
                    .at(AttributePath::root("timeouts").attribute("read"))
            }),
        _ => Ok(None),
    }
}

/// Checks a `timeouts { read }` block's duration.
pub fn validate(config: &Value) -> Option<Diagnostic> {
    read_timeout(config).err()
}

/// A read's time budget: its `timeouts { read }`, else `default` (the
/// provider's `read_timeout`).
pub fn budget(config: &Value, default: Duration) -> Result<katapult::Budget, ReadError> {
    Ok(match read_timeout(config).map_err(ReadError::Invalid)? {
        Some(own) => katapult::Budget::own(own),
        None => katapult::Budget::new(default),
    })
}
