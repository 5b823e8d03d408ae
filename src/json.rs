//! A small JSON reader for notice files, with positions and Japanese errors.
//!
//! Why not serde_json: the notices file is the one JSON the module reads, and
//! portal maintainers edit it by hand. This reader keeps every object's keys
//! in order with their line, reports duplicate keys (serde_json keeps the
//! last one silently), limits nesting, and adds about a tenth of serde_json's
//! size to the wasm module. Values are read into [`Value`]; `notices.rs`
//! checks the shape field by field.

use crate::prelude::*;

use crate::sort;

/// Nesting deeper than this is refused (notice files need 7 levels)
const MAX_DEPTH: usize = 64;

/// A JSON value
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// Only integers occur in notice files
    Number(i64),
    String(String),
    Array(Vec<Value>),
    /// Keys in file order, each with the line it is on
    Object(Vec<(String, Value, usize)>),
}

impl Value {
    /// What kind of value this is, in Japanese, for messages
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "真偽値",
            Value::Number(_) => "数値",
            Value::String(_) => "文字列",
            Value::Array(_) => "配列",
            Value::Object(_) => "オブジェクト",
        }
    }
}

/// A syntax error: where and what
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// A position in the text, for an error found later (a repeated key)
#[derive(Clone, Copy)]
struct Spot {
    at: usize,
    line: usize,
    line_start: usize,
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    line: usize,
    line_start: usize,
}

