//! `iam-playground link FILE` and `link --decode FRAGMENT_OR_URL`.

use iam_playground::scenario::link;

use super::{read_text, usage_error};

pub fn main(args: &[String]) -> u8 {
    match args {
        [flag, input] if flag == "--decode" => match link::decode(input) {
            Ok(text) => {
                {
                    use std::io::Write as _;
                    let _ = write!(std::io::stdout(), "{text}");
                }
                0
            }
            Err(e) => {
                err!("iam-playground: {}", e.message());
                2
            }
        },
        [path] if !path.starts_with("--") => {
            let Some(text) = read_text(path) else {
                return 2;
            };
            match link::encode(&text) {
                Ok(fragment) => {
                    out!("{fragment}");
                    0
                }
                Err(e) => {
                    err!("{path}:1:1: {}", e.message());
                    2
                }
            }
        }
        _ => usage_error("link takes a scenario file, or --decode and a link"),
    }
}
