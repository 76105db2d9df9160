//! A virtual machine: as other objects name it, a disk's attachment to
//! one, its fields as its own answer and the organization's list give them,
//! the keys it is looked up by, and the organization's list.

use crate::schema::{Attribute, Kind};

use super::super::core::lookup::{Key, Lookup, Rule};
use super::super::core::object::Object;
use super::super::core::pager::ListEndpoint;
use super::{
    gpu_type, ip_address, organization, tag, virtual_machine_group, virtual_machine_package, zone,
};

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

/// A virtual machine, read by its ID or its FQDN:
/// `GET /virtual_machines/virtual_machine`.
pub static VIRTUAL_MACHINE_OBJECT: Object = Object {
    noun: "virtual machine",
    plural: "virtual machines",
    path: "virtual_machines/virtual_machine",
    key: "virtual_machine",
    scopes: &["virtual_machines", "virtual_machines:read"],
    not_found: "virtual_machine_not_found",
    keys: &[
        Key::new("id", "virtual_machine[id]", "ID", "vm_YlqLMYdXFTnpXhVC"),
        Key::new(
            "fqdn",
            "virtual_machine[fqdn]",
            "FQDN",
            "web-1.acme.katapult.cloud",
        ),
    ],
};

/// What a "not found" of a machine adds: what to check, where to look.
pub const HINT: &str = "Check it, and that the key belongs to the organization that owns the \
                        machine; `katapult_virtual_machines` lists the organization's machines.";

/// A machine is looked up by its ID or its FQDN, or both (as Katapult's Go
/// provider allows): then by the ID, and it must have that FQDN.
pub static LOOKUP: Lookup = Lookup::of(
    &VIRTUAL_MACHINE_OBJECT,
    VIRTUAL_MACHINE_OBJECT.keys,
    Rule::AtLeastOne,
    HINT,
);

pub const NAME: Attribute = Attribute::computed(
    "name",
    Kind::String,
    "The virtual machine's name, e.g. `web-1`.",
);
pub const HOSTNAME: Attribute = Attribute::computed(
    "hostname",
    Kind::String,
    "The virtual machine's hostname, e.g. `web-1`.",
);
pub const CREATED_AT: Attribute = Attribute::computed(
    "created_at",
    Kind::Number,
    "When the virtual machine was created, as a Unix timestamp in seconds.",
);
pub const DESCRIPTION: Attribute = Attribute::computed(
    "description",
    Kind::String,
    "The virtual machine's description; null when it has none (Katapult's Go provider gives an \
     empty string then).",
);
pub const STATE: Attribute = Attribute::computed(
    "state",
    Kind::String,
    "The virtual machine's state as Katapult reports it, e.g. `started`, `stopped`, \
     `starting` or `allocating`.",
);
pub const ZONE: Attribute = Attribute::computed(
    "zone",
    Kind::Object(zone::ZONE),
    "The zone the virtual machine runs in, and its data center.",
);
pub const IP_ADDRESSES: Attribute = Attribute::computed(
    "ip_addresses",
    Kind::StringSet,
    "The addresses allocated to the virtual machine, as in Katapult's Go provider; each in \
     full in `ip_address_details`.",
)
.from(&["ip_addresses", "*", "address"]);
pub const IP_ADDRESS_IDS: Attribute = Attribute::computed(
    "ip_address_ids",
    Kind::StringSet,
    "The IDs of the addresses allocated to the virtual machine (`ip_address_details[*].id`). \
     As in Katapult's Go provider.",
)
.from(&["ip_addresses", "*", "id"]);
pub const TAGS: Attribute = Attribute::computed(
    "tags",
    Kind::StringSet,
    "The names of the tags on the virtual machine (the API's `tag_names`), as in Katapult's \
     Go provider; each tag in full in `tag_details`.",
)
.from(&["tag_names"]);
pub const GROUP_ID: Attribute = Attribute::computed(
    "group_id",
    Kind::String,
    "The ID of the virtual machine group the machine is in (`group.id`); null when it is in \
     none. As in Katapult's Go provider.",
)
.from(&["group", "id"]);

