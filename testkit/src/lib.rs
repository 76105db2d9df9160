//! The provider's test kit: what its integration tests, its benchmark and
//! the demo share. A fake Katapult API that replays recorded answers
//! ([`fake_api`]), a harness that runs real Terraform CLIs against the built
//! provider ([`terraform`]), a client for the plugin as Terraform is one
//! ([`grpc`]), an HTTPS provider mirror ([`mirror`]) and an HTTP proxy
//! ([`proxy`]).
//!
//! It does not depend on the provider crate (the provider dev-depends on
//! it): it runs the provider's binary, never links its code.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub mod fake_api;
// The plugin client and the Terraform harness drive the plugin over unix
// sockets and Terraform's Linux builds; the provider's unit tests, which
// scripts/check-release.sh also builds for Windows, use only the fake API
// (and the mirror and proxy, which are portable).
#[cfg(unix)]
pub mod grpc;
pub mod mirror;
pub mod proxy;
#[cfg(unix)]
pub mod terraform;

/// The repository's root: the test kit lives in its `testkit/` folder.
pub fn repo_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("testkit/ sits in the repository")
}

/// The provider binary Cargo built for the running test or benchmark:
/// `terraform-provider-katapult` in the profile's folder (`target/debug/`,
/// `target/release/`), beside the `deps/` folder the test executable runs
/// from. The provider's own tests name it with
/// `env!("CARGO_BIN_EXE_terraform-provider-katapult")`, which Cargo sets
/// only when it builds that package's tests, never this crate: the tests
/// check that the two agree.
pub fn provider_binary() -> &'static Path {
    static FOUND: OnceLock<PathBuf> = OnceLock::new();
    FOUND.get_or_init(|| {
        let exe = std::env::current_exe().expect("the test executable's path");
        let mut dir = exe.parent().expect("a folder").to_path_buf();
        if dir.ends_with("deps") {
            dir.pop();
        }
        let binary = dir.join(format!(
            "terraform-provider-katapult{}",
            std::env::consts::EXE_SUFFIX
        ));
        assert!(
            binary.is_file(),
            "no provider binary at {}: run the tests through cargo (cargo test, cargo bench), \
             which builds it first",
            binary.display()
        );
        binary
    })
}
