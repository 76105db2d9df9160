//! An organization, as the objects it owns name it in full (a virtual
//! machine's `organization`).

use crate::schema::{Attribute, Kind};

use super::country;

const CURRENCY: &[Attribute] = &[
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

const COUNTRY_STATE: &[Attribute] = &[
    Attribute::computed("id", Kind::String, "The state's ID."),
    Attribute::computed("name", Kind::String, "The state's name."),
    Attribute::computed("code", Kind::String, "The state's code."),
];

pub const ORGANIZATION: &[Attribute] = &[
    Attribute::computed(
        "id",
        Kind::String,
        "The organization's ID, e.g. `org_eodfyqFF3YWb2OFC`.",
    ),
    Attribute::computed("name", Kind::String, "The organization's name."),
    Attribute::computed(
        "uuid",
        Kind::String,
        "The organization's UUID (the live API sends it; its reference does not list it).",
    ),
    Attribute::computed(
        "sub_domain",
        Kind::String,
        "The organization's sub-domain, as the provider's `organization` names it.",
    ),
    Attribute::computed(
        "infrastructure_domain",
        Kind::String,
        "The domain the organization's machines are named under, e.g. \
         `acme.katapult.cloud`.",
    ),
    Attribute::computed(
        "created_at",
        Kind::Number,
        "When the organization was created, as a Unix timestamp in seconds.",
    ),
    Attribute::computed(
        "activated_at",
        Kind::Number,
        "When the organization was activated, as a Unix timestamp in seconds; null when it is \
         not.",
    ),
    Attribute::computed(
        "suspended",
        Kind::Bool,
        "Whether the organization is suspended.",
    ),
    Attribute::computed(
        "managed",
        Kind::Bool,
        "Whether the organization is managed by another.",
    ),
    Attribute::computed(
        "billing_name",
        Kind::String,
        "The name bills are made out to; may be null.",
    ),
    Attribute::computed(
        "address1",
        Kind::String,
        "The first line of the billing address; may be null.",
    ),
    Attribute::computed(
        "address2",
        Kind::String,
        "The second line of the billing address; may be null.",
    ),
    Attribute::computed(
        "address3",
        Kind::String,
        "The third line of the billing address; may be null.",
    ),
    Attribute::computed(
        "address4",
        Kind::String,
        "The fourth line of the billing address; may be null.",
    ),
    Attribute::computed(
        "postcode",
        Kind::String,
        "The billing address's postcode; may be null.",
    ),
    Attribute::computed(
        "vat_number",
        Kind::String,
        "The organization's VAT number; may be null.",
    ),
    Attribute::computed(
        "phone_number",
        Kind::String,
        "The organization's phone number; may be null.",
    ),
    Attribute::computed(
        "currency",
        Kind::Object(CURRENCY),
        "The currency the organization is billed in.",
    ),
    Attribute::computed(
        "country",
        Kind::Object(country::FIELDS),
        "The country of the billing address; may be null.",
    ),
    Attribute::computed(
        "country_state",
        Kind::Object(COUNTRY_STATE),
        "The state of the billing address, where the country has states; may be null.",
    ),
];
