//! Attribute paths: where in a value a diagnostic points.

use std::fmt;

/// One step into a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// An object attribute, by name.
    Attribute(String),
    /// A list element, by position.
    Index(i64),
    /// A map element, by key.
    Key(String),
}

/// A path from the root of a configuration or state to one value in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AttributePath {
    steps: Vec<Step>,
}

impl AttributePath {
    /// The path to a top-level attribute.
    pub fn root(name: &str) -> Self {
        Self::default().attribute(name)
    }

    /// This path, one attribute deeper.
    pub fn attribute(mut self, name: &str) -> Self {
        self.steps.push(Step::Attribute(name.to_owned()));
        self
    }

    /// This path, one list element deeper.
    pub fn index(mut self, index: usize) -> Self {
        self.steps
            .push(Step::Index(i64::try_from(index).unwrap_or(i64::MAX)));
        self
    }

    /// This path, one map element deeper.
    pub fn key(mut self, key: &str) -> Self {
        self.steps.push(Step::Key(key.to_owned()));
        self
    }

    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }
}

/// Renders the path the way HCL would spell it: `installation.attributes[0].value`.
impl fmt::Display for AttributePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.steps.iter().enumerate() {
            match step {
                Step::Attribute(name) if i == 0 => write!(f, "{name}")?,
                Step::Attribute(name) => write!(f, ".{name}")?,
                Step::Index(index) => write!(f, "[{index}]")?,
                Step::Key(key) => write!(f, "[{}]", crate::text::quoted(key))?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_as_hcl_traversal() {
        let cases = [
            (AttributePath::root("id"), "id"),
            (
                AttributePath::root("installation")
                    .attribute("attributes")
                    .index(2)
                    .attribute("value"),
                "installation.attributes[2].value",
            ),
            (AttributePath::root("tags").key("env"), "tags[\"env\"]"),
            (AttributePath::default(), ""),
        ];
        for (path, want) in cases {
            assert_eq!(path.to_string(), want);
        }
    }
}