/// The Go provider's package: its permalink, else its ID; the read fills
/// in the ID where the permalink is missing or empty.
pub const PACKAGE: Attribute = Attribute::computed(
    "package",
    Kind::String,
    "The permalink of the machine's package (`package_details.permalink`), else its ID; null \
     when it has none. As in Katapult's Go provider.",
)
.from(&["package", "permalink"]);
pub const PACKAGE_DETAILS: Attribute = Attribute::computed(
    "package_details",
    Kind::Object(virtual_machine_package::PACKAGE),
    "The machine's package, in full (`package` holds the Go provider's permalink or ID of it); \
     null when it has none.",
)
.from(&["package"]);

/// An IP address as a machine's answer nests it, whole.
const ADDRESS: &[Attribute] = &[
    ip_address::ID,
    ip_address::ADDRESS,
    ip_address::REVERSE_DNS,
    ip_address::VIP,
    ip_address::LABEL,
    ip_address::ADDRESS_WITH_MASK,
    ip_address::NETWORK_DETAILS,
    ip_address::SUBNET,
    ip_address::ALLOCATION_ID,
    ip_address::ALLOCATION_TYPE,
];

const GPU: &[Attribute] = &[
    Attribute::computed(
        "id",
        Kind::String,
        "The GPU's ID; null while it is detached.",
    ),
    Attribute::computed(
        "status",
        Kind::String,
        "The GPU's status, e.g. `attached` or `detached`.",
    ),
    Attribute::computed(
        "pending_action",
        Kind::String,
        "What is to happen to the GPU at the machine's next start, e.g. `attach`; null when \
         nothing.",
    ),
    Attribute::computed(
        "available",
        Kind::Bool,
        "When the pending action is `attach`: whether a GPU of its type is free.",
    ),
    Attribute::computed(
        "type",
        Kind::Object(gpu_type::WITH_DATA_CENTERS),
        "The GPU's type.",
    ),
];

const HYPERVISOR_ID: Attribute = Attribute::computed("id", Kind::String, "The hypervisor's ID.");
const HYPERVISOR_NAME: Attribute =
    Attribute::computed("name", Kind::String, "The hypervisor's name.");
const HYPERVISOR: &[Attribute] = &[
    HYPERVISOR_ID,
    HYPERVISOR_NAME,
    Attribute::computed(
        "ip_address",
        Kind::String,
        "The hypervisor's IP address; null in the organization's machine list, which leaves \
         it out.",
    ),
];

// What `GET /virtual_machines/virtual_machine` says of a machine beyond
// Katapult's Go provider's attributes, nested as the API nests it.

pub const ORGANIZATION: Attribute = Attribute::computed(
    "organization",
    Kind::Object(organization::ORGANIZATION),
    "The organization that owns the virtual machine.",
);
pub const GROUP: Attribute = Attribute::computed(
    "group",
    Kind::Object(virtual_machine_group::GROUP),
    "The virtual machine group the machine is in; null when it is in none.",
);
pub const ATTACHED_ISO: Attribute = Attribute::computed(
    "attached_iso",
    Kind::Object(super::iso::ISO),
    "The ISO image attached to the machine; null when none is.",
);
pub const MEMORY_IN_GB: Attribute = Attribute::computed(
    "memory_in_gb",
    Kind::Number,
    "The machine's memory, in GB; may be null.",
);
pub const CPU_CORES: Attribute = Attribute::computed(
    "cpu_cores",
    Kind::Number,
    "The machine's CPU cores; may be null.",
);
pub const USE_DEDICATED_CPUS: Attribute = Attribute::computed(
    "use_dedicated_cpus",
    Kind::Bool,
    "Whether the machine's CPU cores are dedicated to it; may be null.",
);
pub const GPU_TYPE: Attribute = Attribute::computed(
    "gpu_type",
    Kind::Object(gpu_type::GPU_TYPE),
    "The type of GPU the machine has; null when it has none.",
);
pub const GPUS: Attribute =
    Attribute::computed("gpus", Kind::ObjectList(GPU), "The machine's GPUs.");
