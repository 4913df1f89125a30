//! "Did you mean …?" for names the user misspelt.
//!
//! Entry points: [`did_you_mean`], which picks the known name closest to what was written
//! when one is close enough to be a likely typo rather than a different word, and
//! [`suggestion`], the hint built from it.

/// The candidate closest to `written`, if within a typo's distance of it.
pub fn did_you_mean<'a>(
    written: &str,
    known: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    // One edit per three characters catches `progres`, `focus_area`, `on_trak`
    // without proposing `name` for `date`.
    let limit = (written.chars().count() / 3).max(1);
    known
        .into_iter()
        .map(|candidate| (edit_distance(written, candidate), candidate))
        .filter(|&(distance, _)| distance <= limit)
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, candidate)| candidate)
}

/// A hint for a name that is not known: "did you mean" when one is close, else the list.
pub fn suggestion(written: &str, known: &[&str], list_intro: &str) -> String {
    match did_you_mean(written, known.iter().copied()) {
        Some(close) => format!("did you mean `{close}`?"),
        None => format!("{list_intro}: {}", known.join(", ")),
    }
}

/// Levenshtein distance counted in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, &cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != cb);
            current.push(substitute.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_edits() {
        assert_eq!(edit_distance("progres", "progress"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("år", "ar"), 1);
    }

    #[test]
    fn suggests_only_close_names() {
        let known = ["progress", "goal", "status"];
        assert_eq!(did_you_mean("progres", known), Some("progress"));
        assert_eq!(did_you_mean("statsu", known), Some("status"));
        assert_eq!(did_you_mean("colour", known), None);
    }
}
