//! The go-plugin transport, as Terraform drives it: check we were started by
//! Terraform, negotiate the protocol, listen (a private unix socket, or TCP
//! on loopback on Windows: `platform`) with mutual TLS when Terraform asks
//! for it, print the handshake line, serve gRPC until shut down.
//!
//! Knows nothing of Katapult: it serves whatever provider service it is given.

mod conn;
pub mod handshake;
mod options;
mod platform;
mod services;
mod tls;

use std::io::Write;
use std::time::Duration;

use tonic::transport::Server;

use tonic::service::Routes;

pub use options::{Mode, Options};
pub use services::Shutdown;

/// How long in-flight calls get to finish after shutdown before we exit.
const SHUTDOWN_GRACE: Duration = Duration::from_millis(500);

#[derive(Debug, thiserror::Error)]
pub enum PluginError {
    #[error(transparent)]
    Negotiation(#[from] handshake::NegotiationError),
    #[error(transparent)]
    Tls(#[from] tls::TlsError),
    #[error("cannot listen for Terraform: {0}")]
    Listen(std::io::Error),
    #[error("cannot write the handshake to stdout: {0}")]
    Handshake(std::io::Error),
    #[error("gRPC server failed: {0}")]
    Serve(#[from] tonic::transport::Error),
}

/// Serves `service` (with go-plugin's own services beside it) to the
/// Terraform that started this process (or, in debug mode, to any Terraform
/// given the reattach line), until `shutdown` fires: from Terraform's
/// Shutdown, SIGTERM, Terraform going away, or the caller.
pub async fn serve(
    service: Routes,
    shutdown: Shutdown,
    options: Options,
) -> Result<(), PluginError> {
    let mode = options.mode;
    let tls = match (mode, std::env::var("PLUGIN_CLIENT_CERT")) {
        (Mode::Terraform, Ok(pem)) if !pem.trim().is_empty() => Some(tls::ServerTls::new(&pem)?),
        _ => None,
    };
    if mode == Mode::Terraform {
        handshake::negotiate(std::env::var("PLUGIN_PROTOCOL_VERSIONS").ok().as_deref())?;
    }
    let endpoint = platform::Endpoint::listen().map_err(PluginError::Listen)?;

    platform::watch_signals(shutdown.clone(), mode);
    platform::watch_parent(shutdown.clone());

    let router = router(service, &shutdown).await;
    announce(&endpoint, tls.as_ref(), &options)?;

    let endpoint = std::sync::Arc::new(endpoint);
    let incoming = conn::incoming(
        std::sync::Arc::clone(&endpoint),
        tls.map(|t| t.acceptor),
        shutdown.clone(),
    );
    let server = router.serve_with_incoming_shutdown(incoming, shutdown.wait());
    let deadline = {
        let down = shutdown.wait();
        async move {
            down.await;
            tokio::time::sleep(SHUTDOWN_GRACE).await;
        }
    };
    tokio::select! {
        result = server => result?,
        () = deadline => tracing::debug!("Calls still open after the grace period; exiting anyway"),
    }
    // The endpoint (on Unix, the socket's directory) goes with the last
    // reference, the accept loop's or this one.
    drop(endpoint);
    Ok(())
}

/// The provider's routes with go-plugin's services beside them: health,
/// the controller (Shutdown), stdio and the broker.
async fn router(service: Routes, shutdown: &Shutdown) -> tonic::transport::server::Router {
    let (health, health_service) = tonic_health::server::health_reporter();
    health
        .set_service_status("plugin", tonic_health::ServingStatus::Serving)
        .await;
    Server::builder()
        .add_routes(service)
        .add_service(health_service)
        .add_service(services::GrpcControllerServer::new(services::Controller(
            shutdown.clone(),
        )))
        .add_service(services::GrpcStdioServer::new(services::Stdio(
            shutdown.clone(),
        )))
        .add_service(services::GrpcBrokerServer::new(services::Broker(
            shutdown.clone(),
        )))
}

/// Tells Terraform where to connect: the handshake line, or in debug mode
/// the reattach instructions for a person.
fn announce(
    endpoint: &platform::Endpoint,
    tls: Option<&tls::ServerTls>,
    options: &Options,
) -> Result<(), PluginError> {
    let cert = tls.map(|t| t.cert_base64.as_str()).unwrap_or("");
    let address = endpoint.address();
    let line = match options.mode {
        Mode::Terraform => handshake::line(endpoint.network(), &address, cert),
        Mode::Debug => handshake::reattach_instructions(
            options.provider_addresses,
            endpoint.network(),
            &address,
        ),
    };
    write_handshake(&line).map_err(PluginError::Handshake)?;
    tracing::debug!(
        network = endpoint.network(),
        address = address.as_str(),
        mtls = tls.is_some(),
        "Plugin listening"
    );
    Ok(())
}

/// The handshake is the only thing this process ever writes to stdout.
fn write_handshake(line: &str) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(line.as_bytes())?;
    stdout.flush()
}
