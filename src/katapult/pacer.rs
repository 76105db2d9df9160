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

use tokio::sync::Notify;

/// The window Katapult's limit is counted over.
const WINDOW: Duration = Duration::from_secs(60);

/// Paces requests. Nothing is booked ahead: each request, when it is about
/// to go, looks at the latest state, so a read that gives up holds nothing
/// back, and an answer showing the budget recovered releases every waiting
/// read at once.
#[derive(Debug, Default)]
pub struct Pacer {
    state: Mutex<State>,
    /// Wakes waiting reads when an answer or a 429 changes the state.
    changed: Notify,
}

#[derive(Debug, Default)]
struct State {
    permitted: Option<u64>,
    /// The server's last word on what is left, less what was sent since.
    remaining: Option<u64>,
    /// When the last request went.
    last_sent: Option<Instant>,
    /// No request before this (after a 429).
    paused_until: Option<Instant>,
}

/// The deadline came before a request could go.
#[derive(Debug, PartialEq, Eq)]
pub struct DeadlineReached;

impl State {
    /// When the next request may go: `None` for now.
    fn not_before(&self, now: Instant) -> Option<Instant> {
        let mut start = self.paused_until.filter(|t| *t > now);
        if let (Some(remaining), Some(permitted), Some(last)) =
            (self.remaining, self.permitted, self.last_sent)
            && remaining < permitted.div_ceil(2)
        {
            // Spread what is left over a window.
            let interval = WINDOW / u32::try_from(remaining.max(1)).unwrap_or(u32::MAX);
            if let Some(slot) = last.checked_add(interval).filter(|t| *t > now) {
                start = Some(start.map_or(slot, |s| s.max(slot)));
            }
        }
        start
    }
}

impl Pacer {
    /// Lets a request go now if it may, noting it as sent; otherwise says
    /// when to ask again.
    pub fn try_acquire(&self, now: Instant) -> Result<(), Instant> {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(later) = s.not_before(now) {
            return Err(later);
        }
        s.last_sent = Some(now);
        if let Some(remaining) = s.remaining.as_mut() {
            *remaining = remaining.saturating_sub(1);
        }
        Ok(())
    }

    /// How many requests to have in the air at once when `wanted` are
    /// ready: all of them while more than half the budget is left (or
    /// nothing is known yet); below that, no more than a tenth of what is
    /// left, and at least one, so a burst never spends what pacing spreads.
    pub fn parallelism(&self, wanted: usize) -> usize {
        let s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let limit = match (s.remaining, s.permitted) {
            (Some(remaining), Some(permitted)) if remaining < permitted.div_ceil(2) => {
                usize::try_from(remaining / 10).unwrap_or(usize::MAX).max(1)
            }
            _ => usize::MAX,
        };
        wanted.clamp(1, limit.max(1))
    }

    /// Waits until a request may go, or fails when `deadline` comes first.
    pub async fn acquire(&self, deadline: Instant) -> Result<(), DeadlineReached> {
        loop {
            // Registered before the state is read, so no change is missed.
            let changed = self.changed.notified();
            tokio::pin!(changed);
            changed.as_mut().enable();
            let now = Instant::now();
            let later = match self.try_acquire(now) {
                Ok(()) => return Ok(()),
                Err(later) => later,
            };
            if now >= deadline {
                return Err(DeadlineReached);
            }
            tracing::debug!(
                wait_ms = later.saturating_duration_since(now).as_millis() as u64,
                "Pacing: waiting for rate-limit budget"
            );
            tokio::select! {
                () = tokio::time::sleep_until(later.min(deadline).into()) => {}
                () = &mut changed => {}
            }
        }
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
        drop(s);
        self.changed.notify_waiters();
    }

    /// Holds every request until `until` (after a 429).
    pub fn pause_until(&self, until: Instant) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        s.paused_until = Some(s.paused_until.map_or(until, |p| p.max(until)));
        drop(s);
        self.changed.notify_waiters();
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
    /// each, in virtual time, the limiter answering `remaining` as it counts
    /// (or as `headers` rewrites it). Returns (429s seen, time taken).
    fn simulate_with(
        sliding: bool,
        total: usize,
        workers: usize,
        latency: Duration,
        headers: impl Fn(Duration, Option<u64>) -> Option<u64>,
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
        #[derive(Clone, Copy, PartialEq)]
        enum Next {
            Start,
            Acquire,
            Send,
            Answer(Option<u64>),
            Done,
        }
        let mut events = vec![(Duration::ZERO, Next::Start); workers];
        let (mut started, mut refused, mut end) = (0, 0, Duration::ZERO);
        while events.iter().any(|(_, n)| *n != Next::Done) {
            let (w, &(t, next)) = events
                .iter()
                .enumerate()
                .filter(|(_, (_, n))| *n != Next::Done)
                .min_by_key(|(_, (t, _))| *t)
                .unwrap();
            events[w] = match next {
                Next::Start if started < total => {
                    started += 1;
                    (t, Next::Acquire)
                }
                Next::Start | Next::Done => (t, Next::Done),
                Next::Acquire => match pacer.try_acquire(epoch + t) {
                    Ok(()) => (t, Next::Send),
                    Err(later) => (later - epoch, Next::Acquire),
                },
                Next::Send => {
                    let remaining = limiter.admit(t).ok();
                    refused += usize::from(remaining.is_none());
                    (t + latency, Next::Answer(headers(t, remaining)))
                }
                Next::Answer(remaining) => {
                    pacer.observe(remaining, Some(1000));
                    end = end.max(t);
                    // The answer wakes every waiting reader to look again.
                    for event in events.iter_mut() {
                        if event.1 == Next::Acquire {
                            event.0 = event.0.min(t);
                        }
                    }
                    (t, Next::Start)
                }
            };
        }
        (refused, end)
    }

