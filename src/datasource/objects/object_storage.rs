//! Object storage: an organization's account in a region, and a bucket in
//! it. Neither answer carries a credential: the access keys' S3 secrets
//! come from an endpoint of their own.

use crate::schema::{Attribute, Kind};

use super::super::core::lookup::{Key, Lookup, Rule};
use super::super::core::object::Object;
use super::country::FIELDS as COUNTRY;
use super::data_center::{ID, NAME, PERMALINK};

/// The organization's object storage account in a region, read by the
/// region (and the organization):
/// `GET /organizations/organization/object_storage/object_storage_cluster`.
pub static OBJECT_STORAGE_ACCOUNT_OBJECT: Object = Object {
    noun: "object storage account",
    plural: "object storage accounts",
    path: "organizations/organization/object_storage/object_storage_cluster",
    key: "object_storage_account",
    scopes: &["object_storage:read"],
    not_found: "object_storage_account_not_found",
    keys: &[REGION_KEY],
};

/// A bucket, read by its name and its region, both sent:
/// `GET /object_storage/object_storage_cluster/buckets/bucket`.
pub static OBJECT_STORAGE_BUCKET_OBJECT: Object = Object {
    noun: "object storage bucket",
    plural: "object storage buckets",
    path: "object_storage/object_storage_cluster/buckets/bucket",
    key: "object_storage_bucket",
    scopes: &["object_storage:read"],
    not_found: "object_storage_bucket_not_found",
    keys: &[
        Key::new("name", "bucket[name]", "name", "my-org-assets"),
        REGION_KEY,
    ],
};

/// The account's data center, its country whole.
pub const DATA_CENTER: &[Attribute] = &[
    ID,
    NAME,
    PERMALINK,
    Attribute::computed(
        "country",
        Kind::Object(COUNTRY),
        "The country the data center is in; null when the API names none.",
    ),
];

// The account, as
// `GET /organizations/organization/object_storage/object_storage_cluster`
// answers (its `region` is the data source's key).

pub const PROVISIONING_STATE: Attribute = Attribute::computed(
    "provisioning_state",
    Kind::String,
    "The account's provisioning state: `provisioning`, `provisioned` or `failed` (values \
     Katapult adds later are passed through).",
);
pub const ACCOUNT_CREATED_AT: Attribute = Attribute::computed(
    "created_at",
    Kind::Number,
    "When the account was created, as a Unix timestamp in seconds.",
);
pub const ACCOUNT_SIZE: Attribute = Attribute::computed(
    "size",
    Kind::Number,
    "The storage the account's buckets use, in bytes (Katapult updates it from time to \
     time).",
);
pub const BUCKET_COUNT: Attribute = Attribute::computed(
    "bucket_count",
    Kind::Number,
    "How many buckets the account has.",
);
pub const ACCOUNT_DATA_CENTER: Attribute = Attribute::computed(
    "data_center",
    Kind::Object(DATA_CENTER),
    "The data center the region's storage is in.",
);

/// Who may do what with a bucket's objects.
pub const ACCESS_CONTROL_LIST: &[Attribute] = &[
    Attribute::computed(
        "public_read",
        Kind::Bool,
        "Whether anyone may read the bucket's objects, without a key.",
    ),
    Attribute::computed(
        "public_list",
        Kind::Bool,
        "Whether anyone may list the bucket's objects, without a key.",
    ),
    Attribute::computed(
        "all_keys_read",
        Kind::Bool,
        "Whether every access key of the account may read the bucket's objects.",
    ),
    Attribute::computed(
        "all_keys_write",
        Kind::Bool,
        "Whether every access key of the account may write the bucket's objects.",
    ),
    Attribute::computed(
        "read_key_ids",
        Kind::StringList,
        "The IDs of the access keys that may read the bucket's objects (`objkey_...`).",
    ),
    Attribute::computed(
        "write_key_ids",
        Kind::StringList,
        "The IDs of the access keys that may write the bucket's objects (`objkey_...`).",
    ),
];

// The bucket, as `GET /object_storage/object_storage_cluster/buckets/bucket`
// answers (its `name` is the data source's key).

