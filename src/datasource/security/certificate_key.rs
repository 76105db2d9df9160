//! `ephemeral "katapult_certificate"` (Terraform 1.10 and later): one
//! certificate, by `id`, opened with the same attributes as the data
//! source `katapult_certificate`, for its private key and the certificate
//! API's URL to be handed on without reaching a state or plan file. The
//! same read, which logs no answer body.

use crate::datasource::core::shapes::custom::Custom;
use crate::datasource::core::source::Answers;
use crate::datasource::objects::certificate::{
    CERTIFICATE_OBJECT, FIELDS, ID_ARGUMENT, read, validate,
};

pub static CERTIFICATE_KEY: Custom = Custom {
    type_name: "katapult_certificate",
    of: &CERTIFICATE_OBJECT,
    arguments: &[ID_ARGUMENT],
    fields: FIELDS,
    summary: "Opens one Katapult certificate by its ID, for its private key and the URL of its \
              material (both sensitive) without writing them to state: hand them to what \
              serves the certificate (a provider configuration, a write-only argument, an \
              ephemeral output). Its attributes are the data source `katapult_certificate`'s.",
    validate,
    read,
    ephemeral: true,
    answers: Some(Answers {
        path: "certificates/certificate",
        argument: Some("id"),
    }),
    ..Custom::PLAIN
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasource::core::source::DataSource;

    /// Offered as an ephemeral resource, with the data source's schema.
    #[test]
    fn it_is_the_data_sources_twin() {
        let data = crate::datasource::find("katapult_certificate").unwrap();
        let ephemeral = crate::datasource::ephemeral()
            .iter()
            .find(|ds| ds.type_name() == "katapult_certificate")
            .unwrap();
        let names = |ds: &dyn DataSource| -> Vec<(&str, bool)> {
            ds.schema()
                .attributes
                .iter()
                .map(|a| (a.name, a.sensitive))
                .collect()
        };
        assert_eq!(names(data), names(*ephemeral));
        assert!(
            CERTIFICATE_KEY
                .schema()
                .description
                .contains("never written to state")
        );
    }
}
