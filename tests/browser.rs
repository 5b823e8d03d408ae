//! The JS boundary in a real headless Chromium (wasm-bindgen-test).
//! Run by scripts/test: `cargo test --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use js_sys::{Reflect, JSON};
use saigai_mode::wasm;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn obj(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

fn get(v: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(v.clone(), |v, k| match k.parse::<u32>() {
        Ok(i) => Reflect::get_u32(&v, i).unwrap(),
        Err(_) => Reflect::get(&v, &k.into()).unwrap(),
    })
}

fn text(v: &JsValue, path: &str) -> String {
    get(v, path).as_string().unwrap_or_else(|| format!("<{path} is not a string>"))
}

/// A thrown value is a real JS Error; its message
fn thrown(e: wasm_bindgen::JsError) -> String {
    let v: JsValue = e.into();
    let err = v.dyn_into::<js_sys::Error>().expect("a JS Error");
    String::from(err.message())
}

#[wasm_bindgen_test]
fn check_answers_with_plain_objects() {
    let v = wasm::check(obj(r#"{"municipality":"弘前市","date":"2026-02-05"}"#)).unwrap();
    assert_eq!(text(&v, "status"), "active");
    assert_eq!(text(&v, "window.until"), "2026-02-10");
    assert_eq!(text(&v, "window.untilWareki"), "令和8年2月10日（火）");
    assert_eq!(text(&v, "municipality.code"), "022021");
    assert_eq!(get(&v, "daysLeft").as_f64(), Some(5.0));
    assert!(get(&v, "window.from").is_null(), "absent values are null, not undefined");
    // A plain object: JSON round trip keeps it
    let s = String::from(JSON::stringify(&v).unwrap());
    assert!(s.contains("\"dataAsOf\":\"2026-02-04\""), "{s}");

    let v = wasm::check(obj(r#"{"municipality":"上越市","at":"2026-02-10T23:59:59+09:00"}"#)).unwrap();
    assert_eq!(get(&v, "newlyAdded").as_bool(), Some(true));
    let v = wasm::check(obj(r#"{"municipality":"府中市","date":"2026-02-05"}"#)).unwrap();
    assert_eq!(text(&v, "status"), "ambiguous");
    assert_eq!(text(&v, "candidates.1.prefecture"), "広島県");
    let v = wasm::check(obj(r#"{"municipality":"鰭ヶ沢町"}"#)).unwrap();
    assert_eq!(text(&v, "status"), "not_found");
    assert!(get(&v, "municipality").is_null());
    assert_eq!(text(&v, "candidates.0.name"), "鰺ヶ沢町");
}

#[wasm_bindgen_test]
fn malformed_calls_throw_errors() {
    let e = wasm::check(obj(r#"{"municipalty":"弘前市"}"#)).unwrap_err();
    let msg = thrown(e);
    assert!(msg.contains("unknown field") && msg.contains("municipalty"), "{msg}");
    // A misspelt optional property is an error, not silently "now"
    let e = wasm::check(obj(r#"{"municipality":"弘前市","data":"2026-02-05"}"#)).unwrap_err();
    assert!(thrown(e).contains("unknown field `data`"));
    let e = wasm::check(obj(r#"{"municipality":"弘前市","date":"2026-02-30"}"#)).unwrap_err();
    assert!(thrown(e).contains("という日付はありません"));
    let e = wasm::check(obj(r#"{"municipality":"弘前市","date":"2026-02-05","at":"2026-02-05T10:00"}"#)).unwrap_err();
    assert!(thrown(e).contains("同時に指定できません"));
    let e = wasm::check(JsValue::from_f64(3.0)).unwrap_err();
    assert!(!thrown(e).is_empty());
    let e = wasm::wareki("2026-13-01").unwrap_err();
    assert!(thrown(e).contains("2026-13-01"));
}

#[wasm_bindgen_test]
fn now_is_the_browser_clock_in_jst() {
    // JST = UTC+9 whatever the browser's zone: compute it independently
    let expected = js_sys::Date::new(&JsValue::from_f64(js_sys::Date::now() + 9.0 * 3600.0 * 1000.0));
    let expected = String::from(expected.to_iso_string());
    let now = wasm::now_jst().unwrap();
    let date = text(&now, "date");
    assert_eq!(date, &expected[..10]);
    assert!(text(&now, "iso").ends_with("+09:00"));
    assert!(text(&now, "wareki").starts_with("令和"));
    // check without a date uses now: the seed's window (to 2026-02-10) is over
    let v = wasm::check(obj(r#"{"municipality":"弘前市"}"#)).unwrap();
    assert_eq!(text(&v, "queryKind"), "instant");
    assert!(text(&v, "query").starts_with(&date));
    if date.as_str() > "2026-02-10" {
        assert_eq!(text(&v, "status"), "ended");
    }
}

#[wasm_bindgen_test]
fn suggest_and_wareki() {
    let s = wasm::suggest("ひろさ", Some(3)).unwrap();
    assert_eq!(text(&s, "0.name"), "弘前市");
    assert!(js_sys::Array::from(&s).length() <= 3);
    let s = wasm::suggest("", None).unwrap();
    assert_eq!(js_sys::Array::from(&s).length(), 0);
    assert_eq!(wasm::wareki("2026-02-10").unwrap(), "令和8年2月10日（火）");
}

/// Puts the built-in notices back when a test that loads others ends,
/// passed or failed (the tests share one module instance)
struct ResetNotices;
impl Drop for ResetNotices {
    fn drop(&mut self) {
        let _ = wasm::reset_notices(None);
    }
}

#[wasm_bindgen_test]
fn load_notices_replaces_or_keeps() {
    let _reset = ResetNotices;
    let info = wasm::data_info(None).unwrap();
    assert_eq!(text(&info, "source"), "builtin");
    assert_eq!(text(&info, "dataAsOf"), "2026-02-04");
    assert_eq!(get(&info, "newestNotice.number").as_f64(), Some(5.0));

    // Not JSON: failure, old data kept
    let a = wasm::load_notices("{ not json", None).unwrap();
    assert_eq!(text(&a, "type"), "failure");
    assert!(text(&a, "problems.0.message").contains("JSONとして読めません"));
    // Misprint: failure with the suggestion
    let bad = include_str!("fixtures/shapes.json").replace("福岡県八女市", "福岡県八女町");
    let a = wasm::load_notices(&bad, None).unwrap();
    assert_eq!(text(&a, "type"), "failure");
    assert_eq!(text(&a, "problems.0.suggestions.0"), "福岡県八女市");
    let a = wasm::load_notices(r#"{"format":1,"disasters":[],"extra":1}"#, None).unwrap();
    assert!(text(&a, "problems.0.message").contains("extra"));
    assert_eq!(text(&wasm::data_info(None).unwrap(), "source"), "builtin");

    // A good file replaces the data
    let a = wasm::load_notices(include_str!("fixtures/shapes.json"), None).unwrap();
    assert_eq!(text(&a, "type"), "success");
    assert_eq!(text(&a, "info.source"), "loaded");
    let v = wasm::check(obj(r#"{"municipality":"朝倉市","date":"2023-07-10"}"#)).unwrap();
    assert_eq!(text(&v, "status"), "active");
    assert_eq!(text(&v, "opensAt"), "16:00");
    let v = wasm::check(obj(r#"{"municipality":"弘前市","date":"2026-02-05"}"#)).unwrap();
    assert_eq!(text(&v, "status"), "not_active");

    let info = wasm::reset_notices(None).unwrap();
    assert_eq!(text(&info, "source"), "builtin");
    let v = wasm::check(obj(r#"{"municipality":"弘前市","date":"2026-02-05"}"#)).unwrap();
    assert_eq!(text(&v, "status"), "active");
}

/// The maintainers' exports (built with `--features maintain`)
#[cfg(feature = "maintain")]
#[wasm_bindgen_test]
fn import_and_validate() {
    let cover = include_str!("fixtures/seed-cover-letter.txt");
    let r = wasm::import_notice(cover, JsValue::UNDEFINED, None).unwrap();
    assert_eq!(get(&r, "number").as_f64(), Some(5.0));
    assert_eq!(js_sys::Array::from(&get(&r, "areas")).length(), 32);
    assert_eq!(text(&r, "areas.10.suggestions.0.name"), "鰺ヶ沢町");
    assert!(get(&r, "file").is_null());
    let options = obj(r#"{"disaster":"snow","fixes":[{"written":"鰭ヶ沢町","meant":"023213"}]}"#);
    let r = wasm::import_notice(cover, options, Some(r#"{"format":1,"disasters":[]}"#.into())).unwrap();
    assert_eq!(js_sys::Array::from(&get(&r, "problems")).length(), 0);
    assert_eq!(text(&r, "file.disasters.0.notices.0.rules.1.areas.0"), "新潟県上越市");
    let e = wasm::import_notice(cover, obj(r#"{"disastr":"x"}"#), None).unwrap_err();
    assert!(thrown(e).contains("disastr"));
    // A broken current file is reported, nothing merged
    let r = wasm::import_notice(cover, JsValue::UNDEFINED, Some("{".into())).unwrap();
    assert!(text(&r, "problems.0.entry").starts_with("現在のデータ"));
    let v = wasm::validate_notices(&wasm::builtin_notices()).unwrap();
    assert_eq!(text(&v, "type"), "success");
    assert_eq!(text(&wasm::data_info(None).unwrap(), "source"), "builtin", "validating loads nothing");
}

/// (This build embeds the readings, as the maintainers' module does: kana
/// works all along, and loading a file changes nothing. A file of another
/// build is refused: `master::tests::readings_come_later_and_must_fit`.)
#[wasm_bindgen_test]
fn readings_once_there_stay() {
    assert!(!wasm::needs_readings("ひろさきし"));
    let again = wasm::load_readings("ほっかいどう\nさっぽろし\n").unwrap();
    assert_eq!(text(&again, "type"), "success");
    let v = wasm::check(obj(r#"{"municipality":"ひろさきし","date":"2026-02-05"}"#)).unwrap();
    assert_eq!(text(&v, "status"), "active");
    assert_eq!(text(&v, "municipality.reading"), "ひろさきし");
}

#[wasm_bindgen_test]
fn postal_codes_after_the_table_is_loaded() {
    assert!(wasm::needs_postal_table("〒036-8588"));
    assert!(!wasm::needs_postal_table("弘前市"));
    let v = wasm::check(obj(r#"{"municipality":"〒036-8588","date":"2026-02-05"}"#)).unwrap();
    assert_eq!(text(&v, "status"), "not_found");
    let bad = wasm::load_postal_codes("02202 7wek\nnot a line\n").unwrap();
    assert_eq!(text(&bad, "type"), "failure");
    assert!(text(&bad, "message").contains("2行目"));
    let ok = wasm::load_postal_codes(include_str!("../data/postal-codes.txt")).unwrap();
    assert_eq!(text(&ok, "type"), "success");
    assert_eq!(get(&ok, "rows").as_f64(), Some(143_077.0));
    assert!(!wasm::needs_postal_table("〒036-8588"));
    let v = wasm::check(obj(r#"{"municipality":"〒036-8588","date":"2026-02-05"}"#)).unwrap();
    assert_eq!(text(&v, "status"), "active");
    assert_eq!(text(&v, "municipality.fullName"), "青森県弘前市");
    assert!(text(&v, "nameNote").contains("036-8588"));
    let v = wasm::check(obj(r#"{"municipality":"泊村","date":"2026-02-05"}"#)).unwrap();
    assert_eq!(text(&v, "candidates.1.gun"), "国後郡");
    assert_eq!(text(&v, "candidates.1.note"), "北方領土");
}

#[wasm_bindgen_test]
fn each_source_keeps_its_own_notices() {
    let other = r#"{"format":1,"disasters":[{"id":"x","name":"別の災害","began":"2026-03-01","notices":[
      {"id":"x-1","number":1,"title":"t","issued":"2026-03-01","rules":[{"kind":"add","areas":["八戸市"],"until":"2026-03-07"}]}]}]}"#;
    let a = wasm::load_notices(other, Some("other.json".into())).unwrap();
    assert_eq!(text(&a, "type"), "success");
    let v = wasm::check(obj(r#"{"municipality":"八戸市","date":"2026-03-02","notices":"other.json"}"#)).unwrap();
    assert_eq!(text(&v, "status"), "active");
    // The default source still has the built-in data
    let v = wasm::check(obj(r#"{"municipality":"八戸市","date":"2026-03-02"}"#)).unwrap();
    assert_eq!(text(&v, "status"), "not_active");
    assert_eq!(text(&wasm::data_info(Some("other.json".into())).unwrap(), "newestDisaster"), "別の災害");
    wasm::reset_notices(Some("other.json".into())).unwrap();
    let v = wasm::check(obj(r#"{"municipality":"八戸市","date":"2026-03-02","notices":"other.json"}"#)).unwrap();
    assert_eq!(text(&v, "status"), "not_active");
}

#[wasm_bindgen_test]
fn regressions_before_upload() {
    let builtin = wasm::builtin_notices();
    assert!(wasm::notice_regressions(&builtin, &builtin).unwrap().is_empty());
    let empty = r#"{"format":1,"disasters":[]}"#;
    let w = wasm::notice_regressions(empty, &builtin).unwrap();
    assert!(w.first().is_some_and(|x| x.contains("災害が一つもありません")), "{w:?}");
}
