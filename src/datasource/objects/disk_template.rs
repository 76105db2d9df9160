//! A disk template (an operating system image in versions): as a disk's
//! installation names it, and as the template data sources show it.

use crate::schema::{Attribute, Kind};

use super::super::core::lookup::Key;
use super::super::core::object::Object;
use super::super::core::pager::ListEndpoint;
use super::operating_system::OPERATING_SYSTEM;

/// A disk template, read by its ID or its permalink through
/// `GET /disk_templates/_` (the path form Katapult's live API was recorded
/// answering).
pub static DISK_TEMPLATE_OBJECT: Object = Object {
    noun: "disk template",
    plural: "disk templates",
    path: "disk_templates/_",
    key: "disk_template",
    scopes: &["disk_templates", "disk_templates:read"],
    not_found: "disk_template_not_found",
    keys: &[
        Key::new("id", "disk_template[id]", "ID", "dtpl_GS03NCmS1Z17rXHq"),
        Key::new(
            "permalink",
            "disk_template[permalink]",
            "permalink",
            "templates/ubuntu-20-04",
        ),
    ],
};

/// A template as a disk's installation names it.
const INSTALLED_TEMPLATE: &[Attribute] = &[
    Attribute::computed("id", Kind::String, "The disk template's ID."),
    Attribute::computed("name", Kind::String, "The disk template's name."),
    Attribute::computed(
        "description",
        Kind::String,
        "The disk template's description; may be null.",
    ),
    Attribute::computed("permalink", Kind::String, "The disk template's permalink."),
    UNIVERSAL,
    Attribute::computed(
        "size_in_gb",
        Kind::Number,
        "The smallest disk, in GB, the template installs on; may be null.",
    ),
    Attribute::computed(
        "operating_system",
        Kind::Object(OPERATING_SYSTEM),
        "The operating system the template installs; null when it names none.",
    ),
];

/// A template version, as a disk's installation names the one installed.
pub const VERSION: &[Attribute] = &[
    Attribute::computed("id", Kind::String, "The template version's ID."),
    Attribute::computed("number", Kind::Number, "The template version's number."),
    Attribute::computed(
        "stable",
        Kind::Bool,
        "Whether this version is marked stable.",
    ),
    Attribute::computed(
        "size_in_gb",
        Kind::Number,
        "The disk size, in GB, this version needs.",
    ),
    Attribute::computed(
        "disk_template",
        Kind::Object(INSTALLED_TEMPLATE),
        "The template this is a version of.",
    ),
];

pub const NAME: Attribute = Attribute::computed(
    "name",
    Kind::String,
    "The template's name, e.g. `Ubuntu 20.04`.",
);
pub const DESCRIPTION: Attribute = Attribute::computed(
    "description",
    Kind::String,
    "The template's description; may be null.",
);
pub const UNIVERSAL: Attribute = Attribute::computed(
    "universal",
    Kind::Bool,
    "Whether the template is offered to every organization.",
);
pub const TEMPLATE_VERSION: Attribute = Attribute::computed(
    "template_version",
    Kind::Number,
    "The number of the template's latest version (`latest_version.number`), as in Katapult's \
     Go provider; null when it cannot be read (the single-template answer lacks it, and the \
     organization's list, which has it, needs the provider's `organization`).",
)
.from(&["latest_version", "number"]);
pub const OS_FAMILY: Attribute = Attribute::computed(
    "os_family",
    Kind::String,
    "The name of the operating system the template installs (`operating_system.name`, e.g. \
     `Ubuntu`), as in Katapult's Go provider.",
)
.from(&["operating_system", "name"]);

const LATEST_VERSION: &[Attribute] = &[
    Attribute::computed(
        "id",
        Kind::String,
        "The version's ID, e.g. `dtv_Ha4LXNfpQddNlUcT`.",
    ),
    Attribute::computed(
        "number",
        Kind::Number,
        "The version's number; null when it cannot be read (see `template_version`).",
    ),
];

pub const LATEST: Attribute = Attribute::computed(
    "latest_version",
    Kind::Object(LATEST_VERSION),
    "The template's latest version; null when it has none.",
);
pub const OS: Attribute = Attribute::computed(
    "operating_system",
    Kind::Object(OPERATING_SYSTEM),
    "The operating system the template installs, with its badge (null in the list's answer, \
     which carries none); null when it names none.",
);

