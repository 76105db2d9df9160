//! The provider's test kit: what its integration tests, its benchmark and
//! the demo share. A fake Katapult API that replays recorded answers
//! ([`fake_api`]), a harness that runs real Terraform CLIs against the built
//! provider ([`terraform`]), a client for the plugin as Terraform is one
//! ([`grpc`]), an HTTPS provider mirror ([`mirror`]) and an HTTP proxy
//! ([`proxy`]).
//!
//! It does not depend on the provider crate (the provider dev-depends on
//! it): it runs the provider's binary, never links its code.

pub mod fake_api;
// The plugin client and the Terraform harness drive the plugin over unix
// sockets and Terraform's Linux builds; the provider's unit tests, which
// scripts/check-release.sh also builds for Windows, use only the fake API
// (and the mirror and proxy, which are portable).
#[cfg(unix)]
pub mod grpc;
pub mod mirror;
mod paths;
pub mod proxy;
#[cfg(unix)]
pub mod terraform;

pub use paths::{provider_binary, repo_root};
