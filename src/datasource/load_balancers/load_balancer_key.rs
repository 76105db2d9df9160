//! `ephemeral "katapult_load_balancer"`: a load balancer's backend
//! certificate and its private key, which `GET /load_balancers/load_balancer`
//! returns and no data source shows, handed on without being written to
//! state or plan files (Terraform 1.10 and later). An ephemeral resource
//! only, never a data source.

use std::sync::OnceLock;

use crate::diag::Diagnostic;
use crate::schema::{Attribute, Block, Kind};
use crate::tftypes::{AttributePath, Value};

use crate::datasource::core::answer;
use crate::datasource::core::mapping::map_object;
use crate::datasource::core::reads::{OrganizationUse, Reads};
use crate::datasource::core::source::{DataSource, ReadContext, ReadFuture};
use crate::datasource::core::timeouts::TIMEOUTS;
use crate::datasource::objects::load_balancer::{
    self as lb, API_REFERENCE_KEY, ID_KEY, LOOKUP, NAME,
};

pub struct LoadBalancerKey;

static READS: Reads = Reads {
    what: "load balancers",
    scopes: &["load_balancers", "load_balancers:read"],
    organization: OrganizationUse::Unused,
    data_center: None,
};

static SCHEMA: Block = Block {
    description: "Opens one Katapult load balancer, by its ID or its API reference (exactly \
                  one), through `GET /core/v1/load_balancers/load_balancer`, for its backend \
                  certificate's private key: a secret no data source shows, held only while \
                  Terraform runs and never written to state or to a saved plan. Use it to hand \
                  the key to whatever serves behind the load balancer. Needs Terraform 1.10 or \
                  later, and an API token with the `load_balancers` or `load_balancers:read` \
                  scope.",
    attributes: &[
        ID_KEY,
        API_REFERENCE_KEY,
        NAME,
        Attribute::computed(
            "backend_certificate",
            Kind::String,
            "The certificate (PEM) the load balancer presents to its backends, whose private key \
             `backend_certificate_key` is.",
        ),
        Attribute::computed(
            "backend_certificate_key",
            Kind::String,
            "The private key (PEM) of the backend certificate: sensitive, and never written to \
             state.",
        )
        .sensitive(),
    ],
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
};

impl DataSource for LoadBalancerKey {
    fn type_name(&self) -> &'static str {
        "katapult_load_balancer"
    }

    fn schema(&self) -> &'static Block {
        &SCHEMA
    }

    fn reads(&self) -> Reads {
        READS
    }

    fn validate(&self, config: &Value) -> Vec<Diagnostic> {
        LOOKUP.validate(config)
    }

    fn read<'a>(&'a self, ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
        Box::pin(async move {
            let given = LOOKUP.read(config)?;
            let by = given[0];
            let answer = ctx
                .client
                .get(lb::PATH, &by.query(), &ctx.budget)
                .await
                .map_err(|e| LOOKUP.error(e, &by))?;
            let (object, _) = answer::object(answer, lb::OBJECT)?;
            LOOKUP.agrees(&object, &given)?;
            Ok(map_object(
                &object,
                SCHEMA.attributes,
                &AttributePath::default(),
            )?)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_key_is_read_and_marked_sensitive() {
        let answer: serde_json::Value = serde_json::from_str(
            &katapult_testkit::fake_api::recorded(lb::PATH, katapult_testkit::fake_api::lbs::FULL),
        )
        .unwrap();
        let key = answer["load_balancer"]["backend_certificate_key"].clone();
        let (object, _) = answer::object(answer, lb::OBJECT).unwrap();
        let state = map_object(&object, SCHEMA.attributes, &AttributePath::default()).unwrap();
        assert_eq!(
            state["backend_certificate_key"],
            Value::from(key.as_str().unwrap())
        );
        assert_eq!(
            state["id"],
            Value::from(katapult_testkit::fake_api::lbs::FULL)
        );
        let key_attribute = SCHEMA
            .attributes
            .iter()
            .find(|a| a.name == "backend_certificate_key")
            .unwrap();
        assert!(key_attribute.sensitive);
        // A wrong type names the field, never its neighbour's value.
        let err = map_object(
            json!({"backend_certificate_key": 1}).as_object().unwrap(),
            SCHEMA.attributes,
            &AttributePath::default(),
        )
        .unwrap_err()
        .to_string();
        assert_eq!(
            err,
            "backend_certificate_key should be a string but the API sent a number"
        );
    }

    /// Not a data source: the key must never reach a state.
    #[test]
    fn it_is_an_ephemeral_resource_only() {
        let is = |list: &[&dyn DataSource]| {
            list.iter().any(|ds| {
                ds.schema()
                    .attributes
                    .iter()
                    .any(|a| a.name == "backend_certificate_key")
            })
        };
        assert!(is(crate::datasource::ephemeral()));
        assert!(!is(crate::datasource::all()));
    }
}
