//! Helpers the importer's tests share: whether an import was clean, the notices it wrote, and a
//! verdict's status from them.
#![allow(clippy::unwrap_used, dead_code)]

use saigai_mode::import::ImportReport;
use saigai_mode::notices::NoticeSet;
use saigai_mode::time::parse_query;
use saigai_mode::verdict::{evaluate, Status};

/// Fails unless the import read the text with no problem and no question
pub fn assert_clean(r: &ImportReport) {
    assert!(r.problems.is_empty() && r.questions.is_empty(), "{:#?} {:#?}", r.problems, r.questions);
}

/// The notices of a clean import (it fails on any problem or question)
pub fn set(r: &ImportReport) -> NoticeSet {
    assert_clean(r);
    NoticeSet::from_doc(r.file.clone().unwrap()).unwrap()
}

/// The status of the verdict for a place at a JST day or instant
pub fn status(s: &NoticeSet, place: &str, when: &str) -> Status {
    evaluate(place, parse_query(when).unwrap(), s).status
}
