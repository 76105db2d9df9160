//! `katapult_file_storage_volumes`: the file storage volumes of the
//! provider's organization, every page, in the API's order; optionally only
//! those with given annotations.

use crate::schema::{Attribute, Kind};

use crate::datasource::core::shapes::listed::{Filter, Listed, Source};
use crate::datasource::objects::file_storage_volume::{FILE_STORAGE_VOLUME_OBJECT, LIST, VOLUME};

pub static FILE_STORAGE_VOLUMES: Listed = Listed {
    type_name: "katapult_file_storage_volumes",
    of: &FILE_STORAGE_VOLUME_OBJECT,
    source: Source::Organization(&LIST),
    filters: &[Filter::Annotations],
    list: Attribute::computed(
        "file_storage_volumes",
        Kind::ObjectList(VOLUME),
        "The organization's volumes, in the API's order. Should the list change while it is \
         read, the read starts again, up to twice, so the result is one consistent listing.",
    ),
    summary: "Lists the file storage volumes of the organization, or those with given \
              annotations.",
    ..Listed::PLAIN
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tftypes::Value;

    #[test]
    fn the_recorded_list_maps_whole() {
        // DataSourceFileStorageVolumes_default: the list leaves the NFS
        // settings out.
        let items = katapult_testkit::fake_api::recorded_items(
            "organizations/organization/file_storage_volumes",
            "acme",
            "file_storage_volumes",
        );
        let state = FILE_STORAGE_VOLUMES.state(&items).unwrap();
        let Value::List(volumes) = &state["file_storage_volumes"] else {
            panic!("{state:?}")
        };
        assert_eq!(volumes.len(), 2);
        assert_eq!(
            volumes[0].attribute("id"),
            &Value::from("fsv_LUCoRi4C8dOi7YZl")
        );
        assert_eq!(volumes[1].attribute("state"), &Value::from("ready"));
        assert_eq!(volumes[1].attribute("nfs_anon_uid"), &Value::Null);
        assert_eq!(
            volumes[1].attribute("data_center").attribute("permalink"),
            &Value::from("uk-lon-01")
        );
        let err = FILE_STORAGE_VOLUMES
            .state(&[serde_json::json!({"associations": [1]})
                .as_object()
                .unwrap()
                .clone()])
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "file_storage_volumes[0].associations[0] should be a string but the API sent a number"
        );
    }
}