/// Parse a whole JSON text
///
/// # Errors
/// The first syntax error, with its line and column (1-based, in characters).
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut r = Reader { bytes: text.as_bytes(), at: 0, line: 1, line_start: 0 };
    r.skip_space();
    if r.peek().is_none() {
        return Err(r.error("ファイルが空です"));
    }
    let v = r.value(0)?;
    r.skip_space();
    if r.peek().is_some() {
        return Err(r.error("JSONの終わりの後に余分な文字があります"));
    }
    Ok(v)
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn error(&self, message: &str) -> SyntaxError {
        self.error_at(Spot { at: self.at, line: self.line, line_start: self.line_start }, message)
    }

    fn error_at(&self, spot: Spot, message: &str) -> SyntaxError {
        // Characters, not bytes: every UTF-8 character has one leading byte
        let col =
            self.bytes.get(spot.line_start..spot.at).map_or(0, |b| b.iter().filter(|&&c| c & 0xc0 != 0x80).count());
        SyntaxError { line: spot.line, column: col + 1, message: message.to_string() }
    }

    fn spot(&self) -> Spot {
        Spot { at: self.at, line: self.line, line_start: self.line_start }
    }

    fn skip_space(&mut self) {
        while let Some(b) = self.peek() {
            match b {
                b'\n' => {
                    self.at += 1;
                    self.line += 1;
                    self.line_start = self.at;
                }
                b' ' | b'\t' | b'\r' => self.at += 1,
                _ => break,
            }
        }
    }

    fn expect(&mut self, word: &str, v: Value) -> Result<Value, SyntaxError> {
        if self.bytes.get(self.at..self.at + word.len()) == Some(word.as_bytes()) {
            self.at += word.len();
            Ok(v)
        } else {
            Err(self.error("値が読めません（文字列は \"…\" で囲みます）"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.error("入れ子が深すぎます"));
        }
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.expect("true", Value::Bool(true)),
            Some(b'f') => self.expect("false", Value::Bool(false)),
            Some(b'n') => self.expect("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("値が読めません（文字列は \"…\" で囲みます）")),
            None => Err(self.error("ファイルが途中で終わっています")),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.at += 1;
        let mut fields: Vec<(String, Value, usize)> = Vec::new();
        // Where each key starts, for the duplicate check once the object is
        // read (sorted: a scan of `fields` per key would be quadratic, 1 MB
        // of keys took 68 s)
        let mut spots: Vec<Spot> = Vec::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(fields));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(self.error("項目名は \"…\" で囲みます（最後の項目の後に , は書けません）"));
            }
            let line = self.line;
            spots.push(self.spot());
            let key = self.string()?;
            self.skip_space();
            if self.peek() != Some(b':') {
                return Err(self.error(&format!("項目「{key}」の後に : がありません")));
            }
            self.at += 1;
            self.skip_space();
            let v = self.value(depth + 1)?;
            fields.push((key, v, line));
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return self.unique_keys(fields, &spots);
                }
                None => return Err(self.error("ファイルが途中で終わっています（} がありません）")),
                Some(_) => return Err(self.error("項目の間に , がありません")),
            }
        }
    }

    /// The object, or an error at the second of two equal keys
    fn unique_keys(&self, fields: Vec<(String, Value, usize)>, spots: &[Spot]) -> Result<Value, SyntaxError> {
        let mut order: Vec<usize> = (0..fields.len()).collect();
        let key = |i: usize| fields.get(i).map_or("", |f| f.0.as_str());
        sort::sort_by(&mut order, |&a, &b| key(a).cmp(key(b)));
        // Stable: of equal keys, the first in the text comes first
        let repeated =
            order.windows(2).filter_map(|w| w.get(1).filter(|&&b| w.first().is_some_and(|&a| key(a) == key(b))));
        if let Some(&i) = repeated.min() {
            let spot = spots.get(i).copied().unwrap_or(self.spot());
            return Err(self.error_at(spot, &format!("項目「{}」が同じオブジェクトに二つあります", key(i))));
        }
        Ok(Value::Object(fields))
    }

    fn array(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.at += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_space();
            items.push(self.value(depth + 1)?);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                None => return Err(self.error("ファイルが途中で終わっています（] がありません）")),
                Some(_) => return Err(self.error("配列の要素の間に , がありません")),
            }
        }
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        self.at += 1;
        let mut out: Vec<u8> = Vec::new();
        loop {
            let Some(b) = self.peek() else {
                return Err(self.error("文字列が閉じていません（\" がありません）"));
            };
            self.at += 1;
            match b {
                b'"' => break,
                b'\\' => {
                    let Some(e) = self.peek() else { continue };
                    self.at += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return Err(self.error("文字列の中の \\ の使い方が正しくありません")),
                    };
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                b'\n' | b'\r' => return Err(self.error("文字列の途中で改行しています（\" が閉じていません）")),
                0..=0x1f => return Err(self.error("文字列に制御文字があります")),
                _ => out.push(b),
            }
        }
        // INVARIANT: the input is a &str and escapes push whole chars, so
        // the bytes are UTF-8; the error is never seen in practice
        String::from_utf8(out).map_err(|_| self.error("文字列がUTF-8として読めません"))
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let s = self
            .bytes
            .get(self.at..self.at + 4)
            .and_then(|b| core::str::from_utf8(b).ok())
            .and_then(|s| u32::from_str_radix(s, 16).ok())
            .ok_or_else(|| self.error("\\u の後には16進数4桁が必要です"))?;
        self.at += 4;
        Ok(s)
    }

    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let hi = self.hex4()?;
        let code = if (0xd800..0xdc00).contains(&hi) {
            if self.bytes.get(self.at..self.at + 2) != Some(b"\\u") {
                return Err(self.error("サロゲートペアの後半がありません"));
            }
            self.at += 2;
            let lo = self.hex4()?;
            if !(0xdc00..0xe000).contains(&lo) {
                return Err(self.error("サロゲートペアの後半が正しくありません"));
            }
            0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00)
        } else {
            hi
        };
        char::from_u32(code).ok_or_else(|| self.error("\\u で表せない文字です"))
    }

    /// Numbers in notice files are whole (format version, notice number):
    /// only integers are read, which keeps float parsing out of the module
    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.at;
        while let Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        let text = core::str::from_utf8(self.bytes.get(start..self.at).unwrap_or_default()).unwrap_or("");
        let digits = text.strip_prefix('-').unwrap_or(text);
        let canonical = !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && (digits == "0" || !digits.starts_with('0'));
        match text.parse::<i64>() {
            Ok(n) if canonical => Ok(Value::Number(n)),
            _ if canonical => Err(self.error(&format!("数値「{text}」が大きすぎます"))),
            _ => Err(self.error(&format!("数値「{text}」が読めません（整数で書いてください）"))),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn reads_values() {
        let v = parse(r#" { "a": [1, -2, true, false, null], "b": "x\"\u00e9\ud83d\ude00\n" } "#).unwrap();
        let Value::Object(f) = v else { panic!() };
        assert_eq!(f[0].0, "a");
        assert_eq!(
            f[0].1,
            Value::Array(vec![Value::Number(1), Value::Number(-2), Value::Bool(true), Value::Bool(false), Value::Null])
        );
        assert_eq!(f[1].1, Value::String("x\"é😀\n".to_string()));
    }

    #[test]
    fn errors_have_positions() {
        let e = parse("{\n  \"a\": 1,\n}").unwrap_err();
        assert_eq!((e.line, e.column), (3, 1));
        assert!(e.message.contains("最後の項目の後に , は書けません"));
        let e = parse("{\"a\": 1, \"a\": 2}").unwrap_err();
        assert!(e.message.contains("二つあります"));
        assert_eq!((e.line, e.column), (1, 10));
        let e = parse("{\"b\": 1,\n \"a\": 2,\n \"b\": {\"a\": 3}, \"a\": 4}").unwrap_err();
        assert_eq!((e.line, e.column, e.message.contains("「b」")), (3, 2, true));
        assert!(parse("").unwrap_err().message.contains("空"));
        assert!(parse("[1,").is_err());
        assert!(parse("01").is_err());
        assert!(parse("1.5").unwrap_err().message.contains("整数"));
        assert!(parse("\"abc").is_err());
        assert!(parse("{} x").is_err());
        assert!(parse(&"[".repeat(100_000)).unwrap_err().message.contains("深すぎ"));
        assert!(parse("{\"a\": 'x'}").is_err());
    }
}
