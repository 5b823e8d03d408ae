//! A value set once and then shared: the master, its readings, the romaji
//! keys. `std::sync::OnceLock` with std (tests and the CLI run threads);
//! in the browser's module without std (feature `lean`), a `OnceCell`,
//! since that module has one thread.

#[cfg(not(feature = "lean"))]
pub use std::sync::OnceLock as Once;

#[cfg(feature = "lean")]
#[derive(Debug)]
pub struct Once<T>(core::cell::OnceCell<T>);

// SAFETY: the lean build is the wasm32 module without the atomics feature:
// one thread, so nothing is ever shared across threads.
#[cfg(feature = "lean")]
unsafe impl<T> Sync for Once<T> {}

#[cfg(feature = "lean")]
impl<T> Once<T> {
    pub const fn new() -> Self {
        Once(core::cell::OnceCell::new())
    }

    pub fn get(&self) -> Option<&T> {
        self.0.get()
    }

    pub fn set(&self, value: T) -> Result<(), T> {
        self.0.set(value)
    }

    pub fn get_or_init(&self, f: impl FnOnce() -> T) -> &T {
        self.0.get_or_init(f)
    }
}