    fn simulate(
        sliding: bool,
        total: usize,
        workers: usize,
        latency: Duration,
    ) -> (usize, Duration) {
        simulate_with(sliding, total, workers, latency, |_, r| r)
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
        let until = now + Duration::from_secs(2);
        pacer.pause_until(until);
        assert_eq!(pacer.try_acquire(now), Err(until));
        assert_eq!(pacer.try_acquire(now + Duration::from_secs(1)), Err(until));
        assert_eq!(pacer.try_acquire(now + Duration::from_secs(3)), Ok(()));
    }

    #[test]
    fn waiting_reads_hold_nothing_back_and_a_recovered_budget_frees_them() {
        let pacer = Pacer::default();
        let now = Instant::now();
        pacer.observe(Some(1), Some(1000));
        assert_eq!(pacer.try_acquire(now), Ok(()));
        // One left of a thousand: the next may go a minute after the last.
        let slot = now + WINDOW;
        // However many reads ask (and give up), the slot does not move.
        for _ in 0..30 {
            assert_eq!(pacer.try_acquire(now), Err(slot));
        }
        // An answer showing the budget back lets everyone go at once.
        pacer.observe(Some(999), Some(1000));
        for _ in 0..30 {
            assert_eq!(pacer.try_acquire(now), Ok(()));
        }
    }

    #[tokio::test]
    async fn a_budget_of_zero_holds_every_read_until_an_answer_says_otherwise() {
        let pacer = std::sync::Arc::new(Pacer::default());
        pacer.observe(Some(1000), Some(1000));
        pacer.acquire(Instant::now()).await.unwrap();
        // An answer in flight comes back with nothing left: every later read
        // waits for the window (a minute), bounded by its own deadline.
        pacer.observe(Some(0), Some(1000));
        let now = Instant::now();
        let Err(slot) = pacer.try_acquire(now) else {
            panic!("a read went with no budget left")
        };
        assert!(
            slot >= now + WINDOW - Duration::from_secs(1),
            "{:?}",
            slot - now
        );
        let waiters: Vec<_> = (0..5)
            .map(|_| {
                let pacer = std::sync::Arc::clone(&pacer);
                tokio::spawn(async move {
                    pacer
                        .acquire(Instant::now() + Duration::from_secs(50))
                        .await
                })
            })
            .collect();
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert!(
            waiters.iter().all(|w| !w.is_finished()),
            "held while the budget is spent"
        );
        // A later answer (another read's, sent before) shows the budget back:
        // the waits end at once, not at the end of the window.
        let observed = Instant::now();
        pacer.observe(Some(998), Some(1000));
        for waiter in waiters {
            assert_eq!(waiter.await.unwrap(), Ok(()));
        }
        assert!(
            observed.elapsed() < Duration::from_secs(2),
            "{:?}",
            observed.elapsed()
        );
    }

    #[test]
    fn parallel_reads_shrink_with_the_budget() {
        let pacer = Pacer::default();
        assert_eq!(pacer.parallelism(10), 10, "nothing known yet");
        pacer.observe(Some(999), Some(1000));
        assert_eq!(pacer.parallelism(10), 10);
        assert_eq!(pacer.parallelism(0), 1);
        pacer.observe(Some(400), Some(1000));
        assert_eq!(pacer.parallelism(100), 40);
        pacer.observe(Some(30), Some(1000));
        assert_eq!(pacer.parallelism(10), 3);
        pacer.observe(Some(0), Some(1000));
        assert_eq!(pacer.parallelism(10), 1);
    }

    #[test]
    fn a_budget_low_for_ten_seconds_costs_a_minute_at_most() {
        // The case from the hardening review: remaining 1 for the first 10 s,
        // 999 after. 40 reads, 10 at a time, all done in about a minute.
        let (refused, took) = simulate_with(false, 40, 10, Duration::from_millis(20), |t, r| {
            r.map(|r| if t < Duration::from_secs(10) { 1 } else { r })
        });
        assert_eq!(refused, 0);
        assert!(took <= Duration::from_secs(61), "{took:?}");
    }

    #[tokio::test]
    async fn acquire_waits_until_its_deadline_or_a_recovery() {
        let pacer = std::sync::Arc::new(Pacer::default());
        pacer.observe(Some(1), Some(1000));
        pacer.acquire(Instant::now()).await.unwrap();
        // The next slot is a minute away: a short deadline ends the wait then.
        let started = Instant::now();
        let deadline = started + Duration::from_millis(100);
        assert_eq!(pacer.acquire(deadline).await, Err(DeadlineReached));
        assert!(Instant::now() >= deadline);
        // A recovery seen by another read releases a waiting one at once.
        let waiter = tokio::spawn({
            let pacer = std::sync::Arc::clone(&pacer);
            async move {
                pacer
                    .acquire(Instant::now() + Duration::from_secs(30))
                    .await
            }
        });
        tokio::time::sleep(Duration::from_millis(50)).await;
        let observed = Instant::now();
        pacer.observe(Some(999), Some(1000));
        assert_eq!(waiter.await.unwrap(), Ok(()));
        assert!(observed.elapsed() < Duration::from_secs(10));
    }
}
