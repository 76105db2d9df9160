//! terraform-provider-katapult: a Terraform provider for Katapult
//! (Krystal's cloud), speaking Terraform's plugin protocol 6.
//!
//! # Layout
//!
//! Data flows one way, from Terraform to Katapult and back; each module
//! imports only those below it (`text` and `timefmt` at the bottom), and
//! each `mod.rs` is a table of contents, its pieces in files named for them.
//!
//! - [`plugin`]: go-plugin's transport — the magic cookie, version
//!   negotiation, the handshake line, AutoMTLS, the controller, stdio and
//!   health services, and what differs by platform (`plugin/platform/`).
//!   Serves whatever gRPC routes `main` hands it; knows nothing of Katapult
//!   or of the provider.
//! - [`server`]: the `tfplugin6.Provider` gRPC service (`server::routes`).
//!   `mod.rs` is the table of RPCs; `service` gives every RPC one shape (log
//!   span, panic guard, timing); one file per family (`schema`,
//!   `provider_config`, `data_source`, `ephemeral`, `unsupported`);
//!   `object_style` decides how nested objects are described; `convert`
//!   turns messages into our types and back.
//! - [`provider`]: configures the API client from the settings; the data
//!   source registry; reads a data source, or defers it.
//! - `settings`: the provider's settings, parsed once into typed values for
//!   validate and configure alike; `duration`: the duration syntax.
//! - [`docs`]: the registry-layout Markdown docs, generated from the schemas.
//! - [`datasource`]: the core every data source stands on (`source`: the
//!   trait and the read, whose state starts as the configuration; `error`;
//!   `lookup`; `timeouts`; `organization`; `pager`; `mapping`; `objects/`,
//!   Katapult's objects as attribute groups) and the data sources, one leaf
//!   file each, importing the core and never each other.
//! - [`schema`]: attribute definitions, read by the protocol schema, the
//!   response mapping and the docs alike.
//! - [`diag`]: diagnostics, and the API's errors in words (`diag/api.rs`,
//!   by group).
//! - [`katapult`]: the Katapult Core API client (`client`: retries, pacing,
//!   deadline; `response`: reading an answer; `error`: the typed errors;
//!   `json`, `flight`, `pacer`, `retry`). Knows nothing of Terraform.
//! - [`tftypes`]: cty types and values (null, unknown, known), attribute
//!   paths and the msgpack/JSON codecs.
//! - [`logging`]: tracing events as the hclog JSON lines Terraform reads,
//!   and the provider's log floor (`log_level`, `KATAPULT_LOG_LEVEL`).
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
