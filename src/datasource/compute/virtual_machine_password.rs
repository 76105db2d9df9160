//! `ephemeral "katapult_virtual_machine"` (Terraform 1.10 and later): one
//! virtual machine, by its ID or its FQDN, opened for its initial root
//! password, which `GET /virtual_machines/virtual_machine` holds and the
//! data source `katapult_virtual_machine` never shows. An ephemeral
//! resource's result reaches no state or plan file, and this read logs no
//! answer body.

use std::sync::OnceLock;

use crate::diag::Diagnostic;
use crate::schema::{Attribute, Block, Kind};
use crate::tftypes::{AttributePath, Value};

use crate::datasource::core::answer;
use crate::datasource::core::error::ReadError;
use crate::datasource::core::mapping::map_object;
use crate::datasource::core::reads::{OrganizationUse, Reads};
use crate::datasource::core::source::{Computed, DataSource, ReadContext, ReadFuture};
use crate::datasource::core::timeouts::TIMEOUTS;
use crate::datasource::objects::virtual_machine::LOOKUP;

pub struct VirtualMachinePassword;

static READS: Reads = Reads {
    what: "virtual machines",
    scopes: &["virtual_machines", "virtual_machines:read"],
    organization: OrganizationUse::Unused,
    data_center: None,
};

static SCHEMA: Block = Block {
    description: "Opens one Katapult virtual machine, by its `id` or its `fqdn`, for its initial \
                  root password, through `GET /core/v1/virtual_machines/virtual_machine`: the \
                  secret the data source `katapult_virtual_machine` leaves out. Needs an API \
                  token with the `virtual_machines` or `virtual_machines:read` scope.",
    attributes: &[
        Attribute::optional_computed(
            "id",
            Kind::String,
            "The virtual machine's ID, e.g. `vm_1MoFv1ecLEy8LLMI`. Set this, `fqdn`, or both \
             (the machine is then found by its ID and must have that FQDN).",
        ),
        Attribute::optional_computed(
            "fqdn",
            Kind::String,
            "The virtual machine's fully qualified domain name, e.g. \
             `web-1.acme.katapult.cloud`. Set this, `id`, or both.",
        ),
        Attribute::computed(
            "initial_root_password",
            Kind::String,
            "The root password the machine was built with, as Katapult keeps it; null when \
             Katapult holds none. Sensitive: hand it to what needs it (a provider \
             configuration, a write-only argument, an ephemeral output).",
        )
        .sensitive(),
    ],
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
};

impl DataSource for VirtualMachinePassword {
    fn type_name(&self) -> &'static str {
        "katapult_virtual_machine"
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
            let Some(key) = given.first() else {
                return Err(ReadError::Config {
                    attribute: LOOKUP.keys[0].attribute,
                    problem: "not set",
                });
            };
            let answer = ctx
                .client
                .get(
                    "virtual_machines/virtual_machine",
                    &key.query(),
                    &ctx.budget,
                )
                .await
                .map_err(|e| LOOKUP.error(e, key))?;
            let (machine, _) = answer::object(answer, "virtual_machine")?;
            LOOKUP.agrees(&machine, &given)?;
            VirtualMachinePassword::state(&machine)
        })
    }
}

impl VirtualMachinePassword {
    /// The state for the machine's answer: its keys and its password.
    pub fn state(machine: &answer::Fields) -> Result<Computed, ReadError> {
        Ok(map_object(
            machine,
            SCHEMA.attributes,
            &AttributePath::default(),
        )?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_password_and_the_keys_are_all_it_holds_and_only_the_password_is_sensitive() {
        let machine = serde_json::json!({"id": "vm_1", "fqdn": "web-1.acme.katapult.cloud",
            "name": "web-1", "initial_root_password": "Xq7#pL2v!Rk9"});
        let state = VirtualMachinePassword::state(machine.as_object().unwrap()).unwrap();
        assert_eq!(state["initial_root_password"], Value::from("Xq7#pL2v!Rk9"));
        assert_eq!(state["fqdn"], Value::from("web-1.acme.katapult.cloud"));
        assert_eq!(state.len(), 3, "{state:?}");
        let sensitive: Vec<&str> = SCHEMA
            .attributes
            .iter()
            .filter(|a| a.sensitive)
            .map(|a| a.name)
            .collect();
        assert_eq!(sensitive, ["initial_root_password"]);
        // None kept: null. Not a string: an error at it, the value unsaid.
        let none = serde_json::json!({"id": "vm_1", "initial_root_password": null});
        let state = VirtualMachinePassword::state(none.as_object().unwrap()).unwrap();
        assert_eq!(state["initial_root_password"], Value::Null);
        let wrong = serde_json::json!({"initial_root_password": 12345678});
        let err = VirtualMachinePassword::state(wrong.as_object().unwrap())
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("initial_root_password should be a string"),
            "{err}"
        );
        assert!(!err.contains("12345678"), "{err}");
    }
}
