//! A time limit for evaluating one request.
//!
//! Every input is bounded in size (see the README's limits), but sizes alone do not bound time:
//! a resource-based policy may hold thousands of condition values, and a request may carry
//! thousands of values for one multivalued key, so one condition can mean hundreds of millions of
//! comparisons. A page that re-runs on every keystroke, or that opens a stranger's link, must not
//! hang on that, so evaluation looks at a clock between comparisons and stops once the request's
//! time is spent; the request then reports the limit instead of a decision.
//!
//! The clock is handed in because the core knows nothing of its platform: the command line uses
//! the operating system's monotonic clock, the WebAssembly binding the browser's `Date.now`.

use std::cell::Cell;
use std::rc::Rc;

/// Milliseconds since any fixed origin.
pub type Clock = fn() -> f64;

/// How often (in calls of [`Deadline::passed`]) the clock is read: reading it costs more than
/// the comparison it guards.
const READ_EVERY: u32 = 64;

/// The end of one request's time. Clones share it, so every context built for the request
/// (the caller's, the trust policy's) stops together.
#[derive(Clone, Debug)]
pub struct Deadline(Rc<State>);

#[derive(Debug)]
struct State {
    clock: Clock,
    until: f64,
    calls: Cell<u32>,
    passed: Cell<bool>,
}

impl Deadline {
    /// A deadline `limit_ms` after `now`, a reading of `clock` the caller has just taken: in
    /// the browser each reading is a call out to JavaScript's `Date.now`, and one reading can
    /// start a request's time and check the scenario's.
    pub fn from(clock: Clock, now: f64, limit_ms: f64) -> Deadline {
        Deadline(Rc::new(State {
            clock,
            until: now + limit_ms,
            calls: Cell::new(0),
            passed: Cell::new(false),
        }))
    }

    /// Whether the time is spent. Once it is, it stays spent.
    pub fn passed(&self) -> bool {
        let state = &self.0;
        if state.passed.get() {
            return true;
        }
        let calls = state.calls.get().wrapping_add(1);
        state.calls.set(calls);
        if calls % READ_EVERY == 0 && (state.clock)() >= state.until {
            state.passed.set(true);
        }
        state.passed.get()
    }

    /// Whether the time is spent at `now`, a reading of its clock (for checks made rarely).
    pub fn passed_at(&self, now: f64) -> bool {
        let state = &self.0;
        if !state.passed.get() && now >= state.until {
            state.passed.set(true);
        }
        state.passed.get()
    }

    /// Whether the time was found spent, without reading the clock.
    pub fn was_passed(&self) -> bool {
        self.0.passed.get()
    }
}

/// The operating system's monotonic clock (not on `wasm32`, where `std` has no clock: the
/// binding passes the browser's).
#[cfg(not(target_arch = "wasm32"))]
pub fn system_clock() -> f64 {
    use std::sync::OnceLock;
    use std::time::Instant;
    static ORIGIN: OnceLock<Instant> = OnceLock::new();
    ORIGIN.get_or_init(Instant::now).elapsed().as_secs_f64() * 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frozen() -> f64 {
        0.0
    }

    fn late() -> f64 {
        thread_local!(static NOW: Cell<f64> = const { Cell::new(0.0) });
        NOW.with(|now| {
            let t = now.get();
            now.set(t + 1.0);
            t
        })
    }

    #[test]
    fn a_clock_that_does_not_move_never_passes() {
        let d = Deadline::from(frozen, frozen(), 10.0);
        assert!((0..10_000).all(|_| !d.passed()));
    }

    #[test]
    fn passes_once_the_clock_reaches_the_limit_and_stays_passed() {
        let d = Deadline::from(late, late(), 3.0);
        let first = (1..10_000)
            .find(|_| d.passed())
            .expect("the deadline passes");
        // The clock is read every READ_EVERY calls: the fourth read is at the limit.
        assert_eq!(first, 3 * READ_EVERY as usize);
        assert!(d.passed() && d.was_passed());
        let shared = d.clone();
        assert!(shared.was_passed());
    }
}
