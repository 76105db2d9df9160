//! The unix socket's home: a fresh directory only this user can enter,
//! removed when the plugin exits.

use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

pub struct SocketDir {
    dir: PathBuf,
    socket: PathBuf,
}

impl SocketDir {
    pub fn create() -> std::io::Result<Self> {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let dir = std::env::temp_dir().join(format!(
            "terraform-provider-katapult-{}-{nanos:x}",
            std::process::id()
        ));
        // create, not create_all: an existing directory (someone else's) is an error.
        std::fs::DirBuilder::new().mode(0o700).create(&dir)?;
        let socket = dir.join("plugin.sock");
        Ok(Self { dir, socket })
    }

    pub fn path(&self) -> &Path {
        &self.socket
    }
}

impl Drop for SocketDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
