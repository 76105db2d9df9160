//! `katapult_file_storage_volumes`: the file storage volumes of the
//! provider's organization, through
//! `GET /organizations/organization/file_storage_volumes`, every page, in
//! the API's order; optionally only those with given annotations.

use std::sync::OnceLock;

use crate::schema::{Attribute, Block, Kind};

use crate::datasource::core::reads::{OrganizationUse, Reads};
use crate::datasource::core::shapes::legacy_listed::{LegacyListed, LegacySource};
use crate::datasource::core::shapes::listed::{Filter, ListId};
use crate::datasource::core::timeouts::TIMEOUTS;
use crate::datasource::objects::annotation::FILTER;
use crate::datasource::objects::file_storage_volume::{LIST, VOLUME};

pub static FILE_STORAGE_VOLUMES: LegacyListed = LegacyListed {
    type_name: "katapult_file_storage_volumes",
    schema: &SCHEMA,
    reads: &READS,
    source: LegacySource::Organization(&LIST),
    filters: &[Filter::Annotations],
    attribute: "file_storage_volumes",
    items: VOLUME,
    id: ListId::None,
};

static READS: Reads = Reads {
    what: "file storage volumes",
    scopes: &["file_storage_volumes", "file_storage_volumes:read"],
    organization: OrganizationUse::Needed,
    data_center: None,
};

static SCHEMA: Block = Block {
    description: "Lists the file storage volumes of the organization named by the provider's \
                  `organization` (or `KATAPULT_ORGANIZATION`), or those with given annotations, \
                  through `GET /core/v1/organizations/organization/file_storage_volumes`, \
                  following every page. Needs an API token with the `file_storage_volumes` or \
                  `file_storage_volumes:read` scope.",
    attributes: &[
        FILTER,
        Attribute::computed(
            "file_storage_volumes",
            Kind::ObjectList(VOLUME),
            "The organization's volumes, in the API's order. Should the list change while it \
             is read, the read starts again, up to twice, so the result is one consistent \
             listing.",
        ),
    ],
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
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
