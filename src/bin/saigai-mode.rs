//! `saigai-mode`: the engine on the command line.
//!
//! Exit codes: 0 answered (whatever the status), 2 bad usage or bad file,
//! with a message on stderr.

use saigai_mode::notices::{NoticeSet, Problem};
use saigai_mode::postal::PostalTable;
use saigai_mode::procedure::{procedure, Answers, Procedure};
use saigai_mode::resolve::{needs_postal_table, suggest};
use saigai_mode::time::jst_from_unix_millis;
use saigai_mode::verdict::{check as check_call, CheckCall, Place, Verdict};
use std::process::ExitCode;

const USAGE: &str = "\
使い方:
  saigai-mode check <市区町村> [--date YYYY-MM-DD | --at YYYY-MM-DDTHH:MM[:SS]] [--notices FILE] [--json]
  saigai-mode suggest <入力の先頭> [--limit N] [--json]
  saigai-mode procedure [--number-known | --number-unknown] [--no-consent] [--public-assistance] [--json]
  saigai-mode procedure --table
  saigai-mode validate FILE [--previous 置き換える前のFILE]
  saigai-mode feed FILE --url https://…/saigai/
  saigai-mode --version
  saigai-mode import [--disaster ID] [--disaster-name 名前] [--issued YYYY-MM-DD] [--number N | --unnumbered] [--fix 誤=正]... [--new 地域]...
                     [--continuing 地域]... [--rest new|continuing] [--ignore 語]... [--until YYYY-MM-DD] [--into FILE] [--json] < 通知の本文.txt

check      市区町村の災害時モードの判定（既定: 現在時刻、組み込みの通知データ）
suggest    市区町村名の候補
procedure  同意と本人特定の手順
validate   通知データファイルの検査
feed       通知データの Atom フィード（feed.xml として notices.json の隣に置く）
import     事務連絡の本文（範囲・期間）から通知データを作る（--into で FILE に追加して書き戻す）";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            // `saigai-mode check … | head -1`: a closed pipe is not an error
            use std::io::Write;
            match writeln!(std::io::stdout().lock(), "{out}") {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("saigai-mode: {e}");
                    ExitCode::from(2)
                }
                _ => ExitCode::SUCCESS,
            }
        }
        Err(msg) => {
            eprintln!("saigai-mode: {msg}");
            ExitCode::from(2)
        }
    }
}

/// Parsed flags: positional arguments, and `--name [value]` pairs
struct Args<'a> {
    positional: Vec<&'a str>,
    flags: Vec<(&'a str, Option<&'a str>)>,
}

/// A command's options: name, and whether a value follows
type Flags = &'static [(&'static str, bool)];

const CHECK_FLAGS: Flags = &[("--date", true), ("--at", true), ("--notices", true), ("--json", false)];
const SUGGEST_FLAGS: Flags = &[("--limit", true), ("--json", false)];
const PROCEDURE_FLAGS: Flags = &[
    ("--number-known", false),
    ("--number-unknown", false),
    ("--no-consent", false),
    ("--public-assistance", false),
    ("--json", false),
    ("--table", false),
];
const IMPORT_FLAGS: Flags = &[
    ("--disaster", true),
    ("--disaster-name", true),
    ("--issued", true),
    ("--number", true),
    ("--unnumbered", false),
    ("--fix", true),
    ("--new", true),
    ("--continuing", true),
    ("--rest", true),
    ("--ignore", true),
    ("--until", true),
    ("--into", true),
    ("--json", false),
];

fn parse_args<'a>(args: &'a [String], allowed: Flags) -> Result<Args<'a>, String> {
    let mut a = Args { positional: Vec::new(), flags: Vec::new() };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        if arg.starts_with("--") {
            let Some(&(_, takes_value)) = allowed.iter().find(|(name, _)| name == arg) else {
                return Err(format!("不明なオプション {arg}\n\n{USAGE}"));
            };
            let value = if takes_value {
                Some(it.next().map(String::as_str).ok_or_else(|| format!("{arg} には値が必要です"))?)
            } else {
                None
            };
            a.flags.push((arg.as_str(), value));
        } else {
            a.positional.push(arg.as_str());
        }
    }
    Ok(a)
}

