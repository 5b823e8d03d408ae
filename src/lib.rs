//! 災害時モード判定: is the Online Eligibility Confirmation System's disaster
//! mode (「緊急時医療情報・資格確認機能」) active for a municipality at a
//! given JST time, until when and under which MHLW notice; and what staff
//! must do for a patient.
//!
//! The core is plain Rust with no wasm dependency:
//! - [`master`]: the municipality master (embedded, generated data)
//! - [`resolve`]: what people type → one municipality, or candidates
//!   ([`postal`]: postal codes, [`romaji`]: names typed in Latin letters)
//! - [`notices`]: the notice file format, its validation and compiled form
//! - [`verdict`]: the answer for a place and a time
//! - [`procedure`]: the consent and identification steps
//! - [`time`]: JST, the only time zone the rules know
//!
//! `src/wasm.rs` (wasm32 only) is the thin boundary for the page.
//!
//! ```
//! use saigai_mode::{evaluate, notices::NoticeSet, time::parse_query, verdict::Status};
//! let set = NoticeSet::builtin().map_err(|p| p[0].message.clone())?;
//! let v = evaluate("弘前市", parse_query("2026-02-05")?, &set);
//! assert_eq!(v.status, Status::Active);
//! assert_eq!(v.window.unwrap().until, "2026-02-10");
//! let v = evaluate("弘前市", parse_query("2026-02-11")?, &set);
//! assert_eq!(v.status, Status::Ended);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![cfg_attr(feature = "lean", no_std)]

extern crate alloc;

#[cfg(feature = "lean")]
mod lean;
mod once;
mod prelude;

pub mod error;
pub mod feed;
pub mod import;
pub mod json;
pub mod master;
pub mod notices;
pub mod postal;
pub mod procedure;
pub mod resolve;
pub mod romaji;
pub mod sort;
pub mod text;
pub mod time;
pub mod verdict;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{Error, ErrorKind};
pub use verdict::evaluate;
