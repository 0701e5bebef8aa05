//! `String*` operators.
//!
//! Source: IAM User Guide, "IAM JSON policy elements: Condition operators", string condition
//! operators: `StringEquals` is case-sensitive, the `IgnoreCase` variants are not, `StringLike`
//! is a case-sensitive glob with `*` and `?` anywhere.

/// Case-insensitive equality, without allocating.
pub(crate) fn equals_ignore_case(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

#[cfg(test)]
mod tests {
    #[test]
    fn ignores_case() {
        assert!(super::equals_ignore_case("Prod", "PROD"));
        assert!(super::equals_ignore_case("Ärger", "äRGER"));
        assert!(!super::equals_ignore_case("prod", "prod "));
    }
}
