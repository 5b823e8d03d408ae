//! Import: from the text of a notice, as MHLW or a portal publishes it, to a
//! notice entry of the notices file (PRODUCT §5.2, issue "Keeping notices
//! current").
//!
//! What is read:
//! - the 範囲 block (`【青森県】青森市、弘前市、…東津軽郡今別町…【秋田県】…`), also when a
//!   PDF-to-text conversion broke lines or put spaces inside names: all
//!   whitespace is dropped before reading, and every character keeps its
//!   original line and column for the report;
//! - the 期間 (`令和8年2月10日まで`, `令和8年2月10日（延長）`, `7月8日～7月14日` with
//!   the year of the notice, `令和6年3月7日 24時00分`, `（予定）`);
//! - running additions (`対象地域に福岡県久留米市、八女市、…を追加`, with the time
//!   of a `7月10日16時00分追記` line), where a prefecture named once carries
//!   across the list, and `下線部の【新潟県】上越市を追加`, and `<u>…</u>` marks;
//! - whole prefectures (`鹿児島県の全43市町村`, `鹿児島県全域`);
//! - without a 範囲 label, a table whose rows start with a prefecture;
//! - a part in brackets (`輪島市（門前町地区に限る）`) as a partial-area entry;
//! - the その number, the date of issue and the disaster's name.
//!
//! Every area is resolved against the master; one that is not exactly one
//! municipality is reported with its position and the best candidates and is
//! never dropped silently. Nothing is guessed: what the text does not say
//! (which areas are new when earlier notices are not at hand, the disaster's
//! id, a missing date) becomes a question for the maintainer, answered
//! through [`ImportOptions`].

use crate::prelude::*;

mod accounting;
mod except;
mod groups;
mod heading;
mod layouts;
mod list;
mod newness;
mod output;
mod period;
mod readers;
mod report;
mod text;

pub use report::*;

use heading::{read_disaster, read_issued, read_number, read_title, relayed_issue};
use newness::{area_problem, newness_question, resolve_listed, Earlier};
use output::{entry, merge};
use period::read_period;
use readers::{line_start, prefecture_at, read_areas, strip_underlines};
use text::{date_at, hhmm, time_at, Compact};

use crate::master::master;
use crate::notices::{
    AreaDoc, DisasterDoc, NoticeDoc, NoticeFile, NoticeSet, Problem, RemarkDoc, RemarkKind, RuleKind, FORMAT_VERSION,
};
use crate::resolve::{resolve, Resolution};
use crate::time::{iso_date, parse_date};
use crate::verdict::Place;
use chrono::Datelike;

const ADD_MARKERS: [&str; 2] = ["を追加", "を新たに追加"];
/// What comes right before a list of added areas
/// (「利用できる地域に、新潟県の新潟市、…を追加」: the latest lead before it counts)
const LIST_LEADS: [&str; 5] = ["対象地域に", "対象地域として", "下線部の", "対象範囲に", "地域に"];

/// An area as the text lists it
struct Listed {
    /// As written, whitespace removed, prefecture stripped
    written: String,
    /// From 【…】 or named at the start of a list
    prefecture: Option<String>,
    /// Index into the compact text
    at: usize,
    /// Underlined, in a 「…を追加」 list, or marked 「（…追記）」, or under a
    /// 「新たに追加する地域」 heading
    added: bool,
    /// Under a 「継続する地域」 heading
    continuing: bool,
    /// Written 「…ほか」, 「…など」: the text does not name every place
    and_others: bool,
    /// 「輪島市（門前町地区に限る）」: the part covered
    part: Option<String>,
    /// When it became active, from its 追記/追加 time (`2023-07-10T19:30`)
    from: Option<String>,
    /// 「…珠洲市（3市）」: the count the text gives, and how many names of its
    /// prefecture the list had up to there
    counted: Option<(usize, usize)>,
}

impl Listed {
    /// `青森県西津軽郡鰭ヶ沢町`
    fn full(&self) -> String {
        format!("{}{}", self.prefecture.as_deref().unwrap_or(""), self.written)
    }
}

