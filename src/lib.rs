//! terraform-provider-katapult: a Terraform provider for Katapult
//! (Krystal's cloud), speaking Terraform's plugin protocol 6.
//!
//! # Layout
//!
//! Data flows one way, from Terraform to Katapult and back:
//!
//! - [`plugin`]: go-plugin's transport — the magic cookie, version
//!   negotiation, the handshake line, AutoMTLS, the controller, stdio and
//!   health services. Serves whatever gRPC routes `main` hands it; knows
//!   nothing of Katapult or of the provider.
//! - [`server`]: the `tfplugin6.Provider` gRPC service (`server::routes`).
//!   Converts protocol messages to and from our types and calls the
//!   provider, reaching data sources only through its registry; turns panics
//!   into diagnostics.
//! - [`tftypes`]: cty types and values (null, unknown, known), attribute
//!   paths and the msgpack/JSON codecs.
//! - [`diag`]: diagnostics, and the wording of the API's errors (each data
//!   source words its own: what "not found" means for its lookup).
//! - [`schema`]: attribute definitions, read by the protocol schema, the
//!   response mapping and the docs alike.
//! - [`provider`]: configures the API client from the settings; the data
//!   source registry.
//! - `settings`: the provider's settings, parsed once into typed values for
//!   validate and configure alike; `duration`: the duration syntax.
//! - [`datasource`]: the data sources — `katapult_disk`, `katapult_disks` —
//!   each one file: schema, read (its endpoint, its errors' words), mapping.
//! - [`katapult`]: the Katapult Core API client, with typed errors. Knows
//!   nothing of Terraform.
//! - [`docs`]: the registry-layout Markdown docs, generated from the schemas.
//! - [`logging`]: tracing events as the hclog JSON lines Terraform reads.
//! - `text`: outside text made safe and short before a message repeats it.

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
pub(crate) mod settings;
pub(crate) mod text;
pub mod tftypes;
mod timefmt;
