//! Reading a notices file's shape, field by field, into its documents, with
//! a problem (path and line) for everything that is not of the format.

use crate::prelude::*;

use super::*;
use crate::json::Value;
// ---------------------------------------------------------------------------
// Reading the file's shape, field by field

type Fields = [(String, Value, usize)];

/// Reads the fields of one object, reporting unknown and missing fields and
/// wrong types as problems that name the path and line
struct Obj<'v, 'p> {
    fields: &'v Fields,
    path: String,
    line: usize,
    problems: &'p mut Vec<Problem>,
}

impl<'v, 'p> Obj<'v, 'p> {
    /// `v` as an object with the given field names, or a problem
    fn new(v: &'v Value, path: String, line: usize, known: &[&str], problems: &'p mut Vec<Problem>) -> Option<Self> {
        let Value::Object(fields) = v else {
            problems.push(shape_problem(&path, line, format!("オブジェクト {{ … }} のはずが{}です。", v.kind())));
            return None;
        };
        for (key, _, l) in fields {
            if !known.contains(&key.as_str()) {
                let near = known
                    .iter()
                    .filter(|k| {
                        crate::text::edit_distance(&key.chars().collect::<Vec<_>>(), &k.chars().collect::<Vec<_>>(), 2)
                            <= 2
                    })
                    .map(|k| format!("「{k}」ではありませんか？"))
                    .next()
                    .unwrap_or_else(|| format!("使える項目: {}", known.join(", ")));
                problems.push(shape_problem(&join(&path, key), *l, format!("不明な項目「{key}」があります。{near}")));
            }
        }
        Some(Obj { fields, path, line, problems })
    }

    fn get(&self, name: &str) -> Option<(&'v Value, usize)> {
        self.fields.iter().find(|(k, _, _)| k == name).map(|(_, v, l)| (v, *l))
    }

    fn wrong(&mut self, name: &str, line: usize, want: &str, got: &Value) {
        let path = join(&self.path, name);
        self.problems.push(shape_problem(
            &path,
            line,
            format!("「{name}」は{want}で書きます（{}になっています）。", got.kind()),
        ));
    }

    fn missing(&mut self, name: &str) {
        let path = join(&self.path, name);
        self.problems.push(shape_problem(&path, self.line, format!("必須の項目「{name}」がありません。")));
    }

    fn opt_string(&mut self, name: &str) -> Option<String> {
        match self.get(name) {
            Some((Value::String(s), _)) => Some(s.clone()),
            Some((Value::Null, _)) | None => None,
            Some((v, l)) => {
                self.wrong(name, l, "文字列 \"…\"", v);
                None
            }
        }
    }

    fn string(&mut self, name: &str) -> String {
        if self.get(name).is_none() {
            self.missing(name);
        }
        self.opt_string(name).unwrap_or_default()
    }

    fn number(&mut self, name: &str) -> u32 {
        match self.get(name) {
            Some((Value::Number(n), _)) if u32::try_from(*n).is_ok() => u32::try_from(*n).unwrap_or(0),
            Some((v, l)) => {
                self.wrong(name, l, "0以上の整数", v);
                0
            }
            None => {
                self.missing(name);
                0
            }
        }
    }

    fn opt_number(&mut self, name: &str) -> Option<u32> {
        match self.get(name) {
            Some((Value::Null, _)) | None => None,
            Some(_) => Some(self.number(name)),
        }
    }

    fn flag(&mut self, name: &str) -> bool {
        match self.get(name) {
            Some((Value::Bool(b), _)) => *b,
            Some((Value::Null, _)) | None => false,
            Some((v, l)) => {
                self.wrong(name, l, "true または false", v);
                false
            }
        }
    }

    /// The items of an array field with their paths
    fn array(&mut self, name: &str, required: bool) -> Vec<(&'v Value, String, usize)> {
        match self.get(name) {
            Some((Value::Array(items), l)) => {
                items.iter().enumerate().map(|(i, v)| (v, format!("{}[{i}]", join(&self.path, name)), l)).collect()
            }
            Some((Value::Null, _)) | None => {
                if required {
                    self.missing(name);
                }
                Vec::new()
            }
            Some((v, l)) => {
                self.wrong(name, l, "配列 [ … ]", v);
                Vec::new()
            }
        }
    }

    fn strings(&mut self, name: &str) -> Vec<String> {
        let items = self.array(name, false);
        let mut out = Vec::new();
        for (v, path, line) in items {
            match v {
                Value::String(s) => out.push(s.clone()),
                other => self.problems.push(shape_problem(
                    &path,
                    line,
                    format!("文字列 \"…\" のはずが{}です。", other.kind()),
                )),
            }
        }
        out
    }

    fn areas(&mut self, name: &str) -> Vec<AreaDoc> {
        let items = self.array(name, false);
        let mut out = Vec::new();
        for (v, path, line) in items {
            match v {
                Value::String(s) => out.push(AreaDoc::Name(s.clone())),
                Value::Object(_) => {
                    if let Some(mut o) = Obj::new(v, path, line, &["name", "part"], self.problems) {
                        let (name, part) = (o.string("name"), o.string("part"));
                        out.push(AreaDoc::Part(PartDoc { name, part }));
                    }
                }
                other => self.problems.push(shape_problem(
                    &path,
                    line,
                    format!(
                        "地域は文字列か {{ \"name\": …, \"part\": … }} で書きます（{}になっています）。",
                        other.kind()
                    ),
                )),
            }
        }
        out
    }

