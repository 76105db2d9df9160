//! A GPU type, as a virtual machine's answer names it (`GPU_TYPE`, and in
//! each GPU with the data centers that have it: `WITH_DATA_CENTERS`) and as
//! the organization's machine list does (`LISTED`); its own endpoints:
//! the GPU type, every GPU type, a data center's GPU types (`OWN`).

use crate::schema::{Attribute, Kind};

use super::super::core::lookup::Key;
use super::super::core::object::Object;
use super::super::core::pager::ListEndpoint;
use super::data_center;
use super::network::IN_DATA_CENTER;

/// A GPU type, read by its ID or its permalink: `GET /gpu_types/gpu_type`.
/// The API reference names no scope for the GPU type endpoints.
pub static GPU_TYPE_OBJECT: Object = Object {
    noun: "GPU type",
    plural: "GPU types",
    path: "gpu_types/gpu_type",
    key: "gpu_type",
    scopes: &[],
    not_found: "gpu_type_not_found",
    keys: &[
        Key::new("id", "gpu_type[id]", "ID", "gput_NvidiaL40S00001"),
        Key::new(
            "permalink",
            "gpu_type[permalink]",
            "permalink",
            "nvidia-l40s",
        ),
    ],
};

/// Every GPU type: `GET /gpu_types`, every page.
pub const LIST: ListEndpoint = ListEndpoint {
    path: "gpu_types",
    items: "gpu_types",
    per_page: Some("200"),
    noun: "GPU type",
    plural: "GPU types",
    by_id: false,
    paged: true,
};

/// A data center's GPU types: `GET /data_centers/data_center/gpu_types`,
/// every page.
pub const OF_DATA_CENTER: ListEndpoint = ListEndpoint {
    path: "data_centers/data_center/gpu_types",
    items: "gpu_types",
    per_page: Some("200"),
    noun: "GPU type",
    plural: "GPU types",
    by_id: false,
    paged: true,
};

const ID: Attribute = Attribute::computed("id", Kind::String, "The GPU type's ID.");
const NAME: Attribute = Attribute::computed("name", Kind::String, "The GPU type's name.");
const PERMALINK: Attribute =
    Attribute::computed("permalink", Kind::String, "The GPU type's permalink.");
const MANUFACTURER: Attribute =
    Attribute::computed("manufacturer", Kind::String, "The GPU type's manufacturer.");
const MEMORY_IN_GB: Attribute = Attribute::computed(
    "memory_in_gb",
    Kind::Number,
    "The GPU type's memory, in GB.",
);
const MEMORY_TYPE: Attribute = Attribute::computed(
    "memory_type",
    Kind::String,
    "The GPU type's kind of memory.",
);

pub const GPU_TYPE: &[Attribute] = &[ID, NAME, MANUFACTURER, MEMORY_IN_GB, MEMORY_TYPE, PERMALINK];

pub const WITH_DATA_CENTERS: &[Attribute] = &[
    ID,
    NAME,
    MANUFACTURER,
    MEMORY_IN_GB,
    MEMORY_TYPE,
    PERMALINK,
    Attribute::computed(
        "data_centers",
        Kind::ObjectList(IN_DATA_CENTER),
        "The data centers that have GPUs of this type; may be null.",
    ),
];

pub const LISTED: &[Attribute] = &[ID, NAME, PERMALINK];

/// The data centers that have it, as the GPU type endpoints name them.
pub const DATA_CENTERS: Attribute = Attribute::computed(
    "data_centers",
    Kind::ObjectList(data_center::DATA_CENTER),
    "The data centers that have GPUs of this type (ID, name, permalink); null when the API \
     names none, as a data center's own list of GPU types does.",
);

/// A GPU type as `GET /gpu_types/gpu_type` answers it, beside its keys.
pub const FIELDS: &[Attribute] = &[NAME, MANUFACTURER, MEMORY_IN_GB, MEMORY_TYPE, DATA_CENTERS];

/// A GPU type as its own endpoints answer.
pub const OWN: &[Attribute] = &[
    ID,
    NAME,
    MANUFACTURER,
    MEMORY_IN_GB,
    MEMORY_TYPE,
    PERMALINK,
    DATA_CENTERS,
];
