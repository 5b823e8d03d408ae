//! Drops the comment header (provenance, source differences) of the
//! generated master before it is embedded: the page downloads every byte of
//! the module, and the header is for maintainers. Reads only this repo's
//! files; never touches the network.

use std::{env, fs, path::Path};

fn main() {
    let source = "data/municipalities.txt";
    println!("cargo:rerun-if-changed={source}");
    println!("cargo:rerun-if-changed=build.rs");
    let text = fs::read_to_string(source).unwrap_or_else(|e| fail(&format!("cannot read {source}: {e}")));
    let body: String = text.lines().filter(|l| !l.starts_with('#')).flat_map(|l| [l, "\n"]).collect();
    let out = env::var("OUT_DIR").unwrap_or_else(|_| fail("OUT_DIR is not set"));
    fs::write(Path::new(&out).join("municipalities.txt"), body)
        .unwrap_or_else(|e| fail(&format!("cannot write the master: {e}")));
}

fn fail(message: &str) -> ! {
    eprintln!("build.rs: {message}");
    std::process::exit(1)
}
