//! `katapult_certificates`: the certificates of the provider's
//! organization, every page, summary fields only, in the API's order; the
//! times as RFC 3339 strings as in Katapult's Go provider. A `Custom`: a
//! `Listed` maps the API's Unix seconds as numbers.

use serde_json::Value as Json;

use crate::schema::{Attribute, Kind};
use crate::tftypes::{AttributePath, Value};

use crate::datasource::core::mapping::map_list;
use crate::datasource::core::organization;
use crate::datasource::core::reads::OrganizationUse;
use crate::datasource::core::shapes::custom::Custom;
use crate::datasource::core::source::{Answers, Computed, ReadContext, ReadFuture};
use crate::datasource::objects::certificate::{
    CERTIFICATE_OBJECT, LIST, LISTED, with_rfc3339_times,
};

const CERTIFICATES: &str = "certificates";

pub static CERTIFICATES_LIST: Custom = Custom {
    type_name: "katapult_certificates",
    of: &CERTIFICATE_OBJECT,
    paths: &[LIST.path],
    fields: &[Attribute::computed(
        CERTIFICATES,
        Kind::ObjectList(LISTED),
        "The organization's certificates, in the API's order (as in Katapult's Go provider), \
         each with its summary fields; `katapult_certificate` reads one whole.",
    )],
    summary: "Lists every certificate of the organization (every page), with the summary fields \
              the list gives; use `katapult_certificate` for one certificate's material. The \
              organization is the one the provider's `organization` (or \
              `KATAPULT_ORGANIZATION`) names.",
    organization: OrganizationUse::Needed,
    read,
    answers: Some(Answers {
        path: LIST.path,
        argument: None,
    }),
    ..Custom::PLAIN
};

fn read<'a>(ctx: &'a ReadContext<'a>, _config: &'a Value) -> ReadFuture<'a> {
    Box::pin(async move {
        let items = organization::list_all(ctx, &LIST, &[]).await?;
        state(items)
    })
}

/// The state for the listed items.
fn state(
    mut items: Vec<serde_json::Map<String, Json>>,
) -> Result<Computed, crate::datasource::core::error::ReadError> {
    for (i, item) in items.iter_mut().enumerate() {
        with_rfc3339_times(item, &AttributePath::root(CERTIFICATES).index(i))?;
    }
    Ok(Computed::from([(
        CERTIFICATES.to_owned(),
        map_list(&items, LISTED, CERTIFICATES)?,
    )]))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// DataSourceCertificates_minimal, as recorded: two certificates.
    #[test]
    fn the_recorded_list_maps_whole() {
        let items = katapult_testkit::fake_api::recorded_items(LIST.path, "acme", CERTIFICATES);
        let state = state(items).unwrap();
        let Value::List(listed) = &state[CERTIFICATES] else {
            panic!("{state:?}")
        };
        assert_eq!(listed.len(), 2);
        assert_eq!(
            listed[0].attribute("id"),
            &Value::from("cert_vaTgpn50agZcUE9t")
        );
        assert_eq!(listed[0].attribute("name"), &Value::from("test2.k.bah.io"));
        assert_eq!(listed[0].attribute("issuer"), &Value::from("self_signed"));
        assert_eq!(listed[0].attribute("state"), &Value::from("issued"));
        assert_eq!(
            listed[0].attribute("expires_at"),
            &Value::from("2027-04-18T15:28:20Z")
        );
        assert_eq!(
            listed[1].attribute("last_issued_at"),
            &Value::from("2026-09-04T14:51:19Z")
        );
        let err = state_of(serde_json::json!([{"id": "a"}, {"expires_at": "soon"}]));
        assert_eq!(
            err,
            "certificates[1].expires_at should be a time in whole Unix seconds but the API sent \
             a string"
        );
    }

    fn state_of(items: Json) -> String {
        let items = items
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i.as_object().unwrap().clone())
            .collect();
        state(items).unwrap_err().to_string()
    }
}
