//! What the standard prelude would bring, from `alloc`: the module is built
//! without `std` for the browser (feature `lean`, see `src/lean.rs`), so each
//! file takes these names from here; with `std` they are the same types.

pub use alloc::boxed::Box;
pub use alloc::format;
pub use alloc::string::{String, ToString};
pub use alloc::vec;
pub use alloc::vec::Vec;
