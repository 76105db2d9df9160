//! A diagnostic: a severity, a short summary, a detail that says what
//! happened and what to do, and the attribute to blame when an input is.

use crate::tftypes::AttributePath;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    /// Shown, but the command goes on: something the user may want to know
    /// or change (a value that could not be read without a setting).
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub summary: String,
    pub detail: String,
    /// The configuration attribute to blame, when an input is to blame.
    pub path: Option<AttributePath>,
}

impl Diagnostic {
    pub fn error(summary: impl Into<String>, detail: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            summary: summary.into(),
            detail: detail.into(),
            path: None,
        }
    }

    pub fn warning(summary: impl Into<String>, detail: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(summary, detail)
        }
    }

    pub fn at(mut self, path: AttributePath) -> Self {
        self.path = Some(path);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diagnostic_points_at_its_attribute() {
        let diag = Diagnostic::error("Bad", "Fix it.").at(AttributePath::root("id"));
        assert!(diag.is_error());
        assert_eq!(diag.path.map(|p| p.to_string()).as_deref(), Some("id"));
    }
}
