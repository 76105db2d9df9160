//! Logs in the shape Terraform reads from a plugin's stderr: one JSON object
//! a line with `@level`, `@message`, `@module` and an hclog `@timestamp`.
//! Terraform re-logs these under `TF_LOG_PROVIDER` (else `TF_LOG`); this
//! process reads the same variables, so with logging off it formats nothing.
//!
//! Every event carries the fields of the spans it happened in (`tf_rpc`,
//! `tf_req_id`, `tf_data_source_type`, ...), as Go providers' logs do.

use std::fmt;
use std::io::Write;
use std::sync::atomic::{AtomicU8, Ordering};

use serde_json::{Map, Value};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::Layer;
use tracing_subscriber::filter::{LevelFilter, Targets};
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::registry::LookupSpan;

/// The level Terraform asked for: `TF_LOG_PROVIDER`, else `TF_LOG`.
pub fn level_from_env() -> LevelFilter {
    let setting = ["TF_LOG_PROVIDER", "TF_LOG"]
        .iter()
        .filter_map(|var| std::env::var(var).ok())
        .find(|v| !v.trim().is_empty());
    setting.map_or(LevelFilter::OFF, |v| parse_level(&v))
}

/// Terraform's reading of a level name: `JSON` is trace, and so is any name
/// it does not know.
fn parse_level(setting: &str) -> LevelFilter {
    match setting.trim().to_ascii_uppercase().as_str() {
        "OFF" => LevelFilter::OFF,
        "ERROR" => LevelFilter::ERROR,
        "WARN" => LevelFilter::WARN,
        "INFO" => LevelFilter::INFO,
        "DEBUG" => LevelFilter::DEBUG,
        _ => LevelFilter::TRACE,
    }
}

/// The least severe level the provider logs, whatever Terraform asks for:
/// the `log_level` setting (or `KATAPULT_LOG_LEVEL`), as in Katapult's Go
/// provider. Unset, Terraform's level alone decides. Held as the number of
/// levels allowed (0 = off, 1 = error only, 5 = trace).
static FLOOR: AtomicU8 = AtomicU8::new(5);

/// The environment variable that sets the floor, as in Katapult's Go
/// provider (the `log_level` setting overrides it).
pub const FLOOR_VARIABLE: &str = "KATAPULT_LOG_LEVEL";

/// The levels `log_level` accepts, as the Go provider names them.
const FLOOR_LEVELS: [&str; 6] = ["trace", "debug", "info", "warn", "error", "off"];

/// What is wrong with a `log_level` value `parse_floor` refuses, in words.
pub fn floor_problem(setting: &str) -> String {
    format!(
        "{} is not a log level: use one of {}.",
        crate::text::quoted(setting),
        FLOOR_LEVELS.join(", ")
    )
}

/// Reads a `log_level` value: one of `FLOOR_LEVELS`, in any case (`off`
/// silences the provider's own logs).
pub fn parse_floor(setting: &str) -> Option<LevelFilter> {
    match setting.trim().to_ascii_lowercase().as_str() {
        "trace" => Some(LevelFilter::TRACE),
        "debug" => Some(LevelFilter::DEBUG),
        "info" => Some(LevelFilter::INFO),
        "warn" => Some(LevelFilter::WARN),
        "error" => Some(LevelFilter::ERROR),
        "off" => Some(LevelFilter::OFF),
        _ => None,
    }
}

/// Logs nothing less severe than `floor` from now on (`None`: no floor).
pub fn set_floor(floor: Option<LevelFilter>) {
    let allowed = match floor {
        None => 5,
        Some(floor) => floor.into_level().map_or(0, verbosity),
    };
    FLOOR.store(allowed, Ordering::Relaxed);
}

/// Applies `KATAPULT_LOG_LEVEL` at start-up, before Terraform has sent the
/// provider block (which may say otherwise at configure), so a `warn` there
/// keeps even the first requests' debug lines out. An unusable value is left
/// for configure to report.
pub fn floor_from_env() {
    if let Some(floor) = std::env::var(FLOOR_VARIABLE)
        .ok()
        .and_then(|v| parse_floor(&v))
    {
        set_floor(Some(floor));
    }
}

/// How many levels up to `level` are allowed (error = 1, trace = 5).
fn verbosity(level: Level) -> u8 {
    match level {
        Level::ERROR => 1,
        Level::WARN => 2,
        Level::INFO => 3,
        Level::DEBUG => 4,
        Level::TRACE => 5,
    }
}

