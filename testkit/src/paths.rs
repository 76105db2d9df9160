//! Where things are: the repository the test kit sits in, and the provider
//! binary Cargo built for the running test or benchmark.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

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
