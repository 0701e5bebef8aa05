//! Lists the scenario corpus (`tests/corpus/*.json`) and the page's examples
//! (`www/examples/*.json`) for the tests, which run every one natively and inside Chromium.
use std::fmt::Write;
use std::path::Path;

fn main() {
    let root = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let mut out = String::from("/// Every scenario of the corpus and the examples: (path, text).\npub const CORPUS: &[(&str, &str)] = &[\n");
    for dir in ["tests/corpus", "www/examples"] {
        println!("cargo:rerun-if-changed={dir}");
        let Ok(entries) = std::fs::read_dir(Path::new(&root).join(dir)) else {
            continue;
        };
        let mut files: Vec<_> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.extension().is_some_and(|e| e == "json")
                    && p.file_name().is_some_and(|n| n != "index.json")
            })
            .collect();
        files.sort();
        for path in files {
            let name = format!(
                "{dir}/{}",
                path.file_name().unwrap_or_default().to_string_lossy()
            );
            let _ = writeln!(
                out,
                "    ({name:?}, include_str!({:?})),",
                path.display().to_string()
            );
        }
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("corpus.rs");
    std::fs::write(dest, out).expect("write corpus list");
}
