//! A disk: the fields every disk data source shows (each written once
//! here), the installation a disk holds, the organization's disk list, and
//! a virtual machine's.

use crate::schema::{Attribute, Kind};

use super::super::core::lookup::Key;
use super::super::core::object::Object;
use super::super::core::pager::ListEndpoint;
use super::annotation::ANNOTATION;
use super::data_center::DATA_CENTER;
use super::disk_template::VERSION;
use super::io_profile::PROFILE;
use super::virtual_machine::VIRTUAL_MACHINE_DISK;

/// A disk, read by its ID: `GET /disks/disk`.
pub static DISK_OBJECT: Object = Object {
    noun: "disk",
    plural: "disks",
    path: "disks/disk",
    key: "disk",
    scopes: &["disks", "disks:read"],
    not_found: "disk_not_found",
    keys: &[Key::new("id", "disk[id]", "ID", "disk_I4Bu3elhTjuAg16W")],
};

/// A virtual machine's disks, each an attachment (`virtual_machine_disk`)
/// naming its disk: `GET /virtual_machines/virtual_machine/disks`, by the
/// machine's ID or FQDN. The API reference documents it with the disk
/// scopes; its "not found" is the machine's. Its plural is what a missing
/// scope says cannot be read.
pub static VIRTUAL_MACHINE_DISKS_OBJECT: Object = Object {
    noun: "virtual machine disk",
    plural: "a virtual machine's disks",
    path: "virtual_machines/virtual_machine/disks",
    key: "disks",
    scopes: &["disks", "disks:read"],
    not_found: "virtual_machine_not_found",
    keys: &[
        Key::new(
            "virtual_machine_id",
            "virtual_machine[id]",
            "ID",
            "vm_YlqLMYdXFTnpXhVC",
        ),
        Key::new(
            "virtual_machine_fqdn",
            "virtual_machine[fqdn]",
            "FQDN",
            "web-1.acme.katapult.cloud",
        ),
    ],
};

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

/// What was installed on the disk, as `GET /disks/disk` answers.
pub const INSTALLED: Attribute = Attribute::computed(
    "installation",
    Kind::Object(INSTALLATION),
    "What was installed on the disk from a disk template; null for a disk that was not \
     installed from one.",
);
/// The disk's annotations (beside the disk in its answer).
pub const ANNOTATIONS: Attribute = Attribute::computed(
    "annotations",
    Kind::ObjectList(ANNOTATION),
    "Key/value annotations on the disk.",
);
/// The installation's protected values, taken out of `installation`.
pub const PROTECTED_ATTRIBUTES: Attribute = Attribute::computed(
    "protected_attributes",
    Kind::StringMap,
    "The values of the installation's protected attributes (such as an initial root \
     password), keyed by attribute `key`. Sensitive: use it in an output with \
     `sensitive = true`, or reveal one with `nonsensitive()`. Empty when there are none; \
     null when the disk has no installation. The data source `katapult_disk` writes \
     them to the state; the ephemeral resource `katapult_disk` never does.",
)
.sensitive();

// Katapult's Go provider names these flat; configurations written for it
// keep working. Each is a copy of a nested value of the disk.

pub const IO_PROFILE_ID: Attribute = Attribute::computed(
    "io_profile_id",
    Kind::String,
    "The IO profile's ID (`io_profile.id`); null when the disk has none. As in Katapult's Go \
     provider.",
)
.from(&["io_profile", "id"]);
pub const DATA_CENTER_ID: Attribute = Attribute::computed(
    "data_center_id",
    Kind::String,
    "The data center's ID (`data_center.id`). As in Katapult's Go provider.",
)
.from(&["data_center", "id"]);
pub const DATA_CENTER_NAME: Attribute = Attribute::computed(
    "data_center_name",
    Kind::String,
    "The data center's name (`data_center.name`). As in Katapult's Go provider.",
)
.from(&["data_center", "name"]);
pub const DATA_CENTER_PERMALINK: Attribute = Attribute::computed(
    "data_center_permalink",
    Kind::String,
    "The data center's permalink (`data_center.permalink`). As in Katapult's Go provider.",
)
.from(&["data_center", "permalink"]);
pub const BOOT: Attribute = Attribute::computed(
    "boot",
    Kind::Bool,
    "Whether the virtual machine boots from this disk (`virtual_machine_disk.boot`); null \
     when it is not attached. As in Katapult's Go provider.",
)
.from(&["virtual_machine_disk", "boot"]);
pub const ATTACH_ON_BOOT: Attribute = Attribute::computed(
    "attach_on_boot",
    Kind::Bool,
    "Whether the disk is attached when the virtual machine boots \
     (`virtual_machine_disk.attach_on_boot`); null when it is not attached. As in Katapult's \
     Go provider.",
)
.from(&["virtual_machine_disk", "attach_on_boot"]);
pub const ATTACHMENT_STATE: Attribute = Attribute::computed(
    "attachment_state",
    Kind::String,
    "The attachment's state (`virtual_machine_disk.state`); null when it is not attached. As \
     in Katapult's Go provider.",
)
.from(&["virtual_machine_disk", "state"]);

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
