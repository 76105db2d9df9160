//! `katapult_dns_record`: one DNS record, by its ID.

use crate::datasource::core::shapes::one::One;
use crate::datasource::objects::dns_record::{
    CONTENT, CONTENT_ATTRIBUTES, DNS_RECORD_OBJECT, FULL_NAME, NAME, PRIORITY, TTL, TYPE,
};

pub static DNS_RECORD: One = One {
    type_name: "katapult_dns_record",
    of: &DNS_RECORD_OBJECT,
    fields: &[
        NAME,
        FULL_NAME,
        TTL,
        TYPE,
        PRIORITY,
        CONTENT,
        CONTENT_ATTRIBUTES,
    ],
    summary: "Looks up one Katapult DNS record by its ID: its name, type, TTL, priority and \
              content, whole and split by type.",
    hint: "`katapult_dns_records` lists a DNS zone's records.",
    ..One::PLAIN
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasource::core::source::DataSource;
    use crate::tftypes::Value;

    /// The API's CamelCase keys land under snake case names; a type's key
    /// left out, or null, is null.
    #[test]
    fn content_attributes_are_read_under_snake_case_names() {
        let names: Vec<&str> = DNS_RECORD
            .schema()
            .attributes
            .iter()
            .map(|a| a.name)
            .collect();
        assert_eq!(
            names,
            [
                "id",
                "name",
                "full_name",
                "ttl",
                "type",
                "priority",
                "content",
                "content_attributes"
            ]
        );
        let state = DNS_RECORD
            .state(serde_json::json!({"dns_record": {
                "id": "dnsrec_1", "name": "go", "full_name": "go.example.com", "ttl": null,
                "type": "HTTPRedirect", "priority": null, "content": "https://example.org",
                "content_attributes": {
                    "A": null,
                    "HTTPRedirect": {"url": "https://example.org", "http_status": "301"},
                },
            }}))
            .unwrap();
        let attributes = &state["content_attributes"];
        assert_eq!(
            attributes.attribute("http_redirect").attribute("url"),
            &Value::from("https://example.org")
        );
        assert_eq!(
            attributes
                .attribute("http_redirect")
                .attribute("http_status"),
            &Value::from("301")
        );
        for name in ["a", "aaaa", "txt", "virtual_machine"] {
            assert_eq!(attributes.attribute(name), &Value::Null, "{name}");
        }
        assert_eq!(state["ttl"], Value::Null);
    }
}
