//! A file storage volume: an NFS share virtual machines mount; and the
//! organization's volume list.

use crate::schema::{Attribute, Kind};

use super::super::core::lookup::Key;
use super::super::core::object::Object;
use super::super::core::pager::ListEndpoint;
use super::annotation::ANNOTATION;
use super::data_center::DATA_CENTER;

/// A file storage volume, read by its ID:
/// `GET /file_storage_volumes/file_storage_volume`.
pub static FILE_STORAGE_VOLUME_OBJECT: Object = Object {
    noun: "file storage volume",
    plural: "file storage volumes",
    path: "file_storage_volumes/file_storage_volume",
    key: "file_storage_volume",
    scopes: &["file_storage_volumes", "file_storage_volumes:read"],
    not_found: "file_storage_volume_not_found",
    keys: &[Key::new(
        "id",
        "file_storage_volume[id]",
        "ID",
        "fsv_P6bDuTJ3y560wyKL",
    )],
};

pub const ID: Attribute = Attribute::computed(
    "id",
    Kind::String,
    "The volume's ID, e.g. `fsv_P6bDuTJ3y560wyKL`.",
);
pub const NAME: Attribute = Attribute::computed(
    "name",
    Kind::String,
    "The volume's name, unique within the organization.",
);
pub const ASSOCIATIONS: Attribute = Attribute::computed(
    "associations",
    Kind::StringSet,
    "The IDs of what may mount the volume: virtual machines (`vm_...`). A set, as in Katapult's \
     Go provider.",
);
pub const NFS_LOCATION: Attribute = Attribute::computed(
    "nfs_location",
    Kind::String,
    "Where to mount the volume from inside the machines in `associations`, e.g. \
     `nfs2.nlc.storage.katapult.io:/katapult/fsv_P6bDuTJ3y560wyKL`; null until the volume is \
     ready.",
);
pub const SIZE: Attribute = Attribute::computed(
    "size",
    Kind::Number,
    "The space the volume's files take, in bytes; may be null.",
);
pub const STATE: Attribute = Attribute::computed(
    "state",
    Kind::String,
    "The volume's state: `pending`, `configuring`, `ready` or `failed` (values Katapult adds \
     later are passed through).",
);
pub const IN_DATA_CENTER: Attribute = Attribute::computed(
    "data_center",
    Kind::Object(DATA_CENTER),
    "The data center the volume is in.",
);
pub const TECHNOLOGY_GENERATION: Attribute = Attribute::computed(
    "technology_generation",
    Kind::Number,
    "The generation of Katapult's file storage the volume runs on, e.g. `1`; null where the \
     API does not say (its list does not).",
);
pub const NFS_ROOT_SQUASH: Attribute = Attribute::computed(
    "nfs_root_squash",
    Kind::Bool,
    "Whether the volume's NFS export squashes root (maps requests from root to the anonymous \
     user); null when the volume does not set it.",
);
pub const NFS_ALL_SQUASH: Attribute = Attribute::computed(
    "nfs_all_squash",
    Kind::Bool,
    "Whether the volume's NFS export squashes every user (maps all requests to the anonymous \
     user); null when the volume does not set it.",
);
pub const NFS_ANON_UID: Attribute = Attribute::computed(
    "nfs_anon_uid",
    Kind::Number,
    "The user ID the volume's NFS export gives the anonymous user; null when the volume does \
     not set it.",
);
pub const NFS_ANON_GID: Attribute = Attribute::computed(
    "nfs_anon_gid",
    Kind::Number,
    "The group ID the volume's NFS export gives the anonymous user; null when the volume does \
     not set it.",
);

/// The volume's annotations (beside the volume in its answer).
pub const ANNOTATIONS: Attribute = Attribute::computed(
    "annotations",
    Kind::ObjectList(ANNOTATION),
    "Key/value annotations on the volume.",
);

/// A volume, as `GET /file_storage_volumes/file_storage_volume` and the
/// organization's list answer (the list leaves the NFS settings out: null).
pub const VOLUME: &[Attribute] = &[
    ID,
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
];

/// The organization's volumes: `GET /organizations/organization/file_storage_volumes`.
pub const LIST: ListEndpoint = ListEndpoint {
    path: "organizations/organization/file_storage_volumes",
    items: "file_storage_volumes",
    per_page: Some("200"),
    noun: "File storage volume",
    plural: "file storage volumes",
    by_id: false,
    paged: true,
};
