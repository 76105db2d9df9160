//! The provider's integration tests, one test binary: the end-to-end tests
//! (the real Terraform CLI drives the built provider against the test kit's
//! fake Katapult API), the go-plugin transport, the committed docs and the
//! fuzz regressions. A module a subject; the helpers they share are in
//! `harness.rs`, and those the benchmark shares too in the
//! `katapult-testkit` crate (`testkit/`).
//!
//! Run one subject with `cargo test --test e2e disk_family::`.

mod account;
mod api_errors;
mod certificates;
mod countries;
mod data_centers;
mod debug;
mod disk;
mod disk_family;
mod disk_templates_and_backups;
mod disks;
mod dns;
mod docs;
mod ephemeral;
mod examples;
mod fail_fast;
mod fuzz_regressions;
mod hardening;
mod harness;
mod load_balancers;
mod network_interfaces;
mod networks;
mod properties;
mod reference;
mod reliability;
mod sample_organization;
mod schema_objects;
mod security_groups;
mod settings;
mod side_by_side;
mod storage;
mod tags;
mod transport;
mod virtual_machines;
mod vm_groups_packages;

/// The test kit runs the binary Cargo built for these tests: the path it
/// finds is the one Cargo names.
#[test]
fn the_test_kit_runs_the_provider_cargo_built() {
    assert_eq!(
        katapult_testkit::provider_binary(),
        std::path::Path::new(env!("CARGO_BIN_EXE_terraform-provider-katapult"))
    );
}