impl Args<'_> {
    fn has(&self, name: &str) -> bool {
        self.flags.iter().any(|(n, _)| *n == name)
    }
    fn value(&self, name: &str) -> Option<&str> {
        self.flags.iter().find(|(n, _)| *n == name).and_then(|(_, v)| *v)
    }
    fn values(&self, name: &str) -> Vec<String> {
        self.flags.iter().filter(|(n, _)| *n == name).filter_map(|(_, v)| v.map(str::to_string)).collect()
    }
}

fn run(args: &[String]) -> Result<String, String> {
    let (cmd, rest) = args.split_first().ok_or_else(|| USAGE.to_string())?;
    match cmd.as_str() {
        "check" => check(&parse_args(rest, CHECK_FLAGS)?),
        "suggest" => suggest_cmd(&parse_args(rest, SUGGEST_FLAGS)?),
        "procedure" => procedure_cmd(&parse_args(rest, PROCEDURE_FLAGS)?),
        "validate" => validate(&parse_args(rest, &[("--previous", true)])?),
        "feed" => feed(&parse_args(rest, &[("--url", true)])?),
        "import" => import_cmd(&parse_args(rest, IMPORT_FLAGS)?),
        "-h" | "--help" | "help" => Ok(USAGE.to_string()),
        "-V" | "--version" => Ok(format!("saigai-mode {}", env!("CARGO_PKG_VERSION"))),
        other => Err(format!("不明なコマンド {other}\n\n{USAGE}")),
    }
}

fn load_notices(path: Option<&str>) -> Result<NoticeSet, String> {
    let (label, text) = match path {
        Some(p) => (p.to_string(), std::fs::read_to_string(p).map_err(|e| format!("{p} を読めません: {e}"))?),
        None => ("組み込みデータ".to_string(), saigai_mode::notices::BUILTIN_NOTICES.to_string()),
    };
    NoticeSet::from_json(&text).map_err(|problems| problems_text(&label, &problems))
}

fn problems_text(label: &str, problems: &[Problem]) -> String {
    let mut out = format!("{label} に {} 件の問題があります:", problems.len());
    for p in problems {
        out.push_str(&format!("\n- {} ({}): {}", p.entry, p.path, p.message));
    }
    out
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string_pretty(value).map_err(|e| format!("JSONを書き出せません: {e}"))
}

fn now() -> Result<chrono::NaiveDateTime, String> {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|_| "システムの時計が1970年より前です".to_string())?
        .as_millis() as f64;
    jst_from_unix_millis(ms).map_err(|e| e.to_string())
}

fn check(a: &Args) -> Result<String, String> {
    let [input] = a.positional.as_slice() else {
        return Err(format!("市区町村を一つ指定してください（空白を含むときは引用符で囲む）\n\n{USAGE}"));
    };
    let call = CheckCall {
        municipality: input.to_string(),
        date: a.value("--date").map(str::to_string),
        at: a.value("--at").map(str::to_string),
    };
    let set = load_notices(a.value("--notices"))?;
    // The same table the page fetches, read only when the input needs it
    let postal = if needs_postal_table(input) {
        Some(PostalTable::parse(include_str!("../../data/postal-codes.txt")).map_err(|e| e.message())?)
    } else {
        None
    };
    let v = check_call(&call, now()?, &set, postal.as_ref()).map_err(|e| e.to_string())?;
    if a.has("--json") {
        json(&v)
    } else {
        Ok(human_verdict(&v))
    }
}

fn place_line(p: &Place) -> String {
    format!("{} {}（{}）", p.code, p.label(), p.reading)
}

