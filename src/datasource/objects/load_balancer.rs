//! A load balancer, as `GET /load_balancers/load_balancer` answers it, with
//! the annotations beside it; the flat copies Katapult's Go provider makes
//! of it; and its lookup, which its data source and its ephemeral resource
//! share.
//!
//! The answer also holds `backend_certificate_key`, the private key of the
//! load balancer's backend certificate: no attribute here names it, so no
//! data source ever maps it (the ephemeral resource hands it over).

use serde_json::Value as Json;

use crate::schema::{Attribute, Kind};

use super::super::core::answer::Fields;
use super::super::core::lookup::{Key, Lookup, Rule};
use super::annotation::ANNOTATION;
use super::data_center::DATA_CENTER;

/// Found by its ID or its API reference (exactly one), through
/// `GET /load_balancers/load_balancer`.
pub static LOOKUP: Lookup = Lookup {
    subject: "load balancer",
    keys: &[
        Key::new("id", "load_balancer[id]", "ID", ""),
        Key::new(
            "api_reference",
            "load_balancer[api_reference]",
            "API reference",
            "",
        ),
    ],
    rule: Rule::ExactlyOne,
    example: None,
    not_found: "load_balancer_not_found",
    hint: "Check it, and that the key belongs to the organization that owns the load balancer \
           (`katapult_load_balancers` lists the organization's).",
};

/// The endpoint of one load balancer, under `/core/v1/`.
pub const PATH: &str = "load_balancers/load_balancer";
/// The answer's key for it.
pub const OBJECT: &str = "load_balancer";
/// Its lookup by ID, for a list's items.
pub const BY_ID: &str = "load_balancer[id]";
/// The code of its "not found".
pub const NOT_FOUND: &str = "load_balancer_not_found";

/// The key arguments of a data source that looks one up.
pub const ID_KEY: Attribute = Attribute::optional_computed(
    "id",
    Kind::String,
    "The load balancer's ID, e.g. `lb_kYSLozFlng5sWKo4`. Set this or `api_reference`.",
);
pub const API_REFERENCE_KEY: Attribute = Attribute::optional_computed(
    "api_reference",
    Kind::String,
    "The load balancer's API reference, the name it was given for automation; null when it \
     has none. Set this or `id` (Katapult's Go provider takes only the ID).",
);

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
);
pub const VIRTUAL_MACHINE_GROUP_IDS: Attribute = Attribute::computed(
    "virtual_machine_group_ids",
    Kind::StringSet,
    "The IDs of the virtual machine groups it sends traffic to, when `resource_type` is \
     `virtual_machine_groups`; null otherwise (as in Katapult's Go provider).",
);
pub const TAG_IDS: Attribute = Attribute::computed(
    "tag_ids",
    Kind::StringSet,
    "The IDs of the tags whose virtual machines it sends traffic to, when `resource_type` is \
     `tags`; null otherwise (as in Katapult's Go provider).",
);

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

/// The object to map a load balancer from, out of its answer's object and
/// what sits beside it: its annotations taken in, and `resource_ids` copied
/// to the Go provider's set of its kind (the other two null).
pub fn whole(mut object: Fields, mut rest: Fields) -> Fields {
    if let Some(annotations) = rest.remove("annotations") {
        object.entry("annotations").or_insert(annotations);
    }
    let kind = object
        .get("resource_type")
        .and_then(Json::as_str)
        .map(str::to_owned);
    let ids = object.get("resource_ids").cloned().unwrap_or(Json::Null);
    for (of, set) in KINDS {
        let value = if kind.as_deref() == Some(of) {
            ids.clone()
        } else {
            Json::Null
        };
        object.insert(set.to_owned(), value);
    }
    object
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fields(value: Json) -> Fields {
        value.as_object().unwrap().clone()
    }

    #[test]
    fn resource_ids_go_to_the_set_of_their_kind() {
        for (kind, set) in KINDS {
            let lb = whole(
                fields(json!({"resource_type": kind, "resource_ids": ["a", "b"]})),
                Fields::new(),
            );
            for (_, other) in KINDS {
                let want = if other == set {
                    json!(["a", "b"])
                } else {
                    Json::Null
                };
                assert_eq!(lb[other], want, "{kind}: {other}");
            }
        }
        // A kind Katapult adds later: no Go set holds it.
        let lb = whole(
            fields(json!({"resource_type": "pools", "resource_ids": ["p"]})),
            Fields::new(),
        );
        assert!(KINDS.iter().all(|(_, set)| lb[*set].is_null()));
        // No ids: null, as the Go provider leaves them.
        let lb = whole(fields(json!({"resource_type": "tags"})), Fields::new());
        assert!(lb["tag_ids"].is_null());
    }

    #[test]
    fn annotations_beside_the_object_are_taken_in() {
        let lb = whole(
            fields(json!({"id": "lb_1"})),
            fields(json!({"annotations": [{"key": "k", "value": "v"}]})),
        );
        assert_eq!(lb["annotations"], json!([{"key": "k", "value": "v"}]));
    }
}
