//! The words of an answer: its one sentence and the advice that goes with
//! it, complete at every edge.

use crate::prelude::*;

use super::{Query, Status, Verdict, WindowView};
use crate::master::Entry;
use crate::time::wareki;
use chrono::NaiveDate;

/// Advice when a newer notice may change the answer
pub(super) fn advice(
    status: Status,
    window: Option<&WindowView>,
    query: Query,
    data_as_of: Option<NaiveDate>,
) -> Option<String> {
    let as_of = data_as_of?;
    let after = query.date() > as_of;
    let when = wareki(as_of);
    match status {
        Status::Ended if after => Some(format!(
            "読み込まれた通知の時点では終了。延長の通知がないか確認してください（データは{when}の通知まで）。"
        )),
        Status::NotActive if after => Some(format!(
            "読み込まれた通知（{when}まで）では対象外です。その後に新しい通知が出ていないか確認してください。"
        )),
        Status::Active if window.is_some_and(|w| w.provisional) => {
            Some("終了日は予定です。延長や変更の通知がないか確認してください。".to_string())
        }
        Status::Unknown => Some(
            "この日付について読み込まれた通知では判断できません。厚生労働省の事務連絡（その1以降）を確認してください。"
                .to_string(),
        ),
        _ => None,
    }
}

/// Why a date before the first disaster of the data (`began`, its first
/// day) is not known
pub(super) fn before_data(began: NaiveDate) -> String {
    format!("{}より前に始まった災害の通知は読み込まれていません。", wareki(began))
}

/// The advice that goes with [`before_data`]
pub(super) const BEFORE_DATA_ADVICE: &str =
    "この日付は読み込まれた通知データの災害より前です。その日の災害時モードは、当時の厚生労働省の事務連絡で確かめてください。";

/// The one sentence of the answer: complete at every edge (no empty date;
/// the time of day when the window opens or closes on the asked day; the end
/// in force that day when later notices changed it)
pub(super) fn message(v: &Verdict, entry: &Entry) -> String {
    let name = &entry.display_name;
    // What is not known, in the governing disaster's words
    let unknown = || {
        let why = v.disasters.first().and_then(|d| d.unknown.as_deref()).map(|u| format!("{u}。")).unwrap_or_default();
        format!("{name}について、この日付は読み込まれた通知では判断できません。{why}")
    };
    let Some(w) = v.window.as_ref() else {
        return match v.status {
            Status::Unknown => unknown(),
            _ => format!("{name}は災害時モードの対象ではありません。"),
        };
    };
    let at = |day: &str, time: Option<&str>| format!("{day}{}", time.map(|t| format!(" {t}")).unwrap_or_default());
    let until = at(&w.until_wareki, w.until_time.as_deref());
    let from = w.from_wareki.as_deref().map(|f| at(f, w.from_time.as_deref()));
    // A later notice moved the end: later (延長) or earlier (a closure, 短縮)
    let shortened = w.until_then.as_deref().is_some_and(|then| w.until.as_str() < then);
    let moved = if shortened { "に短縮" } else { "まで延長" };
    let then = w.until_then_wareki.as_deref().map(|t| format!("この日に出ていた通知では{t}まで。のちに{until}{moved}"));
    match v.status {
        Status::Active => {
            let opens = v.opens_at.as_ref().and(from.as_deref()).map(|f| format!("{f}から")).unwrap_or_default();
            match then {
                Some(then) if opens.is_empty() => format!("{name}は災害時モードの対象です（{then}）。"),
                Some(then) => format!("{name}は災害時モードの対象です（{opens}。{then}）。"),
                None => format!("{name}は災害時モードの対象です（{opens}{until}まで）。"),
            }
        }
        Status::Ended => format!("{name}の災害時モードは{until}で終了しています。"),
        Status::Unknown => unknown(),
        Status::NotActive => match from {
            Some(f) => format!("{name}はこの時点では対象外です（{f}から対象）。"),
            None => format!("{name}はこの時点では対象外です（開始日はこのデータにありません）。"),
        },
        _ => format!("{name}は災害時モードの対象ではありません。"),
    }
}
