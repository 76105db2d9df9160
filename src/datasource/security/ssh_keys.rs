//! `katapult_ssh_keys`: the SSH keys of the provider's organization, every
//! page, in the API's order.

use crate::schema::{Attribute, Kind};

use crate::datasource::core::shapes::listed::{Listed, Source};
use crate::datasource::objects::ssh_key::{LIST, SSH_KEY, SSH_KEY_OBJECT};

pub static SSH_KEYS: Listed = Listed {
    type_name: "katapult_ssh_keys",
    of: &SSH_KEY_OBJECT,
    source: Source::Organization(&LIST),
    list: Attribute::computed(
        "ssh_keys",
        Kind::ObjectList(SSH_KEY),
        "The organization's SSH keys, in the API's order.",
    ),
    summary: "Lists every SSH key of the organization (their names and fingerprints).",
    ..Listed::PLAIN
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tftypes::Value;

    #[test]
    fn the_written_list_maps_whole() {
        let items = katapult_testkit::fake_api::recorded_items(LIST.path, "acme", "ssh_keys");
        let state = SSH_KEYS.state(&items).unwrap();
        let Value::List(keys) = &state["ssh_keys"] else {
            panic!("{state:?}")
        };
        assert_eq!(keys.len(), 3);
        assert_eq!(keys[0].attribute("name"), &Value::from("deploy"));
        let err = SSH_KEYS
            .state(&[serde_json::json!({"fingerprint": 1})
                .as_object()
                .unwrap()
                .clone()])
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "ssh_keys[0].fingerprint should be a string but the API sent a number"
        );
    }
}