pub const TAG_DETAILS: Attribute = Attribute::computed(
    "tag_details",
    Kind::ObjectList(tag::TAG),
    "The tags on the machine, in full, in the API's order (`tags` holds the Go provider's set \
     of their names).",
)
.from(&["tags"]);
pub const IP_ADDRESS_DETAILS: Attribute = Attribute::computed(
    "ip_address_details",
    Kind::ObjectList(ADDRESS),
    "The addresses allocated to the machine, in full, in the API's order (`ip_addresses` and \
     `ip_address_ids` hold the Go provider's sets of them).",
)
.from(&["ip_addresses"]);
pub const HYPERVISOR_DETAILS: Attribute = Attribute::computed(
    "hypervisor",
    Kind::Object(HYPERVISOR),
    "The hypervisor the machine runs on; null when Katapult does not say (as it has not in any \
     recorded answer).",
);
pub const SUSPENDED: Attribute = Attribute::computed(
    "suspended",
    Kind::Bool,
    "Whether the machine is suspended (the live API sends it; its reference does not list it).",
);
pub const SUSPENDED_AT: Attribute = Attribute::computed(
    "suspended_at",
    Kind::Number,
    "When the machine was suspended, as a Unix timestamp in seconds; null when it is not.",
);

const LISTED_PACKAGE: &[Attribute] = &[Attribute::computed(
    "name",
    Kind::String,
    "The package's name, e.g. `ROCK-3`.",
)];
const LISTED_ADDRESS: &[Attribute] = &[ip_address::ADDRESS];
const LISTED_HYPERVISOR: &[Attribute] = &[HYPERVISOR_ID, HYPERVISOR_NAME];

/// A machine as the organization's list gives it: Katapult's Go provider's
/// attributes, then the rest of the list's item, nested.
pub const LISTED: &[Attribute] = &[
    Attribute::computed(
        "id",
        Kind::String,
        "The virtual machine's ID, e.g. `vm_1MoFv1ecLEy8LLMI`.",
    ),
    NAME,
    HOSTNAME,
    Attribute::computed(
        "fqdn",
        Kind::String,
        "The virtual machine's fully qualified domain name.",
    ),
    IP_ADDRESSES,
    Attribute::computed(
        "package_name",
        Kind::String,
        "The name of the machine's package (`package.name`); null when it has none. As in \
         Katapult's Go provider.",
    )
    .from(&["package", "name"]),
    CREATED_AT,
    ZONE,
    Attribute::computed(
        "package",
        Kind::Object(LISTED_PACKAGE),
        "The machine's package, as the list names it; null when it has none.",
    ),
    Attribute::computed(
        "gpu_type",
        Kind::Object(gpu_type::LISTED),
        "The type of GPU the machine has; null when it has none.",
    ),
    Attribute::computed(
        "ip_address_details",
        Kind::ObjectList(LISTED_ADDRESS),
        "The addresses allocated to the machine, in the API's order, as the list gives them \
         (`ip_addresses` holds the Go provider's set of them).",
    )
    .from(&["ip_addresses"]),
    Attribute::computed(
        "hypervisor",
        Kind::Object(LISTED_HYPERVISOR),
        "The hypervisor the machine runs on; null when Katapult does not say.",
    ),
];

/// The organization's machines, ordered by id as Katapult's Go provider
/// orders them: `GET /organizations/organization/virtual_machines`.
pub const LIST: ListEndpoint = ListEndpoint {
    path: "organizations/organization/virtual_machines",
    items: "virtual_machines",
    per_page: Some("200"),
    noun: "Virtual machine",
    plural: "virtual machines",
    by_id: true,
    paged: true,
};
