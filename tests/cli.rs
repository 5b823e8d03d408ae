//! The `saigai-mode` command: outputs and exit codes.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_saigai-mode")).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json(args: &[&str]) -> serde_json::Value {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

/// Source: issue 2, "Done means"
#[test]
fn check_json_for_hirosaki() {
    let v = json(&["check", "弘前市", "--date", "2026-02-05", "--json"]);
    assert_eq!(v["status"], "active");
    assert_eq!(v["window"]["until"], "2026-02-10");
    assert_eq!(v["municipality"]["code"], "022021");
    assert_eq!(v["dataAsOf"], "2026-02-04");
    assert_eq!(v["newlyAdded"], false);
    assert_eq!(v["disasters"][0]["notices"][0]["number"], 5);
    for input in ["ひろさきし", "022021", "02202", "青森県弘前市大字賀田1丁目"] {
        let w = json(&["check", input, "--date", "2026-02-05", "--json"]);
        assert_eq!(w["municipality"]["code"], "022021", "{input}");
    }
}

#[test]
fn check_human_output_and_other_statuses() {
    let (code, out, _) = run(&["check", "上越市", "--at", "2026-02-10T23:59:59+09:00"]);
    assert_eq!(code, 0);
    assert!(out.contains("【有効】"), "{out}");
    assert!(out.contains("今回の通知で追加"));
    let (code, out, _) = run(&["check", "府中市", "--date", "2026-02-05"]);
    assert_eq!(code, 0);
    assert!(out.contains("東京都府中市") && out.contains("広島県府中市"));
    let (code, out, _) = run(&["check", "鰭ヶ沢町"]);
    assert_eq!(code, 0);
    assert!(out.contains("鰺ヶ沢町"));
    // Default is now: the seed's window is long over
    let v = json(&["check", "弘前市", "--json"]);
    assert_eq!(v["status"], "ended");
}

#[test]
fn notices_from_a_file() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/shapes.json");
    let v = json(&["check", "朝倉市", "--date", "2023-07-10", "--notices", path, "--json"]);
    assert_eq!(v["status"], "active");
    assert_eq!(v["opensAt"], "16:00");
    let (code, out, _) = run(&["validate", path]);
    assert_eq!(code, 0);
    // Valid, and older than the data built into the module: said so
    assert!(out.contains("読み込めますが、警告があります") && out.contains("より古くなっています"), "{out}");
}

#[test]
fn bad_usage_and_bad_files_exit_2() {
    let dir = std::env::temp_dir().join(format!("saigai-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(&bad, r#"{"format":1,"disasters":[{"id":"d","name":"x","began":"2026-01-01","notices":[{"id":"n","number":1,"title":"t","issued":"2026-01-02","rules":[{"kind":"add","areas":["鰭ヶ沢町"],"until":"2026-01-09"}]}]}]}"#).unwrap();
    let bad = bad.to_str().unwrap();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec![], "使い方"),
        (vec!["frobnicate"], "不明なコマンド"),
        (vec!["check"], "市区町村を一つ"),
        (vec!["check", "弘前市", "--date"], "値が必要"),
        (vec!["check", "弘前市", "--date", "2026-02-30"], "という日付はありません"),
        (vec!["check", "弘前市", "--date", "2026-02-05", "--at", "2026-02-05T10:00"], "同時に指定できません"),
        (vec!["check", "弘前市", "--verbose"], "不明なオプション"),
        (vec!["check", "弘前市", "--notices", "/nonexistent/notices.json"], "を読めません"),
        (vec!["check", "弘前市", "--notices", bad], "鰺ヶ沢町"),
        (vec!["validate", bad], "1 件の問題"),
        (vec!["suggest", "ひろ", "--limit", "x"], "--limit"),
        (vec!["procedure", "--number-known", "--number-unknown"], "同時に指定できません"),
    ];
    for (args, phrase) in cases {
        let (code, out, err) = run(&args);
        assert_eq!(code, 2, "{args:?}: {out}");
        assert!(err.contains(phrase), "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?}");
    }
}

#[test]
fn suggest_and_procedure() {
    let (code, out, _) = run(&["suggest", "ひろさ"]);
    assert_eq!(code, 0);
    assert!(out.lines().next().unwrap().contains("弘前市"));
    let p = json(&["procedure", "--number-unknown", "--public-assistance", "--json"]);
    assert_eq!(p["case"], "B");
    assert!(p["steps"][1]["text"].as_str().unwrap().contains("受給者番号"));
    let (_, out, _) = run(&["procedure", "--no-consent"]);
    assert!(out.contains("第20条第2項第2号"));
}

