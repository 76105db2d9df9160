//! `katapult_ip`: one IP address, by `id` and/or `address`, through
//! `GET /ip_addresses/ip_address`: the Go provider's attributes, and the
//! network, subnet and allocation as the API nests them.

use std::sync::OnceLock;

use crate::diag::Diagnostic;
use crate::schema::{Attribute, Block, Kind};
use crate::tftypes::Value;

use crate::datasource::core::lookup::{Key, Lookup, Rule};
use crate::datasource::core::reads::{OrganizationUse, Reads};
use crate::datasource::core::shapes::legacy_one::LegacyOne;
use crate::datasource::core::source::{DataSource, ReadContext, ReadFuture};
use crate::datasource::core::timeouts::TIMEOUTS;
use crate::datasource::objects::ip_address::{
    ADDRESS_WITH_MASK, ALLOCATION, ALLOCATION_ID, ALLOCATION_TYPE, LABEL, NETWORK_DETAILS,
    REVERSE_DNS, SUBNET, VERSION, VIP, with_version,
};

pub struct Ip;

/// The read, but for the version, which the answer does not carry.
static ONE: LegacyOne = LegacyOne {
    type_name: "katapult_ip",
    schema: &SCHEMA,
    reads: &READS,
    lookup: &LOOKUP,
    path: "ip_addresses/ip_address",
    object: "ip_address",
    beside: &["allocation"],
};

static READS: Reads = Reads {
    what: "IP addresses",
    scopes: &["ip_addresses", "ip_addresses:read"],
    organization: OrganizationUse::Unused,
    data_center: None,
};

/// With both keys, by `id`; the address must then agree.
static LOOKUP: Lookup = Lookup {
    subject: "IP address",
    keys: &[
        Key::new("id", "ip_address[id]", "ID", ""),
        Key::new("address", "ip_address[address]", "address", ""),
    ],
    rule: Rule::AtLeastOne,
    example: None,
    not_found: "ip_address_not_found",
    hint: "`katapult_ips` lists the organization's IP addresses.",
};

static SCHEMA: Block = Block {
    description: "Looks up one Katapult IP address by its `id` or its `address` (with both, by \
                  `id`, and its address must match), through \
                  `GET /core/v1/ip_addresses/ip_address`: the attributes of Katapult's Go \
                  provider, and the network, subnet and allocation as the API nests them. Needs \
                  an API token with the `ip_addresses` or `ip_addresses:read` scope.",
    attributes: &[
        Attribute::optional_computed(
            "id",
            Kind::String,
            "The IP address's ID, e.g. `ip_fCfQUW9TVj9mjpDu`. Set this, `address`, or both.",
        ),
        Attribute::optional_computed(
            "address",
            Kind::String,
            "The address, e.g. `185.199.222.115`. Set this, `id`, or both.",
        ),
        VERSION,
        ADDRESS_WITH_MASK,
        REVERSE_DNS,
        VIP,
        LABEL,
        ALLOCATION_TYPE,
        ALLOCATION_ID,
        Attribute::computed(
            "network_id",
            Kind::String,
            "The ID of the network the address is in (`network.id`). As in Katapult's Go \
             provider.",
        )
        .from(&["network", "id"]),
        NETWORK_DETAILS,
        SUBNET,
        ALLOCATION,
    ],
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
};

impl DataSource for Ip {
    fn type_name(&self) -> &'static str {
        ONE.type_name
    }

    fn schema(&self) -> &'static Block {
        &SCHEMA
    }

    fn reads(&self) -> Reads {
        READS
    }

    fn validate(&self, config: &Value) -> Vec<Diagnostic> {
        let mut found = ONE.validate(config);
        found.extend(not_an_address(config.attribute("address")));
        found
    }

    fn read<'a>(&'a self, ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
        Box::pin(async move {
            let mut state = ONE.read(ctx, config).await?;
            with_version(&mut state);
            Ok(state)
        })
    }
}

