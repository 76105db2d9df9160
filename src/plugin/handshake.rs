//! go-plugin's start-up contract: the magic cookie that says Terraform
//! started us, the protocol version negotiation, and the one handshake line.

/// The environment variable and value Terraform sets for every provider.
pub const MAGIC_COOKIE_KEY: &str = "TF_PLUGIN_MAGIC_COOKIE";
pub const MAGIC_COOKIE_VALUE: &str =
    "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";

/// go-plugin's own protocol version, the first field of the handshake.
const CORE_PROTOCOL_VERSION: u32 = 1;
/// The one Terraform plugin protocol this provider speaks.
pub const APP_PROTOCOL_VERSION: u32 = 6;

/// True when Terraform (or something acting as it) started this process.
pub fn started_by_terraform() -> bool {
    std::env::var(MAGIC_COOKIE_KEY).is_ok_and(|v| v == MAGIC_COOKIE_VALUE)
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum NegotiationError {
    #[error(
        "this provider speaks Terraform plugin protocol 6, but the Terraform running it offers only \
         {offered:?}; use Terraform 1.0 or newer"
    )]
    Unsupported { offered: String },
}

/// Picks protocol 6 from `PLUGIN_PROTOCOL_VERSIONS` ("5,6", "6,5", ...).
/// A client that lists no versions is taken to speak ours, as go-plugin does.
pub fn negotiate(offered: Option<&str>) -> Result<u32, NegotiationError> {
    let Some(offered) = offered.filter(|o| !o.trim().is_empty()) else {
        return Ok(APP_PROTOCOL_VERSION);
    };
    if offered
        .split(',')
        .any(|v| v.trim().parse::<u32>() == Ok(APP_PROTOCOL_VERSION))
    {
        Ok(APP_PROTOCOL_VERSION)
    } else {
        Err(NegotiationError::Unsupported {
            offered: offered.to_owned(),
        })
    }
}

/// `1|6|unix|/tmp/…/plugin.sock|grpc|CERT` and a newline. Exactly six
/// fields: Terraform 1.0.3 splits on the first six `|`.
pub fn line(network: &str, address: &str, server_cert: &str) -> String {
    format!(
        "{CORE_PROTOCOL_VERSION}|{APP_PROTOCOL_VERSION}|{network}|{address}|grpc|{server_cert}\n"
    )
}

/// What debug mode prints: the `TF_REATTACH_PROVIDERS` value that attaches
/// Terraform to this running process. `"Test": true` keeps Terraform 1.0.x
/// from refusing an unmanaged protocol 6 provider.
/// One entry per address, so each CLI that resolves the provider to one of
/// them (Terraform, OpenTofu) attaches; an address a CLI does not use is
/// ignored by it.
pub fn reattach_instructions(provider_addrs: &[&str], network: &str, address: &str) -> String {
    let entry = serde_json::json!({
        "Protocol": "grpc",
        "ProtocolVersion": APP_PROTOCOL_VERSION,
        "Pid": std::process::id(),
        "Test": true,
        "Addr": { "Network": network, "String": address },
    });
    let value: serde_json::Map<String, serde_json::Value> = provider_addrs
        .iter()
        .map(|addr| ((*addr).to_owned(), entry.clone()))
        .collect();
    let value = serde_json::Value::Object(value);
    format!(
        "Provider started in debug mode. To attach Terraform, set this in the shell that runs it:\n\n\
         {}\nCtrl-C stops the provider.\n",
        super::platform::env_assignment("TF_REATTACH_PROVIDERS", &value.to_string())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation() {
        for offered in [
            None,
            Some(""),
            Some("6"),
            Some("5,6"),
            Some("6,5"),
            Some(" 5 , 6 "),
        ] {
            assert_eq!(negotiate(offered), Ok(6), "{offered:?}");
        }
        let err = negotiate(Some("4,5")).unwrap_err().to_string();
        assert!(
            err.contains("\"4,5\"") && err.contains("Terraform 1.0 or newer"),
            "{err}"
        );
    }

    #[test]
    fn reattach_value_is_the_json_terraform_reads() {
        let text = reattach_instructions(
            &[
                "registry.terraform.io/krystal/katapult",
                "registry.opentofu.org/krystal/katapult",
            ],
            "unix",
            "/tmp/x/plugin.sock",
        );
        let value = text
            .lines()
            .find_map(|l| {
                l.trim()
                    .split_once("TF_REATTACH_PROVIDERS='")
                    .map(|(_, v)| v)
            })
            .and_then(|v| v.strip_suffix('\''))
            .expect("the line to paste");
        let json: serde_json::Value = serde_json::from_str(value).unwrap();
        let provider = &json["registry.terraform.io/krystal/katapult"];
        assert_eq!(provider["ProtocolVersion"], 6);
        assert_eq!(provider["Test"], true);
        assert_eq!(provider["Addr"]["String"], "/tmp/x/plugin.sock");
        assert_eq!(provider["Pid"], std::process::id());
        // OpenTofu's key, the same process.
        assert_eq!(json["registry.opentofu.org/krystal/katapult"], *provider);
    }

    #[test]
    fn handshake_line_has_six_fields() {
        let l = line("unix", "/tmp/x/plugin.sock", "");
        assert_eq!(l, "1|6|unix|/tmp/x/plugin.sock|grpc|\n");
        assert_eq!(l.trim_end().split('|').count(), 6);
    }
}
