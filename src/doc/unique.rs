//! Names made unique by a number: the anchors of headings, the bookmarks of a DOCX.
//!
//! Entry point: [`Unique::claim`]. A name taken again gets the first free number from 2
//! on, and the next number to try is kept for each name, so a title repeated n times
//! costs n tries, not n²/2: a report of 2,000 activities with one title would otherwise
//! spend most of its time counting.

use std::collections::{HashMap, HashSet};

/// The names handed out so far.
#[derive(Debug, Default)]
pub struct Unique {
    taken: HashSet<String>,
    next: HashMap<String, usize>,
}

impl Unique {
    /// `base` when it is free, else the first free `numbered(base, n)` for n = 2, 3, …;
    /// the name returned is taken from then on.
    pub fn claim(&mut self, base: String, numbered: impl Fn(&str, usize) -> String) -> String {
        if self.taken.insert(base.clone()) {
            return base;
        }
        let n = self.next.entry(base.clone()).or_insert(2);
        loop {
            let name = numbered(&base, *n);
            *n += 1;
            if self.taken.insert(name.clone()) {
                return name;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dashed(base: &str, n: usize) -> String {
        format!("{base}-{n}")
    }

    #[test]
    fn repeats_are_numbered_past_names_already_taken() {
        let mut unique = Unique::default();
        let names: Vec<String> = ["a", "a-2", "a", "a", "b"]
            .iter()
            .map(|base| unique.claim((*base).to_owned(), dashed))
            .collect();
        assert_eq!(names, ["a", "a-2", "a-3", "a-4", "b"]);
    }

    #[test]
    fn a_numbering_that_cuts_the_base_still_ends_unique() {
        // Like a DOCX bookmark: the number replaces the base's end to keep within a limit.
        let cut = |base: &str, n: usize| format!("{}{n}", &base[..base.len() - 1]);
        let mut unique = Unique::default();
        let names: Vec<String> = (0..12)
            .map(|_| unique.claim("xy".to_owned(), cut))
            .collect();
        let distinct: HashSet<&String> = names.iter().collect();
        assert_eq!(distinct.len(), 12);
        assert_eq!(names[..3], ["xy", "x2", "x3"]);
    }
}
