//! The key that ties the quarters of one programme together for the metrics' history.
//!
//! A file's `series` when it writes one, else its programme's name as a slug. `kvartal new`
//! writes the key into the next quarter's file, so that the programme can be renamed for a
//! new year ("Medborgarlöfte 2023" → "Medborgarlöfte 2024") without losing its history.

/// `name` as a slug: lower case, Nordic letters without their marks, every other run of
/// characters a single hyphen. "Medborgarlöfte 2023" → "medborgarlofte-2023".
pub fn of_programme(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        match plain(c) {
            Some(letters) => slug.push_str(letters),
            None if c.is_ascii_alphanumeric() => slug.push(c),
            None if !slug.ends_with('-') && !slug.is_empty() => slug.push('-'),
            None => {}
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "programme".to_owned()
    } else {
        slug.to_owned()
    }
}

fn plain(c: char) -> Option<&'static str> {
    Some(match c {
        'å' | 'ä' | 'á' | 'à' | 'â' => "a",
        'ö' | 'ø' | 'ó' | 'ò' | 'ô' => "o",
        'é' | 'è' | 'ê' | 'ë' => "e",
        'ü' | 'ú' | 'û' => "u",
        'í' | 'ï' => "i",
        'æ' => "ae",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::of_programme;

    #[test]
    fn a_programme_name_becomes_a_slug() {
        assert_eq!(of_programme("Medborgarlöfte 2023"), "medborgarlofte-2023");
        assert_eq!(
            of_programme("  Trygg i Åsa – etapp 2! "),
            "trygg-i-asa-etapp-2"
        );
        assert_eq!(of_programme("Ærø"), "aero");
        assert_eq!(of_programme("–"), "programme");
    }
}
