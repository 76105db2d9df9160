//! The shapes of data source, as data: the only implementations of
//! `DataSource`. A leaf is one static of one of them.
//!
//! - `one::One`: one object by its keys from its object's endpoint.
//! - `listed::Listed`: a list as one attribute (the organization's,
//!   everyone's, or one object's), optionally filtered.
//! - `found::Found`: one item of the organization's list, by a key.
//! - `custom::Custom`: a read function of its own, for what the others
//!   cannot say (several endpoints, reads that depend on one another).

pub mod custom;
pub mod found;
pub mod legacy_listed;
pub mod legacy_one;
pub mod listed;
pub mod one;
