//! A load balancer, as `GET /load_balancers/load_balancer` answers it, with
//! the annotations beside it; the flat copies Katapult's Go provider makes
//! of it; and its description, which its data sources and its ephemeral
//! resource share.
//!
//! The answer also holds `backend_certificate_key`, the private key of the
//! load balancer's backend certificate: no attribute here names it, so no
//! data source ever maps it (the ephemeral resource hands it over).

use std::collections::BTreeMap;

use crate::schema::{Attribute, Kind};
use crate::tftypes::Value;

use super::super::core::lookup::Key;
use super::super::core::object::Object;
use super::annotation::ANNOTATION;
use super::data_center::DATA_CENTER;

/// A load balancer, read by its ID or its API reference:
/// `GET /load_balancers/load_balancer`.
pub static LOAD_BALANCER_OBJECT: Object = Object {
    noun: "load balancer",
    plural: "load balancers",
    path: "load_balancers/load_balancer",
    key: "load_balancer",
    scopes: &["load_balancers", "load_balancers:read"],
    not_found: "load_balancer_not_found",
    keys: &[
        Key::new("id", "load_balancer[id]", "ID", "lb_kYSLozFlng5sWKo4"),
        Key::new(
            "api_reference",
            "load_balancer[api_reference]",
            "API reference",
            "web-frontend",
        ),
    ],
};

/// What a load balancer's "not found" adds.
pub const NOT_FOUND_HINT: &str = "Check it, and that the key belongs to the organization that \
                                  owns the load balancer (`katapult_load_balancers` lists the \
                                  organization's).";

pub const ID: Attribute = Attribute::computed(
    "id",
    Kind::String,
    "The load balancer's ID, e.g. `lb_kYSLozFlng5sWKo4`.",
);
pub const API_REFERENCE: Attribute = Attribute::computed(
    "api_reference",
    Kind::String,
    "The load balancer's API reference, the name it was given for automation; null when it \
     has none.",
);
pub const NAME: Attribute = Attribute::computed("name", Kind::String, "The load balancer's name.");
pub const RESOURCE_TYPE: Attribute = Attribute::computed(
    "resource_type",
    Kind::String,
    "What the load balancer sends traffic to: `virtual_machines`, `virtual_machine_groups` or \
     `tags` (values Katapult adds later are passed through).",
);
pub const RESOURCE_IDS: Attribute = Attribute::computed(
    "resource_ids",
    Kind::StringList,
    "The IDs of the virtual machines, virtual machine groups or tags it sends traffic to (see \
     `resource_type`), in the API's order.",
);

/// One resource the load balancer sends traffic to: its kind, and the ID
/// and name of the object (the API nests the whole object; a virtual
/// machine's there carries its initial root password, which is never read).
const RESOURCE: &[Attribute] = &[
    Attribute::computed(
        "type",
        Kind::String,
        "The kind of object: `VirtualMachine`, `VirtualMachineGroup` or `Tag`.",
    ),
    Attribute::computed("id", Kind::String, "The object's ID.").from(&["value", "id"]),
    Attribute::computed("name", Kind::String, "The object's name.").from(&["value", "name"]),
];
pub const RESOURCES: Attribute = Attribute::computed(
    "resources",
    Kind::ObjectList(RESOURCE),
    "The objects it sends traffic to, in the API's order: each one's kind, ID and name.",
);

/// Katapult's Go provider's sets of `resource_ids`, one per kind: the one
/// of `resource_type`'s kind holds them, the others are null.
pub const VIRTUAL_MACHINE_IDS: Attribute = Attribute::computed(
    "virtual_machine_ids",
    Kind::StringSet,
    "The IDs of the virtual machines it sends traffic to, when `resource_type` is \
     `virtual_machines`; null otherwise (as in Katapult's Go provider).",
)
.from(&["resource_ids"]);
pub const VIRTUAL_MACHINE_GROUP_IDS: Attribute = Attribute::computed(
    "virtual_machine_group_ids",
    Kind::StringSet,
    "The IDs of the virtual machine groups it sends traffic to, when `resource_type` is \
     `virtual_machine_groups`; null otherwise (as in Katapult's Go provider).",
)
.from(&["resource_ids"]);
pub const TAG_IDS: Attribute = Attribute::computed(
    "tag_ids",
    Kind::StringSet,
    "The IDs of the tags whose virtual machines it sends traffic to, when `resource_type` is \
     `tags`; null otherwise (as in Katapult's Go provider).",
)
.from(&["resource_ids"]);

