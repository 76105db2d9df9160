//! How the plugin was started, and what the transport needs to know
//! besides the service it serves.

/// How the plugin was started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// By Terraform, which reads the handshake line from stdout.
    Terraform,
    /// By hand with `--debug`: no TLS, and a `TF_REATTACH_PROVIDERS` value
    /// printed for the user to give Terraform; serves until Ctrl-C.
    Debug,
}

/// What the transport needs to know besides the service it serves.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub mode: Mode,
    /// The provider's registry address, for the reattach line in debug mode.
    pub provider_addresses: &'static [&'static str],
}