fn run_stdin(args: &[&str], input: &str) -> (i32, String, String) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_saigai-mode"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// An article without a number, and a closure of areas the file never saw:
/// written (format 2), with what the file does not know on stderr
#[test]
fn import_unnumbered_and_what_the_file_does_not_know() {
    let article = include_str!("fixtures/import-portal-article.txt");
    let (code, out, err) =
        run_stdin(&["import", "--disaster", "d", "--issued", "2023-07-10", "--new", "出雲市"], article);
    assert_eq!(code, 2, "{out}");
    assert!(err.contains("--unnumbered"), "{err}");
    let (code, out, err) =
        run_stdin(&["import", "--disaster", "d", "--issued", "2023-07-10", "--new", "出雲市", "--unnumbered"], article);
    assert_eq!(code, 0, "{err}");
    let entry: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(entry.get("number").is_none(), "{entry}");

    let dir = std::env::temp_dir().join(format!("saigai-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("notices.json");
    std::fs::write(&file, r#"{ "format": 1, "disasters": [ { "id": "noto", "name": "令和6年能登半島地震", "began": "2024-01-01",
      "notices": [ { "id": "noto-1", "number": 1, "title": "その1", "issued": "2024-01-01",
        "rules": [ { "kind": "add", "areas": ["石川県七尾市", "石川県輪島市", "石川県珠洲市"], "until": "2024-01-14" } ] } ] } ] }"#).unwrap();
    let path = file.to_str().unwrap();
    let closure = include_str!("fixtures/import-closure.txt");
    let (code, out, err) = run_stdin(
        &["import", "--disaster", "noto", "--number", "9", "--issued", "2024-03-01", "--into", path],
        closure,
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("その9 を追加しました"), "{out}");
    assert!(err.contains("注意:") && err.contains("「志賀町」は読み込まれた通知で有効になっていない"), "{err}");
    let written: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(written["format"], 2);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn import_reports_then_merges() {
    let cover = include_str!("fixtures/seed-cover-letter.txt");
    // Unresolved misprint and unknown disaster: exit 2 with both
    let (code, out, err) = run_stdin(&["import"], cover);
    assert_eq!(code, 2, "{out}");
    assert!(err.contains("「青森県西津軽郡鰺ヶ沢町」ではありませんか"), "{err}");
    assert!(err.contains("id"), "{err}");
    // Answered: the entry as JSON
    let (code, out, err) = run_stdin(&["import", "--disaster", "snow", "--fix", "鰭ヶ沢町=青森県鰺ヶ沢町"], cover);
    assert_eq!(code, 0, "{err}");
    let entry: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(entry["number"], 5);
    assert_eq!(entry["rules"][1]["areas"][0], "新潟県上越市");
    // --into: merged and written back; the file then answers
    let dir = std::env::temp_dir().join(format!("saigai-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("notices.json");
    std::fs::write(&file, r#"{"format":1,"disasters":[]}"#).unwrap();
    let path = file.to_str().unwrap();
    let (code, out, err) =
        run_stdin(&["import", "--disaster", "snow", "--fix", "鰭ヶ沢町=青森県鰺ヶ沢町", "--into", path], cover);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("その5 を追加しました"), "{out}");
    let v = json(&["check", "上越市", "--date", "2026-02-05", "--notices", path, "--json"]);
    assert_eq!(v["status"], "active");
    assert_eq!(v["newlyAdded"], true);
    // Importing the same notice again is refused and leaves the file as it was
    let before = std::fs::read_to_string(&file).unwrap();
    let (code, _, err) = run_stdin(&["import", "--fix", "鰭ヶ沢町=青森県鰺ヶ沢町", "--into", path], cover);
    assert_eq!(code, 2);
    assert!(err.contains("既にファイルにあります"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), before);
    let (code, _, err) = run_stdin(&["import", "--fix", "oops"], cover);
    assert_eq!(code, 2);
    assert!(err.contains("誤=正"));
}

/// Issue 10: `saigai-mode check … | head -1` must not panic when the reader
/// goes away first
#[test]
fn a_closed_pipe_is_not_an_error() {
    let script = r#"(sleep 0.3; exec "$0" check 弘前市 --date 2026-02-05) | true; echo "status=${PIPESTATUS[0]}""#;
    let out = Command::new("bash").args(["-c", script, env!("CARGO_BIN_EXE_saigai-mode")]).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stdout.trim(), "status=0", "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// Issue 9: a file that goes backwards is accepted with a warning, never silently
#[test]
fn validate_warns_when_a_file_goes_backwards() {
    let dir = std::env::temp_dir().join(format!("saigai-validate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("empty.json");
    std::fs::write(&empty, r#"{"format":1,"disasters":[]}"#).unwrap();
    let (code, out, _) = run(&["validate", empty.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(out.contains("警告があります") && out.contains("災害が一つもありません"), "{out}");
    let builtin = concat!(env!("CARGO_MANIFEST_DIR"), "/data/notices.json");
    let (_, out, _) = run(&["validate", builtin]);
    assert!(out.contains("問題はありません") && !out.contains("警告"), "{out}");
    // The other way round: the built-in file against a newer one
    let newer = dir.join("newer.json");
    let mut file: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(builtin).unwrap()).unwrap();
    file["disasters"][0]["notices"].as_array_mut().unwrap().push(serde_json::json!({
        "id": "2026-01-21-heavy-snow-6", "number": 6, "title": "その6", "issued": "2026-02-09",
        "rules": [ { "kind": "continue", "areas": ["青森県弘前市"], "until": "2026-02-15" } ]
    }));
    std::fs::write(&newer, file.to_string()).unwrap();
    let (code, out, err) = run(&["validate", builtin, "--previous", newer.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("より古くなっています") && out.contains("その6"), "{out}");
    std::fs::remove_dir_all(&dir).ok();
}

/// Issue 7: the Atom feed of a notices file
#[test]
fn feed_of_a_notices_file() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/notices.json");
    let (code, out, err) = run(&["feed", path, "--url", "https://example.jp/saigai/"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("<?xml"));
    assert_eq!(out.matches("<entry>").count(), 1);
    assert!(out.contains("追加: 新潟県上越市（令和8年2月10日（火）まで）"), "{out}");
    let (code, _, err) = run(&["feed", path]);
    assert_eq!(code, 2);
    assert!(err.contains("--url"), "{err}");
}

/// Issue 9: the CLI shows its version
#[test]
fn version() {
    let (code, out, _) = run(&["--version"]);
    assert_eq!(code, 0);
    assert_eq!(out.trim(), format!("saigai-mode {}", env!("CARGO_PKG_VERSION")));
}
