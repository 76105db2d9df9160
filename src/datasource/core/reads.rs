//! What a data source reads, and what it needs to: the words its errors
//! use, the scopes that allow it, and whether it needs the provider's
//! organization or data center (which the provider's docs list from these).

/// What a data source reads.
#[derive(Debug, Clone, Copy)]
pub struct Reads {
    /// What is read, plural, for people: "disk templates".
    pub what: &'static str,
    /// The API token scopes that allow it (any one of them), as Katapult's
    /// API reference lists them for its endpoint; empty when it lists none.
    pub scopes: &'static [&'static str],
    /// Whether it uses the provider's `organization`.
    pub organization: OrganizationUse,
    /// How it uses the provider's `data_center`, in words ("when neither
    /// `id` nor `permalink` is set"); `None` when it does not use it.
    pub data_center: Option<&'static str>,
}

/// How a data source uses the provider's `organization`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrganizationUse {
    /// Not at all: it looks its object up by its own keys.
    Unused,
    /// It cannot read without one.
    Needed,
    /// It reads without one, and with one fills in more: what, in words.
    Optional(&'static str),
}
