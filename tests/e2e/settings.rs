//! The provider's settings: where each comes from, and settings Terraform
//! cannot know while planning.

use katapult_testkit::fake_api;
use katapult_testkit::terraform::{Workspace, terraforms};

use crate::api_errors::{Case, assert_plan_fails};
use crate::harness::disk_config;

#[test]
fn configuration_beats_environment() {
    // A working URL in the provider block wins over a dead one in the environment.
    let provider = format!(
        "  api_url = \"{}\"",
        katapult_testkit::terraform::fake_api().url()
    );
    for tf in terraforms() {
        let ws = Workspace::new(tf, &disk_config(fake_api::REAL_DISK_ID, &provider))
            .env("KATAPULT_API_URL", Some("http://127.0.0.1:1"));
        let state = ws.read_disk_state("this");
        assert_eq!(state["id"], fake_api::REAL_DISK_ID);
    }
}

#[test]
fn provider_settings_unknown_at_plan_give_a_clear_error() {
    assert_plan_fails(&Case {
        id: fake_api::REAL_DISK_ID,
        provider: "  request_timeout = \"${substr(timestamp(), 0, 0)}30s\"",
        env: &[],
        want: &[
            "Error: Provider configuration not known yet",
            "request_timeout",
        ],
    });
}