/// Import a notice's text
///
/// `existing` is the current notices file, if any: it tells which areas
/// continue, which disaster this is, and receives the entry.
pub fn import(text: &str, options: &ImportOptions, existing: Option<&NoticeFile>) -> ImportReport {
    if let Some(report) = groups::import_in_groups(text, options, existing) {
        return report;
    }
    let mut s = Compact::new(text);
    let underlined = strip_underlines(&mut s);
    let mut problems: Vec<Problem> = Vec::new();
    let mut questions: Vec<Question> = Vec::new();
    if let Some(why) = layouts::not_an_activation(&s) {
        return refused(why);
    }

    // What the text says, unless the maintainer said otherwise
    let (mut disaster_name, mut began) = read_disaster(&s);
    if let Some(name) = &options.disaster_name {
        let c = Compact::new(name);
        began = began
            .or_else(|| (0..c.chars.len()).find_map(|i| date_at(&c, i, None).filter(|d| d.has_year)).map(|d| d.date));
        disaster_name = Some(name.clone());
    }
    let issued = match options.issued.as_deref().map(parse_date) {
        Some(Ok(d)) => Some(d),
        Some(Err(e)) => {
            problems.push(Problem {
                entry: "発出日".into(),
                path: "issued".into(),
                message: e.message,
                suggestions: Vec::new(),
            });
            None
        }
        None => read_issued(&s),
    };
    // A cover letter of one date relaying a 事務連絡 of another: asked
    let relayed = issued.filter(|_| options.issued.is_none()).and_then(|d| Some((d, relayed_issue(&s, d)?)));
    let issued = if relayed.is_some() { None } else { issued };
    match relayed {
        Some((letter, notice)) => questions.push(Question {
            field: "issued",
            message: format!(
                "本文に日付が二つあります: 文書の日付 {} と、伝える事務連絡の日付 {}。通知の発出日（ふつうは事務連絡の日付）を指定してください。",
                iso_date(letter),
                iso_date(notice)
            ),
        }),
        None if issued.is_none() => questions.push(Question {
            field: "issued",
            message: "通知の発出日が本文から読み取れません。発出日（YYYY-MM-DD）を指定してください。".into(),
        }),
        None => {}
    }
    // Dates written without a year: the issue date's year, else the year in
    // the disaster's name (a portal article shows no date of its own), said so
    // (a name without a date gives its year too: 「令和6年能登半島地震」)
    let named_year = || began.map(|d| d.year()).or_else(|| disaster_name.as_deref().and_then(text::year_in));
    let year = issued.map(|d| d.year()).or_else(named_year);
    let mut notes = Vec::new();
    if issued.is_none() {
        if let Some(y) = named_year() {
            notes.push(format!("年の書かれていない日付は、災害名の年（{y}年）として読みました。"));
        }
    }
    let number = options.number.or_else(|| read_number(&s));
    if number.is_none() && !options.unnumbered {
        questions.push(Question {
            field: "number",
            message: "通知の番号（その何）が本文にありません。番号を指定するか（最初の通知なら1）、番号のない記事なら「番号なし」を指定してください（番号を作る必要はありません）。".into(),
        });
    }
    let mut period = read_period(&s, year);
    match options.until.as_deref() {
        Some(u) if parse_date(u).is_ok() || crate::time::parse_instant(u).is_ok() => {
            period.until = Some(u.to_string());
            // 「…から当面の間」: an end the notice does not give is a planned one
            period.provisional |= period.written.as_deref().is_some_and(|w| w.contains("当面") || w.contains("以降"));
        }
        Some(u) => problems.push(Problem {
            entry: "期間".into(),
            path: "until".into(),
            message: format!("終了日「{u}」が読めません。YYYY-MM-DD（または YYYY-MM-DDTHH:MM）で指定してください。"),
            suggestions: Vec::new(),
        }),
        None => {}
    }
    if let (true, Some(from), Some(written)) = (period.from_computed, &period.from, &period.written) {
        notes.push(format!(
            "開始日 {from} は「{written}」から計算しました（終了日を含めて7日間）。本文に開始日がないため、災害救助法の適用日を確かめてください。"
        ));
    }
    let (listed, marks_additions) = read_areas(&s, &underlined, year);
    // What the text says that no import can write: stopped, with positions
    problems.extend(accounting::unwritable(&s, &listed, &options.ignore));
    if listed.is_empty() {
        if let Some(why) = layouts::counts_only(&s) {
            return refused(why);
        }
        problems.push(Problem { entry: "範囲".into(), path: String::new(), message: "対象地域が見つかりません。「範囲」の【都道府県】市町村、… の部分、または「対象地域に…を追加」を含めて貼り付けてください。".into(), suggestions: Vec::new() });
        // The places the text does name, with their positions: what no
        // reader took (「【石川県】七尾市、輪島市：1月31日まで」, one end per line)
        problems.extend(accounting::unused_places(&s, &[], &options.ignore));
    }

    // The disaster in the file, and what its earlier notices say
    let existing_disaster = existing.and_then(|f| {
        f.disasters.iter().find(|d| {
            options.disaster.as_deref() == Some(d.id.as_str())
                || (options.disaster.is_none() && disaster_name.as_deref() == Some(d.name.as_str()))
        })
    });
    let earlier = Earlier::of(existing_disaster, number, issued);

    let areas: Vec<ImportedArea> = listed
        .into_iter()
        .map(|l| {
            // 延長 with additions marked, or a closure: the others continue
            let others_continue = period.extended && marks_additions || period.closure;
            let area = resolve_listed(&s, l, options, &earlier, others_continue);
            if let Some(p) = area_problem(&area) {
                problems.push(p);
            }
            area
        })
        .collect();
    // (an area that does not resolve is a problem first; its newness is
    // asked once it does)
    questions.extend(newness_question(&areas));

    // The end: the 期間, or for additions without one, the current end
    if period.until.is_none() {
        // Additions at a 追記 time, with no 期間 of their own: the current end
        let timed = areas.iter().any(|a| a.from.is_some());
        if timed && areas.iter().all(|a| a.newness.kind() == Some(RuleKind::Add)) {
            period.until = Some("current".into());
        } else if let (Some(end), Some(written)) = (&period.computed_until, &period.written) {
            questions.push(Question {
                field: "period",
                message: format!(
                    "期間が「{written}」とだけ書かれています。その日を含めると {end} までですが、本文に終了日がないため確定できません。正しければ終了日に {end} を指定してください（--until {end}）。"
                ),
            });
        } else if let Some(written) = period.written.as_deref().filter(|w| w.contains("当面") || w.contains("以降"))
        {
            // 「令和6年1月1日から当面の間」: the text gives no end at all
            questions.push(Question {
                field: "period",
                message: format!(
                    "期間が「{written}」と書かれ、終了日がありません。判定には終了日が要ります。終了の通知が出るまで延長を続けるなら、確認できた終了日（出ていなければ次の確認日）を指定してください（--until YYYY-MM-DD、provisional として「予定」と表示されます）。"
                ),
            });
        } else {
            questions.push(Question { field: "period", message: "期間（いつまでか）が本文から読み取れません。「期間：令和○年○月○日まで」の行を含めるか、終了日を指定してください（--until YYYY-MM-DD）。".into() });
        }
    }

    // The disaster: given, found in the file, or a question
    let disaster_id = options.disaster.clone().or_else(|| existing_disaster.map(|d| d.id.clone()));
    if disaster_id.is_none() {
        questions.push(Question {
            field: "disaster",
            message: format!(
                "災害「{}」は読み込まれたデータにありません。新しい災害として追加するためのid（例: {}）を指定してください。",
                disaster_name.as_deref().unwrap_or("（名前が読み取れません）"),
                began.map_or_else(|| "2026-01-21-heavy-snow".to_string(), |b| format!("{}-…", iso_date(b)))
            ),
        });
    }
    if disaster_name.is_none() && existing_disaster.is_none() {
        questions.push(Question { field: "disasterName", message: "災害の名前（「…に係る」の前）が本文から読み取れません。災害名（例: 令和8年1月21日からの大雪）を指定してください。".into() });
    }
    let title = disaster_name.is_some().then(|| read_title(&s, number, text)).flatten();
    let remarks = remarks(&s, &period, issued, &areas);
    // Only once the areas are read: whatever the text names and they left out
    if problems.is_empty() {
        problems.extend(accounting::unused(&s, &areas, &period, year, &options.ignore));
    }

    let mut report = ImportReport {
        disaster_id,
        disaster_name: disaster_name.or_else(|| existing_disaster.map(|d| d.name.clone())),
        disaster_exists: existing_disaster.is_some(),
        began: began.map(iso_date),
        number,
        unnumbered: number.is_none() && options.unnumbered,
        title,
        issued: issued.map(iso_date),
        period,
        areas,
        problems,
        questions,
        notes,
        remarks,
        entry: None,
        file: None,
    };
    if report.problems.is_empty() && report.questions.is_empty() {
        report.entry = entry(&report);
        report = with_file(report, existing);
    }
    report
}