/// A template as `katapult_disk_templates` lists one, and as
/// `katapult_disk_template` shows it besides its lookup keys.
pub const TEMPLATE: &[Attribute] = &[
    Attribute::computed(
        "id",
        Kind::String,
        "The template's ID, e.g. `dtpl_GS03NCmS1Z17rXHq`.",
    ),
    Attribute::computed(
        "permalink",
        Kind::String,
        "The template's permalink, e.g. `templates/ubuntu-20-04`.",
    ),
    NAME,
    DESCRIPTION,
    UNIVERSAL,
    TEMPLATE_VERSION,
    OS_FAMILY,
    LATEST,
    OS,
];

/// The templates an organization may use, in the API's order (as
/// Katapult's Go provider keeps them). The API takes `include_universal`
/// by its presence alone, as recorded.
pub const LIST: ListEndpoint = ListEndpoint {
    path: "organizations/_/disk_templates",
    items: "disk_templates",
    per_page: None,
    noun: "Disk template",
    plural: "disk templates",
    by_id: false,
    paged: true,
};

/// A template version with its specification (the fields an installation
/// of it asks for): `GET /disk_template_versions/disk_template_version/spec`,
/// which answers the version as `GET
/// /disk_template_versions/disk_template_version` does, and its `spec`
/// beside it, in one read.
pub static DISK_TEMPLATE_VERSION_OBJECT: Object = Object {
    noun: "disk template version",
    plural: "disk template versions",
    path: "disk_template_versions/disk_template_version/spec",
    key: "disk_template_version",
    scopes: &["disk_templates", "disk_templates:read"],
    not_found: "disk_template_version_not_found",
    keys: &[Key::new(
        "id",
        "disk_template_version[id]",
        "ID",
        "dtv_Ha4LXNfpQddNlUcT",
    )],
};

/// A template's versions: `GET /disk_templates/disk_template/versions`,
/// every page, in the API's order.
pub const VERSIONS: ListEndpoint = ListEndpoint {
    path: "disk_templates/disk_template/versions",
    items: "disk_template_versions",
    per_page: Some("200"),
    noun: "Disk template version",
    plural: "disk template versions",
    by_id: false,
    paged: true,
};

pub const VERSION_NUMBER: Attribute = Attribute::computed(
    "number",
    Kind::Number,
    "The version's number, counting from 1 within its template.",
);
pub const VERSION_STABLE: Attribute = Attribute::computed(
    "stable",
    Kind::Bool,
    "Whether this version is marked stable.",
);
pub const VERSION_SIZE: Attribute = Attribute::computed(
    "size_in_gb",
    Kind::Number,
    "The disk size, in GB, this version needs.",
);

/// A version as its template's list names it.
pub const LISTED_VERSION: &[Attribute] = &[
    Attribute::computed(
        "id",
        Kind::String,
        "The version's ID, e.g. `dtv_Ha4LXNfpQddNlUcT`.",
    ),
    VERSION_NUMBER,
    VERSION_STABLE,
    VERSION_SIZE,
];

/// The template a version belongs to, as the version's answer names it.
const VERSION_TEMPLATE: &[Attribute] = &[
    Attribute::computed(
        "id",
        Kind::String,
        "The template's ID, e.g. `dtpl_GS03NCmS1Z17rXHq`.",
    ),
    Attribute::computed("name", Kind::String, "The template's name."),
    Attribute::computed("permalink", Kind::String, "The template's permalink."),
];

pub const VERSION_OF: Attribute = Attribute::computed(
    "disk_template",
    Kind::Object(VERSION_TEMPLATE),
    "The template this is a version of: its ID, name and permalink.",
);

/// A field of a version's specification: what an installation asks for.
const SPEC_FIELD: &[Attribute] = &[
    Attribute::computed("name", Kind::String, "The field's name."),
    Attribute::computed(
        "type",
        Kind::String,
        "The field's type, as the API names it.",
    ),
    Attribute::computed("label", Kind::String, "The field's label."),
    Attribute::computed(
        "description",
        Kind::String,
        "The field's description; may be null.",
    ),
    Attribute::computed(
        "required",
        Kind::Bool,
        "Whether an installation must give the field.",
    ),
    Attribute::computed(
        "placeholder",
        Kind::String,
        "The field's placeholder; may be null.",
    ),
    Attribute::computed(
        "prefill",
        Kind::String,
        "The field's prefilled value; may be null.",
    ),
];

const SPEC_FIELDS: &[Attribute] = &[Attribute::computed(
    "fields",
    Kind::ObjectList(SPEC_FIELD),
    "The fields an installation of the version asks for, in the API's order.",
)];

pub const SPEC: Attribute = Attribute::computed(
    "spec",
    Kind::Object(SPEC_FIELDS),
    "The version's specification, as the API sends it beside the version.",
);
