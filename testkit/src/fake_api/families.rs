//! Which endpoints the fake API serves: the whole route table, every
//! family's own table chained. A family's file (`families/*.rs`) holds its
//! routes and the handlers for its generated and hostile cases; adding a
//! data source's endpoints touches only its family's file (and its
//! recorded answers, see `answers/README.md`).

mod account;
mod certificates;
mod countries;
mod data_centers;
mod disk_lists;
mod disks;
mod dns;
mod groups;
mod load_balancers;
mod machines;
mod networks;
mod packages;
mod reference;
mod security;
mod storage;
mod tags;

use super::route::{self, Route};

/// Every family's routes, by their path under `/core/v1/`, which is also
/// their recorded answers' folder under `testkit/answers/`.
const TABLES: &[&[Route]] = &[
    disks::ROUTES,
    data_centers::ROUTES,
    countries::ROUTES,
    tags::ROUTES,
    security::ROUTES,
    networks::ROUTES,
    groups::ROUTES,
    packages::ROUTES,
    storage::ROUTES,
    load_balancers::ROUTES,
    machines::ROUTES,
    reference::ROUTES,
    dns::ROUTES,
    certificates::ROUTES,
    account::ROUTES,
];

/// The route for a request, if any.
pub(super) fn find(method: &str, path: &str) -> Option<&'static Route> {
    route::find(TABLES, method, path)
}

#[cfg(test)]
mod tests {
    use super::TABLES;

    /// No endpoint is in two families' tables (the first would hide the
    /// second).
    #[test]
    fn every_endpoint_has_one_route() {
        let mut seen = std::collections::HashSet::new();
        for route in TABLES.iter().flat_map(|table| table.iter()) {
            assert!(
                seen.insert(route.endpoint()),
                "{:?} has two routes",
                route.endpoint()
            );
        }
    }
}
