//! `katapult_dns_zone`: one DNS zone, by its ID or its name.

use crate::datasource::core::shapes::one::One;
use crate::datasource::objects::dns_zone::{DEFAULT_TTL, DNS_ZONE_OBJECT, VERIFIED};

pub static DNS_ZONE: One = One {
    type_name: "katapult_dns_zone",
    of: &DNS_ZONE_OBJECT,
    // `id` and `name` are its keys; the rest as the API sends it.
    fields: &[DEFAULT_TTL, VERIFIED],
    summary: "Looks up one Katapult DNS zone by its `id` or its `name` (exactly one): its \
              default TTL and whether it is verified.",
    hint: "`katapult_dns_zones` lists the organization's DNS zones.",
    ..One::PLAIN
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasource::core::source::DataSource;
    use crate::tftypes::Value;

    #[test]
    fn the_zone_is_read_by_either_key() {
        let names: Vec<&str> = DNS_ZONE
            .schema()
            .attributes
            .iter()
            .map(|a| a.name)
            .collect();
        assert_eq!(names, ["id", "name", "default_ttl", "verified"]);
        let state = DNS_ZONE
            .state(serde_json::json!({"dns_zone": {
                "id": "dnszone_k75eFc4UBOgeE5Zy", "name": "test1.example.com",
                "default_ttl": 3600, "verified": true,
            }}))
            .unwrap();
        assert_eq!(state["name"], Value::from("test1.example.com"));
        assert_eq!(state["verified"], Value::Bool(true));
        assert!(
            DNS_ZONE
                .schema()
                .description
                .contains("`GET /core/v1/dns_zones/dns_zone`. Needs an API token with the `dns` or `dns:read` scope."),
            "{}",
            DNS_ZONE.schema().description
        );
    }
}