fn human_verdict(v: &Verdict) -> String {
    let mut out = format!("【{}】{}", v.status_label, v.message);
    if let Some(m) = &v.municipality {
        out.push_str(&format!("\n市区町村: {}", place_line(m)));
    }
    if let Some(n) = &v.name_note {
        out.push_str(&format!("\n入力: {n}"));
    }
    out.push_str(&format!("\n判定時点: {}", v.query));
    if let Some(w) = &v.window {
        let from =
            w.from_wareki.clone().unwrap_or_else(|| "（開始日はこのデータにありません。前の通知から継続）".to_string());
        let provisional = if w.provisional { "（予定）" } else { "" };
        out.push_str(&format!(
            "\n期間: {from} 〜 {}{}{provisional}",
            w.until_wareki,
            w.until_time.as_deref().map(|t| format!(" {t}")).unwrap_or_default()
        ));
    }
    if let Some(d) = v.days_left {
        out.push_str(&format!("\n残り: {d}日"));
    }
    if let Some(t) = &v.opens_at {
        out.push_str(&format!("\nこの日の {t} から対象"));
    }
    if let Some(t) = &v.closes_at {
        out.push_str(&format!("\nこの日の {t} まで対象"));
    }
    if v.newly_added {
        out.push_str("\n今回の通知で追加");
    }
    for d in &v.disasters {
        out.push_str(&format!("\n災害: {}", d.name));
        for n in &d.notices {
            out.push_str(&format!("\n  通知: {}（{}）", n.title, n.issued));
        }
    }
    for r in &v.remarks {
        out.push_str(&format!("\n備考: {}", r.text));
    }
    for c in &v.candidates {
        out.push_str(&format!("\n候補: {}", place_line(c)));
    }
    match (&v.freshness, &v.data_as_of) {
        (Some(f), _) => {
            out.push_str(&format!("\nデータ: {}（{}）の通知まで（{}）", f.newest_wareki, f.newest, f.age));
            if let Some(a) = &f.advice {
                out.push_str(&format!("\n確認: {a}"));
                for l in &f.links {
                    out.push_str(&format!("\n  {} {}", l.label, l.url));
                }
            }
        }
        (None, Some(d)) => out.push_str(&format!("\nデータ: {d} までの通知")),
        (None, None) => {}
    }
    // (once: the freshness may already say it)
    if let Some(a) = v.advice.as_ref().filter(|a| v.freshness.as_ref().and_then(|f| f.advice.as_ref()) != Some(*a)) {
        out.push_str(&format!("\n注意: {a}"));
    }
    out
}

fn suggest_cmd(a: &Args) -> Result<String, String> {
    let [input] = a.positional.as_slice() else {
        return Err(format!("入力の先頭を一つ指定してください\n\n{USAGE}"));
    };
    let limit = match a.value("--limit") {
        Some(l) => l.parse::<usize>().map_err(|_| format!("--limit は正の整数です: {l}"))?,
        None => 10,
    };
    let places: Vec<Place> = suggest(input, limit).into_iter().filter_map(Place::at).collect();
    if a.has("--json") {
        return json(&places);
    }
    if places.is_empty() {
        return Ok("候補はありません".to_string());
    }
    Ok(places.iter().map(place_line).collect::<Vec<_>>().join("\n"))
}

fn procedure_cmd(a: &Args) -> Result<String, String> {
    // Every set of answers, as the page's guide reads it (data/procedure.json)
    if a.has("--table") {
        if PROCEDURE_FLAGS.iter().any(|(f, _)| *f != "--table" && a.has(f)) {
            return Err("--table は他の指定と同時に使えません（すべての回答の手順を書き出します）".to_string());
        }
        return json(&saigai_mode::procedure::table());
    }
    if a.has("--number-known") && a.has("--number-unknown") {
        return Err("--number-known と --number-unknown は同時に指定できません".to_string());
    }
    let p = procedure(Answers {
        number_known: !a.has("--number-unknown"),
        can_consent: !a.has("--no-consent"),
        public_assistance: a.has("--public-assistance"),
    });
    if a.has("--json") {
        json(&p)
    } else {
        Ok(human_procedure(&p))
    }
}

