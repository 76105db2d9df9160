//! The last resort: a data source whose read truly differs from every
//! other shape's (several endpoints, reads that depend on one another),
//! given as a function. Its schema is still built here, from its
//! arguments and fields, with the `timeouts` block and the sentence on
//! scopes every data source has.

use crate::diag::Diagnostic;
use crate::schema::{Attribute, Block};
use crate::tftypes::Value;

use super::super::block;
use super::super::error::ReadError;
use super::super::object::{Object, scopes_sentence};
use super::super::reads::{OrganizationUse, Reads};
use super::super::source::{Answers, ReadContext, ReadFuture};
use super::super::timeouts;

/// A read: the state computed for a wholly known configuration.
pub type ReadFn = for<'a> fn(&'a ReadContext<'a>, &'a Value) -> ReadFuture<'a>;

/// A data source with a read of its own.
#[derive(Debug)]
pub struct Custom {
    pub type_name: &'static str,
    /// What it reads first: its nouns, scopes and endpoint.
    pub of: &'static Object,
    /// The endpoints it reads, under `/core/v1/`, for its description;
    /// `&[]` for its object's alone.
    pub paths: &'static [&'static str],
    /// Its arguments, then the attributes it computes.
    pub arguments: &'static [Attribute],
    pub fields: &'static [Attribute],
    /// The docs' first sentences: what it reads and how.
    pub summary: &'static str,
    pub organization: OrganizationUse,
    /// How it uses the provider's `data_center`, in words.
    pub data_center: Option<&'static str>,
    /// Checks a configuration whose values may still be unknown.
    pub validate: fn(&Value) -> Vec<Diagnostic>,
    pub read: ReadFn,
    /// An ephemeral resource's: held only while Terraform runs.
    pub ephemeral: bool,
    /// The answers its state is made from (`DataSource::answers`).
    pub answers: Option<Answers>,
}

impl Custom {
    /// The fields a leaf may leave out: `Custom { type_name, of, arguments,
    /// fields, summary, validate, read, ..Custom::PLAIN }`.
    pub const PLAIN: Custom = Custom {
        type_name: "",
        of: &NOTHING,
        paths: &[],
        arguments: &[],
        fields: &[],
        summary: "",
        organization: OrganizationUse::Unused,
        data_center: None,
        validate: only_timeouts,
        read: nothing,
        ephemeral: false,
        answers: None,
    };
}

/// The object of a `Custom` that names none (a definition error).
static NOTHING: Object = Object {
    noun: "",
    plural: "",
    path: "",
    key: "",
    scopes: &[],
    not_found: "",
    keys: &[],
};

/// The read of a `Custom` that gives none (a definition error).
fn nothing<'a>(_: &'a ReadContext<'a>, _: &'a Value) -> ReadFuture<'a> {
    Box::pin(async {
        Err(ReadError::Config {
            attribute: "id",
            problem: "not readable: this data source has no read",
        })
    })
}

/// Validate for a data source whose only argument is `timeouts`.
pub fn only_timeouts(config: &Value) -> Vec<Diagnostic> {
    timeouts::validate(config).into_iter().collect()
}

impl Custom {
    fn build(&self) -> (String, Vec<Attribute>) {
        let mut attributes = self.arguments.to_vec();
        block::add_fields(&mut attributes, self.fields);
        let paths = if self.paths.is_empty() {
            std::slice::from_ref(&self.of.path)
        } else {
            self.paths
        };
        let paths = paths
            .iter()
            .map(|p| format!("`GET /core/v1/{p}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let mut description = format!(
            "{} Reads {paths}. {}",
            self.summary,
            scopes_sentence(self.of.scopes)
        );
        if self.ephemeral {
            description.push_str(
                " An ephemeral resource: held only while Terraform runs, never written to state \
                 or to a saved plan; needs Terraform 1.10 or later.",
            );
        }
        (description, attributes)
    }
}

impl super::super::source::DataSource for Custom {
    fn type_name(&self) -> &'static str {
        self.type_name
    }

    fn schema(&self) -> &'static Block {
        block::built(self as *const Custom as *const (), || self.build())
    }

    fn reads(&self) -> Reads {
        Reads {
            what: self.of.plural,
            scopes: self.of.scopes,
            organization: self.organization,
            data_center: self.data_center,
        }
    }

    fn validate(&self, config: &Value) -> Vec<Diagnostic> {
        (self.validate)(config)
    }

    fn read<'a>(&'a self, ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
        (self.read)(ctx, config)
    }

    fn answers(&self) -> Option<Answers> {
        self.answers
    }
}
