//! The one error type of the core.
//!
//! Every failure the library can report is an [`Error`] value: a stable
//! lowercase `kind` that programs switch on, and a Japanese `message` a person
//! can act on (the page and the CLI show it as is). Nothing in the core panics.

use crate::prelude::*;

use core::fmt;
use serde::Serialize;

/// What went wrong, as a stable id (`Error::kind` serialises it in snake_case)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// A date or time that is not a real one or not in the accepted form
    InvalidDate,
    /// A notices file that cannot be used (its problems, joined)
    InvalidNotice,
    /// A call with arguments of the wrong shape (the JS API, the CLI)
    InvalidArgument,
}

/// An error with its kind and a Japanese message
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Error {
    pub kind: ErrorKind,
    pub message: String,
}

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error { kind, message: message.into() }
    }

    pub(crate) fn date(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::InvalidDate, message)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl core::error::Error for Error {}
