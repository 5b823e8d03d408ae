//! Each listed area resolved against the master (through the maintainer's
//! fixes), and decided new or continuing: from the text's marks, the file's
//! earlier notices, or the maintainer's answer; else a question.

use crate::prelude::*;

use super::text::Compact;
use super::*;
use crate::notices::words_after;

/// What the file's earlier notices of the disaster say
pub(super) struct Earlier {
    /// Codes of the areas they name
    codes: Vec<String>,
    /// They are all there (その1 … その(n-1)), or this is その1
    complete: bool,
}

impl Earlier {
    /// The notices before this one: by number, or for an unnumbered one
    /// those issued before it (never complete: which came before an article
    /// the file cannot say for sure)
    pub(super) fn of(
        disaster: Option<&DisasterDoc>,
        number: Option<u32>,
        issued: Option<chrono::NaiveDate>,
    ) -> Earlier {
        let before = |n: &NoticeDoc| match (number, n.number) {
            (Some(k), Some(x)) => x < k,
            (Some(_), None) => false,
            (None, _) => issued.is_some_and(|d| n.issued.get(..10).is_some_and(|i| i < iso_date(d).as_str())),
        };
        let codes = disaster
            .map(|d| {
                d.notices
                    .iter()
                    .filter(|n| before(n))
                    .flat_map(|n| n.rules.iter())
                    .flat_map(|r| r.areas.iter().map(|a| a.name().to_string()).chain(r.prefectures.iter().cloned()))
                    .flat_map(|name| codes_of(&name))
                    .collect()
            })
            .unwrap_or_default();
        let complete = number.is_some_and(|k| {
            k == 1 || disaster.is_some_and(|d| (1..k).all(|n| d.notices.iter().any(|x| x.number == Some(n))))
        });
        Earlier { codes, complete }
    }
}

/// Resolve a listed area (through the maintainer's fixes) and decide whether
/// it is new; `others_continue`: the text says 延長 and marks its additions
pub(super) fn resolve_listed(
    s: &Compact,
    l: Listed,
    options: &ImportOptions,
    earlier: &Earlier,
    others_continue: bool,
) -> ImportedArea {
    // (「石川県内の全市町」: the whole prefecture where it has no villages)
    let whole = is_whole(&l.written)
        || is_whole_of_towns(&l.written) && l.prefecture.as_deref().and_then(villages_in) == Some(0);
    // A fix or an answer names the area as written, with or without its
    // prefecture or 郡, or by code
    let forms = [l.written.clone(), l.full(), l.written.split_once('郡').map_or(String::new(), |(_, t)| t.to_string())];
    let fix = options.fixes.iter().find(|f| forms.iter().any(|w| !w.is_empty() && *w == f.written));
    let towns_only = is_whole_of_towns(&l.written) && !whole;
    let (status, place, suggestions) = if l.written.is_empty() {
        // A prefecture named alone (see `list::read_list`)
        ("prefecture_only", None, Vec::new())
    } else if towns_only {
        // 「富山県内の全市町」 where it has villages: not every place (the text
        // says which; a reader must not guess)
        ("towns_only", None, Vec::new())
    } else if whole {
        // 「鹿児島県の全43市町村」: the count as printed, against the master
        let count = whole_form(&l.written).trim_start_matches('全');
        let printed: Option<usize> = count.trim_end_matches("市町村").trim_end_matches("市町").parse().ok();
        match (l.prefecture.as_deref().and_then(municipalities_in), printed) {
            (None, _) => ("not_found", None, Vec::new()),
            (Some(actual), Some(n)) if n != actual => ("count_differs", None, Vec::new()),
            _ => ("ok", None, Vec::new()),
        }
    } else {
        match resolve(&fix.map_or_else(|| l.full(), |f| f.meant.clone())) {
            // Words after the name (「七尾市の一部」, 「七尾市ほか2市」): the lenient
            // resolver reads them as an address; a notice means something by them
            Resolution::Found { index, note: None } if fix.is_none() && words_after(&l.full(), index).is_some() => {
                ("extra_words", None, Place::at(index).into_iter().collect())
            }
            Resolution::Found { index, note: None } => {
                (if fix.is_some() { "fixed" } else { "ok" }, Place::at(index), Vec::new())
            }
            // A former name or a wrong 郡: offered, never taken silently
            Resolution::Found { index, note: Some(_) } => ("not_found", None, Place::at(index).into_iter().collect()),
            Resolution::Ambiguous(c) => ("ambiguous", None, c.into_iter().filter_map(Place::at).collect()),
            Resolution::NotFound { suggestions, .. } => {
                ("not_found", None, suggestions.into_iter().filter_map(Place::at).collect())
            }
        }
    };
    let code = place.as_ref().map(|p| p.code.clone());
    let said = |list: &[String]| list.iter().any(|a| forms.contains(a) || Some(a) == code.as_ref());
    let newness = if said(&options.added) {
        Newness::AddedByMaintainer
    } else if said(&options.continuing) {
        Newness::ContinuingByMaintainer
    } else if l.added {
        Newness::AddedByText
    } else if l.continuing {
        Newness::ContinuingByText
    } else if code.as_ref().is_some_and(|c| earlier.codes.contains(c)) {
        Newness::ContinuingFromFile
    } else if earlier.complete {
        Newness::NewInFile
    } else if others_continue {
        Newness::ContinuingByText
    } else {
        match options.rest {
            Some(RuleKind::Add) => Newness::AddedByMaintainer,
            Some(RuleKind::Continue) => Newness::ContinuingByMaintainer,
            None => Newness::Undecided,
        }
    };
    ImportedArea {
        written: l.written,
        prefecture: l.prefecture,
        position: s.at(l.at),
        status,
        place,
        suggestions,
        whole_prefecture: whole,
        part: l.part,
        newness,
        from: l.from,
        until: None,
    }
}

