//! Prepares the generated master for embedding: drops its comment header
//! (provenance, source differences: for maintainers), splits the readings
//! off into a file of their own, one per row in the table's order (the
//! checker's module loads them on demand; see `src/master.rs`), and leaves
//! out a row's three digits where they are the previous row's + 1 (most
//! rows: 1.6 KB of the compressed module). Reads only this repo's files;
//! never touches the network.

use std::{env, fs, path::Path};

fn main() {
    let source = "data/municipalities.txt";
    println!("cargo:rerun-if-changed={source}");
    println!("cargo:rerun-if-changed=build.rs");
    let text = fs::read_to_string(source).unwrap_or_else(|e| fail(&format!("cannot read {source}: {e}")));
    let (mut names, mut readings) = (String::new(), String::new());
    let mut last: u32 = 0;
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        // A row (`@北海道\tほっかいどう`, `100札幌市\tさっぽろし`, `+101中央区\t…`):
        // every other line starts with one of = ! ~ -
        let row = !line.starts_with(['=', '!', '~', '-']);
        match line.split_once('\t').filter(|_| row) {
            Some((head, reading)) => {
                let (ward, rest) = head.strip_prefix('+').map_or(("", head), |r| ("+", r));
                let number =
                    rest.get(..3).filter(|d| d.bytes().all(|b| b.is_ascii_digit())).and_then(|d| d.parse().ok());
                match number {
                    _ if head.starts_with('@') => {
                        last = 0;
                        names.push_str(head);
                    }
                    Some(n) if n == last + 1 => {
                        last = n;
                        names.push_str(ward);
                        names.push_str(rest.get(3..).unwrap_or(""));
                    }
                    Some(n) => {
                        last = n;
                        names.push_str(head);
                    }
                    None => fail(&format!("a row without its code: {line}")),
                }
                readings.push_str(reading);
                readings.push('\n');
            }
            None => names.push_str(line),
        }
        names.push('\n');
    }
    // The built-in notices' newest date of issue, known before the page
    // compiles them (the page compares a fetched file with it at start-up)
    let notices = "data/notices.json";
    println!("cargo:rerun-if-changed={notices}");
    let json = fs::read_to_string(notices).unwrap_or_else(|e| fail(&format!("cannot read {notices}: {e}")));
    let as_of = json
        .split("\"issued\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').nth(1))
        .filter_map(|v| v.get(..10))
        .max()
        .unwrap_or_else(|| fail("data/notices.json has no date of issue"))
        .to_string();
    let out = env::var("OUT_DIR").unwrap_or_else(|_| fail("OUT_DIR is not set"));
    for (file, body) in [("municipalities.txt", names), ("readings.txt", readings), ("builtin-as-of.txt", as_of)] {
        fs::write(Path::new(&out).join(file), body).unwrap_or_else(|e| fail(&format!("cannot write {file}: {e}")));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("build.rs: {message}");
    std::process::exit(1)
}
