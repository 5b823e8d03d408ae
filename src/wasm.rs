//! The JavaScript boundary: every `#[wasm_bindgen]` of the crate.
//!
//! Each export decodes its arguments, calls the core, encodes the answer.
//! Answers are plain objects (written as JSON and parsed by the browser:
//! `null` for absent values). Malformed calls throw a JS `Error`;
//! expected outcomes (not found, invalid notices file) are values. The
//! browser clock is read in `now_naive` and nowhere else.

use crate::prelude::*;

#[cfg(feature = "maintain")]
use crate::import::{import_into_text, ImportOptions};
use crate::notices::{DataSource, LoadAnswer, NoticeSet};
use crate::postal::PostalTable;
use crate::resolve::{needs_postal_table as core_needs_postal_table, suggest as core_suggest};
use crate::time::{jst_from_unix_millis, parse_date, wareki as core_wareki};
use crate::verdict::{check as core_check, CheckCall, Place};
use core::cell::RefCell;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = include_str!("wasm-types.d.ts");

/// The module's state. A plain static: wasm32 without the atomics feature
/// has one thread (and the lean build has no `thread_local!`).
struct Local<T>(RefCell<T>);

// SAFETY: one thread (see above), so the cell is never shared across threads
unsafe impl<T> Sync for Local<T> {}

impl<T> Local<T> {
    fn with<R>(&self, f: impl FnOnce(&RefCell<T>) -> R) -> R {
        f(&self.0)
    }
}

/// The notices in use, per source (the `notices` URL of each element on
/// the page; `""` for the default), and where they came from
static NOTICES: Local<Vec<(String, NoticeSet, DataSource)>> = Local(RefCell::new(Vec::new()));
/// The postal table, once the page has fetched and loaded it
static POSTAL: Local<Option<PostalTable>> = Local(RefCell::new(None));

/// A result as a JS object: written as JSON by serde_json and parsed by the
/// browser (measured: 8 KB less code than serde-wasm-bindgen's field-by-field
/// object building, with its string cache, and no slower for these sizes)
fn encode<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let text = serde_json::to_string(value).map_err(|_| JsError::new("結果を書き出せませんでした"))?;
    js_sys::JSON::parse(&text).map_err(|_| JsError::new("結果を書き出せませんでした"))
}

/// Run `f` on the notices in use for a source (the built-in ones until a
/// file is loaded for it)
fn with_notices<R>(source: &str, f: impl FnOnce(&NoticeSet, DataSource) -> R) -> Result<R, JsError> {
    NOTICES.with(|cell| {
        let mut sets = cell.borrow_mut();
        if !sets.iter().any(|(k, _, _)| k == source) {
            let set = NoticeSet::builtin().map_err(|p| JsError::new(&crate::notices::problems_error(&p).message))?;
            sets.push((source.to_string(), set, DataSource::Builtin));
        }
        match sets.iter().find(|(k, _, _)| k == source) {
            Some((_, set, from)) => Ok(f(set, *from)),
            None => Err(JsError::new("notices unavailable")),
        }
    })
}

/// Replace a source's notices (or drop them, back to the built-in ones)
fn set_notices(source: &str, set: Option<NoticeSet>) {
    NOTICES.with(|cell| {
        let mut sets = cell.borrow_mut();
        sets.retain(|(k, _, _)| k != source);
        if let Some(set) = set {
            sets.push((source.to_string(), set, DataSource::Loaded));
        }
    });
}

/// Reject properties a call does not know (serde-wasm-bindgen only looks up
/// the fields it knows, so a misspelt optional property would otherwise be
/// ignored silently)
fn known_fields(value: &JsValue, fields: &[&str]) -> Result<(), JsError> {
    let Some(object) = value.dyn_ref::<js_sys::Object>().filter(|_| value.is_object()) else {
        return Err(JsError::new(&format!("expected an object with `{}`", fields.join("`, `"))));
    };
    for key in js_sys::Object::keys(object).iter().filter_map(|k| k.as_string()) {
        if !fields.contains(&key.as_str()) {
            return Err(JsError::new(&format!("unknown field `{key}`, expected one of `{}`", fields.join("`, `"))));
        }
    }
    Ok(())
}

/// A property of a call object: absent (`undefined` or `null`) or present
fn property(value: &JsValue, key: &str) -> Result<Option<JsValue>, JsError> {
    let v = js_sys::Reflect::get(value, &JsValue::from_str(key))
        .map_err(|_| JsError::new(&format!("cannot read `{key}`")))?;
    Ok((!v.is_undefined() && !v.is_null()).then_some(v))
}

