//! Identical requests in flight at the same moment are made once.
//!
//! Ten `katapult_disk` blocks for one id, or a virtual machine's disks read
//! while `katapult_disk` reads one of them, would each send the same `GET`
//! at the same moment. The first caller (the pilot) sends it; callers that
//! ask for the same path and query while it is in the air board the same
//! flight and get its answer, errors included. Nothing is kept once it
//! lands: a later read asks again.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use serde_json::Value;
use tokio::sync::watch;

use super::error::Error;

/// What a flight brought back: shared by everyone aboard.
pub(crate) type Landed = Result<Arc<Value>, Error>;

/// A request's identity: its path and query, in order.
type Key = (String, Vec<(String, String)>);

/// The flights in the air, by request.
#[derive(Debug, Default)]
pub(crate) struct Flights {
    in_air: Mutex<HashMap<Key, watch::Receiver<Option<Landed>>>>,
}

/// Where a caller sits on a request.
pub(crate) enum Seat<'a> {
    /// Nobody is making this request: send it, then `land` the answer.
    Pilot(Pilot<'a>),
    /// Somebody is: wait for their answer (`None` until it lands; the
    /// channel closes if the pilot gave up without one).
    Passenger(watch::Receiver<Option<Landed>>),
}

/// The caller making a request others may be waiting on.
pub(crate) struct Pilot<'a> {
    flights: &'a Flights,
    key: Key,
    sender: watch::Sender<Option<Landed>>,
}

impl Flights {
    /// A seat on the request for `path` and `query`.
    pub(crate) fn board(&self, path: &str, query: &[(&str, &str)]) -> Seat<'_> {
        let key: Key = (
            path.to_owned(),
            query
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        );
        let mut in_air = self.in_air.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(flight) = in_air.get(&key) {
            return Seat::Passenger(flight.clone());
        }
        let (sender, receiver) = watch::channel(None);
        in_air.insert(key.clone(), receiver);
        Seat::Pilot(Pilot {
            flights: self,
            key,
            sender,
        })
    }

    /// How many requests are in the air (for tests).
    #[cfg(test)]
    fn in_air(&self) -> usize {
        self.in_air.lock().unwrap().len()
    }
}

impl Pilot<'_> {
    /// Hands the answer to everyone aboard. The flight leaves the board
    /// first, so a caller from now on sends a request of its own.
    pub(crate) fn land(self, landed: &Landed) {
        self.leave();
        // No receiver left is fine: nobody boarded.
        let _ = self.sender.send(Some(landed.clone()));
    }

    /// Takes this flight (and only this one) off the board.
    fn leave(&self) {
        let mut in_air = self
            .flights
            .in_air
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if in_air
            .get(&self.key)
            .is_some_and(|flight| flight.same_channel(&self.sender.subscribe()))
        {
            in_air.remove(&self.key);
        }
    }
}

impl Drop for Pilot<'_> {
    /// A pilot dropped before landing (its read was cancelled): off the
    /// board, and the channel closes, so passengers fly themselves.
    fn drop(&mut self) {
        self.leave();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn passengers_get_the_pilots_answer_and_nothing_is_kept() {
        let flights = Flights::default();
        let Seat::Pilot(pilot) = flights.board("disks/disk", &[("disk[id]", "d1")]) else {
            panic!("the first caller flies")
        };
        let Seat::Passenger(mut passenger) = flights.board("disks/disk", &[("disk[id]", "d1")])
        else {
            panic!("the second caller boards")
        };
        // Another query is another flight.
        assert!(matches!(
            flights.board("disks/disk", &[("disk[id]", "d2")]),
            Seat::Pilot(_)
        ));
        pilot.land(&Ok(Arc::new(serde_json::json!({"disk": {"id": "d1"}}))));
        let landed = passenger.wait_for(Option::is_some).await.unwrap().clone();
        assert_eq!(landed.unwrap().unwrap()["disk"]["id"], "d1");
        assert_eq!(flights.in_air(), 0);
        assert!(
            matches!(
                flights.board("disks/disk", &[("disk[id]", "d1")]),
                Seat::Pilot(_)
            ),
            "a later read asks again"
        );
    }

    #[tokio::test]
    async fn errors_are_shared_and_a_pilot_that_gives_up_frees_its_passengers() {
        let flights = Flights::default();
        let Seat::Pilot(pilot) = flights.board("p", &[]) else {
            panic!()
        };
        let Seat::Passenger(mut passenger) = flights.board("p", &[]) else {
            panic!()
        };
        pilot.land(&Err(Error::ServiceUnavailable));
        let landed = passenger.wait_for(Option::is_some).await.unwrap().clone();
        assert!(matches!(landed, Some(Err(Error::ServiceUnavailable))));

        let Seat::Pilot(pilot) = flights.board("p", &[]) else {
            panic!()
        };
        let Seat::Passenger(mut passenger) = flights.board("p", &[]) else {
            panic!()
        };
        drop(pilot);
        assert!(passenger.wait_for(Option::is_some).await.is_err());
        assert_eq!(flights.in_air(), 0);
    }

    #[test]
    fn a_pilot_leaving_late_never_takes_a_newer_flight_off_the_board() {
        let flights = Flights::default();
        let Seat::Pilot(first) = flights.board("p", &[]) else {
            panic!()
        };
        first.leave();
        let Seat::Pilot(_second) = flights.board("p", &[]) else {
            panic!()
        };
        drop(first);
        assert_eq!(flights.in_air(), 1, "the second flight is still in the air");
    }
}
