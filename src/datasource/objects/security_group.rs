//! A security group and its rules: the group's fields, a rule as a group's
//! rule list gives it (`RULE`) and the group its own endpoint names
//! (`RULE_GROUP`); the organization's group list and a group's rule list;
//! and the split of a group's rules into inbound and outbound, as
//! Katapult's Go provider shows them.

use serde_json::{Map, Value as Json};

use crate::schema::{Attribute, Kind};
use crate::tftypes::AttributePath;

use super::super::core::lookup::Key;
use super::super::core::mapping::{MappingError, json_kind};
use super::super::core::object::Object;
use super::super::core::pager::ListEndpoint;

/// The query parameter that names a group, to both endpoints of a group.
pub const BY_ID: &str = "security_group[id]";

/// A security group, read by its ID: `GET /security_groups/security_group`.
/// Its rules' endpoint takes the same ID, with the same scopes.
pub static SECURITY_GROUP_OBJECT: Object = Object {
    noun: "security group",
    plural: "security groups",
    path: "security_groups/security_group",
    key: "security_group",
    scopes: &["security_groups", "security_groups:read"],
    not_found: "security_group_not_found",
    keys: &[Key::new("id", BY_ID, "ID", "sg_LkK4zqz5M5N2HFBj")],
};

/// A security group rule, read by its ID:
/// `GET /security_groups/rules/security_group_rule`.
pub static SECURITY_GROUP_RULE_OBJECT: Object = Object {
    noun: "security group rule",
    plural: "security group rules",
    path: "security_groups/rules/security_group_rule",
    key: "security_group_rule",
    scopes: &["security_groups", "security_groups:read"],
    not_found: "security_group_rule_not_found",
    keys: &[Key::new(
        "id",
        "security_group_rule[id]",
        "ID",
        "sgr_cDHuiAQalZ1ZkaXg",
    )],
};

/// A group named by its ID where its rules are listed
/// (`katapult_security_group_rules`' argument).
pub const RULES_OF: &[Key] = &[Key::new(
    "security_group_id",
    BY_ID,
    "ID",
    "sg_LkK4zqz5M5N2HFBj",
)];

/// Where to look when a group is not found.
pub const GROUP_HINT: &str = "`katapult_security_groups` lists the organization's security groups.";

pub const ID: Attribute = Attribute::computed(
    "id",
    Kind::String,
    "The security group's ID, e.g. `sg_LkK4zqz5M5N2HFBj`.",
);
pub const NAME: Attribute = Attribute::computed("name", Kind::String, "The security group's name.");
pub const ALLOW_ALL_INBOUND: Attribute = Attribute::computed(
    "allow_all_inbound",
    Kind::Bool,
    "Whether the group lets all inbound traffic in; its inbound rules then do not matter \
     (Katapult deletes them when this is turned on).",
);
pub const ALLOW_ALL_OUTBOUND: Attribute = Attribute::computed(
    "allow_all_outbound",
    Kind::Bool,
    "Whether the group lets all outbound traffic out; its outbound rules then do not matter \
     (Katapult deletes them when this is turned on).",
);
pub const ASSOCIATIONS: Attribute = Attribute::computed(
    "associations",
    Kind::StringSet,
    "The IDs of what the group applies to: virtual machines, virtual machine groups and tags.",
);

pub const RULE_ID: Attribute = Attribute::computed(
    "id",
    Kind::String,
    "The rule's ID, e.g. `sgr_cDHuiAQalZ1ZkaXg`.",
);
pub const DIRECTION: Attribute = Attribute::computed(
    "direction",
    Kind::String,
    "The traffic the rule is about: `inbound` or `outbound`.",
);
pub const PROTOCOL: Attribute = Attribute::computed(
    "protocol",
    Kind::String,
    "The protocol the rule covers: `TCP`, `UDP` or `ICMP` (values Katapult adds later are \
     passed through).",
);
pub const ACTION: Attribute = Attribute::computed(
    "action",
    Kind::String,
    "What the rule does with the traffic it covers, e.g. `allow`; null where the API does not \
     say (older answers leave it out).",
);
pub const PORTS: Attribute = Attribute::computed(
    "ports",
    Kind::String,
    "The port, ports or range the rule covers, as Katapult writes them: `22`, `80,443`, \
     `3000-3999`. Null when it covers every port (an ICMP rule has none): Katapult's Go \
     provider shows an empty string there.",
);
pub const TARGETS: Attribute = Attribute::computed(
    "targets",
    Kind::StringSet,
    "Where the traffic comes from or goes to: IP addresses, CIDR networks, `all:ipv4`, \
     `all:ipv6`, or the IDs of virtual machines, virtual machine groups, tags or address lists.",
);
pub const NOTES: Attribute = Attribute::computed(
    "notes",
    Kind::String,
    "The rule's notes, for people; null when it has none (Katapult's Go provider shows an \
     empty string there).",
);

/// A rule as its group's rule list gives it.
pub const RULE: &[Attribute] = &[RULE_ID, DIRECTION, PROTOCOL, ACTION, PORTS, TARGETS, NOTES];

/// The group a rule belongs to, as the rule's own endpoint names it.
pub const RULE_GROUP: &[Attribute] = &[
    Attribute::computed("id", Kind::String, "The security group's ID."),
    Attribute::computed("name", Kind::String, "The security group's name."),
];

