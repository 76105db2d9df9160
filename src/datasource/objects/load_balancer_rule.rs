//! A load balancer rule, as `GET /load_balancers/rules/load_balancer_rule`
//! answers it: a port it listens on, where it sends that traffic, and how
//! it checks the backends; with Katapult's Go provider's flat copies.

use crate::schema::{Attribute, Kind};

use super::super::core::lookup::Key;
use super::super::core::object::Object;

/// A load balancer rule, read by its ID:
/// `GET /load_balancers/rules/load_balancer_rule`. Reading one needs a
/// load balancer scope.
pub static LOAD_BALANCER_RULE_OBJECT: Object = Object {
    noun: "load balancer rule",
    plural: "load balancer rules",
    path: "load_balancers/rules/load_balancer_rule",
    key: "load_balancer_rule",
    scopes: &["load_balancers", "load_balancers:read"],
    not_found: "load_balancer_rule_not_found",
    keys: &[Key::new(
        "id",
        "load_balancer_rule[id]",
        "ID",
        "lbrule_djPnJhm5OSbg3z4h",
    )],
};

pub const ID: Attribute = Attribute::computed(
    "id",
    Kind::String,
    "The rule's ID, e.g. `lbrule_djPnJhm5OSbg3z4h`.",
);

/// A certificate the rule presents, as the rule nests it.
const CERTIFICATE: &[Attribute] = &[
    Attribute::computed("id", Kind::String, "The certificate's ID."),
    Attribute::computed(
        "name",
        Kind::String,
        "The certificate's name: the domain it is for.",
    ),
    Attribute::computed(
        "additional_names",
        Kind::StringList,
        "The other domains the certificate covers.",
    ),
    Attribute::computed(
        "state",
        Kind::String,
        "The certificate's state, e.g. `issued` (Katapult's values, passed through).",
    ),
];

/// The load balancer a rule belongs to, as the rule names it.
const LOAD_BALANCER: &[Attribute] = &[
    Attribute::computed("id", Kind::String, "The load balancer's ID."),
    Attribute::computed("name", Kind::String, "The load balancer's name."),
];

pub const LOAD_BALANCER_ID: Attribute = Attribute::computed(
    "load_balancer_id",
    Kind::String,
    "The ID of the load balancer the rule belongs to (`load_balancer.id`).",
)
.from(&["load_balancer", "id"]);

pub const ALGORITHM: Attribute = Attribute::computed(
    "algorithm",
    Kind::String,
    "How connections are shared among the backends: `round_robin`, `least_connections` or \
     `sticky` (values Katapult adds later are passed through).",
);

pub const DESTINATION_PORT: Attribute = Attribute::computed(
    "destination_port",
    Kind::Number,
    "The port traffic is sent to on the backends.",
);

pub const LISTEN_PORT: Attribute = Attribute::computed(
    "listen_port",
    Kind::Number,
    "The port the load balancer listens on.",
);

pub const PROTOCOL: Attribute = Attribute::computed(
    "protocol",
    Kind::String,
    "The protocol it listens for: `HTTP`, `HTTPS` or `TCP`.",
);

pub const PROXY_PROTOCOL: Attribute = Attribute::computed(
    "proxy_protocol",
    Kind::Bool,
    "Whether connections to the backends start with the PROXY protocol header.",
);

pub const CERTIFICATE_IDS: Attribute = Attribute::computed(
    "certificate_ids",
    Kind::StringSet,
    "The IDs of the certificates the rule presents (`certificates[*].id`), as Katapult's Go \
     provider gives them.",
)
.from(&["certificates", "*", "id"]);

pub const CERTIFICATES: Attribute = Attribute::computed(
    "certificates",
    Kind::ObjectList(CERTIFICATE),
    "The certificates the rule presents, as the API nests them.",
);

pub const BACKEND_SSL: Attribute = Attribute::computed(
    "backend_ssl",
    Kind::Bool,
    "Whether traffic to the backends is encrypted.",
);

pub const PASSTHROUGH_SSL: Attribute = Attribute::computed(
    "passthrough_ssl",
    Kind::Bool,
    "Whether encrypted traffic is passed to the backends as it came, undecrypted.",
);

pub const CHECK_ENABLED: Attribute = Attribute::computed(
    "check_enabled",
    Kind::Bool,
    "Whether the backends' health is checked.",
);

pub const CHECK_FALL: Attribute = Attribute::computed(
    "check_fall",
    Kind::Number,
    "How many failed checks in a row take a backend out.",
);

pub const CHECK_INTERVAL: Attribute = Attribute::computed(
    "check_interval",
    Kind::Number,
    "The seconds between two checks of a backend.",
);

pub const CHECK_PATH: Attribute = Attribute::computed(
    "check_path",
    Kind::String,
    "The path an HTTP check requests, e.g. `/healthz`.",
);

pub const CHECK_PROTOCOL: Attribute = Attribute::computed(
    "check_protocol",
    Kind::String,
    "The protocol of the check: `HTTP` or `TCP`; null when the API sends none.",
);

pub const CHECK_RISE: Attribute = Attribute::computed(
    "check_rise",
    Kind::Number,
    "How many passed checks in a row bring a backend back.",
);

pub const CHECK_TIMEOUT: Attribute = Attribute::computed(
    "check_timeout",
    Kind::Number,
    "The seconds a check may take.",
);

pub const CHECK_HTTP_STATUSES: Attribute = Attribute::computed(
    "check_http_statuses",
    Kind::String,
    "The HTTP status classes a check accepts, as digits: `2` for 2xx, `23` for 2xx and 3xx; \
     null when the API sends none.",
);

pub const IN_LOAD_BALANCER: Attribute = Attribute::computed(
    "load_balancer",
    Kind::Object(LOAD_BALANCER),
    "The load balancer the rule belongs to, as the API nests it.",
);

/// A rule whole, as a list holds it.
pub const RULE: &[Attribute] = &[
    ID,
    LOAD_BALANCER_ID,
    ALGORITHM,
    DESTINATION_PORT,
    LISTEN_PORT,
    PROTOCOL,
    PROXY_PROTOCOL,
    CERTIFICATE_IDS,
    CERTIFICATES,
    BACKEND_SSL,
    PASSTHROUGH_SSL,
    CHECK_ENABLED,
    CHECK_FALL,
    CHECK_INTERVAL,
    CHECK_PATH,
    CHECK_PROTOCOL,
    CHECK_RISE,
    CHECK_TIMEOUT,
    CHECK_HTTP_STATUSES,
    IN_LOAD_BALANCER,
];

/// A rule's fields beside its ID, for the data source that looks one up by
/// it.
pub const FIELDS: &[Attribute] = RULE.split_at(1).1;