fn string_property(value: &JsValue, key: &str) -> Result<Option<String>, JsError> {
    property(value, key)?
        .map(|v| v.as_string().ok_or_else(|| JsError::new(&format!("invalid type for `{key}`: expected a string"))))
        .transpose()
}

fn missing(key: &str) -> JsError {
    JsError::new(&format!("missing field `{key}`"))
}

/// `{ municipality, date?, at?, notices? }`, decoded by hand: serde's
/// decoder would bring float formatting (for its error messages) into the
/// module. `notices`: which source's notices answer (default `""`)
fn decode_check_call(value: &JsValue) -> Result<(CheckCall, String), JsError> {
    let fields: Vec<&str> = CheckCall::FIELDS.iter().copied().chain(["notices"]).collect();
    known_fields(value, &fields)?;
    Ok((
        CheckCall {
            municipality: string_property(value, "municipality")?.ok_or_else(|| missing("municipality"))?,
            date: string_property(value, "date")?,
            at: string_property(value, "at")?,
        },
        string_property(value, "notices")?.unwrap_or_default(),
    ))
}

fn now_naive() -> Result<chrono::NaiveDateTime, JsError> {
    Ok(jst_from_unix_millis(js_sys::Date::now())?)
}

/// The verdict for `{ municipality, date?, at? }` (now when neither is given)
#[wasm_bindgen(js_name = "check", unchecked_return_type = "Verdict")]
pub fn check(#[wasm_bindgen(unchecked_param_type = "CheckCall")] call: JsValue) -> Result<JsValue, JsError> {
    let (call, source) = decode_check_call(&call)?;
    let now = now_naive()?;
    let verdict =
        POSTAL.with(|p| with_notices(&source, |set, _| core_check(&call, now, set, p.borrow().as_ref())))??;
    encode(&verdict)
}

/// Whether the input is a postal code that only the postal table can answer
/// (the page then fetches postal-codes.txt and calls `loadPostalCodes`)
#[wasm_bindgen(js_name = "needsPostalTable")]
pub fn needs_postal_table(input: &str) -> bool {
    POSTAL.with(|p| p.borrow().is_none()) && core_needs_postal_table(input)
}

/// Load the postal table (the text of postal-codes.txt); on failure keep
/// what was loaded before
#[wasm_bindgen(js_name = "loadPostalCodes", unchecked_return_type = "TableLoadAnswer")]
pub fn load_postal_codes(text: &str) -> Result<JsValue, JsError> {
    encode(&match PostalTable::parse(text) {
        Ok(table) => {
            let rows = table.len();
            POSTAL.with(|p| *p.borrow_mut() = Some(table));
            TableLoadAnswer::Success { rows }
        }
        Err(e) => TableLoadAnswer::Failure { message: e.message() },
    })
}

/// Whether the input is in kana or romaji and the readings are not loaded
/// yet (the page then fetches readings.txt and calls `loadReadings`)
#[wasm_bindgen(js_name = "needsReadings")]
pub fn needs_readings(input: &str) -> bool {
    crate::resolve::needs_readings(input)
}

/// Load the master's readings (the text of readings.txt, of the same build)
#[wasm_bindgen(js_name = "loadReadings", unchecked_return_type = "TableLoadAnswer")]
pub fn load_readings(text: &str) -> Result<JsValue, JsError> {
    encode(&match crate::master::load_readings(text) {
        Ok(()) => TableLoadAnswer::Success { rows: crate::master::master().entries.len() },
        Err(message) => TableLoadAnswer::Failure { message },
    })
}

/// What `loadPostalCodes` and `loadReadings` say
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "camelCase")]
enum TableLoadAnswer {
    Success { rows: usize },
    Failure { message: String },
}

/// Places for autocomplete, best first
#[wasm_bindgen(js_name = "suggest", unchecked_return_type = "Place[]")]
pub fn suggest(prefix: &str, limit: Option<u32>) -> Result<JsValue, JsError> {
    let places: Vec<Place> =
        core_suggest(prefix, limit.unwrap_or(8) as usize).into_iter().filter_map(Place::at).collect();
    encode(&places)
}

