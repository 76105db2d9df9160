//! A disk: the fields every disk data source shows (each written once
//! here), the installation a disk holds, and the organization's disk list.

use crate::schema::{Attribute, Kind};

use super::super::core::pager::ListEndpoint;
use super::data_center::DATA_CENTER;
use super::disk_template::VERSION;
use super::io_profile::PROFILE;
use super::virtual_machine::VIRTUAL_MACHINE_DISK;

pub const ID: Attribute = Attribute::computed("id", Kind::String, "The disk's ID.");
pub const NAME: Attribute = Attribute::computed("name", Kind::String, "The disk's name.");
pub const SIZE_IN_GB: Attribute =
    Attribute::computed("size_in_gb", Kind::Number, "The disk's size in GB.");
pub const WWN: Attribute = Attribute::computed("wwn", Kind::String, "The disk's World Wide Name.");
pub const STATE: Attribute = Attribute::computed(
    "state",
    Kind::String,
    "The disk's state: `not_built`, `failed`, `built`, `building`, `installing`, `restoring`, \
     `formatting`, `resizing`, `configuring` or `importing` (values Katapult adds later are \
     passed through).",
);
pub const CREATED_AT: Attribute = Attribute::computed(
    "created_at",
    Kind::Number,
    "When the disk was created, as a Unix timestamp in seconds.",
);
pub const STORAGE_SPEED: Attribute = Attribute::computed(
    "storage_speed",
    Kind::String,
    "The class of storage the disk is on: `nvme` or `ssd`.",
);
pub const BUS_TYPE: Attribute = Attribute::computed(
    "bus_type",
    Kind::String,
    "How the disk is presented to its virtual machine: `scsi` or `virtio`; may be null.",
);
pub const IO_PROFILE: Attribute = Attribute::computed(
    "io_profile",
    Kind::Object(PROFILE),
    "The IO profile that limits the disk's throughput; null when it has none.",
);
pub const IN_DATA_CENTER: Attribute = Attribute::computed(
    "data_center",
    Kind::Object(DATA_CENTER),
    "The data center the disk is in.",
);
pub const ATTACHMENT: Attribute = Attribute::computed(
    "virtual_machine_disk",
    Kind::Object(VIRTUAL_MACHINE_DISK),
    "The disk's attachment to a virtual machine; null when it is not attached.",
);

/// The Go provider's flat copies of the attachment's machine.
pub const VIRTUAL_MACHINE_ID: Attribute = Attribute::computed(
    "virtual_machine_id",
    Kind::String,
    "The ID of the virtual machine the disk is attached to \
     (`virtual_machine_disk.virtual_machine.id`); null when it is not attached. As in Katapult's \
     Go provider.",
)
.from(&["virtual_machine_disk", "virtual_machine", "id"]);
pub const VIRTUAL_MACHINE_FQDN: Attribute = Attribute::computed(
    "virtual_machine_fqdn",
    Kind::String,
    "The FQDN of the virtual machine the disk is attached to \
     (`virtual_machine_disk.virtual_machine.fqdn`); null when it is not attached. As in \
     Katapult's Go provider.",
)
.from(&["virtual_machine_disk", "virtual_machine", "fqdn"]);

const INSTALLATION_ATTRIBUTE: &[Attribute] = &[
    Attribute::computed("key", Kind::String, "The attribute's key."),
    Attribute::computed("label", Kind::String, "The attribute's label, for people."),
    Attribute::computed(
        "value",
        Kind::String,
        "The attribute's value; may be null. Null for a protected attribute (one Katapult does \
         not mark `protect: false`, so one whose flag is missing counts as protected): its value, \
         which can be a secret such as a password, is in the sensitive `protected_attributes`.",
    ),
    Attribute::computed(
        "description",
        Kind::String,
        "What the attribute is for; may be null.",
    ),
    Attribute::computed(
        "protect",
        Kind::Bool,
        "Whether Katapult treats the value as a secret; null when the API did not say (the \
         value is then treated as protected).",
    ),
];

/// What was installed on a disk from a disk template.
pub const INSTALLATION: &[Attribute] = &[
    Attribute::computed("id", Kind::String, "The installation's ID."),
    Attribute::computed(
        "disk_template_version",
        Kind::Object(VERSION),
        "The disk template version that was installed.",
    ),
    Attribute::computed(
        "attributes",
        Kind::ObjectList(INSTALLATION_ATTRIBUTE),
        "The values the template was installed with.",
    ),
];

/// A disk as the organization's list gives it: a subset of `katapult_disk`,
/// with the Go provider's flat names.
pub const LISTED: &[Attribute] = &[
    ID,
    NAME,
    SIZE_IN_GB,
    WWN,
    STATE,
    VIRTUAL_MACHINE_ID,
    VIRTUAL_MACHINE_FQDN,
    ATTACHMENT,
];

/// The organization's disks, ordered by id. Its list sits under the
/// singular `disk`.
pub const LIST: ListEndpoint = ListEndpoint {
    path: "organizations/organization/disks",
    items: "disk",
    per_page: Some("200"),
    noun: "Disk",
    plural: "disks",
    by_id: true,
    paged: true,
};
