//! Windows: TCP on 127.0.0.1, on the first free port go-plugin's
//! `PLUGIN_MIN_PORT`..`PLUGIN_MAX_PORT` allows (as go-plugin plugins listen
//! there: Windows has no unix sockets Terraform would use); closing the
//! console or shutting down ends the plugin, Ctrl-C only in debug mode.
//! There is no parent process id to poll: Terraform ends its plugins
//! itself, through the protocol or by killing them.

use tokio::net::{TcpListener, TcpStream};

use super::super::options::Mode;
use super::super::services::Shutdown;

/// A connection from Terraform.
pub type Stream = TcpStream;

/// Where the plugin listens.
pub struct Endpoint {
    listener: TcpListener,
    address: String,
}

impl Endpoint {
    pub fn listen() -> std::io::Result<Self> {
        let ports = super::ports::port_range(
            std::env::var("PLUGIN_MIN_PORT").ok().as_deref(),
            std::env::var("PLUGIN_MAX_PORT").ok().as_deref(),
        )
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))?;
        let mut last = None;
        for port in ports {
            match std::net::TcpListener::bind(("127.0.0.1", port)) {
                Ok(listener) => {
                    listener.set_nonblocking(true)?;
                    let address = listener.local_addr()?.to_string();
                    let listener = TcpListener::from_std(listener)?;
                    return Ok(Self { listener, address });
                }
                Err(e) => last = Some(e),
            }
        }
        Err(last.unwrap_or_else(|| std::io::Error::other("no port to listen on")))
    }

    /// The handshake's network: go-plugin's name for it.
    pub fn network(&self) -> &'static str {
        "tcp"
    }

    /// The handshake's address: `127.0.0.1:PORT`.
    pub fn address(&self) -> String {
        self.address.clone()
    }

    pub async fn accept(&self) -> std::io::Result<Stream> {
        let (stream, _) = self.listener.accept().await?;
        // gRPC's small frames should not wait for Nagle.
        let _ = stream.set_nodelay(true);
        Ok(stream)
    }
}

/// Nothing to poll on Windows (see the module's comment).
pub fn watch_parent(_shutdown: Shutdown) {
    tracing::debug!("No parent watch on Windows: Terraform ends its plugins itself");
}

/// Closing the console window, logging off or shutting down ends the
/// plugin; Ctrl-C does only in debug mode (otherwise Terraform, which gets
/// it too, stops the provider through the protocol).
pub fn watch_signals(shutdown: Shutdown, mode: Mode) {
    use tokio::signal::windows::{ctrl_c, ctrl_close, ctrl_logoff, ctrl_shutdown};
    let (Ok(mut c), Ok(mut close), Ok(mut logoff), Ok(mut down)) =
        (ctrl_c(), ctrl_close(), ctrl_logoff(), ctrl_shutdown())
    else {
        tracing::warn!(
            "Cannot watch console events; closing the console will end the process abruptly"
        );
        return;
    };
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = close.recv() => return shutdown.trigger("console closed"),
                _ = logoff.recv() => return shutdown.trigger("logoff"),
                _ = down.recv() => return shutdown.trigger("system shutdown"),
                _ = c.recv() => {
                    if mode == Mode::Debug {
                        return shutdown.trigger("Ctrl-C in debug mode");
                    }
                    tracing::debug!("Ignoring Ctrl-C: Terraform stops providers itself");
                }
            }
        }
    });
}
