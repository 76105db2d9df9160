//! `katapult_file_storage_volume`: one file storage volume, by `id`,
//! through `GET /file_storage_volumes/file_storage_volume`, with its data
//! center, NFS settings and annotations.

use std::sync::OnceLock;

use crate::schema::{Attribute, Block, Kind};

use crate::datasource::core::lookup::{Key, Lookup, Rule};
use crate::datasource::core::reads::{OrganizationUse, Reads};
use crate::datasource::core::shapes::legacy_one::LegacyOne;
use crate::datasource::core::timeouts::TIMEOUTS;
use crate::datasource::objects::annotation::ANNOTATION;
use crate::datasource::objects::file_storage_volume::{
    ASSOCIATIONS, IN_DATA_CENTER, NAME, NFS_ALL_SQUASH, NFS_ANON_GID, NFS_ANON_UID, NFS_LOCATION,
    NFS_ROOT_SQUASH, SIZE, STATE, TECHNOLOGY_GENERATION,
};

pub static FILE_STORAGE_VOLUME: LegacyOne = LegacyOne {
    type_name: "katapult_file_storage_volume",
    schema: &SCHEMA,
    reads: &READS,
    lookup: &LOOKUP,
    path: "file_storage_volumes/file_storage_volume",
    object: "file_storage_volume",
    beside: &["annotations"],
};

static READS: Reads = Reads {
    what: "file storage volumes",
    scopes: &["file_storage_volumes", "file_storage_volumes:read"],
    organization: OrganizationUse::Unused,
    data_center: None,
};

static LOOKUP: Lookup = Lookup {
    subject: "file storage volume",
    keys: &[Key::new("id", "file_storage_volume[id]", "ID", "")],
    rule: Rule::ExactlyOne,
    example: Some("fsv_P6bDuTJ3y560wyKL"),
    not_found: "file_storage_volume_not_found",
    hint: "`katapult_file_storage_volumes` lists the organization's volumes.",
};

static SCHEMA: Block = Block {
    description: "Looks up one Katapult file storage volume (an NFS share for virtual machines) \
                  by its ID, through `GET /core/v1/file_storage_volumes/file_storage_volume`. \
                  Needs an API token with the `file_storage_volumes` or \
                  `file_storage_volumes:read` scope.",
    attributes: &[
        Attribute::required(
            "id",
            Kind::String,
            "The volume's ID, e.g. `fsv_P6bDuTJ3y560wyKL`.",
        ),
        NAME,
        ASSOCIATIONS,
        NFS_LOCATION,
        SIZE,
        STATE,
        IN_DATA_CENTER,
        TECHNOLOGY_GENERATION,
        NFS_ROOT_SQUASH,
        NFS_ALL_SQUASH,
        NFS_ANON_UID,
        NFS_ANON_GID,
        Attribute::computed(
            "annotations",
            Kind::ObjectList(ANNOTATION),
            "Key/value annotations on the volume.",
        ),
    ],
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tftypes::{Number, Value};
    use std::collections::BTreeMap;

    fn recorded(id: &str) -> serde_json::Value {
        serde_json::from_str(&katapult_testkit::fake_api::recorded(
            "file_storage_volumes/file_storage_volume",
            id,
        ))
        .unwrap()
    }

    #[test]
    fn the_recorded_volumes_map_whole() {
        // DataSourceFileStorageVolume_associations, ready, two machines.
        let state = FILE_STORAGE_VOLUME
            .state(recorded("fsv_rXfunTdscpF1BvxL"))
            .unwrap();
        assert_eq!(
            state["associations"],
            Value::List(vec![
                Value::from("vm_11JRpj3NMA10Xqay"),
                Value::from("vm_nZKmHf7V8tpIclE5")
            ])
        );
        assert_eq!(
            state["nfs_location"],
            Value::from("nfs2.nlc.storage.katapult.io:/katapult/fsv_rXfunTdscpF1BvxL")
        );
        assert_eq!(state["size"], Value::Number(Number::Int(0)));
        assert_eq!(state["state"], Value::from("ready"));
        assert_eq!(
            state["technology_generation"],
            Value::Number(Number::Int(1))
        );
        for null in [
            "nfs_root_squash",
            "nfs_all_squash",
            "nfs_anon_uid",
            "nfs_anon_gid",
        ] {
            assert_eq!(state[null], Value::Null, "{null}");
        }
        assert_eq!(
            state["data_center"],
            Value::Object(BTreeMap::from([
                ("id".to_owned(), Value::from("loc_UUhPmoCbpic6UX0Y")),
                ("name".to_owned(), Value::from("London")),
                ("permalink".to_owned(), Value::from("uk-lon-01")),
            ]))
        );
        assert_eq!(state["annotations"], Value::List(vec![]));
        // DataSourceFileStorageVolume_minimal while configuring: no NFS location yet.
        let state = FILE_STORAGE_VOLUME
            .state(recorded("fsv_Configuring00001"))
            .unwrap();
        assert_eq!(state["nfs_location"], Value::Null);
        assert_eq!(state["state"], Value::from("configuring"));
        // The older recording (internal/provider): no NFS settings, no
        // annotations at all: null, not an error.
        let state = FILE_STORAGE_VOLUME
            .state(recorded("fsv_4HVzBiKJC8cumQvp"))
            .unwrap();
        assert_eq!(state["technology_generation"], Value::Null);
        assert_eq!(state["annotations"], Value::Null);
        assert_eq!(state["associations"], Value::List(vec![]));
    }

    #[test]
    fn wrong_types_name_their_path() {
        for (volume, want) in [
            (
                serde_json::json!({"size": "0"}),
                "size should be a number but the API sent a string",
            ),
            (
                serde_json::json!({"associations": "vm_1"}),
                "associations should be a list of strings but the API sent a string",
            ),
            (
                serde_json::json!({"data_center": {"permalink": 1}}),
                "data_center.permalink should be a string but the API sent a number",
            ),
            (
                serde_json::json!({"nfs_root_squash": "yes"}),
                "nfs_root_squash should be true or false but the API sent a string",
            ),
        ] {
            let err = FILE_STORAGE_VOLUME
                .state(serde_json::json!({ "file_storage_volume": volume }))
                .unwrap_err()
                .to_string();
            assert_eq!(err, want);
        }
    }
}
