//! What the user is told when a read fails: every error the API can answer
//! with, answers that are not the API's, and settings that cannot work,
//! under every Terraform found.

use katapult_testkit::fake_api::{self, ids};
use katapult_testkit::terraform::{TEST_API_KEY, Workspace, terraforms};

use crate::harness::disk_config;

/// An error case: the disk id (or provider settings) that triggers it, and
/// what the user must be told.
pub(crate) struct Case {
    pub id: &'static str,
    pub provider: &'static str,
    pub env: &'static [(&'static str, Option<&'static str>)],
    pub want: &'static [&'static str],
}

pub(crate) fn assert_plan_fails(case: &Case) {
    for tf in terraforms() {
        let mut ws = Workspace::new(tf, &disk_config(case.id, case.provider));
        for (k, v) in case.env {
            ws = ws.env(k, *v);
        }
        let run = ws.run(&["plan", "-no-color"]);
        let text = run.text();
        assert!(
            !run.success,
            "Terraform {}: plan of {} succeeded:\n{text}",
            tf.version, case.id
        );
        for want in case.want {
            assert!(
                text.contains(want),
                "Terraform {}: no {want:?} in:\n{text}",
                tf.version
            );
        }
        assert!(!text.contains(TEST_API_KEY), "the API key leaked:\n{text}");
        assert!(!text.contains("panic"), "{text}");
    }
}

#[test]
fn error_disk_not_found_points_at_id() {
    for id in [ids::NOT_FOUND, ids::NOT_FOUND_BARE] {
        assert_plan_fails(&Case {
            id,
            provider: "",
            env: &[],
            want: &["Error: Disk not found", "no disk with ID", "id = \"disk_"],
        });
    }
}

#[test]
fn error_disk_in_trash() {
    assert_plan_fails(&Case {
        id: ids::IN_TRASH,
        provider: "",
        env: &[],
        want: &[
            "Error: Disk is in the trash",
            "kept there until 2026-09-21 14:13:20 UTC",
            "Restore it from the trash",
        ],
    });
}

#[test]
fn error_rate_limited() {
    assert_plan_fails(&Case {
        id: ids::RATE_LIMITED,
        provider: "  max_retries = 0",
        env: &[],
        want: &["Error: Katapult rate limit reached", "1000 per minute"],
    });
}

#[test]
fn error_service_unavailable() {
    assert_plan_fails(&Case {
        id: ids::UNAVAILABLE,
        provider: "  max_retries = 0",
        env: &[],
        want: &["Error: Katapult is unavailable", "Try again later"],
    });
}

#[test]
fn error_network_not_allowed_names_the_ip() {
    assert_plan_fails(&Case {
        id: ids::NETWORK_BLOCKED,
        provider: "",
        env: &[],
        want: &["Error: Network not allowed for this API key", "203.0.113.9"],
    });
}

#[test]
fn error_scope_not_granted_names_the_scopes() {
    assert_plan_fails(&Case {
        id: ids::SCOPE_MISSING,
        provider: "",
        env: &[],
        want: &[
            "Error: API key lacks the scope to read disks",
            "\"disks\", \"disks:read\"",
        ],
    });
}

#[test]
fn error_invalid_capabilities_token() {
    assert_plan_fails(&Case {
        id: ids::CAPABILITIES,
        provider: "",
        env: &[],
        want: &["Error: Invalid Katapult capabilities token"],
    });
}

#[test]
fn error_invalid_api_key() {
    assert_plan_fails(&Case {
        id: fake_api::REAL_DISK_ID,
        provider: "",
        env: &[("KATAPULT_API_KEY", Some(fake_api::INVALID_TOKEN))],
        want: &[
            "Error: Invalid Katapult API key",
            "No token with that value exists",
            "KATAPULT_API_KEY",
        ],
    });
}

#[test]
fn error_missing_api_key_names_attribute_and_variable() {
    assert_plan_fails(&Case {
        id: fake_api::REAL_DISK_ID,
        provider: "",
        env: &[("KATAPULT_API_KEY", None)],
        want: &[
            "Error: Missing Katapult API key",
            "api_key",
            "KATAPULT_API_KEY",
        ],
    });
}

#[test]
fn error_proxy_html_page() {
    assert_plan_fails(&Case {
        id: ids::PROXY_HTML,
        provider: "  max_retries = 0",
        env: &[],
        want: &[
            "Error: Unexpected response from Katapult",
            "HTTP 502",
            "HTML page titled \"502 Bad Gateway\"",
        ],
    });
}

#[test]
fn error_body_not_json() {
    assert_plan_fails(&Case {
        id: ids::NOT_JSON,
        provider: "",
        env: &[],
        want: &[
            "Error: Unexpected response from Katapult",
            "2 bytes that are not JSON (text/plain)",
        ],
    });
}

#[test]
fn error_field_of_the_wrong_type() {
    assert_plan_fails(&Case {
        id: ids::WRONG_TYPES,
        provider: "",
        env: &[],
        want: &[
            "Error: Unexpected response from Katapult",
            "size_in_gb should be a number but the API sent a string",
        ],
    });
}

#[test]
fn error_timeout() {
    assert_plan_fails(&Case {
        id: ids::STALLED,
        provider: "  request_timeout = \"1s\"\n  max_retries = 0",
        env: &[],
        want: &[
            "Error: Katapult did not answer in time",
            "within 1s",
            "request_timeout",
        ],
    });
}

#[test]
fn error_connection_refused() {
    assert_plan_fails(&Case {
        id: fake_api::REAL_DISK_ID,
        provider: "  api_url = \"http://127.0.0.1:1\"\n  max_retries = 0",
        env: &[],
        want: &[
            "Error: Cannot connect to Katapult",
            "http://127.0.0.1:1/core/v1/",
            "refused",
        ],
    });
}

