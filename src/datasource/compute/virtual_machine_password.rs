//! `ephemeral "katapult_virtual_machine"` (Terraform 1.10 and later): one
//! virtual machine, by its ID or its FQDN, opened for its initial root
//! password, which the machine's answer holds and the data source
//! `katapult_virtual_machine` never shows. An ephemeral resource's result
//! reaches no state or plan file, and this read logs no answer body.

use crate::schema::{Attribute, Kind};

use crate::datasource::core::lookup::Rule;
use crate::datasource::core::shapes::one::One;
use crate::datasource::objects::virtual_machine::{HINT, VIRTUAL_MACHINE_OBJECT};

pub static VIRTUAL_MACHINE_PASSWORD: One = One {
    type_name: "katapult_virtual_machine",
    of: &VIRTUAL_MACHINE_OBJECT,
    rule: Rule::AtLeastOne,
    fields: &[Attribute::computed(
        "initial_root_password",
        Kind::String,
        "The root password the machine was built with, as Katapult keeps it; null when \
         Katapult holds none. Sensitive: hand it to what needs it (a provider configuration, \
         a write-only argument, an ephemeral output).",
    )
    .sensitive()],
    summary: "Opens one Katapult virtual machine, by its `id` or its `fqdn` (with both, by \
              `id`, and its FQDN must match), for its initial root password: the secret the \
              data source `katapult_virtual_machine` leaves out.",
    hint: HINT,
    ephemeral: true,
    ..One::PLAIN
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasource::core::source::DataSource;
    use crate::tftypes::Value;

    #[test]
    fn the_password_and_the_keys_are_all_it_holds_and_only_the_password_is_sensitive() {
        let machine = serde_json::json!({"id": "vm_1", "fqdn": "web-1.acme.katapult.cloud",
            "name": "web-1", "initial_root_password": "Xq7#pL2v!Rk9"});
        let state = VIRTUAL_MACHINE_PASSWORD
            .state(serde_json::json!({"virtual_machine": machine}))
            .unwrap();
        assert_eq!(state["initial_root_password"], Value::from("Xq7#pL2v!Rk9"));
        assert_eq!(state["fqdn"], Value::from("web-1.acme.katapult.cloud"));
        assert_eq!(state.len(), 3, "{state:?}");
        let sensitive: Vec<&str> = VIRTUAL_MACHINE_PASSWORD
            .schema()
            .attributes
            .iter()
            .filter(|a| a.sensitive)
            .map(|a| a.name)
            .collect();
        assert_eq!(sensitive, ["initial_root_password"]);
        // None kept: null. Not a string: an error at it, the value unsaid.
        let none = serde_json::json!({"id": "vm_1", "initial_root_password": null});
        let state = VIRTUAL_MACHINE_PASSWORD
            .state(serde_json::json!({"virtual_machine": none}))
            .unwrap();
        assert_eq!(state["initial_root_password"], Value::Null);
        let wrong = serde_json::json!({"initial_root_password": 12345678});
        let err = VIRTUAL_MACHINE_PASSWORD
            .state(serde_json::json!({"virtual_machine": wrong}))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("initial_root_password should be a string"),
            "{err}"
        );
        assert!(!err.contains("12345678"), "{err}");
    }
}
