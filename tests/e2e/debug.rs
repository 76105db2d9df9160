//! Debugging the provider: its logs through `TF_LOG`, and debug mode
//! (`--debug`), where Terraform reattaches to a provider started by hand.

use katapult_testkit::fake_api;
use katapult_testkit::terraform::{TEST_API_KEY, Workspace, terraforms};

use crate::harness::disk_config;

#[test]
fn debug_logs_reach_terraform_without_the_key() {
    for tf in terraforms() {
        let ws = Workspace::new(tf, &disk_config(fake_api::REAL_DISK_ID, ""))
            .env("TF_LOG", Some("debug"));
        let run = ws.run(&["plan", "-no-color"]);
        assert!(run.success, "{}", run.text());
        let logs = &run.stderr;
        for want in [
            "Katapult API answered GET /disks/disk",
            "tf_rpc=ReadDataSource",
            "tf_data_source_type=katapult_disk",
            "http_status=200",
            "tf_req_id=",
        ] {
            assert!(
                logs.contains(want),
                "Terraform {}: no {want:?} in the debug log",
                tf.version
            );
        }
        // Parsed by Terraform as JSON at the right level, not passed through raw.
        assert!(
            !logs.contains("\"@message\""),
            "Terraform did not parse the provider's log lines"
        );
        assert!(!logs.contains(TEST_API_KEY), "the API key is in the log");
    }
}

#[test]
fn debug_mode_serves_terraform_through_reattach() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};

    let mut provider = Command::new(env!("CARGO_BIN_EXE_terraform-provider-katapult"))
        .arg("--debug")
        .env(
            "KATAPULT_API_URL",
            katapult_testkit::terraform::fake_api().url(),
        )
        .env("KATAPULT_API_KEY", TEST_API_KEY)
        .env_remove("TF_LOG")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = BufReader::new(provider.stdout.take().unwrap());
    let reattach = stdout
        .lines()
        .map_while(Result::ok)
        .find_map(|l| {
            l.trim()
                .strip_prefix("TF_REATTACH_PROVIDERS='")
                .and_then(|v| v.strip_suffix('\''))
                .map(str::to_owned)
        })
        .expect("debug mode prints the TF_REATTACH_PROVIDERS value");

    // One provider process serves every Terraform, one command after another.
    for tf in terraforms() {
        let ws = Workspace::new(tf, &disk_config(fake_api::REAL_DISK_ID, ""))
            .env("TF_REATTACH_PROVIDERS", Some(&reattach));
        let state = ws.read_disk_state("this");
        assert_eq!(state["wwn"], "080643a44c133d4c", "Terraform {}", tf.version);
    }

    std::process::Command::new("kill")
        .args(["-INT", &provider.id().to_string()])
        .status()
        .unwrap();
    let status = provider.wait().unwrap();
    assert!(status.success(), "Ctrl-C ends debug mode cleanly: {status}");
    let mut logs = String::new();
    std::io::Read::read_to_string(&mut provider.stderr.take().unwrap(), &mut logs).unwrap();
    assert!(
        logs.contains("\"tf_rpc\":\"ReadDataSource\""),
        "the debug process itself served the reads:\n{logs}"
    );
    assert!(!logs.contains(TEST_API_KEY));
}
