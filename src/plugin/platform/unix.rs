//! Unix: a unix socket in a fresh directory only this user can enter,
//! removed when the plugin exits; SIGTERM ends the plugin; a changed parent
//! process id means Terraform went away.

use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tokio::net::{UnixListener, UnixStream};

use super::super::options::Mode;
use super::super::services::Shutdown;

/// A connection from Terraform.
pub type Stream = UnixStream;

/// Where the plugin listens: its socket, and the directory it lives in.
pub struct Endpoint {
    listener: UnixListener,
    /// Dropped last: removes the directory.
    dir: SocketDir,
}

impl Endpoint {
    pub fn listen() -> std::io::Result<Self> {
        let dir = SocketDir::create()?;
        let listener = UnixListener::bind(dir.path())?;
        Ok(Self { listener, dir })
    }

    /// The handshake's network: go-plugin's name for it.
    pub fn network(&self) -> &'static str {
        "unix"
    }

    /// The handshake's address: the socket's path.
    pub fn address(&self) -> String {
        self.dir.path().to_string_lossy().into_owned()
    }

    pub async fn accept(&self) -> std::io::Result<Stream> {
        self.listener.accept().await.map(|(stream, _)| stream)
    }
}

/// Ends the plugin when Terraform goes away without saying so (killed, or
/// crashed): the process is then adopted by another parent. Polled, since
/// that is one cheap syscall and portable across Unixes.
pub fn watch_parent(shutdown: Shutdown) {
    let parent = std::os::unix::process::parent_id();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_millis(500));
        loop {
            tick.tick().await;
            if std::os::unix::process::parent_id() != parent {
                shutdown.trigger("Terraform went away");
                return;
            }
        }
    });
}

/// SIGTERM ends the plugin. SIGINT does not: on Ctrl-C, Terraform receives it
/// too and stops the provider through the protocol, as go-plugin expects.
/// In debug mode the user runs the plugin in a terminal, so Ctrl-C ends it.
pub fn watch_signals(shutdown: Shutdown, mode: Mode) {
    use tokio::signal::unix::{SignalKind, signal};
    // Registered before the handshake is printed, so no signal sent after it
    // meets the default disposition.
    let (Ok(mut term), Ok(mut int)) = (
        signal(SignalKind::terminate()),
        signal(SignalKind::interrupt()),
    ) else {
        tracing::warn!("Cannot watch signals; SIGTERM will end the process abruptly");
        return;
    };
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = term.recv() => {
                    shutdown.trigger("SIGTERM");
                    return;
                }
                _ = int.recv() => {
                    if mode == Mode::Debug {
                        shutdown.trigger("SIGINT in debug mode");
                        return;
                    }
                    tracing::debug!("Ignoring SIGINT: Terraform stops providers itself");
                }
            }
        }
    });
}

/// The unix socket's home: a fresh directory only this user can enter,
/// removed when the plugin exits.
struct SocketDir {
    dir: PathBuf,
    socket: PathBuf,
}

impl SocketDir {
    fn create() -> std::io::Result<Self> {
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

    fn path(&self) -> &Path {
        &self.socket
    }
}

impl Drop for SocketDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
