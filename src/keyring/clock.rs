//! Time, injectable so that the lifecycle can be tested at any moment.

use jiff::Timestamp;

pub trait Clock {
    fn now(&self) -> Timestamp;
}

/// The system's wall clock (which `faketime` can move for the integration tests).
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        // Whole seconds keep every stored and printed time short and stable.
        Timestamp::from_second(Timestamp::now().as_second()).unwrap_or_else(|_| Timestamp::now())
    }
}

/// A clock that says what it is told; for tests.
#[cfg(test)]
pub struct FixedClock(pub std::cell::Cell<Timestamp>);

#[cfg(test)]
impl Clock for FixedClock {
    fn now(&self) -> Timestamp {
        self.0.get()
    }
}