/// 「鹿児島県の全43市町村」, 「鹿児島県全域」, with the prefecture stripped (not
/// 「全市町」: that is the whole prefecture only where it has no villages,
/// which `resolve_listed` checks)
pub(super) fn is_whole(written: &str) -> bool {
    let written = whole_form(written);
    written == "全域" || (written.starts_with('全') && written.ends_with("市町村"))
}

/// 「全市町」, 「内の全19市町」: every city and town, with the prefecture stripped
fn is_whole_of_towns(written: &str) -> bool {
    let written = whole_form(written);
    written.starts_with('全') && written.ends_with("市町")
}

/// A whole-prefecture form without the words that join it to the
/// prefecture (「内の全市町」 → 「全市町」)
fn whole_form(written: &str) -> &str {
    written.trim_start_matches('内').trim_start_matches('の')
}

/// How many villages a prefecture has, by its name
fn villages_in(prefecture: &str) -> Option<usize> {
    let m = master();
    Some(m.municipalities_of(m.prefecture_named(prefecture)?).filter(|(_, e)| e.name.ends_with('村')).count())
}

/// How many municipalities a prefecture has, by its name
pub(super) fn municipalities_in(prefecture: &str) -> Option<usize> {
    let m = master();
    Some(m.municipalities_of(m.prefecture_named(prefecture)?).count())
}

/// The problem of an area that is not exactly one municipality
pub(super) fn area_problem(a: &ImportedArea) -> Option<Problem> {
    let names: Vec<String> = a.suggestions.iter().map(Place::label).collect();
    let message = match a.status {
        "not_found" => {
            let hint = names.first().map(|n| format!("「{n}」ではありませんか？")).unwrap_or_default();
            format!("「{}」は市区町村の一覧にありません。{hint}", a.written)
        }
        "ambiguous" => format!("「{}」に当たる市区町村が複数あります。どれか選んでください。", a.written),
        "extra_words" => format!(
            "「{}」の、市区町村名のあとの語が読めません（一部の地域だけ、名前のない地域があるなど）。一部の地域なら「{}（○○地区に限る）」の形の本文にしてください。その市区町村の全域で正しいなら --fix {}={} で指定できます。",
            a.written,
            names.first().map_or("", String::as_str),
            a.written,
            names.first().map_or("", String::as_str)
        ),
        "prefecture_only" => format!(
            "「{}」だけが書かれています。県の全域なら「{}全域」、一部の市町村ならその名前を書いた本文にしてください。",
            a.prefecture.as_deref().unwrap_or(""),
            a.prefecture.as_deref().unwrap_or("")
        ),
        "towns_only" => {
            let pref = a.prefecture.as_deref().unwrap_or("");
            format!(
                "「{pref}{}」: 「全市町」は市と町で、村を含みません。{pref}には村があるため、県の全域としては取り込めません。市と町の名前を書いた本文にするか、県の全域なら「{pref}全域」と書いてください。",
                a.written
            )
        }
        "count_differs" => {
            let pref = a.prefecture.as_deref().unwrap_or("");
            let actual = municipalities_in(pref).unwrap_or(0);
            format!(
                "「{pref}の{}」とありますが、{pref}の市町村は{actual}です（総務省「全国地方公共団体コード」）。数か都道府県名を確かめてください。",
                a.written
            )
        }
        _ => return None,
    };
    let label = format!("{}{}", a.prefecture.as_deref().map(|p| format!("【{p}】")).unwrap_or_default(), a.written);
    let (line, column) = (a.position.line, a.position.column);
    Some(Problem {
        entry: format!("{line}行目{column}列 {label}"),
        path: format!("line {line} column {column}"),
        message,
        suggestions: names,
    })
}

/// Master codes an area name of a file stands for (one, or a prefecture's)
pub(super) fn codes_of(name: &str) -> Vec<String> {
    let m = master();
    if let Resolution::Found { index, .. } = resolve(name) {
        return m.get(index).map(|e| vec![e.code.clone()]).unwrap_or_default();
    }
    let key = crate::text::name_key(name);
    m.prefectures()
        .find(|(_, p)| p.key == key)
        .map(|(pi, _)| m.municipalities_of(pi).map(|(_, e)| e.code.clone()).collect())
        .unwrap_or_default()
}

/// The question for the areas whose newness is open, if any (an area that
/// does not resolve is a problem first; its newness is asked once it does)
pub(super) fn newness_question(areas: &[ImportedArea]) -> Option<Question> {
    let undecided: Vec<&str> = areas
        .iter()
        .filter(|a| a.newness == Newness::Undecided && (a.place.is_some() || a.whole_prefecture))
        .map(|a| a.written.as_str())
        .collect();
    (!undecided.is_empty()).then(|| Question {
        field: "newness",
        message: format!(
            "次の地域が今回新たに追加されたのか、以前から継続しているのか、本文からも読み込まれた通知からも分かりません: {}。それぞれ「新規」か「継続」かを指定してください。",
            undecided.join("、")
        ),
    })
}
