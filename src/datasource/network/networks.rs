//! `katapult_networks`: the networks the provider's organization can use,
//! through `GET /organizations/organization/available_networks` (one
//! answer, not paged), in the API's order; and the virtual networks that
//! answer lists beside them.

use serde_json::Value as Json;

use crate::schema::{Attribute, Kind};
use crate::tftypes::Value;

use crate::datasource::core::answer;
use crate::datasource::core::error::ReadError;
use crate::datasource::core::mapping::map_list;
use crate::datasource::core::organization;
use crate::datasource::core::reads::OrganizationUse;
use crate::datasource::core::shapes::custom::Custom;
use crate::datasource::core::source::Answers;
use crate::datasource::core::source::{Computed, ReadContext, ReadFuture};
use crate::datasource::objects::network::{LISTED, NETWORK_OBJECT};
use crate::datasource::objects::virtual_network::AVAILABLE;

/// The networks the organization can use, with its virtual networks beside.
const PATH: &str = "organizations/organization/available_networks";

pub static NETWORKS: Custom = Custom {
    type_name: "katapult_networks",
    of: &NETWORK_OBJECT,
    paths: &[PATH],
    arguments: &[],
    fields: &[
        Attribute::computed(
            "networks",
            Kind::ObjectList(LISTED),
            "The networks, in the API's order (as in Katapult's Go provider).",
        ),
        Attribute::computed(
            "virtual_networks",
            Kind::ObjectList(AVAILABLE),
            "The organization's virtual networks, as this answer lists them beside the \
             networks, in the API's order; null should the answer leave them out. \
             `katapult_virtual_networks` lists them with their data centers' countries.",
        ),
    ],
    summary: "Lists the networks the organization named by the provider's `organization` (or \
              `KATAPULT_ORGANIZATION`) can use, and its virtual networks as the same answer \
              lists them (one answer: the endpoint does not page).",
    organization: OrganizationUse::Needed,
    read,
    answers: Some(Answers {
        path: PATH,
        argument: None,
    }),
    ..Custom::PLAIN
};

fn read<'a>(ctx: &'a ReadContext<'a>, _config: &'a Value) -> ReadFuture<'a> {
    Box::pin(async move {
        let organization = organization::name(ctx, NETWORK_OBJECT.plural)?;
        let query = [("organization[sub_domain]", organization)];
        let answer = ctx
            .client
            .get(PATH, &query, &ctx.budget)
            .await
            .map_err(|e| organization::not_found(e, organization))?;
        state(answer)
    })
}

fn state(answer: Json) -> Result<Computed, ReadError> {
    let virtual_networks = match answer.get("virtual_networks") {
        None | Some(Json::Null) => Value::Null,
        Some(_) => map_list(
            &answer::list(answer.clone(), "virtual_networks")?,
            AVAILABLE,
            "virtual_networks",
        )?,
    };
    let networks = map_list(&answer::list(answer, "networks")?, LISTED, "networks")?;
    Ok(Computed::from([
        ("networks".to_owned(), networks),
        ("virtual_networks".to_owned(), virtual_networks),
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use katapult_testkit::fake_api::recorded;

    /// DataSourceNetworks_all: four public networks and one virtual one.
    #[test]
    fn the_recorded_answer_maps_both_lists_in_order() {
        let answer = recorded("organizations/organization/available_networks", "acme");
        let state = state(serde_json::from_str(&answer).unwrap()).unwrap();
        let Value::List(networks) = &state["networks"] else {
            panic!("{state:?}")
        };
        let permalinks: Vec<&Value> = networks.iter().map(|n| n.attribute("permalink")).collect();
        assert_eq!(
            permalinks,
            [
                &Value::from("uk-lon-01-public"),
                &Value::from("us-nyc-01"),
                &Value::from("us-azp-01"),
                &Value::from("eu-ams-01"),
            ]
        );
        assert_eq!(
            networks[2].attribute("data_center_id"),
            &Value::from("dc_U3UVcwL8GKXJdsgw")
        );
        assert_eq!(
            networks[2].attribute("data_center").attribute("name"),
            &Value::from("Phoenix")
        );
        assert_eq!(networks[0].attribute("default"), &Value::Bool(true));
        let Value::List(virtual_networks) = &state["virtual_networks"] else {
            panic!("{state:?}")
        };
        assert_eq!(virtual_networks.len(), 1);
        assert_eq!(
            virtual_networks[0].attribute("name"),
            &Value::from("Backbone")
        );
        assert_eq!(
            virtual_networks[0].attribute("data_center_id"),
            &Value::from("loc_UUhPmoCbpic6UX0Y")
        );
    }

    #[test]
    fn absent_virtual_networks_are_null_and_a_wrong_type_is_named() {
        let state =
            state(serde_json::json!({"networks": [{"id": "netw_1", "permalink": null}]})).unwrap();
        assert_eq!(state["virtual_networks"], Value::Null);
        let Value::List(networks) = &state["networks"] else {
            panic!()
        };
        assert_eq!(networks[0].attribute("permalink"), &Value::Null);
        assert_eq!(networks[0].attribute("data_center_id"), &Value::Null);
        let err = super::state(serde_json::json!({"networks": [{"data_center": {"name": 1}}]}))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("networks[0].data_center.name should be a string"),
            "{err}"
        );
        let err = super::state(serde_json::json!({"virtual_networks": []}))
            .unwrap_err()
            .to_string();
        assert!(err.contains("without a \"networks\" list"), "{err}");
    }
}
