//! `katapult_dns_nameservers`: the nameservers the provider's
//! organization's DNS zones should be delegated to, through
//! `GET /organizations/organization/dns_zones/nameservers` (one answer,
//! a list of host names, not paged).

use serde_json::Value as Json;

use crate::tftypes::Value;

use crate::datasource::core::error::ReadError;
use crate::datasource::core::mapping::map_object;
use crate::datasource::core::organization;
use crate::datasource::core::reads::OrganizationUse;
use crate::datasource::core::shapes::custom::Custom;
use crate::datasource::core::source::{Answers, Computed, ReadContext, ReadFuture};
use crate::datasource::objects::dns_zone::{NAMESERVERS, NAMESERVERS_OBJECT};
use crate::tftypes::AttributePath;

pub static DNS_NAMESERVERS: Custom = Custom {
    type_name: "katapult_dns_nameservers",
    of: &NAMESERVERS_OBJECT,
    fields: &[NAMESERVERS],
    summary: "Lists the nameservers the DNS zones of the organization named by the provider's \
              `organization` (or `KATAPULT_ORGANIZATION`) should be delegated to: set them at \
              the domain's registrar to have Katapult serve its zone.",
    organization: OrganizationUse::Needed,
    read,
    answers: Some(Answers {
        path: NAMESERVERS_OBJECT.path,
        argument: None,
    }),
    ..Custom::PLAIN
};

fn read<'a>(ctx: &'a ReadContext<'a>, _config: &'a Value) -> ReadFuture<'a> {
    Box::pin(async move {
        let organization = organization::name(ctx, NAMESERVERS_OBJECT.plural)?;
        let query = [("organization[sub_domain]", organization)];
        let answer = ctx
            .client
            .get(NAMESERVERS_OBJECT.path, &query, &ctx.budget)
            .await
            .map_err(|e| organization::not_found(e, organization))?;
        state(answer)
    })
}

fn state(answer: Json) -> Result<Computed, ReadError> {
    let Json::Object(root) = answer else {
        return Err(ReadError::unexpected("JSON that is not an object"));
    };
    if !root.get("nameservers").is_some_and(Json::is_array) {
        return Err(ReadError::unexpected("JSON without a \"nameservers\" list"));
    }
    Ok(map_object(
        &root,
        &[NAMESERVERS],
        &AttributePath::default(),
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nameservers_are_kept_in_order() {
        let got =
            state(serde_json::json!({"nameservers": ["ns1.foo.bar", "ns2.foo.bar"]})).unwrap();
        assert_eq!(
            got["nameservers"],
            Value::List(vec![Value::from("ns1.foo.bar"), Value::from("ns2.foo.bar")])
        );
        for (answer, want) in [
            (serde_json::json!({}), "without a \"nameservers\" list"),
            (
                serde_json::json!({"nameservers": null}),
                "without a \"nameservers\" list",
            ),
            (serde_json::json!({"nameservers": [1]}), "string"),
        ] {
            let err = state(answer).unwrap_err().to_string();
            assert!(err.contains(want), "{err}");
        }
    }
}
