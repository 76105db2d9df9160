//! `katapult_trash_object`: one trash object, by its ID or the ID of the
//! object trashed.

use crate::datasource::core::shapes::one::One;
use crate::datasource::objects::trash_object::{KEEP_UNTIL, OBJECT_TYPE, TRASH_OBJECT_OBJECT};

pub static TRASH_OBJECT: One = One {
    type_name: "katapult_trash_object",
    of: &TRASH_OBJECT_OBJECT,
    // `id` and `object_id` are its keys.
    fields: &[KEEP_UNTIL, OBJECT_TYPE],
    summary: "Looks up one trash object (something deleted, kept until `keep_until`) by its `id` \
              or by the `object_id` of the object trashed (exactly one).",
    hint: "`katapult_trash_objects` lists the organization's trash.",
    ..One::PLAIN
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasource::core::source::DataSource;
    use crate::tftypes::Value;

    #[test]
    fn the_whole_trash_object_is_read_by_either_key() {
        let names: Vec<&str> = TRASH_OBJECT
            .schema()
            .attributes
            .iter()
            .map(|a| a.name)
            .collect();
        assert_eq!(names, ["id", "object_id", "keep_until", "object_type"]);
        let state = TRASH_OBJECT
            .state(serde_json::json!({"trash_object": {
                "id": "trsh_hkW1SMq0Bn8yNrRx", "keep_until": 1610039056,
                "object_id": "vm_KTKc6pwFxLjJ40QY", "object_type": "VirtualMachine",
            }}))
            .unwrap();
        assert_eq!(state["object_type"], Value::from("VirtualMachine"));
        assert_ne!(state["keep_until"], Value::Null);
    }
}
