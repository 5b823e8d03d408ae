//! Prepares the generated master for embedding: drops its comment header
//! (provenance, source differences: for maintainers), and splits the
//! readings off into a file of their own, one per row in the table's order
//! (the checker's module loads them on demand; see `src/master.rs`). Reads
//! only this repo's files; never touches the network.

use std::{env, fs, path::Path};

fn main() {
    let source = "data/municipalities.txt";
    println!("cargo:rerun-if-changed={source}");
    println!("cargo:rerun-if-changed=build.rs");
    let text = fs::read_to_string(source).unwrap_or_else(|e| fail(&format!("cannot read {source}: {e}")));
    let (mut names, mut readings) = (String::new(), String::new());
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        // A row (`@北海道\tほっかいどう`, `100札幌市\tさっぽろし`, `+101中央区\t…`):
        // every other line starts with one of = ! ~ -
        let row = !line.starts_with(['=', '!', '~', '-']);
        match line.split_once('\t').filter(|_| row) {
            Some((head, reading)) => {
                names.push_str(head);
                readings.push_str(reading);
                readings.push('\n');
            }
            None => names.push_str(line),
        }
        names.push('\n');
    }
    let out = env::var("OUT_DIR").unwrap_or_else(|_| fail("OUT_DIR is not set"));
    for (file, body) in [("municipalities.txt", names), ("readings.txt", readings)] {
        fs::write(Path::new(&out).join(file), body).unwrap_or_else(|e| fail(&format!("cannot write {file}: {e}")));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("build.rs: {message}");
    std::process::exit(1)
}
