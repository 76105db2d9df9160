//! go-plugin's services beside the provider: the controller (Shutdown), the
//! stdio stream and the broker. Providers use neither stdio nor broker, but
//! keeping both streams open spares Terraform's logs from errors.

use std::pin::Pin;

use futures_util::{Stream, StreamExt};
use tokio::sync::watch;
use tonic::{Request, Response, Status, Streaming};

#[allow(clippy::all, clippy::pedantic, missing_docs, dead_code)]
pub(crate) mod proto {
    tonic::include_proto!("plugin");
}
use proto as pb;

pub use pb::grpc_broker_server::GrpcBrokerServer;
pub use pb::grpc_controller_server::GrpcControllerServer;
pub use pb::grpc_stdio_server::GrpcStdioServer;

/// The handle on the plugin's one shutdown signal.
#[derive(Clone, Default)]
pub struct Shutdown {
    tx: watch::Sender<bool>,
}

impl Shutdown {
    pub fn trigger(&self, why: &str) {
        if !self.tx.send_replace(true) {
            tracing::debug!(reason = why, "Shutting down");
        }
    }

    /// Resolves once shutdown has been triggered.
    pub fn wait(&self) -> impl Future<Output = ()> + Send + 'static {
        let mut rx = self.tx.subscribe();
        async move {
            let _ = rx.wait_for(|down| *down).await;
        }
    }

    /// A stream that yields nothing and ends at shutdown.
    fn idle_stream<T: Send + 'static>(
        &self,
    ) -> Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>> {
        Box::pin(futures_util::stream::once(self.wait()).filter_map(|()| async { None }))
    }
}

pub struct Controller(pub Shutdown);

#[tonic::async_trait]
impl pb::grpc_controller_server::GrpcController for Controller {
    async fn shutdown(&self, _request: Request<pb::Empty>) -> Result<Response<pb::Empty>, Status> {
        self.0.trigger("controller Shutdown");
        Ok(Response::new(pb::Empty {}))
    }
}

pub struct Stdio(pub Shutdown);

#[tonic::async_trait]
impl pb::grpc_stdio_server::GrpcStdio for Stdio {
    type StreamStdioStream = Pin<Box<dyn Stream<Item = Result<pb::StdioData, Status>> + Send>>;

    async fn stream_stdio(
        &self,
        _request: Request<pb::Empty>,
    ) -> Result<Response<Self::StreamStdioStream>, Status> {
        Ok(Response::new(self.0.idle_stream()))
    }
}

pub struct Broker(pub Shutdown);

#[tonic::async_trait]
impl pb::grpc_broker_server::GrpcBroker for Broker {
    type StartStreamStream = Pin<Box<dyn Stream<Item = Result<pb::ConnInfo, Status>> + Send>>;

    async fn start_stream(
        &self,
        _request: Request<Streaming<pb::ConnInfo>>,
    ) -> Result<Response<Self::StartStreamStream>, Status> {
        Ok(Response::new(self.0.idle_stream()))
    }
}
