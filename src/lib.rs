//! terraform-provider-katapult: a Terraform provider for Katapult
//! (Krystal's cloud), speaking Terraform's plugin protocol 6.
//!
//! # Layout
//!
//! Data flows one way, from Terraform to Katapult and back:
//!
//! - [`plugin`]: go-plugin's transport — the magic cookie, version
//!   negotiation, the handshake line, AutoMTLS, the controller, stdio and
//!   health services. Knows nothing of Katapult.
//! - [`server`]: the `tfplugin6.Provider` gRPC service. Converts protocol
//!   messages to and from our types and calls the provider; turns panics into
//!   diagnostics.
//! - [`tftypes`]: cty types and values (null, unknown, known), attribute
//!   paths and the msgpack/JSON codecs.
//! - [`diag`]: diagnostics, and the one place typed errors become them.
//! - [`schema`]: attribute definitions, read by the protocol schema, the
//!   response mapping and the docs alike.
//! - [`provider`]: provider configuration (with environment fallbacks), the
//!   API client it builds, the data source registry.
//! - [`datasource`]: the data sources — `katapult_disk` — each a schema and
//!   a read.
//! - [`katapult`]: the Katapult Core API client, with typed errors. Knows
//!   nothing of Terraform.
//! - [`docs`]: the registry-layout Markdown docs, generated from the schemas.
//! - [`logging`]: tracing events as the hclog JSON lines Terraform reads.

pub mod datasource;
pub mod diag;
pub mod docs;
pub(crate) mod duration;
pub mod katapult;
pub mod logging;
pub mod plugin;
pub mod provider;
pub mod schema;
pub mod server;
pub mod tftypes;
mod timefmt;
