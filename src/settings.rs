//! The provider's settings, parsed once from configuration and environment
//! into typed values. Validate and configure both call `Settings::parse`, so
//! a value that validate would refuse can never quietly become a default at
//! configure: every bad value is a diagnostic at its attribute, or naming
//! the environment variable it came from.

use std::time::Duration;

use tracing_subscriber::filter::LevelFilter;

use crate::datasource::Setting;
use crate::diag::Diagnostic;
use crate::duration::parse_duration;
use crate::katapult::{self, ApiKey};
use crate::logging;
use crate::tftypes::{AttributePath, Number, Value};

pub const DEFAULT_API_URL: &str = "https://api.katapult.io";
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
pub const DEFAULT_READ_TIMEOUT: Duration = Duration::from_secs(300);
pub const DEFAULT_MAX_RETRIES: u32 = 5;
/// The most retries a user may ask for: beyond this a plan would only hang.
const MAX_RETRIES_LIMIT: u64 = 20;

pub const ENV_API_KEY: &str = "KATAPULT_API_KEY";
pub const ENV_API_URL: &str = "KATAPULT_API_URL";
pub const ENV_ORGANIZATION: &str = "KATAPULT_ORGANIZATION";
pub const ENV_DATA_CENTER: &str = "KATAPULT_DATA_CENTER";

/// The names of the settings, shared with the provider's schema.
pub mod names {
    pub const API_KEY: &str = "api_key";
    pub const API_URL: &str = "api_url";
    pub const REQUEST_TIMEOUT: &str = "request_timeout";
    pub const READ_TIMEOUT: &str = "read_timeout";
    pub const MAX_RETRIES: &str = "max_retries";
    pub const ORGANIZATION: &str = "organization";
    pub const DATA_CENTER: &str = "data_center";
    pub const SKIP_TRASH_OBJECT_PURGE: &str = "skip_trash_object_purge";
    pub const LOG_LEVEL: &str = "log_level";
}

