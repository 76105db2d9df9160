//! What the fake API has seen (requests, pages, arrivals, keys), for the
//! tests to check, and the state of its stateful cases: the record every
//! request writes to.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize};
use std::time::Instant;

/// What the fake API has seen, for the tests to check, and the state of
/// its stateful cases.
#[derive(Default)]
pub struct Stats {
    pub(super) requests: AtomicUsize,
    pub(super) in_flight: AtomicUsize,
    pub(super) peak_in_flight: AtomicUsize,
    pub(super) failures_injected: AtomicUsize,
    /// Attempts per flaky disk id, and the failures in a row of each.
    pub(super) flaky: Mutex<HashMap<String, (u32, u32)>>,
    /// Whether the redirect target ever received an Authorization header.
    pub(super) redirect_saw_authorization: AtomicBool,
    pub(super) redirect_target: Mutex<Option<SocketAddr>>,
    /// Every User-Agent seen, in order.
    pub(super) user_agents: Mutex<Vec<String>>,
    /// When each request for a disk id arrived.
    pub(super) arrivals: Mutex<HashMap<String, Vec<Instant>>>,
    /// Added to every answer, in microseconds.
    pub(super) latency_us: AtomicU64,
    /// When the first `generated::RECOVERING` request came.
    pub(super) recovering_since: Mutex<Option<Instant>>,
    /// Pages served per list, in order: (page, per_page) asked for.
    pub(super) pages: Mutex<HashMap<String, Vec<(u64, u64)>>>,
    /// Every distinct API key a request carried (the fake's own record; the
    /// provider must never log them).
    pub(super) keys: Mutex<Vec<String>>,
    /// The list a route that names nothing answers instead of `all`, by
    /// its path (`answer_list_as`).
    pub(super) lists_as: Mutex<HashMap<String, String>>,
    /// How many global address lists `GET /address_lists` lists: the
    /// recorded ones, then generated ones up to this (0: the recorded only).
    pub(super) global_address_lists: AtomicUsize,
}
