//! The two common shapes of data source, as data (core, not data sources
//! themselves): one object by its keys (`one::One`), and a list as one
//! attribute (`listed::Listed`). A leaf of either shape defines its schema
//! and one static of it.

pub mod listed;
pub mod one;