/// Where a setting's value came from, so an error about it points there.
#[derive(Debug, Clone, Copy)]
enum Source {
    /// The provider block's attribute of this name.
    Config(&'static str),
    /// The environment variable of this name.
    Env(&'static str),
}

impl Source {
    /// `diag` about a value from here: at the attribute, or naming the
    /// environment variable (which has no line in the configuration).
    fn blame(self, mut diag: Diagnostic) -> Diagnostic {
        match self {
            Source::Config(name) => diag.at(AttributePath::root(name)),
            Source::Env(var) => {
                diag.detail = format!("From the {var} environment variable: {}", diag.detail);
                diag
            }
        }
    }
}

/// Every setting, typed and checked.
#[derive(Debug)]
pub struct Settings {
    /// None when neither the configuration nor the environment holds one:
    /// an error only once something needs the API.
    pub api_key: Option<ApiKey>,
    pub api_url: String,
    pub organization: Setting,
    /// The default data center's permalink, for `katapult_data_center`.
    pub data_center: Setting,
    pub request_timeout: Duration,
    pub read_timeout: Duration,
    /// How long a read waits for an API that gives no answer: the usual
    /// minute (or one `request_timeout`, if longer) unless `read_timeout`
    /// is set, when it is `None`: that whole budget is the user's to give.
    pub no_answer_limit: Option<Duration>,
    pub max_retries: u32,
    /// The least severe level to log (`OFF`: nothing); None leaves it to
    /// Terraform.
    pub log_floor: Option<LevelFilter>,
}

/// What parsing found.
#[derive(Debug)]
pub enum Parsed {
    Known(Settings),
    /// This attribute is not known until apply; the others are fine.
    Unknown(&'static str),
}

impl Settings {
    /// Parses `config` over the environment that `env` reads (validate
    /// passes one that reads nothing: the environment is the plugin's, not
    /// the configuration's). All problems come back together.
    pub fn parse(
        config: &Value,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Parsed, Vec<Diagnostic>> {
        let mut reader = Reader {
            config,
            env,
            problems: Vec::new(),
            unknown: None,
        };
        let api_key = reader
            .string(names::API_KEY, Some(ENV_API_KEY))
            .and_then(|(raw, source)| reader.check(source, ApiKey::parse(&raw)));
        let api_url = reader.api_url();
        let organization = reader.named(names::ORGANIZATION, ENV_ORGANIZATION);
        let data_center = reader.named(names::DATA_CENTER, ENV_DATA_CENTER);
        let request_timeout = reader.duration(names::REQUEST_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
        let read_timeout = reader.set_duration(names::READ_TIMEOUT);
        let no_answer_limit = match read_timeout {
            Some(_) => None,
            None => Some(katapult::DEFAULT_NO_ANSWER_LIMIT.max(request_timeout)),
        };
        let read_timeout = read_timeout.unwrap_or(DEFAULT_READ_TIMEOUT);
        let max_retries = reader.retries();
        let log_floor = reader.log_floor();
        if !reader.problems.is_empty() {
            return Err(reader.problems);
        }
        if let Some(name) = reader.unknown {
            return Ok(Parsed::Unknown(name));
        }
        Ok(Parsed::Known(Settings {
            api_key,
            // An invalid one is a problem, returned already.
            api_url: api_url.unwrap_or_else(|| DEFAULT_API_URL.to_owned()),
            organization,
            data_center,
            request_timeout,
            read_timeout,
            no_answer_limit,
            max_retries,
            log_floor,
        }))
    }
}

/// Reads settings one by one, gathering problems and the first unknown.
struct Reader<'a> {
    config: &'a Value,
    env: &'a dyn Fn(&str) -> Option<String>,
    problems: Vec<Diagnostic>,
    unknown: Option<&'static str>,
}

impl Reader<'_> {
    /// A configuration string, else the environment variable, else none;
    /// empty counts as unset. Notes the attribute when it is unknown.
    fn string(
        &mut self,
        name: &'static str,
        env: Option<&'static str>,
    ) -> Option<(String, Source)> {
        match self.config.attribute(name) {
            Value::Unknown => {
                self.unknown.get_or_insert(name);
                None
            }
            Value::String(s) if !s.is_empty() => Some((s.clone(), Source::Config(name))),
            _ => env.and_then(|var| {
                (self.env)(var)
                    .filter(|s| !s.is_empty())
                    .map(|s| (s, Source::Env(var)))
            }),
        }
    }

    /// The API URL, checked; the default when unset.
    fn api_url(&mut self) -> Option<String> {
        match self.string(names::API_URL, Some(ENV_API_URL)) {
            Some((url, source)) => self
                .check(source, katapult::check_api_url(&url))
                .map(|()| url),
            None => Some(DEFAULT_API_URL.to_owned()),
        }
    }

    /// A setting needed only by some data sources (the organization, the
    /// data center), so unknown here blocks only them; trimmed.
    fn named(&mut self, name: &'static str, env: &'static str) -> Setting {
        match self.config.attribute(name) {
            Value::Unknown => Setting::Unknown,
            _ => self
                .string(name, Some(env))
                .map(|(org, _)| org.trim().to_owned())
                .filter(|org| !org.is_empty())
                .map_or(Setting::Unset, Setting::Set),
        }
    }

    /// The log floor; unknown means the default, so it blocks nothing.
    fn log_floor(&mut self) -> Option<LevelFilter> {
        if self.config.attribute(names::LOG_LEVEL) == &Value::Unknown {
            return None;
        }
        let (level, source) = self.string(names::LOG_LEVEL, Some(logging::FLOOR_VARIABLE))?;
        let floor = logging::parse_floor(&level);
        if floor.is_none() {
            self.problems.push(source.blame(invalid_log_level(&level)));
        }
        floor
    }

    /// The value, or None with the error noted against its source.
    fn check<T>(&mut self, source: Source, result: Result<T, katapult::Error>) -> Option<T> {
        result
            .map_err(|e| self.problems.push(source.blame(Diagnostic::from(&e))))
            .ok()
    }

    fn duration(&mut self, name: &'static str, default: Duration) -> Duration {
        self.set_duration(name).unwrap_or(default)
    }

    /// A duration setting, `None` when not set (or invalid: noted).
    fn set_duration(&mut self, name: &'static str) -> Option<Duration> {
        let (text, source) = self.string(name, None)?;
        parse_duration(&text)
            .map_err(|e| {
                self.problems
                    .push(source.blame(Diagnostic::error(format!("Invalid {name}"), e)))
            })
            .ok()
    }

    fn retries(&mut self) -> u32 {
        match self.config.attribute(names::MAX_RETRIES) {
            Value::Unknown => {
                self.unknown.get_or_insert(names::MAX_RETRIES);
                DEFAULT_MAX_RETRIES
            }
            Value::Number(n) => parse_retries(n).unwrap_or_else(|e| {
                self.problems.push(
                    Diagnostic::error("Invalid max_retries", e)
                        .at(AttributePath::root(names::MAX_RETRIES)),
                );
                DEFAULT_MAX_RETRIES
            }),
            _ => DEFAULT_MAX_RETRIES,
        }
    }
}

fn invalid_log_level(level: &str) -> Diagnostic {
    Diagnostic::error("Invalid log_level", logging::floor_problem(level))
}

fn parse_retries(n: &Number) -> Result<u32, String> {
    match n {
        Number::Int(i) if (0..=MAX_RETRIES_LIMIT as i64).contains(i) => Ok(*i as u32),
        Number::UInt(u) if *u <= MAX_RETRIES_LIMIT => Ok(*u as u32),
        Number::Float(f) if f.fract() == 0.0 && (0.0..=MAX_RETRIES_LIMIT as f64).contains(f) => {
            Ok(*f as u32)
        }
        _ => Err(format!(
            "max_retries must be a whole number from 0 to {MAX_RETRIES_LIMIT}"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(pairs: &[(&str, Value)]) -> Value {
        Value::Object(
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
        )
    }

    fn no_env(_: &str) -> Option<String> {
        None
    }

    /// Each bad value is named at its attribute, all at once.
    #[test]
    fn every_bad_value_is_an_error_at_its_attribute() {
        let cases = [
            (names::REQUEST_TIMEOUT, Value::from("soon")),
            (names::READ_TIMEOUT, Value::from("forever")),
            (names::READ_TIMEOUT, Value::from("25h")),
            (names::MAX_RETRIES, Value::Number(Number::Int(21))),
            (names::MAX_RETRIES, Value::Number(Number::Float(1.5))),
            (names::MAX_RETRIES, Value::Number(Number::Int(-1))),
            (names::API_KEY, Value::from("kp\u{7}x")),
            (names::API_URL, Value::from("http://remote.example")),
            (names::LOG_LEVEL, Value::from("loud")),
        ];
        for (name, value) in &cases {
            let errors = Settings::parse(&config(&[(name, value.clone())]), &no_env).unwrap_err();
            let paths: Vec<_> = errors
                .iter()
                .map(|d| d.path.as_ref().map(ToString::to_string))
                .collect();
            assert_eq!(paths, [Some((*name).to_owned())], "{name} = {value:?}");
        }
        let all: Vec<_> = cases.iter().map(|(n, v)| (*n, v.clone())).collect();
        let all = config(&all.iter().map(|(n, v)| (*n, v.clone())).collect::<Vec<_>>());
        assert!(Settings::parse(&all, &no_env).unwrap_err().len() >= 6);
    }

    #[test]
    fn good_values_parse_and_the_environment_fills_in() {
        let env = |var: &str| match var {
            ENV_API_KEY => Some("kp_env\n".to_owned()),
            ENV_ORGANIZATION => Some(" acme ".to_owned()),
            ENV_DATA_CENTER => Some("uk-lon-01".to_owned()),
            logging::FLOOR_VARIABLE => Some("WARN".to_owned()),
            _ => None,
        };
        let parsed = Settings::parse(
            &config(&[
                (names::READ_TIMEOUT, Value::from("2m")),
                (names::MAX_RETRIES, Value::Number(Number::Int(0))),
            ]),
            &env,
        );
        let Ok(Parsed::Known(s)) = parsed else {
            panic!("{parsed:?}")
        };
        assert!(s.api_key.is_some());
        assert_eq!(s.api_url, DEFAULT_API_URL);
        assert_eq!(s.organization, Setting::Set("acme".to_owned()));
        assert_eq!(s.data_center, Setting::Set("uk-lon-01".to_owned()));
        assert_eq!(s.read_timeout, Duration::from_secs(120));
        assert_eq!(s.request_timeout, DEFAULT_REQUEST_TIMEOUT);
        assert_eq!(s.max_retries, 0);
        assert_eq!(s.log_floor, Some(LevelFilter::WARN));
    }

    /// A stalled API fails a read in a minute unless the user gave it
    /// more: a read_timeout of theirs is all theirs, and a request_timeout
    /// past a minute gets one whole request.
    #[test]
    fn how_long_a_read_waits_for_no_answer() {
        let limit = |pairs: &[(&str, Value)]| {
            let parsed = Settings::parse(&config(pairs), &no_env);
            let Ok(Parsed::Known(s)) = parsed else {
                panic!("{parsed:?}")
            };
            s.no_answer_limit
        };
        assert_eq!(limit(&[]), Some(Duration::from_secs(60)));
        assert_eq!(
            limit(&[(names::REQUEST_TIMEOUT, Value::from("10s"))]),
            Some(Duration::from_secs(60))
        );
        assert_eq!(
            limit(&[(names::REQUEST_TIMEOUT, Value::from("2m"))]),
            Some(Duration::from_secs(120))
        );
        assert_eq!(limit(&[(names::READ_TIMEOUT, Value::from("10m"))]), None);
        assert_eq!(limit(&[(names::READ_TIMEOUT, Value::from("5m"))]), None);
    }

    #[test]
    fn a_bad_environment_value_names_its_variable() {
        let env = |var: &str| (var == ENV_API_URL).then(|| "ftp://x".to_owned());
        let errors = Settings::parse(&config(&[]), &env).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(errors[0].path.is_none());
        assert!(
            errors[0]
                .detail
                .starts_with("From the KATAPULT_API_URL environment variable"),
            "{}",
            errors[0].detail
        );
    }

    #[test]
    fn the_data_center_in_the_configuration_beats_the_environment() {
        let env = |var: &str| (var == ENV_DATA_CENTER).then(|| "nl-ams-01".to_owned());
        for (value, want) in [
            (
                Value::from(" uk-lon-01 "),
                Setting::Set("uk-lon-01".to_owned()),
            ),
            (Value::Null, Setting::Set("nl-ams-01".to_owned())),
            (Value::Unknown, Setting::Unknown),
        ] {
            let parsed = Settings::parse(&config(&[(names::DATA_CENTER, value.clone())]), &env);
            let Ok(Parsed::Known(s)) = parsed else {
                panic!("{value:?}: {parsed:?}")
            };
            assert_eq!(s.data_center, want, "{value:?}");
        }
        let parsed = Settings::parse(&config(&[]), &no_env);
        let Ok(Parsed::Known(s)) = parsed else {
            panic!("{parsed:?}")
        };
        assert_eq!(s.data_center, Setting::Unset);
    }

    #[test]
    fn an_unknown_organization_or_log_level_blocks_nothing_here() {
        for name in [names::ORGANIZATION, names::LOG_LEVEL] {
            let parsed = Settings::parse(&config(&[(name, Value::Unknown)]), &no_env);
            let Ok(Parsed::Known(s)) = parsed else {
                panic!("{name}: {parsed:?}")
            };
            assert_eq!(s.log_floor, None, "{name}");
            let want = if name == names::ORGANIZATION {
                Setting::Unknown
            } else {
                Setting::Unset
            };
            assert_eq!(s.organization, want);
        }
    }

    #[test]
    fn log_levels_as_the_go_provider_takes_them() {
        for (text, want) in [
            ("trace", LevelFilter::TRACE),
            ("DEBUG", LevelFilter::DEBUG),
            ("Info", LevelFilter::INFO),
            ("warn", LevelFilter::WARN),
            ("ERROR", LevelFilter::ERROR),
            ("OFF", LevelFilter::OFF),
            (" off ", LevelFilter::OFF),
        ] {
            let parsed =
                Settings::parse(&config(&[(names::LOG_LEVEL, Value::from(text))]), &no_env);
            let Ok(Parsed::Known(s)) = parsed else {
                panic!("{text}: {parsed:?}")
            };
            assert_eq!(s.log_floor, Some(want), "{text}");
        }
    }

    #[test]
    fn unknown_values_wait_but_known_bad_ones_do_not() {
        let unknown = config(&[(names::API_URL, Value::Unknown)]);
        assert!(matches!(
            Settings::parse(&unknown, &no_env),
            Ok(Parsed::Unknown("api_url"))
        ));
        let both = config(&[
            (names::API_URL, Value::Unknown),
            (names::READ_TIMEOUT, Value::from("never")),
        ]);
        assert!(Settings::parse(&both, &no_env).is_err());
    }
}
