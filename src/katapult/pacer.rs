//! Client-side pacing against Katapult's rate limit.
//!
//! Every answer carries `X-Ratelimit-Permitted` (requests per minute) and
//! `X-Ratelimit-Remaining`. While more than half the budget is left, requests
//! go at once; below that, what is left is spread over a minute, so the
//! budget is never spent before the window frees it, whether the server's
//! window is fixed or sliding. A 429 pauses every request until the wait it
//! asked for has passed. Shared by all reads through one client.

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The window Katapult's limit is counted over.
const WINDOW: Duration = Duration::from_secs(60);

#[derive(Debug, Default)]
pub struct Pacer {
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    permitted: Option<u64>,
    /// The server's last word on what is left, less what was sent since.
    remaining: Option<u64>,
    /// The earliest a paced request may go.
    next_slot: Option<Instant>,
    /// No request before this (after a 429).
    paused_until: Option<Instant>,
}

impl Pacer {
    /// Books the next request and says how long it must wait before going.
    pub fn reserve(&self, now: Instant) -> Duration {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let mut start = now.max(s.paused_until.unwrap_or(now));
        if let (Some(remaining), Some(permitted)) = (s.remaining, s.permitted)
            && remaining < permitted.div_ceil(2)
        {
            let interval = WINDOW / u32::try_from(remaining.max(1)).unwrap_or(u32::MAX);
            start = start.max(s.next_slot.unwrap_or(start));
            s.next_slot = Some(start + interval);
        }
        if let Some(remaining) = s.remaining.as_mut() {
            *remaining = remaining.saturating_sub(1);
        }
        start - now
    }

    /// Takes in the rate-limit headers of an answer.
    pub fn observe(&self, remaining: Option<u64>, permitted: Option<u64>) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if permitted.is_some() {
            s.permitted = permitted;
        }
        if remaining.is_some() {
            s.remaining = remaining;
        }
    }

    /// Holds every request until `until` (after a 429).
    pub fn pause_until(&self, until: Instant) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        s.paused_until = Some(s.paused_until.map_or(until, |p| p.max(until)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::VecDeque;

    /// A server-side limiter: `permitted` requests per 60 s, counted over a
    /// fixed or a sliding window, as Katapult might count them.
    struct Limiter {
        permitted: u64,
        sliding: bool,
        sent: VecDeque<Duration>,
        window_start: Duration,
    }

    impl Limiter {
        /// Admits a request at virtual time `t`, or refuses it (a 429).
        /// Returns what is left, as X-Ratelimit-Remaining would say.
        fn admit(&mut self, t: Duration) -> Result<u64, ()> {
            if self.sliding {
                while self
                    .sent
                    .front()
                    .is_some_and(|s| t.saturating_sub(*s) >= WINDOW)
                {
                    self.sent.pop_front();
                }
            } else if t - self.window_start >= WINDOW {
                self.window_start = t;
                self.sent.clear();
            }
            if self.sent.len() as u64 >= self.permitted {
                return Err(());
            }
            self.sent.push_back(t);
            Ok(self.permitted - self.sent.len() as u64)
        }
    }

    /// Simulates `total` reads by `workers` concurrent readers with `latency`
    /// each, in virtual time. Returns (429s seen, time taken).
    fn simulate(
        sliding: bool,
        total: usize,
        workers: usize,
        latency: Duration,
    ) -> (usize, Duration) {
        let pacer = Pacer::default();
        let epoch = Instant::now();
        let mut limiter = Limiter {
            permitted: 1000,
            sliding,
            sent: VecDeque::new(),
            window_start: Duration::ZERO,
        };
        // Each worker's next event; the earliest happens first, so the
        // limiter and the pacer see time move forward only.
        #[derive(Clone, Copy)]
        enum Next {
            Reserve,
            Send,
            Answer(Option<u64>),
        }
        let mut events = vec![(Duration::ZERO, Next::Reserve); workers];
        let (mut started, mut refused, mut end) = (0, 0, Duration::ZERO);
        while started < total || events.iter().any(|(_, n)| !matches!(n, Next::Reserve)) {
            let (w, &(t, next)) = events
                .iter()
                .enumerate()
                .min_by_key(|(_, (t, _))| *t)
                .unwrap();
            events[w] = match next {
                Next::Reserve if started < total => {
                    started += 1;
                    (t + pacer.reserve(epoch + t), Next::Send)
                }
                Next::Reserve => (Duration::MAX, Next::Reserve),
                Next::Send => {
                    let remaining = limiter.admit(t).ok();
                    refused += usize::from(remaining.is_none());
                    (t + latency, Next::Answer(remaining))
                }
                Next::Answer(remaining) => {
                    pacer.observe(remaining, Some(1000));
                    end = end.max(t);
                    (t, Next::Reserve)
                }
            };
        }
        (refused, end)
    }

    #[test]
    fn two_thousand_reads_against_a_thousand_a_minute_never_hit_the_limit() {
        for sliding in [false, true] {
            let (refused, took) = simulate(sliding, 2000, 10, Duration::from_millis(20));
            assert_eq!(
                refused, 0,
                "sliding={sliding}: {refused} requests would have met a 429"
            );
            // 2,000 at 1,000 a minute cannot take less than a minute; pacing
            // must not make it crawl either.
            assert!(
                took >= Duration::from_secs(60) && took < Duration::from_secs(300),
                "sliding={sliding}: {took:?}"
            );
        }
    }

    #[test]
    fn small_plans_are_not_slowed() {
        let (refused, took) = simulate(true, 300, 10, Duration::from_millis(20));
        assert_eq!(refused, 0);
        assert_eq!(
            took,
            Duration::from_millis(20 * 30),
            "300 reads, 10 at a time, no waits"
        );
    }

    #[test]
    fn a_pause_holds_every_request() {
        let pacer = Pacer::default();
        let now = Instant::now();
        pacer.pause_until(now + Duration::from_secs(2));
        assert_eq!(pacer.reserve(now), Duration::from_secs(2));
        assert_eq!(
            pacer.reserve(now + Duration::from_secs(1)),
            Duration::from_secs(1)
        );
        assert_eq!(pacer.reserve(now + Duration::from_secs(3)), Duration::ZERO);
    }
}
