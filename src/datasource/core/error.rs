//! Why a read produced no state, and the one place those reasons become
//! diagnostics. API errors in general are worded in `diag`; here they get
//! the data source's own words (its scopes, the timeout it was given).

use crate::diag::Diagnostic;
use crate::katapult;
use crate::tftypes::AttributePath;

use super::mapping::MappingError;
use super::reads::Reads;

/// Why a read produced no state.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error(transparent)]
    Api(#[from] katapult::Error),
    /// An API error about the input at `at` (a disk in the trash, say).
    #[error("{error}")]
    About {
        error: katapult::Error,
        at: AttributePath,
    },
    /// What the read looked for does not exist, in the data source's words.
    #[error("{summary}")]
    Missing {
        summary: String,
        detail: String,
        at: Option<AttributePath>,
    },
    #[error(transparent)]
    Mapping(#[from] MappingError),
    /// A configuration value that validate refuses too (should Terraform
    /// read without validating).
    #[error("{}", .0.summary)]
    Invalid(Diagnostic),
    /// A provider setting the read needs is known only after apply.
    #[error("the provider's {0} is not known yet")]
    SettingUnknown(&'static str),
    /// The configuration lacks a value the read needs, at this attribute.
    #[error("{attribute} is {problem}")]
    Config {
        attribute: &'static str,
        problem: &'static str,
    },
}

impl ReadError {
    /// An answer of the right status whose JSON is not what the endpoint
    /// sends (`problem`: "JSON without a \"disk\" object").
    pub fn unexpected(problem: impl Into<String>) -> Self {
        ReadError::Api(katapult::Error::UnexpectedResponse {
            status: 200,
            problem: problem.into(),
        })
    }

    /// The diagnostic for this error of a read of `reads`.
    pub fn diagnostic(&self, reads: &Reads) -> Diagnostic {
        match self {
            ReadError::Api(api) => api_diagnostic(api, reads),
            ReadError::About { error, at } => api_diagnostic(error, reads).at(at.clone()),
            ReadError::Invalid(diag) => diag.clone(),
            ReadError::Missing {
                summary,
                detail,
                at,
            } => {
                let diag = Diagnostic::error(summary.clone(), detail.clone());
                match at {
                    Some(at) => diag.at(at.clone()),
                    None => diag,
                }
            }
            ReadError::Mapping(e) => mapping_diagnostic(e),
            ReadError::SettingUnknown(setting) => setting_unknown(setting),
            ReadError::Config { attribute, problem } => Diagnostic::error(
                format!("The {attribute} argument is {problem}"),
                format!("The read needs a known value for {attribute}."),
            )
            .at(AttributePath::root(attribute)),
        }
    }
}

/// The diagnostic for a provider setting the read needs that is known only
/// after apply.
pub fn setting_unknown(setting: &str) -> Diagnostic {
    Diagnostic::error(
        "Provider configuration not known yet",
        format!(
            "The provider's {setting} depends on a value that is known only after apply, and \
             this data source needs it, so it cannot be read during plan. Apply the resources \
             it depends on first (terraform apply -target=...)."
        ),
    )
}

/// An API error in general words, but for what only the data source knows:
/// the scopes it needs, and the timeout it set itself.
fn api_diagnostic(error: &katapult::Error, reads: &Reads) -> Diagnostic {
    match error {
        katapult::Error::ScopeNotGranted { scopes } => scope_not_granted(scopes, reads),
        // The read's own timeout ran out: the diagnostic points at it.
        katapult::Error::DeadlineExceeded { own: true, .. } => {
            Diagnostic::from(error).at(AttributePath::root("timeouts").attribute("read"))
        }
        error => Diagnostic::from(error),
    }
}

/// A 403 `scope_not_granted`: the scopes the API named, else those the
/// data source's endpoint is documented to need.
fn scope_not_granted(named: &[String], reads: &Reads) -> Diagnostic {
    let declared: Vec<String>;
    let scopes = if named.is_empty() {
        declared = reads.scopes.iter().map(|s| (*s).to_owned()).collect();
        &declared
    } else {
        named
    };
    crate::diag::scope_not_granted(Some(reads.what), scopes)
}

fn mapping_diagnostic(e: &MappingError) -> Diagnostic {
    let diag = match e {
        MappingError::Mismatch { .. } => Diagnostic::error(
            "Unexpected response from Katapult",
            format!(
                "Katapult's answer could not be read because {e}. This provider may be older \
                 than the API: check for a newer release, and report it if the newest has the \
                 same problem."
            ),
        ),
        MappingError::OutOfRange { .. } => Diagnostic::error(
            "Number out of range",
            format!(
                "Katapult's answer could not be stored because {e}. No real Katapult value is \
                 that large or small: check api_url and anything between it and you."
            ),
        ),
    };
    diag.at(e.path().clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::reads::OrganizationUse;

    const TEMPLATES: Reads = Reads {
        what: "disk templates",
        scopes: &["disk_templates", "disk_templates:read"],
        organization: OrganizationUse::Unused,
        data_center: None,
    };

    #[test]
    fn a_missing_scope_is_named_for_what_is_read() {
        let named = ReadError::Api(katapult::Error::ScopeNotGranted {
            scopes: vec!["disk_templates".into(), "disk_templates:read".into()],
        })
        .diagnostic(&TEMPLATES);
        assert_eq!(
            named.summary,
            "API key lacks the scope to read disk templates"
        );
        assert!(
            named
                .detail
                .contains("one of: \"disk_templates\", \"disk_templates:read\""),
            "{}",
            named.detail
        );
        assert!(!named.detail.contains("disks"), "{}", named.detail);
        // The API named none: the data source's own.
        let unnamed = ReadError::Api(katapult::Error::ScopeNotGranted { scopes: vec![] })
            .diagnostic(&TEMPLATES);
        assert!(unnamed.detail.contains("\"disk_templates:read\""));
        let none = Reads {
            what: "disk I/O profiles",
            scopes: &[],
            organization: OrganizationUse::Needed,
            data_center: None,
        };
        let unnamed =
            ReadError::Api(katapult::Error::ScopeNotGranted { scopes: vec![] }).diagnostic(&none);
        assert_eq!(
            unnamed.summary,
            "API key lacks the scope to read disk I/O profiles"
        );
    }

    #[test]
    fn the_reads_own_timeout_is_blamed_at_its_attribute() {
        let own = ReadError::Api(katapult::Error::DeadlineExceeded {
            budget: std::time::Duration::from_secs(1),
            own: true,
        })
        .diagnostic(&TEMPLATES);
        assert_eq!(
            own.path.map(|p| p.to_string()).as_deref(),
            Some("timeouts.read")
        );
    }
}
