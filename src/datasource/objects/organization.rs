//! An organization, as the objects it owns name it in full (a virtual
//! machine's `organization`) and as `GET /organizations/organization`
//! answers; its own endpoints: the organization, the organizations the API
//! token sees.

use crate::schema::{Attribute, Kind};

use super::super::core::lookup::Key;
use super::super::core::object::Object;
use super::super::core::pager::ListEndpoint;
use super::country;

/// An organization, read by its ID or its sub-domain:
/// `GET /organizations/organization`.
pub static ORGANIZATION_OBJECT: Object = Object {
    noun: "organization",
    plural: "organizations",
    path: "organizations/organization",
    key: "organization",
    scopes: &["organizations:read"],
    not_found: "organization_not_found",
    keys: &[
        Key::new("id", "organization[id]", "ID", "org_eodfyqFF3YWb2OFC"),
        Key::new(
            "sub_domain",
            "organization[sub_domain]",
            "sub-domain",
            "acme",
        ),
    ],
};

/// The organizations the API token sees: `GET /organizations`, one answer
/// (the API reference gives it no pages).
pub const LIST: ListEndpoint = ListEndpoint {
    path: "organizations",
    items: "organizations",
    per_page: None,
    noun: "Organization",
    plural: "organizations",
    by_id: false,
    paged: false,
};

const CURRENCY_FIELDS: &[Attribute] = &[
    Attribute::computed(
        "id",
        Kind::String,
        "The currency's ID, e.g. `cur_zShCGgjgBz4EbnX1`.",
    ),
    Attribute::computed(
        "name",
        Kind::String,
        "The currency's name, e.g. `British Pound`.",
    ),
    Attribute::computed(
        "iso_code",
        Kind::String,
        "The currency's ISO 4217 code, e.g. `GBP`.",
    ),
    Attribute::computed("symbol", Kind::String, "The currency's symbol, e.g. `£`."),
];

const COUNTRY_STATE_FIELDS: &[Attribute] = &[
    Attribute::computed("id", Kind::String, "The state's ID."),
    Attribute::computed("name", Kind::String, "The state's name."),
    Attribute::computed("code", Kind::String, "The state's code."),
];

pub const ID: Attribute = Attribute::computed(
    "id",
    Kind::String,
    "The organization's ID, e.g. `org_eodfyqFF3YWb2OFC`.",
);

pub const NAME: Attribute = Attribute::computed("name", Kind::String, "The organization's name.");

pub const UUID: Attribute = Attribute::computed(
    "uuid",
    Kind::String,
    "The organization's UUID (the live API sends it; its reference does not list it).",
);

pub const SUB_DOMAIN: Attribute = Attribute::computed(
    "sub_domain",
    Kind::String,
    "The organization's sub-domain, as the provider's `organization` names it.",
);

pub const INFRASTRUCTURE_DOMAIN: Attribute = Attribute::computed(
    "infrastructure_domain",
    Kind::String,
    "The domain the organization's machines are named under, e.g. \
         `acme.katapult.cloud`.",
);

pub const CREATED_AT: Attribute = Attribute::computed(
    "created_at",
    Kind::Number,
    "When the organization was created, as a Unix timestamp in seconds.",
);

pub const ACTIVATED_AT: Attribute = Attribute::computed(
    "activated_at",
    Kind::Number,
    "When the organization was activated, as a Unix timestamp in seconds; null when it is \
         not.",
);

pub const SUSPENDED: Attribute = Attribute::computed(
    "suspended",
    Kind::Bool,
    "Whether the organization is suspended.",
);

pub const MANAGED: Attribute = Attribute::computed(
    "managed",
    Kind::Bool,
    "Whether the organization is managed by another.",
);

pub const BILLING_NAME: Attribute = Attribute::computed(
    "billing_name",
    Kind::String,
    "The name bills are made out to; may be null.",
);

pub const ADDRESS1: Attribute = Attribute::computed(
    "address1",
    Kind::String,
    "The first line of the billing address; may be null.",
);

pub const ADDRESS2: Attribute = Attribute::computed(
    "address2",
    Kind::String,
    "The second line of the billing address; may be null.",
);

pub const ADDRESS3: Attribute = Attribute::computed(
    "address3",
    Kind::String,
    "The third line of the billing address; may be null.",
);

pub const ADDRESS4: Attribute = Attribute::computed(
    "address4",
    Kind::String,
    "The fourth line of the billing address; may be null.",
);

pub const POSTCODE: Attribute = Attribute::computed(
    "postcode",
    Kind::String,
    "The billing address's postcode; may be null.",
);

pub const VAT_NUMBER: Attribute = Attribute::computed(
    "vat_number",
    Kind::String,
    "The organization's VAT number; may be null.",
);

pub const PHONE_NUMBER: Attribute = Attribute::computed(
    "phone_number",
    Kind::String,
    "The organization's phone number; may be null.",
);

pub const CURRENCY: Attribute = Attribute::computed(
    "currency",
    Kind::Object(CURRENCY_FIELDS),
    "The currency the organization is billed in.",
);

pub const COUNTRY: Attribute = Attribute::computed(
    "country",
    Kind::Object(country::FIELDS),
    "The country of the billing address; may be null.",
);

pub const COUNTRY_STATE: Attribute = Attribute::computed(
    "country_state",
    Kind::Object(COUNTRY_STATE_FIELDS),
    "The state of the billing address, where the country has states; may be null.",
);

/// Every field, as `GET /organizations/organization` answers and the
/// objects it owns nest it.
pub const ORGANIZATION: &[Attribute] = &[
    ID,
    NAME,
    UUID,
    SUB_DOMAIN,
    INFRASTRUCTURE_DOMAIN,
    CREATED_AT,
    ACTIVATED_AT,
    SUSPENDED,
    MANAGED,
    BILLING_NAME,
    ADDRESS1,
    ADDRESS2,
    ADDRESS3,
    ADDRESS4,
    POSTCODE,
    VAT_NUMBER,
    PHONE_NUMBER,
    CURRENCY,
    COUNTRY,
    COUNTRY_STATE,
];

/// An organization as `GET /organizations` lists it.
pub const LISTED: &[Attribute] = &[
    ID,
    NAME,
    SUB_DOMAIN,
    INFRASTRUCTURE_DOMAIN,
    CREATED_AT,
    ACTIVATED_AT,
    SUSPENDED,
    MANAGED,
];
