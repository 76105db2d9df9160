//! The core every data source stands on, each piece in a file named for it.
//! Leaves (in the family folders) import these and `objects/`, never each
//! other.
//!
//! - `source`: the `DataSource` trait, what a read is handed, and
//!   `read_state`, the one way a read runs (the state starts as the
//!   configuration; the data source fills in what it computes).
//! - `reads`: what a data source reads, the scopes that allow it, whether
//!   it needs the organization.
//! - `error`: why a read failed, and those reasons as diagnostics.
//! - `object`: an API object described once: endpoint, answer key, scopes,
//!   "not found" code, lookup keys.
//! - `lookup`: the keys an object is found by, their reading and their
//!   "not found".
//! - `bounds`: how long a value sent in a query may be, how many
//!   annotations a filter may hold; checked by `lookup` and the filters.
//! - `timeouts`: the `timeouts { read }` block and a read's budget.
//! - `organization`: the organization setting and an organization's lists.
//! - `pager`: every page of a list as one consistent listing.
//! - `each`: a list whose items are each read by themselves (the list
//!   leaves out what their own read gives), many at once, restarting when
//!   an item vanished.
//! - `answer`, `mapping`: an answer's object, and JSON to Terraform values
//!   along the attribute definitions.
//! - `golden` (tests): every recorded answer read to its golden state.
//! - `testing` (tests): the one harness reading a data source against an API.
//! - `shapes`: the shapes of data source, as data; they implement
//!   `DataSource`, leaves are values of them.

pub mod answer;
pub mod block;
pub mod bounds;
pub mod defaults;
pub mod each;
pub mod error;
#[cfg(test)]
pub mod golden;
pub mod lookup;
pub mod mapping;
pub mod object;
pub mod organization;
pub mod pager;
pub mod reads;
pub mod shapes;
pub mod source;
#[cfg(test)]
pub mod testing;
pub mod timeouts;