/// Replace the notices (of a source: an element's `notices` URL; default
/// `""`) with a file's text; on failure keep the old ones
#[wasm_bindgen(js_name = "loadNotices", unchecked_return_type = "LoadAnswer")]
pub fn load_notices(text: &str, source: Option<String>) -> Result<JsValue, JsError> {
    let answer = match NoticeSet::from_json(text) {
        Ok(set) => {
            let info = set.info(DataSource::Loaded);
            set_notices(source.as_deref().unwrap_or(""), Some(set));
            LoadAnswer::Success { info: Box::new(info) }
        }
        Err(problems) => LoadAnswer::Failure { problems },
    };
    encode(&answer)
}

/// Check a notices file without loading it
#[cfg(feature = "maintain")]
#[wasm_bindgen(js_name = "validateNotices", unchecked_return_type = "LoadAnswer")]
pub fn validate_notices(text: &str) -> Result<JsValue, JsError> {
    encode(&match NoticeSet::from_json(text) {
        Ok(set) => LoadAnswer::Success { info: Box::new(set.info(DataSource::Loaded)) },
        Err(problems) => LoadAnswer::Failure { problems },
    })
}

/// Read a notice's text into an entry of the notices file `file` (its text;
/// omitted: a new file), with the maintainer's answers in `options`
#[cfg(feature = "maintain")]
#[wasm_bindgen(js_name = "importNotice", unchecked_return_type = "ImportReport")]
pub fn import_notice(
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "ImportOptions")] options: JsValue,
    file: Option<String>,
) -> Result<JsValue, JsError> {
    let options: ImportOptions = if options.is_undefined() || options.is_null() {
        ImportOptions::default()
    } else {
        known_fields(&options, ImportOptions::FIELDS)?;
        serde_wasm_bindgen::from_value(options)?
    };
    encode(&import_into_text(text, &options, file.as_deref()))
}

/// How a notices file (its text) goes backwards against the file it
/// replaces (Japanese warnings; none when it only adds)
#[cfg(feature = "maintain")]
#[wasm_bindgen(js_name = "noticeRegressions")]
pub fn notice_regressions(text: &str, replaces: &str) -> Result<Vec<String>, JsError> {
    let bad = |p: Vec<crate::notices::Problem>| JsError::new(&crate::notices::problems_error(&p).message);
    let (new, old) = (NoticeSet::from_json(text).map_err(bad)?, NoticeSet::from_json(replaces).map_err(bad)?);
    Ok(new.regressions(&old, true))
}

/// The Atom feed of a notices file (its text), published at `base`
#[cfg(feature = "maintain")]
#[wasm_bindgen(js_name = "atomFeed")]
pub fn atom_feed(text: &str, base: &str) -> Result<String, JsError> {
    let set = NoticeSet::from_json(text).map_err(|p| JsError::new(&crate::notices::problems_error(&p).message))?;
    Ok(crate::feed::atom(&set.doc, base))
}

/// The built-in notices file, as text (the starting point when a site has
/// no notices.json yet)
#[cfg(feature = "maintain")]
#[wasm_bindgen(js_name = "builtinNotices")]
pub fn builtin_notices() -> String {
    crate::notices::BUILTIN_NOTICES.to_string()
}

/// Go back to the built-in notices
#[wasm_bindgen(js_name = "resetNotices", unchecked_return_type = "DataInfo")]
pub fn reset_notices(source: Option<String>) -> Result<JsValue, JsError> {
    set_notices(source.as_deref().unwrap_or(""), None);
    data_info(source)
}

/// The built-in notices' newest date of issue (`YYYY-MM-DD`), without
/// compiling them (the page compares a fetched file with it at start-up)
#[wasm_bindgen(js_name = "builtinDataAsOf")]
pub fn builtin_data_as_of() -> String {
    crate::notices::BUILTIN_DATA_AS_OF.to_string()
}

/// Which notices are in use: source, data as of, counts, newest notice
#[wasm_bindgen(js_name = "dataInfo", unchecked_return_type = "DataInfo")]
pub fn data_info(source: Option<String>) -> Result<JsValue, JsError> {
    encode(&with_notices(source.as_deref().unwrap_or(""), |set, from| set.info(from))?)
}

/// The browser's current time in JST
#[wasm_bindgen(js_name = "nowJst", unchecked_return_type = "NowJst")]
pub fn now_jst() -> Result<JsValue, JsError> {
    let now = now_naive()?;
    encode(&crate::time::NowJst::of(now))
}

/// `令和8年2月10日（火）` for `2026-02-10`
#[wasm_bindgen(js_name = "wareki")]
pub fn wareki(date: &str) -> Result<String, JsError> {
    Ok(core_wareki(parse_date(date)?))
}