#[test]
fn error_plain_http_to_a_remote_host_is_refused() {
    assert_plan_fails(&Case {
        id: fake_api::REAL_DISK_ID,
        provider: "  api_url = \"http://api.katapult.io\"",
        env: &[],
        want: &[
            "Error: Invalid Katapult API URL",
            "plain http",
            "use https",
            // Pointed at the attribute: Terraform quotes its line.
            "api_url = \"http://api.katapult.io\"",
        ],
    });
}

#[test]
fn error_invalid_request_timeout_at_validate() {
    assert_plan_fails(&Case {
        id: fake_api::REAL_DISK_ID,
        provider: "  request_timeout = \"soon\"",
        env: &[],
        want: &[
            "Error: Invalid request_timeout",
            "\"soon\" is not a duration",
        ],
    });
}

#[test]
fn error_invalid_retry_settings_are_caught() {
    assert_plan_fails(&Case {
        id: fake_api::REAL_DISK_ID,
        provider: "  max_retries = 99",
        env: &[],
        want: &[
            "Error: Invalid max_retries",
            "from 0 to 20",
            "max_retries = 99",
        ],
    });
    assert_plan_fails(&Case {
        id: fake_api::REAL_DISK_ID,
        provider: "  read_timeout = \"forever\"",
        env: &[],
        want: &[
            "Error: Invalid read_timeout",
            "\"forever\" is not a duration",
        ],
    });
}

/// A 403 `scope_not_granted` names what the data source reads and the
/// scopes for it: a template read is never told to add `disks:read`.
#[test]
fn a_missing_scope_names_the_data_sources_own() {
    use katapult_testkit::fake_api::{orgs, templates, vms};
    let cases = [
        (
            format!(
                "data \"katapult_disk_template\" \"t\" {{\n  id = \"{}\"\n}}\n",
                templates::SCOPE_MISSING
            ),
            "",
            "Error: API key lacks the scope to read disk templates",
            "one of: \"disk_templates\", \"disk_templates:read\"",
        ),
        (
            "data \"katapult_disk_io_profiles\" \"p\" {}\n".to_owned(),
            orgs::SCOPE_MISSING,
            // The API names no scope for the list, nor does its reference.
            "Error: API key lacks the scope to read disk I/O profiles",
            "the scope Katapult's API reference names for it",
        ),
        (
            format!(
                "data \"katapult_virtual_machine_disks\" \"m\" {{\n  virtual_machine_id = \"{}\"\n}}\n",
                vms::SCOPE_MISSING
            ),
            "",
            "Error: API key lacks the scope to read a virtual machine's disks",
            "one of: \"disks\", \"disks:read\"",
        ),
    ];
    for tf in terraforms() {
        for (data, organization, summary, grant) in &cases {
            let config = format!(
                "{}\nprovider \"katapult\" {{\n  organization = \"{organization}\"\n}}\n{data}",
                katapult_testkit::terraform::REQUIRED_PROVIDERS
            );
            let run = Workspace::new(tf, &config).run(&["plan", "-no-color"]);
            let text = run.text();
            assert!(!run.success, "{text}");
            assert!(text.contains(summary), "Terraform {}: {text}", tf.version);
            assert!(text.contains(grant), "Terraform {}: {text}", tf.version);
            if !summary.contains("disks") {
                assert!(!text.contains("disks:read"), "{text}");
            }
        }
    }
}

/// An api_url with a path where no Katapult API answers (404
/// `route_not_found`) is said to be the URL's fault, not the disk's.
#[test]
fn a_wrong_api_url_path_is_blamed_on_the_url() {
    let url = format!(
        "{}/katapult-api",
        katapult_testkit::terraform::fake_api().url()
    );
    for tf in terraforms() {
        let config = disk_config(fake_api::REAL_DISK_ID, &format!("  api_url = \"{url}\""));
        let run = Workspace::new(tf, &config).run(&["plan", "-no-color"]);
        let text = run.text();
        assert!(!run.success, "{text}");
        assert!(text.contains("Error: No Katapult API at api_url"), "{text}");
        assert!(text.contains("route_not_found"), "{text}");
        assert!(!text.contains("Disk not found"), "{text}");
    }
}

/// An `https://` api_url served by plain HTTP fails at once, saying so:
/// no retries (a mismatch does not mend), no TLS jargon alone.
#[test]
fn https_to_a_plain_http_api_is_said_at_once() {
    let url = katapult_testkit::terraform::fake_api()
        .url()
        .replacen("http://", "https://", 1);
    for tf in terraforms() {
        let config = disk_config(fake_api::REAL_DISK_ID, &format!("  api_url = \"{url}\""));
        let run = Workspace::new(tf, &config).run(&["plan", "-no-color"]);
        let text = run.text();
        assert!(!run.success, "{text}");
        assert!(
            text.contains("Error: Katapult's server did not answer TLS"),
            "{text}"
        );
        assert!(text.contains("meant as http://?"), "{text}");
        assert!(!text.contains("Gave up after"), "retried: {text}");
    }
}

/// Without an API key, ten data sources give one error, at the provider.
#[test]
fn a_missing_api_key_is_said_once() {
    for tf in terraforms() {
        let config = katapult_testkit::terraform::counted("disk_Many", 10, "");
        let run = Workspace::new(tf, &config)
            .env("KATAPULT_API_KEY", None)
            .run(&["plan", "-no-color"]);
        let text = run.text();
        assert!(!run.success, "{text}");
        assert_eq!(
            text.matches("Error: Missing Katapult API key").count(),
            1,
            "Terraform {}: {text}",
            tf.version
        );
    }
}