/// The load balancer's IP address, as the API nests it.
const IP_ADDRESS_FIELDS: &[Attribute] = &[
    Attribute::computed(
        "id",
        Kind::String,
        "The IP address's ID, e.g. `ip_JIGolr3ltqjTkK0d`.",
    ),
    Attribute::computed("address", Kind::String, "The address, e.g. `77.72.7.130`."),
];
pub const IP_ADDRESS: Attribute = Attribute::computed(
    "ip_address",
    Kind::String,
    "The load balancer's IP address, e.g. `77.72.7.130`, as Katapult's Go provider gives it \
     (the address alone); `ip_address_details` has the whole object.",
)
.from(&["ip_address", "address"]);
pub const IP_ADDRESS_DETAILS: Attribute = Attribute::computed(
    "ip_address_details",
    Kind::Object(IP_ADDRESS_FIELDS),
    "The load balancer's IP address as the API nests it (`ip_address`, whose name Katapult's \
     Go provider gives the address alone); null when it has none.",
)
.from(&["ip_address"]);
pub const HTTPS_REDIRECT: Attribute = Attribute::computed(
    "https_redirect",
    Kind::Bool,
    "Whether plain HTTP requests are redirected to HTTPS.",
);
pub const BACKEND_CERTIFICATE: Attribute = Attribute::computed(
    "backend_certificate",
    Kind::String,
    "The certificate (PEM) the load balancer presents to its backends, which they can trust. \
     Its private key is not here: the ephemeral resource `katapult_load_balancer` hands it over \
     without writing it to state.",
);
pub const IN_DATA_CENTER: Attribute = Attribute::computed(
    "data_center",
    Kind::Object(DATA_CENTER),
    "The data center the load balancer is in.",
);
pub const ENABLE_WEIGHTING: Attribute = Attribute::computed(
    "enable_weighting",
    Kind::Bool,
    "Whether traffic is shared among the virtual machines by their `weights`.",
);

const WEIGHT: &[Attribute] = &[
    Attribute::computed(
        "virtual_machine_id",
        Kind::String,
        "The virtual machine's ID.",
    ),
    Attribute::computed(
        "weight",
        Kind::Number,
        "Its weight: its share of the traffic, relative to the others'.",
    ),
];
pub const WEIGHTS: Attribute = Attribute::computed(
    "weights",
    Kind::ObjectList(WEIGHT),
    "The virtual machines' weights, where weighting is enabled.",
);
pub const STANDBY_VMS: Attribute = Attribute::computed(
    "standby_vms",
    Kind::StringList,
    "The IDs of the virtual machines that receive traffic only when the others are down.",
);
pub const ANNOTATIONS: Attribute = Attribute::computed(
    "annotations",
    Kind::ObjectList(ANNOTATION),
    "Key/value annotations on the load balancer.",
);

/// A load balancer whole, as a list holds it.
pub const LOAD_BALANCER: &[Attribute] = &[
    ID,
    NAME,
    API_REFERENCE,
    RESOURCE_TYPE,
    RESOURCE_IDS,
    RESOURCES,
    VIRTUAL_MACHINE_IDS,
    VIRTUAL_MACHINE_GROUP_IDS,
    TAG_IDS,
    IP_ADDRESS,
    IP_ADDRESS_DETAILS,
    HTTPS_REDIRECT,
    BACKEND_CERTIFICATE,
    IN_DATA_CENTER,
    ENABLE_WEIGHTING,
    WEIGHTS,
    STANDBY_VMS,
    ANNOTATIONS,
];

/// The kinds of `resource_type`, and the Go provider's set of each.
const KINDS: [(&str, &str); 3] = [
    ("virtual_machines", "virtual_machine_ids"),
    ("virtual_machine_groups", "virtual_machine_group_ids"),
    ("tags", "tag_ids"),
];

/// A mapped load balancer's Go sets: each holds `resource_ids` (mapped
/// from it), but for the one of `resource_type`'s kind they are null.
pub fn go_sets(load_balancer: &mut BTreeMap<String, Value>) {
    let kind = match load_balancer.get(RESOURCE_TYPE.name) {
        Some(Value::String(kind)) => kind.clone(),
        _ => String::new(),
    };
    for (of, set) in KINDS {
        if kind != of
            && let Some(value) = load_balancer.get_mut(set)
        {
            *value = Value::Null;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasource::core::mapping::map_object;
    use crate::tftypes::AttributePath;
    use serde_json::json;

    fn mapped(value: serde_json::Value) -> BTreeMap<String, Value> {
        let mut lb = map_object(
            value.as_object().unwrap(),
            LOAD_BALANCER,
            &AttributePath::default(),
        )
        .unwrap();
        go_sets(&mut lb);
        lb
    }

    #[test]
    fn resource_ids_go_to_the_set_of_their_kind() {
        for (kind, set) in KINDS {
            let lb = mapped(json!({"resource_type": kind, "resource_ids": ["a", "b"]}));
            for (_, other) in KINDS {
                let want = if other == set {
                    Value::List(vec![Value::from("a"), Value::from("b")])
                } else {
                    Value::Null
                };
                assert_eq!(lb[other], want, "{kind}: {other}");
            }
        }
        // A kind Katapult adds later: no Go set holds it.
        let lb = mapped(json!({"resource_type": "pools", "resource_ids": ["p"]}));
        assert!(KINDS.iter().all(|(_, set)| lb[*set] == Value::Null));
        // No ids: null, as the Go provider leaves them.
        let lb = mapped(json!({"resource_type": "tags"}));
        assert_eq!(lb["tag_ids"], Value::Null);
        // A set holds each ID once, where `resource_ids` keeps the API's list.
        let lb = mapped(json!({"resource_type": "tags", "resource_ids": ["t", "t"]}));
        assert_eq!(lb["tag_ids"], Value::List(vec![Value::from("t")]));
        assert_eq!(
            lb["resource_ids"],
            Value::List(vec![Value::from("t"), Value::from("t")])
        );
    }
}
