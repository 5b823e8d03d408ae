//! An Atom feed of a notices file (issue 7): one entry per notice, newest
//! first, with its areas and its period, so that a portal can publish it
//! next to `notices.json` and subscribers learn of a new notice without
//! visiting. Written by the CLI (`saigai-mode feed`) and the maintainers'
//! page from the same function.

use crate::prelude::*;

use crate::notices::{NoticeDoc, NoticeFile, RuleDoc, RuleKind};
use crate::sort;
use crate::time::{parse_date, wareki};

/// The feed for a file; `base`: the address the page and `notices.json`
/// are published at (the feed's own link and id)
pub fn atom(file: &NoticeFile, base: &str) -> String {
    let mut notices: Vec<(&str, &NoticeDoc)> =
        file.disasters.iter().flat_map(|d| d.notices.iter().map(move |n| (d.name.as_str(), n))).collect();
    sort::sort_by(&mut notices, |a, b| (b.1.issued.as_str(), b.1.number).cmp(&(a.1.issued.as_str(), a.1.number)));
    let updated = notices.first().map_or_else(|| atom_time("1970-01-01"), |(_, n)| atom_time(&n.issued));
    let base = base.trim_end_matches('/');
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ja\">\n",
    );
    out.push_str("  <title>災害時モード（緊急時医療情報・資格確認機能）の通知</title>\n");
    out.push_str(&format!("  <id>{}/notices.json</id>\n", xml(base)));
    out.push_str(&format!("  <link rel=\"alternate\" href=\"{}/\"/>\n", xml(base)));
    out.push_str(&format!("  <link rel=\"self\" href=\"{}/feed.xml\"/>\n", xml(base)));
    out.push_str(&format!("  <updated>{updated}</updated>\n"));
    out.push_str("  <author><name>saigai-mode</name></author>\n");
    for (disaster, n) in notices {
        let link = n.url.clone().unwrap_or_else(|| format!("{base}/"));
        out.push_str("  <entry>\n");
        out.push_str(&format!(
            "    <title>{}</title>\n",
            xml(&format!(
                "{disaster}{}（{}発出）",
                n.number.map(|k| format!(" その{k}")).unwrap_or_default(),
                day(&n.issued)
            ))
        ));
        out.push_str(&format!("    <id>{}/notices.json#{}</id>\n", xml(base), xml(&n.id)));
        out.push_str(&format!("    <link rel=\"alternate\" href=\"{}\"/>\n", xml(&link)));
        out.push_str(&format!("    <updated>{}</updated>\n", atom_time(&n.issued)));
        out.push_str(&format!("    <summary>{}</summary>\n", xml(&n.title)));
        out.push_str(&format!("    <content type=\"text\">{}</content>\n", xml(&content(n))));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// The areas and the window of each rule, in words
fn content(n: &NoticeDoc) -> String {
    let mut lines: Vec<String> = n.rules.iter().map(rule).collect();
    lines.extend(n.remarks.iter().map(|r| format!("備考: {}", r.text)));
    lines.join("\n")
}

fn rule(r: &RuleDoc) -> String {
    let areas: Vec<&str> = r.areas.iter().map(|a| a.name()).chain(r.prefectures.iter().map(String::as_str)).collect();
    let what = match r.kind {
        RuleKind::Add => "追加",
        RuleKind::Continue => "継続",
    };
    let from = r.from.as_deref().map(|f| format!("{}から", when(f))).unwrap_or_default();
    let until =
        if r.until == "current" { "現在の終了日まで".to_string() } else { format!("{}まで", when(&r.until)) };
    let provisional = if r.provisional { "（予定）" } else { "" };
    format!("{what}: {}（{from}{until}{provisional}）", areas.join("、"))
}

/// `2026-02-10` → `令和8年2月10日（火）`, `…T16:00` with its time
fn when(s: &str) -> String {
    match s.split_once('T') {
        Some((d, t)) => format!("{} {t}", day(d)),
        None => day(s),
    }
}

/// The day of issue in words (a time of issue, in format 2, is left out)
fn day(s: &str) -> String {
    let date = s.split('T').next().unwrap_or(s);
    parse_date(date).map(wareki).unwrap_or_else(|_| s.to_string())
}

/// An issue (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`) as an Atom date, JST
fn atom_time(issued: &str) -> String {
    match issued.split_once('T') {
        Some((date, time)) => format!("{date}T{time}:00+09:00"),
        None => format!("{issued}T00:00:00+09:00"),
    }
}

fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::notices::NoticeSet;

    #[test]
    fn one_entry_per_notice_newest_first() {
        let set = NoticeSet::from_json(include_str!("../tests/fixtures/shapes.json")).unwrap();
        let feed = atom(&set.doc, "https://example.jp/saigai/");
        assert_eq!(feed.matches("<entry>").count(), 4);
        let first = feed.find("令和6年3月1日からの大雨 その1").unwrap();
        let older = feed.find("令和5年7月7日からの大雨 その3").unwrap();
        assert!(first < older, "newest first");
        assert!(feed.contains("追加: 福岡県朝倉市（令和5年7月10日（月） 16:00から現在の終了日まで）"));
        assert!(feed.contains("<id>https://example.jp/saigai/notices.json#2024-03-01-rain-1</id>"));
        assert!(xml("a<b&\"c\"").eq("a&lt;b&amp;&quot;c&quot;"));
    }
}
