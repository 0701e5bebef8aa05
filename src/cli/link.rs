//! `iam-playground link FILE` and `link --decode FRAGMENT_OR_URL`.

use iam_playground::scenario::link;

use super::{read_text, usage_error};

pub fn main(args: &[String]) -> u8 {
    match args {
        [flag, input] if flag == "--decode" => match link::decode(input) {
            Ok(text) => {
                print!("{text}");
                0
            }
            Err(e) => {
                eprintln!("iam-playground: {}", e.message());
                2
            }
        },
        [path] if !path.starts_with("--") => {
            let Some(text) = read_text(path) else {
                return 2;
            };
            match link::encode(&text) {
                Ok(fragment) => {
                    println!("{fragment}");
                    0
                }
                Err(e) => {
                    eprintln!("{path}:1:1: {}", e.message());
                    2
                }
            }
        }
        _ => usage_error("link takes a scenario file, or --decode and a link"),
    }
}