fn human_procedure(p: &Procedure) -> String {
    let mut out = format!("手順（{}）", p.heading);
    if let Some(st) = &p.consent_statement {
        out.push_str(&format!("\n{}\n   {}", st.title, st.text));
        for c in &st.basis {
            out.push_str(&format!("\n   根拠: {} {}", c.document, c.article));
        }
    }
    for (i, s) in p.steps.iter().enumerate() {
        out.push_str(&format!("\n{}. {}\n   {}", i + 1, s.title, s.text));
        for d in &s.details {
            out.push_str(&format!("\n   {d}"));
        }
        for c in &s.basis {
            out.push_str(&format!("\n   根拠: {} {}", c.document, c.article));
        }
    }
    if let Some(n) = p.public_assistance_note {
        out.push_str(&format!("\n\n生活保護（医療扶助）の場合\n   {n}"));
    }
    out.push_str("\n\n常に守ること");
    for r in &p.reminders {
        out.push_str(&format!("\n- {}: {}", r.title, r.text));
    }
    out.push_str("\n\n端末の画面");
    for s in &p.screens {
        out.push_str(&format!("\n  {s}"));
    }
    out.push_str(&format!("\n\n{}", p.fallback.title));
    if let Some(why) = p.fallback.not_applicable {
        out.push_str(&format!("\n  {why}"));
        return out;
    }
    out.push_str(&format!("\n  {}\n  必要なもの: {}", p.fallback.intro, p.fallback.needs.join("、")));
    for s in &p.fallback.steps {
        out.push_str(&format!("\n  → {s}"));
    }
    for n in &p.fallback.notes {
        out.push_str(&format!("\n  {n}"));
    }
    out
}

fn feed(a: &Args) -> Result<String, String> {
    let [path] = a.positional.as_slice() else {
        return Err(format!("通知データのファイルを一つ指定してください\n\n{USAGE}"));
    };
    let Some(url) = a.value("--url").filter(|u| u.starts_with("https://") || u.starts_with("http://")) else {
        return Err("--url に公開先のアドレス（https://…/saigai/ など）を指定してください".to_string());
    };
    let set = load_notices(Some(path))?;
    Ok(saigai_mode::feed::atom(&set.doc, url).trim_end().to_string())
}

fn validate(a: &Args) -> Result<String, String> {
    let [path] = a.positional.as_slice() else {
        return Err(format!("検査するファイルを一つ指定してください\n\n{USAGE}"));
    };
    let set = load_notices(Some(path))?;
    let notices: usize = set.disasters.iter().map(|d| d.notices.len()).sum();
    // Going backwards is allowed but never silent: against the file it
    // replaces (--previous), or else the data built into the module
    let (earlier, label, contents) = match a.value("--previous") {
        Some(p) => (load_notices(Some(p))?, p.to_string(), true),
        None => (load_notices(None)?, "組み込みデータ".to_string(), false),
    };
    let warnings: Vec<String> = set
        .warnings
        .iter()
        .map(|w| format!("警告: {}: {}", w.entry, w.message))
        .chain(set.regressions(&earlier, contents).into_iter().map(|w| format!("警告（{label}と比べて）: {w}")))
        .collect();
    let as_of = set.data_as_of.map(|d| format!("、{} 時点", saigai_mode::time::iso_date(d))).unwrap_or_default();
    let verdict =
        if warnings.is_empty() { "問題はありません" } else { "読み込めますが、警告があります" };
    let head = format!("{path}: {verdict}（災害 {} 件、通知 {notices} 件{as_of}）", set.disasters.len());
    Ok(std::iter::once(head).chain(warnings).collect::<Vec<_>>().join("\n"))
}

