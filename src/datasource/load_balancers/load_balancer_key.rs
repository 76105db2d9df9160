//! `ephemeral "katapult_load_balancer"`: a load balancer's backend
//! certificate and its private key, which `GET /load_balancers/load_balancer`
//! returns and no data source shows, handed on without being written to
//! state or plan files (Terraform 1.10 and later). An ephemeral resource
//! only, never a data source: the data source of the same name is another
//! static, of another schema.

use crate::schema::{Attribute, Kind};

use crate::datasource::core::shapes::one::One;
use crate::datasource::objects::load_balancer::{LOAD_BALANCER_OBJECT, NAME, NOT_FOUND_HINT};

pub static LOAD_BALANCER_KEY: One = One {
    type_name: "katapult_load_balancer",
    of: &LOAD_BALANCER_OBJECT,
    fields: &[
        NAME,
        Attribute::computed(
            "backend_certificate",
            Kind::String,
            "The certificate (PEM) the load balancer presents to its backends, whose private key \
             `backend_certificate_key` is.",
        ),
        Attribute::computed(
            "backend_certificate_key",
            Kind::String,
            "The private key (PEM) of the backend certificate: sensitive, and never written to \
             state.",
        )
        .sensitive(),
    ],
    summary: "Opens one Katapult load balancer, by its ID or its API reference (exactly one), for \
              its backend certificate's private key: a secret no data source shows. Use it to \
              hand the key to whatever serves behind the load balancer.",
    hint: NOT_FOUND_HINT,
    ephemeral: true,
    ..One::PLAIN
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasource::core::source::DataSource;
    use crate::tftypes::Value;
    use serde_json::json;

    #[test]
    fn the_key_is_read_and_marked_sensitive() {
        let answer: serde_json::Value =
            serde_json::from_str(&katapult_testkit::fake_api::recorded(
                LOAD_BALANCER_OBJECT.path,
                katapult_testkit::fake_api::lbs::FULL,
            ))
            .unwrap();
        let key = answer["load_balancer"]["backend_certificate_key"].clone();
        let state = LOAD_BALANCER_KEY.state(answer).unwrap();
        assert_eq!(
            state["backend_certificate_key"],
            Value::from(key.as_str().unwrap())
        );
        assert_eq!(
            state["id"],
            Value::from(katapult_testkit::fake_api::lbs::FULL)
        );
        let key_attribute = LOAD_BALANCER_KEY
            .schema()
            .attributes
            .iter()
            .find(|a| a.name == "backend_certificate_key")
            .unwrap();
        assert!(key_attribute.sensitive);
        // A wrong type names the field, never its neighbour's value.
        let err = LOAD_BALANCER_KEY
            .state(json!({"load_balancer": {"backend_certificate_key": 1}}))
            .unwrap_err()
            .to_string();
        assert!(
            err.ends_with("backend_certificate_key should be a string but the API sent a number"),
            "{err}"
        );
    }

    /// Not a data source: the key must never reach a state.
    #[test]
    fn it_is_an_ephemeral_resource_only() {
        let is = |list: &[&dyn DataSource]| {
            list.iter().any(|ds| {
                ds.schema()
                    .attributes
                    .iter()
                    .any(|a| a.name == "backend_certificate_key")
            })
        };
        assert!(is(crate::datasource::ephemeral()));
        assert!(!is(crate::datasource::all()));
    }
}