pub const LABEL: Attribute = Attribute::computed(
    "label",
    Kind::String,
    "The bucket's label in Katapult; null when it has none.",
);
pub const BUCKET_CREATED_AT: Attribute = Attribute::computed(
    "created_at",
    Kind::Number,
    "When the bucket was created, as a Unix timestamp in seconds.",
);
pub const BUCKET_STATE: Attribute = Attribute::computed(
    "state",
    Kind::String,
    "The bucket's state: `pending` or `configured` (values Katapult adds later are passed \
     through).",
);
pub const PUBLIC_URL: Attribute = Attribute::computed(
    "public_url",
    Kind::String,
    "The URL the bucket's objects are served at, e.g. \
     `https://my-bucket.uk-lon-1.katapultobjects.com/`.",
);
pub const SERVE_STATIC_SITE: Attribute = Attribute::computed(
    "serve_static_site",
    Kind::Bool,
    "Whether the bucket is served as a static web site.",
);
pub const STATIC_SITE_INDEX: Attribute = Attribute::computed(
    "static_site_index",
    Kind::String,
    "The static site's index document, e.g. `index.html`; null when not set (Katapult's \
     Go provider shows an empty string).",
);
pub const STATIC_SITE_ERROR: Attribute = Attribute::computed(
    "static_site_error",
    Kind::String,
    "The static site's error document, e.g. `error.html`; null when not set (Katapult's \
     Go provider shows an empty string).",
);
pub const OBJECT_COUNT: Attribute = Attribute::computed(
    "object_count",
    Kind::Number,
    "How many objects the bucket holds; may be null.",
);
pub const BUCKET_SIZE: Attribute = Attribute::computed(
    "size",
    Kind::Number,
    "The storage the bucket's objects use, in bytes; may be null.",
);
pub const CUSTOM_DOMAINS: Attribute = Attribute::computed(
    "custom_domains",
    Kind::StringList,
    "The custom domains the bucket is served at besides `public_url`.",
);
pub const CORS_ORIGINS: Attribute = Attribute::computed(
    "cors_origins",
    Kind::StringList,
    "The origins allowed to fetch the bucket's objects from a web page (CORS).",
);
pub const ACL: Attribute = Attribute::computed(
    "access_control_list",
    Kind::Object(ACCESS_CONTROL_LIST),
    "Who may read, list and write the bucket's objects, as the API nests it (Katapult's Go \
     provider copies each field to the top level: `public_read`, `read_key_ids`, ...).",
);

// Katapult's Go provider names these flat; configurations written for it
// keep working. Each is a copy of a field of `access_control_list`.

pub const PUBLIC_READ: Attribute = Attribute::computed(
    "public_read",
    Kind::Bool,
    "Whether anyone may read the bucket's objects (`access_control_list.public_read`). As in \
     Katapult's Go provider.",
)
.from(&["access_control_list", "public_read"]);
pub const PUBLIC_LIST: Attribute = Attribute::computed(
    "public_list",
    Kind::Bool,
    "Whether anyone may list the bucket's objects (`access_control_list.public_list`). As in \
     Katapult's Go provider.",
)
.from(&["access_control_list", "public_list"]);
pub const ALL_KEYS_READ: Attribute = Attribute::computed(
    "all_keys_read",
    Kind::Bool,
    "Whether every access key may read the bucket's objects \
     (`access_control_list.all_keys_read`). As in Katapult's Go provider.",
)
.from(&["access_control_list", "all_keys_read"]);
pub const ALL_KEYS_WRITE: Attribute = Attribute::computed(
    "all_keys_write",
    Kind::Bool,
    "Whether every access key may write the bucket's objects \
     (`access_control_list.all_keys_write`). As in Katapult's Go provider.",
)
.from(&["access_control_list", "all_keys_write"]);
pub const READ_KEY_IDS: Attribute = Attribute::computed(
    "read_key_ids",
    Kind::StringSet,
    "The IDs of the access keys that may read the bucket's objects \
     (`access_control_list.read_key_ids`), as a set. As in Katapult's Go provider.",
)
.from(&["access_control_list", "read_key_ids"]);
pub const WRITE_KEY_IDS: Attribute = Attribute::computed(
    "write_key_ids",
    Kind::StringSet,
    "The IDs of the access keys that may write the bucket's objects \
     (`access_control_list.write_key_ids`), as a set. As in Katapult's Go provider.",
)
.from(&["access_control_list", "write_key_ids"]);

/// The bucket's name, the argument it is looked up by beside its region.
pub const BUCKET_NAME: Attribute = Attribute::required(
    "name",
    Kind::String,
    "The bucket's name, unique across Katapult, e.g. `my-org-assets`.",
);

/// The region an object storage data source names, as the API's
/// `object_storage_cluster[region]`: its "not found" is about the region.
pub static REGION: Lookup = Lookup {
    subject: "object storage cluster",
    keys: &[REGION_KEY],
    rule: Rule::ExactlyOne,
    example: Some("uk-lon-1"),
    not_found: "object_storage_cluster_not_found",
    hint: "Katapult's object storage region today is `uk-lon-1`.",
};

pub const REGION_KEY: Key = Key::new(
    "region",
    "object_storage_cluster[region]",
    "region",
    "uk-lon-1",
);

pub const REGION_ATTRIBUTE: Attribute = Attribute::required(
    "region",
    Kind::String,
    "The object storage region, e.g. `uk-lon-1` (today Katapult's only one).",
);
