//! `katapult_ips`: every IP address of the provider's organization, or only
//! the allocated or unallocated ones, through
//! `GET /organizations/organization/ip_addresses` (every page), in the
//! API's order. Katapult's Go provider has no such data source.

use std::sync::OnceLock;

use crate::diag::Diagnostic;
use crate::schema::{Attribute, Block, Kind};
use crate::tftypes::Value;

use crate::datasource::core::reads::{OrganizationUse, Reads};
use crate::datasource::core::shapes::legacy_listed::{LegacyListed, LegacySource};
use crate::datasource::core::shapes::listed::{Filter, ListId};
use crate::datasource::core::source::{DataSource, ReadContext, ReadFuture};
use crate::datasource::core::timeouts::TIMEOUTS;
use crate::datasource::objects::ip_address::{LIST, LISTED, with_version};

pub struct Ips;

/// The read, but for each address's version, which the list does not carry.
static LIST_ALL: LegacyListed = LegacyListed {
    type_name: "katapult_ips",
    schema: &SCHEMA,
    reads: &READS,
    source: LegacySource::Organization(&LIST),
    filters: &[Filter::Parameter {
        argument: SCHEMA.attributes[0],
        parameter: "allocated",
    }],
    attribute: "ips",
    items: LISTED,
    id: ListId::None,
};

static READS: Reads = Reads {
    what: "IP addresses",
    scopes: &["ip_addresses", "ip_addresses:read"],
    organization: OrganizationUse::Needed,
    data_center: None,
};

static SCHEMA: Block = Block {
    description: "Lists every IP address of the organization named by the provider's \
                  `organization` (or `KATAPULT_ORGANIZATION`), or only its allocated or \
                  unallocated ones, through \
                  `GET /core/v1/organizations/organization/ip_addresses`, following every page. \
                  Needs an API token with the `ip_addresses` or `ip_addresses:read` scope. For \
                  an address's network, subnet and allocation, use `katapult_ip` with its ID.",
    attributes: &[
        Attribute::optional(
            "allocated",
            Kind::Bool,
            "`true` for only the addresses allocated to something (a virtual machine, a load \
             balancer...), `false` for only the unallocated ones; every address when left out. \
             Sent as the API's `allocated`.",
        ),
        Attribute::computed(
            "ips",
            Kind::ObjectList(LISTED),
            "The organization's IP addresses, in the API's order. Should the list change while \
             it is read, the read starts again, up to twice, so the result is one consistent \
             listing.",
        ),
    ],
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
};

impl DataSource for Ips {
    fn type_name(&self) -> &'static str {
        LIST_ALL.type_name
    }

    fn schema(&self) -> &'static Block {
        &SCHEMA
    }

    fn reads(&self) -> Reads {
        READS
    }

    fn validate(&self, config: &Value) -> Vec<Diagnostic> {
        LIST_ALL.validate(config)
    }

    fn read<'a>(&'a self, ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
        Box::pin(async move {
            let mut state = LIST_ALL.read(ctx, config).await?;
            if let Some(Value::List(items)) = state.get_mut(LIST_ALL.attribute) {
                for item in items {
                    if let Value::Object(address) = item {
                        with_version(address);
                    }
                }
            }
            Ok(state)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tftypes::Number;

    /// The sample organization's list maps whole: every field, nulls null.
    #[test]
    fn the_list_maps_with_each_version() {
        let items = katapult_testkit::fake_api::recorded_items(
            "organizations/organization/ip_addresses",
            "acme",
            "ip_addresses",
        );
        let state = LIST_ALL.state(&items).unwrap();
        let Value::List(ips) = &state["ips"] else {
            panic!("{state:?}")
        };
        assert_eq!(ips.len(), items.len());
        let allocated = ips
            .iter()
            .find(|ip| ip.attribute("allocation_id") != &Value::Null)
            .unwrap();
        assert_eq!(
            allocated.attribute("allocation_type"),
            &Value::from("VirtualMachine")
        );
        let free = &ips[0];
        assert_eq!(free.attribute("allocation_type"), &Value::Null);
        let mut six = ips
            .iter()
            .find(|ip| matches!(ip.attribute("address"), Value::String(a) if a.contains(':')))
            .unwrap()
            .clone();
        if let Value::Object(fields) = &mut six {
            with_version(fields);
        }
        assert_eq!(six.attribute("version"), &Value::Number(Number::Int(6)));
        let err = LIST_ALL
            .state(&[serde_json::json!({"id": "ip_1", "vip": "yes"})
                .as_object()
                .unwrap()
                .clone()])
            .unwrap_err()
            .to_string();
        assert!(err.contains("ips[0].vip should be true or false"), "{err}");
    }
}
