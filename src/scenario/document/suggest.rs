//! "Did you mean": the nearest known name to a misspelt one.

/// Names longer than this are not compared (the distance is quadratic in the lengths).
const MAX_COMPARED_CHARS: usize = 64;

/// The candidate nearest to `word`, when near enough to be a likely typo: at most two edits
/// (a swap of neighbours counts as one, so `trsut` is one edit from `trust`), ignoring case, and
/// no more than a third of the longer name.
pub(super) fn did_you_mean<'c>(
    word: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
    nearest(word, &mut candidates.into_iter())
}

/// [`did_you_mean`] through `dyn`: its code is in the module once, not once per kind of list.
fn nearest<'c>(word: &str, candidates: &mut dyn Iterator<Item = &'c str>) -> Option<&'c str> {
    let word: Vec<char> = word.to_ascii_lowercase().chars().collect();
    if word.len() > MAX_COMPARED_CHARS {
        return None;
    }
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let lower: Vec<char> = candidate.to_ascii_lowercase().chars().collect();
        if lower.len() > MAX_COMPARED_CHARS {
            continue;
        }
        let distance = edit_distance(&word, &lower);
        let longer = word.len().max(lower.len());
        if distance <= 2 && distance * 3 <= longer && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
/// adjacent characters.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let width = b.len() + 1;
    let mut rows = vec![0usize; (a.len() + 1) * width];
    for (j, cell) in rows.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        rows[i * width] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[(i - 1) * width + j] + 1)
                .min(rows[i * width + j - 1] + 1)
                .min(rows[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[(i - 2) * width + j - 2] + 1);
            }
            rows[i * width + j] = d;
        }
    }
    rows[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_misses_only() {
        let role = [
            "arn",
            "trust",
            "policies",
            "boundary",
            "tags",
            "maxSessionDuration",
        ];
        let cases = [
            ("trsut", Some("trust")),
            ("Trust", Some("trust")),
            ("polices", Some("policies")),
            ("maxSessionDurations", Some("maxSessionDuration")),
            ("tag", Some("tags")),
            ("xyz", None),
            ("principal", None),
        ];
        for (word, expected) in cases {
            assert_eq!(did_you_mean(word, role), expected, "{word}");
        }
    }
}