/// The notice's remarks on facilities that apply one by one: after a
/// closure, from the closure on; a 範囲's clause on them, while the notice
/// is in force (for the places of the prefecture it names, or else its areas)
fn remarks(s: &Compact, period: &Period, issued: Option<chrono::NaiveDate>, listed: &[ImportedArea]) -> Vec<RemarkDoc> {
    let facility = |text: String, areas: Vec<AreaDoc>, from: Option<String>, until: Option<String>| RemarkDoc {
        kind: RemarkKind::Facility,
        text,
        areas,
        from,
        until,
    };
    if period.closure {
        return layouts::facility_paragraph(s)
            .map(|text| facility(text, Vec::new(), period.until.clone(), None))
            .into_iter()
            .collect();
    }
    let scope = s.find("範囲", 0).or_else(|| s.find("対象地域", 0)).unwrap_or(0);
    layouts::facility_clause(s, scope)
        .map(|(text, prefecture)| {
            // (the prefecture's places by name: a remark has no `prefectures`)
            let m = master();
            // (「（１）以外の」: without the places the notice lists)
            let others = text.contains("以外");
            let listed = |code: &str| listed.iter().any(|a| a.place.as_ref().is_some_and(|p| p.code == code));
            let places = prefecture.and_then(|p| m.prefecture_named(p)).map(|pi| {
                m.municipalities_of(pi)
                    .filter_map(|(i, _)| Place::at(i))
                    .filter(|p| !(others && listed(&p.code)))
                    .map(|p| AreaDoc::Name(p.full_name))
            });
            let areas = places.into_iter().flatten().collect();
            facility(text, areas, issued.map(iso_date), period.until.clone())
        })
        .into_iter()
        .collect()
}