/// Installs the stderr logger at `level`. This crate's events are logged at
/// that level; dependencies' only from warnings up, to keep trace readable.
pub fn init(level: LevelFilter) {
    if level == LevelFilter::OFF {
        return;
    }
    let filter = Targets::new()
        .with_target("katapult_provider", level)
        .with_target("terraform_provider_katapult", level)
        .with_default(level.min(LevelFilter::WARN));
    let subscriber = tracing_subscriber::registry().with(HclogLayer.with_filter(filter));
    let _ = tracing::subscriber::set_global_default(subscriber);
}

/// Formats events as hclog JSON lines on stderr.
pub struct HclogLayer;

/// A span's fields, kept for the events inside it.
struct SpanFields(Map<String, Value>);

impl<S> Layer<S> for HclogLayer
where
    S: Subscriber + for<'a> LookupSpan<'a>,
{
    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, ctx: Context<'_, S>) {
        let mut fields = Map::new();
        attrs.record(&mut JsonVisitor(&mut fields));
        if let Some(span) = ctx.span(id) {
            span.extensions_mut().insert(SpanFields(fields));
        }
    }

    fn on_record(&self, id: &Id, values: &Record<'_>, ctx: Context<'_, S>) {
        if let Some(span) = ctx.span(id)
            && let Some(fields) = span.extensions_mut().get_mut::<SpanFields>()
        {
            values.record(&mut JsonVisitor(&mut fields.0));
        }
    }

    fn on_event(&self, event: &Event<'_>, ctx: Context<'_, S>) {
        if verbosity(*event.metadata().level()) > FLOOR.load(Ordering::Relaxed) {
            return;
        }
        let mut line = Map::new();
        if let Some(scope) = ctx.event_scope(event) {
            for span in scope.from_root() {
                if let Some(fields) = span.extensions().get::<SpanFields>() {
                    line.extend(fields.0.iter().map(|(k, v)| (k.clone(), v.clone())));
                }
            }
        }
        event.record(&mut JsonVisitor(&mut line));
        let message = line
            .remove("message")
            .unwrap_or(Value::String(String::new()));
        line.insert("@message".to_owned(), message);
        line.insert(
            "@level".to_owned(),
            Value::from(level_name(*event.metadata().level())),
        );
        line.insert("@module".to_owned(), Value::from("provider"));
        line.insert(
            "@timestamp".to_owned(),
            Value::from(crate::timefmt::log_timestamp(
                time::OffsetDateTime::now_utc(),
            )),
        );
        let mut bytes = serde_json::to_vec(&line).unwrap_or_default();
        bytes.push(b'\n');
        // One write per line, so concurrent events never interleave.
        let _ = std::io::stderr().lock().write_all(&bytes);
    }
}

fn level_name(level: Level) -> &'static str {
    match level {
        Level::TRACE => "trace",
        Level::DEBUG => "debug",
        Level::INFO => "info",
        Level::WARN => "warn",
        Level::ERROR => "error",
    }
}

struct JsonVisitor<'a>(&'a mut Map<String, Value>);

impl Visit for JsonVisitor<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        self.0
            .insert(field.name().to_owned(), Value::from(format!("{value:?}")));
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().to_owned(), Value::from(value));
    }

    fn record_i64(&mut self, field: &Field, value: i64) {
        self.0.insert(field.name().to_owned(), Value::from(value));
    }

    fn record_u64(&mut self, field: &Field, value: u64) {
        self.0.insert(field.name().to_owned(), Value::from(value));
    }

    fn record_f64(&mut self, field: &Field, value: f64) {
        self.0.insert(field.name().to_owned(), Value::from(value));
    }

    fn record_bool(&mut self, field: &Field, value: bool) {
        self.0.insert(field.name().to_owned(), Value::from(value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_read_as_terraform_reads_them() {
        let cases = [
            ("trace", LevelFilter::TRACE),
            ("DEBUG", LevelFilter::DEBUG),
            ("Info", LevelFilter::INFO),
            ("warn", LevelFilter::WARN),
            ("error", LevelFilter::ERROR),
            ("off", LevelFilter::OFF),
            ("JSON", LevelFilter::TRACE),
            ("1", LevelFilter::TRACE),
        ];
        for (setting, want) in cases {
            assert_eq!(parse_level(setting), want, "{setting}");
        }
    }
}