/// The rule's group's ID, flat, as in Katapult's Go provider.
pub const SECURITY_GROUP_ID: Attribute = Attribute::computed(
    "security_group_id",
    Kind::String,
    "The ID of the security group the rule belongs to (`security_group.id`), as in Katapult's \
     Go provider.",
)
.from(&["security_group", "id"]);
pub const SECURITY_GROUP: Attribute = Attribute::computed(
    "security_group",
    Kind::Object(RULE_GROUP),
    "The security group the rule belongs to, as the API names it: its ID and name.",
);

/// Where a group's rules go in the object it is mapped from, split by
/// direction (see `with_rules`).
pub const INBOUND: &str = "inbound_rules";
pub const OUTBOUND: &str = "outbound_rules";

pub const INBOUND_RULES: Attribute = Attribute::computed(
    INBOUND,
    Kind::ObjectList(RULE),
    "The group's inbound rules, in the API's order: each lets in the traffic it describes.",
);
pub const OUTBOUND_RULES: Attribute = Attribute::computed(
    OUTBOUND,
    Kind::ObjectList(RULE),
    "The group's outbound rules, in the API's order: each lets out the traffic it describes.",
);

/// The organization's security groups:
/// `GET /organizations/organization/security_groups`, in the API's order.
pub const LIST: ListEndpoint = ListEndpoint {
    path: "organizations/organization/security_groups",
    items: "security_groups",
    per_page: Some("200"),
    noun: "Security group",
    plural: "security groups",
    by_id: false,
    paged: true,
};

/// A group's rules: `GET /security_groups/security_group/rules`, in the
/// API's order.
pub const RULES: ListEndpoint = ListEndpoint {
    path: "security_groups/security_group/rules",
    items: "security_group_rules",
    per_page: Some("200"),
    noun: "Security group rule",
    plural: "security group rules",
    by_id: false,
    paged: true,
};

/// Puts a group's `rules` into `object` (the group's fields, or an empty
/// object) under `INBOUND` and `OUTBOUND`, each in the API's order, for
/// `INBOUND_RULES` and `OUTBOUND_RULES` to map. A rule of another
/// direction, or of none (null or absent), is in neither, as in Katapult's
/// Go provider. A `direction` that is no string (a number, a list) is an
/// error at it, `{at}security_group_rules[N].direction`: dropping the rule
/// would leave a clean plan with a rule missing.
pub fn with_rules(
    object: &mut Map<String, Json>,
    rules: Vec<Map<String, Json>>,
    at: &AttributePath,
) -> Result<(), MappingError> {
    let (mut inbound, mut outbound) = (Vec::new(), Vec::new());
    for (i, rule) in rules.into_iter().enumerate() {
        match rule.get("direction") {
            Some(Json::String(direction)) if direction == "inbound" => {
                inbound.push(Json::Object(rule))
            }
            Some(Json::String(direction)) if direction == "outbound" => {
                outbound.push(Json::Object(rule))
            }
            // Another direction, as Katapult's Go provider: in neither.
            Some(Json::String(_) | Json::Null) | None => {}
            Some(other) => {
                return Err(MappingError::Mismatch {
                    path: at
                        .clone()
                        .attribute(RULES.items)
                        .index(i)
                        .attribute("direction"),
                    expected: "a string (`inbound` or `outbound`)",
                    got: json_kind(other),
                });
            }
        }
    }
    object.insert(INBOUND.to_owned(), Json::Array(inbound));
    object.insert(OUTBOUND.to_owned(), Json::Array(outbound));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn rules_are_split_by_direction_in_the_apis_order() {
        let rules = json!([
            {"id": "sgr_1", "direction": "outbound"},
            {"id": "sgr_2", "direction": "inbound"},
            {"id": "sgr_3", "direction": "outbound"},
            {"id": "sgr_4", "direction": "sideways"},
            {"id": "sgr_5"},
        ]);
        let rules = rules
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_object().unwrap().clone())
            .collect();
        let mut object = Map::new();
        with_rules(&mut object, rules, &AttributePath::default()).unwrap();
        assert_eq!(
            object[INBOUND],
            json!([{"id": "sgr_2", "direction": "inbound"}])
        );
        let outbound: Vec<&str> = object[OUTBOUND]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap())
            .collect();
        assert_eq!(outbound, ["sgr_1", "sgr_3"]);
    }

    /// Issue 33 item 5: a `direction` of the wrong type is an error naming
    /// it and the rule, never a rule silently missing from both lists.
    #[test]
    fn a_direction_of_the_wrong_type_is_an_error_at_it() {
        for (direction, got) in [
            (json!(1), "a number"),
            (json!(["inbound"]), "a list"),
            (json!({"is": "inbound"}), "an object"),
            (json!(true), "a boolean"),
        ] {
            let rules = vec![
                json!({"id": "sgr_1", "direction": "inbound"}),
                json!({"id": "sgr_2", "direction": direction}),
            ]
            .into_iter()
            .map(|r| r.as_object().unwrap().clone())
            .collect();
            let mut object = Map::new();
            let at = AttributePath::root("security_groups").index(4);
            let err = with_rules(&mut object, rules, &at).unwrap_err();
            assert_eq!(
                err.to_string(),
                format!(
                    "security_groups[4].security_group_rules[1].direction should be a string \
                     (`inbound` or `outbound`) but the API sent {got}"
                )
            );
            assert!(object.is_empty(), "no half-split lists");
        }
    }
}