/// The report with its entry written into the file (or, without one, into
/// a file holding just this disaster, so that it is validated and can be
/// downloaded all the same); neither when that fails
fn with_file(mut report: ImportReport, existing: Option<&NoticeFile>) -> ImportReport {
    if let Some(entry) = report.entry.clone() {
        let empty = NoticeFile { format: FORMAT_VERSION, description: None, disasters: Vec::new() };
        match merge(existing.unwrap_or(&empty), &report, entry) {
            Ok((f, warnings)) => {
                report.file = Some(f);
                push_new(&mut report.notes, warnings.into_iter().map(|w| format!("{}: {}", w.entry, w.message)));
            }
            Err(p) => report.problems.extend(p),
        }
    }
    if !report.problems.is_empty() {
        report.entry = None;
        report.file = None;
    }
    report
}

/// A report that imports nothing, for the one reason given
fn refused(why: String) -> ImportReport {
    ImportReport {
        disaster_id: None,
        disaster_name: None,
        disaster_exists: false,
        began: None,
        number: None,
        unnumbered: false,
        title: None,
        issued: None,
        period: Period::default(),
        areas: Vec::new(),
        problems: vec![Problem { entry: "本文".into(), path: String::new(), message: why, suggestions: Vec::new() }],
        questions: Vec::new(),
        notes: Vec::new(),
        remarks: Vec::new(),
        entry: None,
        file: None,
    }
}

/// [`import`] into a notices file given as text (the page's `notices.json`)
///
/// A file that does not load is reported as the report's problems (each
/// prefixed 「現在のデータ」) and nothing is merged.
pub fn import_into_text(text: &str, options: &ImportOptions, file: Option<&str>) -> ImportReport {
    let existing = match file.map(NoticeSet::from_json) {
        Some(Ok(set)) => Some(set.doc),
        Some(Err(problems)) => {
            let mut r = import(text, options, None);
            r.entry = None;
            r.file = None;
            r.problems.splice(
                0..0,
                problems.into_iter().map(|mut p| {
                    p.entry = format!("現在のデータ {}", p.entry);
                    p
                }),
            );
            return r;
        }
        None => None,
    };
    import(text, options, existing.as_ref())
}

/// `items` pushed onto `into`, each one not there yet (the parts of a
/// notice read in groups or in parts say some things each)
fn push_new<T: PartialEq>(into: &mut Vec<T>, items: impl IntoIterator<Item = T>) {
    for item in items {
        if !into.contains(&item) {
            into.push(item);
        }
    }
}
