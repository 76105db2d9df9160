//! Shared by the integration tests: the fake Katapult API, and a harness
//! that runs the real Terraform CLI against the built provider.

pub mod fake_api;
pub mod grpc;
pub mod mirror;
pub mod properties;
pub mod proxy;
pub mod terraform;