/// An `address` that is no IPv4 or IPv6 address: an error at it, before
/// any request (the API would only say it found none).
fn not_an_address(address: &Value) -> Option<Diagnostic> {
    let Value::String(text) = address else {
        return None;
    };
    if text.trim().is_empty() || text.parse::<std::net::IpAddr>().is_ok() {
        return None;
    }
    Some(
        Diagnostic::error(
            "Not an IP address",
            format!(
                "`address` must be an IPv4 or IPv6 address, such as \"185.199.222.115\" or \
                 \"2a03:2800:500::18\" (no mask, no port), not {}.",
                crate::text::quoted(text)
            ),
        )
        .at(crate::tftypes::AttributePath::root("address")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    use crate::datasource::core::error::ReadError;
    use crate::datasource::core::source::Computed;
    use crate::tftypes::Number;
    use katapult_testkit::fake_api::recorded;

    fn state(id: &str) -> Result<Computed, ReadError> {
        let answer = recorded("ip_addresses/ip_address", id);
        let mut state = ONE.state(serde_json::from_str(&answer).unwrap())?;
        with_version(&mut state);
        Ok(state)
    }

    fn object(pairs: &[(&str, Value)]) -> Value {
        Value::Object(
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
        )
    }

    fn number(n: i64) -> Value {
        Value::Number(Number::Int(n))
    }

    /// DataSourceIP_by_id: unallocated, no label, its subnet and its
    /// network's data center with the country in full.
    #[test]
    fn the_recorded_address_maps_with_its_network_and_subnet() {
        let state = state("ip_fCfQUW9TVj9mjpDu").unwrap();
        assert_eq!(state["id"], Value::from("ip_fCfQUW9TVj9mjpDu"));
        assert_eq!(state["address"], Value::from("185.199.222.115"));
        assert_eq!(state["version"], number(4));
        assert_eq!(
            state["address_with_mask"],
            Value::from("185.199.222.115/24")
        );
        assert_eq!(
            state["reverse_dns"],
            Value::from("185-199-222-115.rdns.katapult.cloud")
        );
        assert_eq!(state["vip"], Value::Bool(false));
        assert_eq!(state["network_id"], Value::from("netw_gVRkZdSKczfNg34P"));
        // Nulls stay null (the Go provider shows "" for these).
        for name in ["label", "allocation_id", "allocation_type", "allocation"] {
            assert_eq!(state[name], Value::Null, "{name}");
        }
        assert_eq!(
            state["subnet"],
            object(&[
                ("id", Value::from("sbnt_97h4iW9GotktZKZ8")),
                ("address", Value::from("185.199.222.0")),
                ("gateway", Value::from("185.199.222.1")),
                ("mask", number(24)),
                ("billable", Value::Bool(true)),
                ("version", number(4)),
            ])
        );
        let network = &state["network"];
        assert_eq!(network.attribute("default"), &Value::Bool(true));
        assert_eq!(
            network.attribute("permalink"),
            &Value::from("uk-lon-01-public")
        );
        let country = network.attribute("data_center").attribute("country");
        assert_eq!(country.attribute("iso_code3"), &Value::from("GBR"));
        assert_eq!(
            country.attribute("time_zone"),
            &Value::from("Europe/London")
        );
        assert_eq!(country.attribute("eu"), &Value::Bool(false));
    }

    /// The older recordings (the SDK provider's DataSourceIP_*): no subnet,
    /// no `default` in the network: both null, never made up.
    #[test]
    fn fields_the_older_answers_leave_out_are_null() {
        for id in ["ip_ThTjuc3gzLUgUUVg", "ip_Mlg4rRK50cDs2ZT5"] {
            let state = state(id).unwrap();
            assert_eq!(state["subnet"], Value::Null, "{id}");
            assert_eq!(state["network"].attribute("default"), &Value::Null, "{id}");
            assert_eq!(
                state["network"].attribute("name"),
                &Value::from("Public Network")
            );
            assert_eq!(state["version"], number(4));
        }
    }

    /// An allocated address (VirtualMachine_basic), a labelled VIP
    /// (IP_update), an IPv6 address (IP_ipv6).
    #[test]
    fn allocation_label_and_version_six() {
        let state = state("ip_PpIei9oNrYhpfQmZ").unwrap();
        assert_eq!(state["allocation_type"], Value::from("VirtualMachine"));
        assert_eq!(state["allocation_id"], Value::from("vm_EKQvoKqqunx84ruK"));
        assert_eq!(
            state["allocation"],
            object(&[
                ("type", Value::from("VirtualMachine")),
                (
                    "value",
                    object(&[
                        ("id", Value::from("vm_EKQvoKqqunx84ruK")),
                        ("name", Value::from("tf-acc-test-basic-FIOvAM5UWBx9")),
                    ])
                ),
            ])
        );
        let vip = state_of("ip_KMV07iyrOYTYEug5");
        assert_eq!(vip["vip"], Value::Bool(true));
        assert_eq!(vip["label"], Value::from("vip-yes"));
        let six = state_of("ip_om0YWOTu6VSHrdRk");
        assert_eq!(six["address"], Value::from("2a03:2800:500::18"));
        assert_eq!(six["version"], number(6));
    }

    fn state_of(id: &str) -> Computed {
        state(id).unwrap()
    }

    #[test]
    fn a_wrong_type_names_its_path_and_an_absent_address_has_no_version() {
        let err = ONE
            .state(serde_json::json!({"ip_address": {"id": "ip_1", "network": {"data_center": {"country": {"eu": "no"}}}}}))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(
                "network.data_center.country.eu should be true or false but the API sent a string"
            ),
            "{err}"
        );
        let mut bare = ONE
            .state(serde_json::json!({"ip_address": {"id": "ip_1"}}))
            .unwrap();
        with_version(&mut bare);
        assert_eq!(bare["version"], Value::Null);
        assert_eq!(bare["network"], Value::Null);
        assert_eq!(bare["network_id"], Value::Null);
    }

    #[test]
    fn an_address_that_is_no_ip_is_refused_at_it() {
        let config = |address: &str| {
            Value::Object(BTreeMap::from([(
                "address".to_owned(),
                Value::from(address),
            )]))
        };
        for bad in [
            "web-1",
            "185.199.222.115/24",
            "185.199.222.115:80",
            "1.2.3",
            "\u{1b}[31m",
        ] {
            let found = Ip.validate(&config(bad));
            assert_eq!(found.len(), 1, "{bad}: {found:?}");
            assert_eq!(found[0].summary, "Not an IP address");
            assert_eq!(
                found[0].path,
                Some(crate::tftypes::AttributePath::root("address"))
            );
        }
        for good in ["185.199.222.115", "2a03:2800:500::18"] {
            assert!(Ip.validate(&config(good)).is_empty(), "{good}");
        }
        assert!(Ip.validate(&config(&"1".repeat(1 << 20)))[0].detail.len() < 500);
    }

    #[test]
    fn id_address_or_both() {
        let config = |id: Value, address: Value| {
            Value::Object(BTreeMap::from([
                ("id".to_owned(), id),
                ("address".to_owned(), address),
            ]))
        };
        assert!(
            Ip.validate(&config(Value::from("ip_1"), Value::Null))
                .is_empty()
        );
        assert!(
            Ip.validate(&config(Value::Null, Value::from("1.2.3.4")))
                .is_empty()
        );
        assert!(
            Ip.validate(&config(Value::from("ip_1"), Value::from("1.2.3.4")))
                .is_empty()
        );
        let neither = Ip.validate(&config(Value::Null, Value::Null));
        assert_eq!(neither[0].summary, "Missing id or address");
    }
}
