//! `katapult_ips`: every IP address of the provider's organization, or only
//! the allocated or unallocated ones, every page, in the API's order.
//! Katapult's Go provider has no such data source.
//!
//! A `Custom` only for each address's version, which the list does not
//! carry: `Listed` has no hook for its items.

use serde_json::{Map, Value as Json};

use crate::schema::{Attribute, Kind};
use crate::tftypes::Value;

use crate::datasource::core::error::ReadError;
use crate::datasource::core::mapping::map_list;
use crate::datasource::core::organization;
use crate::datasource::core::reads::OrganizationUse;
use crate::datasource::core::shapes::custom::{Custom, only_timeouts};
use crate::datasource::core::shapes::listed::Filter;
use crate::datasource::core::source::Answers;
use crate::datasource::core::source::{Computed, ReadContext, ReadFuture};
use crate::datasource::objects::ip_address::{IP_ADDRESS_OBJECT, LIST, LISTED, with_version};

const ALLOCATED: Attribute = Attribute::optional(
    "allocated",
    Kind::Bool,
    "`true` for only the addresses allocated to something (a virtual machine, a load \
     balancer...), `false` for only the unallocated ones; every address when left out. Sent as \
     the API's `allocated`.",
);

pub static IPS: Custom = Custom {
    type_name: "katapult_ips",
    of: &IP_ADDRESS_OBJECT,
    paths: &[LIST.path],
    arguments: &[ALLOCATED],
    fields: &[Attribute::computed(
        "ips",
        Kind::ObjectList(LISTED),
        "The organization's IP addresses, in the API's order. Should the list change while it \
         is read, the read starts again, up to twice, so the result is one consistent listing.",
    )],
    summary: "Lists every IP address of the organization named by the provider's \
              `organization` (or `KATAPULT_ORGANIZATION`), or only its allocated or unallocated \
              ones, following every page of the list. For an address's network, subnet and \
              allocation, use `katapult_ip` with its ID.",
    organization: OrganizationUse::Needed,
    data_center: None,
    validate: only_timeouts,
    read,
    ephemeral: false,
    answers: Some(Answers {
        path: "organizations/organization/ip_addresses",
        argument: None,
    }),
};

fn read<'a>(ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
    Box::pin(async move {
        let filter = Filter::Parameter {
            argument: ALLOCATED,
            parameter: "allocated",
        };
        let query = filter.query(config)?;
        state(&organization::list_all(ctx, &LIST, &query).await?)
    })
}

/// The state for the addresses listed, each with its version.
fn state(items: &[Map<String, Json>]) -> Result<Computed, ReadError> {
    let mut ips = map_list(items, LISTED, "ips")?;
    if let Value::List(items) = &mut ips {
        for item in items {
            if let Value::Object(address) = item {
                with_version(address);
            }
        }
    }
    Ok(Computed::from([("ips".to_owned(), ips)]))
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
        let state = state(&items).unwrap();
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
        let six = ips
            .iter()
            .find(|ip| matches!(ip.attribute("address"), Value::String(a) if a.contains(':')))
            .unwrap();
        assert_eq!(free.attribute("version"), &Value::Number(Number::Int(4)));
        assert_eq!(six.attribute("version"), &Value::Number(Number::Int(6)));
        let err = super::state(&[serde_json::json!({"id": "ip_1", "vip": "yes"})
            .as_object()
            .unwrap()
            .clone()])
        .unwrap_err()
        .to_string();
        assert!(err.contains("ips[0].vip should be true or false"), "{err}");
    }
}
