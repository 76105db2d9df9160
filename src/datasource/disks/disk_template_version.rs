//! `katapult_disk_template_version`: one disk template version, by its ID,
//! with its specification, through `GET
//! /disk_template_versions/disk_template_version/spec` (the version as `GET
//! /disk_template_versions/disk_template_version` answers it, its `spec`
//! beside it: one read).

use crate::datasource::core::shapes::one::One;
use crate::datasource::objects::disk_template::{
    DISK_TEMPLATE_VERSION_OBJECT, SPEC, VERSION_NUMBER, VERSION_OF, VERSION_SIZE, VERSION_STABLE,
};

pub static DISK_TEMPLATE_VERSION: One = One {
    type_name: "katapult_disk_template_version",
    of: &DISK_TEMPLATE_VERSION_OBJECT,
    fields: &[
        VERSION_NUMBER,
        VERSION_STABLE,
        VERSION_SIZE,
        VERSION_OF,
        SPEC,
    ],
    summary: "Looks up one disk template version by its `id`: its number, whether it is \
              stable, the disk size it needs, its template, and its specification (the fields \
              an installation of it asks for).",
    hint: "`katapult_disk_template_versions` lists a template's versions; \
           `katapult_disk_templates` names each template's latest.",
    beside: &["spec"],
    ..One::PLAIN
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasource::core::source::DataSource;
    use crate::tftypes::Value;

    #[test]
    fn the_version_and_its_spec_beside_it_are_read() {
        let names: Vec<&str> = DISK_TEMPLATE_VERSION
            .schema()
            .attributes
            .iter()
            .map(|a| a.name)
            .collect();
        assert_eq!(
            names,
            [
                "id",
                "number",
                "stable",
                "size_in_gb",
                "disk_template",
                "spec"
            ]
        );
        let state = DISK_TEMPLATE_VERSION
            .state(serde_json::json!({
                "disk_template_version": {
                    "id": "dtv_Ha4LXNfpQddNlUcT", "number": 7, "stable": true, "size_in_gb": 10,
                    "disk_template": {"id": "dtpl_GS03NCmS1Z17rXHq", "name": "Ubuntu 20.04",
                                      "permalink": "templates/ubuntu-20-04"},
                },
                "spec": {"fields": [{"name": "hostname", "type": "text", "label": "Hostname",
                                     "description": null, "required": true,
                                     "placeholder": null, "prefill": null}]},
            }))
            .unwrap();
        assert_eq!(state["stable"], Value::Bool(true));
        let Value::List(fields) = state["spec"].attribute("fields") else {
            panic!("the spec's fields: {:?}", state["spec"]);
        };
        assert_eq!(fields[0].attribute("name"), &Value::from("hostname"));
    }
}
