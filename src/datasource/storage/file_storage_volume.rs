//! `katapult_file_storage_volume`: one file storage volume, by `id`, with
//! its data center, NFS settings and annotations.

use crate::datasource::core::shapes::one::One;
use crate::datasource::objects::file_storage_volume::{
    ANNOTATIONS, ASSOCIATIONS, FILE_STORAGE_VOLUME_OBJECT, IN_DATA_CENTER, NAME, NFS_ALL_SQUASH,
    NFS_ANON_GID, NFS_ANON_UID, NFS_LOCATION, NFS_ROOT_SQUASH, SIZE, STATE, TECHNOLOGY_GENERATION,
};

pub static FILE_STORAGE_VOLUME: One = One {
    type_name: "katapult_file_storage_volume",
    of: &FILE_STORAGE_VOLUME_OBJECT,
    fields: &[
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
        ANNOTATIONS,
    ],
    summary: "Looks up one Katapult file storage volume (an NFS share for virtual machines) by \
              its ID.",
    hint: "`katapult_file_storage_volumes` lists the organization's volumes.",
    beside: &["annotations"],
    ..One::PLAIN
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