    /// A field with one of a fixed set of string values
    fn choice<T: Copy>(&mut self, name: &str, choices: &[(&str, T)], default: T) -> T {
        let text = self.string(name);
        if text.is_empty() {
            return default;
        }
        match choices.iter().find(|(k, _)| *k == text) {
            Some((_, v)) => *v,
            None => {
                let line = self.get(name).map_or(self.line, |(_, l)| l);
                let names: Vec<&str> = choices.iter().map(|(k, _)| *k).collect();
                let path = join(&self.path, name);
                self.problems.push(shape_problem(
                    &path,
                    line,
                    format!("「{name}」は {} のどれかです（「{text}」になっています）。", names.join(" / ")),
                ));
                default
            }
        }
    }
}

/// `disasters[0]` + `notices` → `disasters[0].notices`
fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}.{name}")
    }
}

fn shape_problem(path: &str, line: usize, message: String) -> Problem {
    Problem::new(&format!("{line}行目"), path, message)
}

impl NoticeFile {
    /// Read a parsed JSON value as a notices file
    ///
    /// # Errors
    /// Every field that is unknown, missing or of the wrong type, each with
    /// its path and line.
    pub fn from_value(v: &Value) -> Result<NoticeFile, Vec<Problem>> {
        let mut problems = Vec::new();
        let doc = read_file(v, &mut problems);
        match doc {
            Some(doc) if problems.is_empty() => Ok(doc),
            _ => Err(problems),
        }
    }
}

fn read_file(v: &Value, problems: &mut Vec<Problem>) -> Option<NoticeFile> {
    let mut o = Obj::new(v, String::new(), 1, &["format", "description", "disasters"], problems)?;
    let format = o.number("format");
    let description = o.opt_string("description");
    let items = o.array("disasters", true);
    let disasters = items.into_iter().filter_map(|(v, path, line)| read_disaster(v, path, line, o.problems)).collect();
    Some(NoticeFile { format, description, disasters })
}

fn read_disaster(v: &Value, path: String, line: usize, problems: &mut Vec<Problem>) -> Option<DisasterDoc> {
    let mut o = Obj::new(v, path, line, &["id", "name", "began", "reliefAct", "notices"], problems)?;
    let (id, name, began) = (o.string("id"), o.string("name"), o.string("began"));
    // One report (an object, as in format 1) or several (an array)
    let reports: Vec<(&Value, String, usize)> = match o.get("reliefAct") {
        Some((Value::Null, _)) | None => Vec::new(),
        Some((Value::Array(_), _)) => o.array("reliefAct", false),
        Some((ra, l)) => vec![(ra, join(&o.path, "reliefAct"), l)],
    };
    let mut relief_act = Vec::new();
    for (ra, rpath, l) in reports {
        let mut r = Obj::new(ra, rpath, l, &["firstReport", "areas", "prefectures"], o.problems)?;
        relief_act.push(ReliefActDoc {
            first_report: r.string("firstReport"),
            areas: r.areas("areas"),
            prefectures: r.strings("prefectures"),
        });
    }
    let items = o.array("notices", true);
    let notices = items.into_iter().filter_map(|(v, path, line)| read_notice(v, path, line, o.problems)).collect();
    Some(DisasterDoc { id, name, began, relief_act, notices })
}

fn read_notice(v: &Value, path: String, line: usize, problems: &mut Vec<Problem>) -> Option<NoticeDoc> {
    let mut o = Obj::new(
        v,
        path,
        line,
        &["id", "number", "title", "issued", "issuer", "source", "url", "remarks", "rules"],
        problems,
    )?;
    let (id, number, title, issued) = (o.string("id"), o.opt_number("number"), o.string("title"), o.string("issued"));
    let (issuer, source, url) = (o.opt_string("issuer"), o.opt_string("source"), o.opt_string("url"));
    let mut remarks = Vec::new();
    for (v, path, line) in o.array("remarks", false) {
        if let Some(mut r) = Obj::new(v, path, line, &["kind", "text", "areas", "from", "until"], o.problems) {
            let kind = r.choice(
                "kind",
                &[("facility", RemarkKind::Facility), ("partial", RemarkKind::Partial), ("note", RemarkKind::Note)],
                RemarkKind::Note,
            );
            remarks.push(RemarkDoc {
                kind,
                text: r.string("text"),
                areas: r.areas("areas"),
                from: r.opt_string("from"),
                until: r.opt_string("until"),
            });
        }
    }
    let mut rules = Vec::new();
    for (v, path, line) in o.array("rules", true) {
        if let Some(mut r) = Obj::new(
            v,
            path,
            line,
            &["kind", "areas", "prefectures", "from", "until", "provisional", "remark"],
            o.problems,
        ) {
            rules.push(RuleDoc {
                kind: r.choice("kind", &[("add", RuleKind::Add), ("continue", RuleKind::Continue)], RuleKind::Add),
                areas: r.areas("areas"),
                prefectures: r.strings("prefectures"),
                from: r.opt_string("from"),
                until: r.string("until"),
                provisional: r.flag("provisional"),
                remark: r.opt_string("remark"),
            });
        }
    }
    Some(NoticeDoc { id, number, title, issued, issuer, source, url, remarks, rules })
}