fn import_cmd(a: &Args) -> Result<String, String> {
    use saigai_mode::import::{import, Fix, ImportOptions};
    use saigai_mode::notices::{NoticeFile, RuleKind};
    use std::io::Read;
    if !a.positional.is_empty() {
        return Err(format!(
            "通知の本文は標準入力から渡してください（例: saigai-mode import < notice.txt）\n\n{USAGE}"
        ));
    }
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).map_err(|e| format!("標準入力を読めません: {e}"))?;
    let fixes = a
        .values("--fix")
        .iter()
        .map(|f| {
            f.split_once('=')
                .map(|(w, m)| Fix { written: w.to_string(), meant: m.to_string() })
                .ok_or_else(|| format!("--fix は 誤=正 の形です（例: --fix 鰭ヶ沢町=鰺ヶ沢町）: {f}"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let options = ImportOptions {
        disaster: a.value("--disaster").map(str::to_string),
        disaster_name: a.value("--disaster-name").map(str::to_string),
        issued: a.value("--issued").map(str::to_string),
        number: a
            .value("--number")
            .map(|n| n.parse().map_err(|_| format!("--number は正の整数です: {n}")))
            .transpose()?,
        unnumbered: a.has("--unnumbered"),
        fixes,
        added: a.values("--new"),
        continuing: a.values("--continuing"),
        rest: match a.value("--rest") {
            None => None,
            Some("new") => Some(RuleKind::Add),
            Some("continuing") => Some(RuleKind::Continue),
            Some(other) => return Err(format!("--rest は new か continuing です: {other}")),
        },
        ignore: a.values("--ignore"),
        until: a.value("--until").map(str::to_string),
    };
    let into = a.value("--into");
    let existing: Option<NoticeFile> = match into {
        Some(path) => Some(load_notices(Some(path))?.doc),
        None => None,
    };
    let report = import(&text, &options, existing.as_ref());
    if a.has("--json") && into.is_none() {
        return json(&report);
    }
    if !report.problems.is_empty() || !report.questions.is_empty() {
        return Err(human_import(&report));
    }
    // What was read with an assumption, or is worth a look (a year taken
    // from the disaster's name, areas continuing from notices not loaded):
    // said on stderr, the result on stdout
    for note in &report.notes {
        eprintln!("saigai-mode: 注意: {note}");
    }
    match (into, &report.file, &report.entry) {
        (Some(path), Some(file), _) => {
            let text = json(file)? + "\n";
            let tmp = format!("{path}.tmp");
            std::fs::write(&tmp, text)
                .and_then(|()| std::fs::rename(&tmp, path))
                .map_err(|e| format!("{path} に書けません: {e}"))?;
            Ok(format!(
                "{path} に {} {} を追加しました（{}件の地域）",
                report.disaster_name.clone().unwrap_or_default(),
                report.number.map_or_else(
                    || format!("{}の記事（番号なし）", report.issued.clone().unwrap_or_default()),
                    |k| format!("その{k}")
                ),
                report.areas.len()
            ))
        }
        (None, _, Some(entry)) => json(entry),
        _ => Err(human_import(&report)),
    }
}

fn human_import(r: &saigai_mode::import::ImportReport) -> String {
    let mut out = String::from("取り込めませんでした。");
    for p in &r.problems {
        out.push_str(&format!("\n- {}: {}", p.entry, p.message));
    }
    for q in &r.questions {
        out.push_str(&format!("\n? {}", q.message));
    }
    for n in &r.notes {
        out.push_str(&format!("\n注意: {n}"));
    }
    out.push_str("\n（--fix 誤=正、--new 地域、--continuing 地域、--rest new|continuing、--ignore 語、--until 終了日、--disaster ID、--disaster-name、--issued、--number、--unnumbered（番号のない記事）で答えられます）");
    out
}
