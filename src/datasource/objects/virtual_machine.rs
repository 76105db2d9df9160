//! A virtual machine as other objects name it, and a disk's attachment to
//! one.

use crate::schema::{Attribute, Kind};

/// A virtual machine, as a disk's attachment names it.
pub const VIRTUAL_MACHINE: &[Attribute] = &[
    Attribute::computed("id", Kind::String, "The virtual machine's ID."),
    Attribute::computed(
        "fqdn",
        Kind::String,
        "The virtual machine's fully qualified domain name.",
    ),
];

/// A disk's attachment to a virtual machine (`virtual_machine_disk`).
pub const VIRTUAL_MACHINE_DISK: &[Attribute] = &[
    Attribute::computed(
        "virtual_machine",
        Kind::Object(VIRTUAL_MACHINE),
        "The virtual machine the disk is attached to.",
    ),
    Attribute::computed(
        "attach_on_boot",
        Kind::Bool,
        "Whether the disk is attached when the virtual machine boots.",
    ),
    Attribute::computed(
        "boot",
        Kind::Bool,
        "Whether the virtual machine boots from this disk.",
    ),
    Attribute::computed(
        "state",
        Kind::String,
        "The attachment's state: `detached`, `failed`, `attached`, `attaching` or `detaching` \
         (values Katapult adds later are passed through).",
    ),
];
