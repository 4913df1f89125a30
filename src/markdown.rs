//! What the Markdown of a report or a layout may hold, decided once for the loader that
//! checks a report and the parser that reads a layout's output.
//!
//! Entry points: [`is_allowed`] for link targets, [`MAX_LIST_DEPTH`] for lists. A report or
//! a layout is written by colleagues, and its links end up in a PDF on the municipality's
//! website: `javascript:`, `file:`, a `\\server\share` path or a relative name would run
//! code, point into someone's machine or lead nowhere for the reader, so only `http:`,
//! `https:` and `mailto:` pass.

/// The deepest lists may nest: Word numbers nine levels, and each level is a step deeper
/// for every reader of the document.
pub const MAX_LIST_DEPTH: usize = 9;

/// The schemes a link may have, as written before the colon.
pub const SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Whether `target` is an absolute `http:`, `https:` or `mailto:` address.
pub fn is_allowed(target: &str) -> bool {
    let Some((scheme, rest)) = target.trim().split_once(':') else {
        return false;
    };
    let known = SCHEMES.iter().any(|s| s.eq_ignore_ascii_case(scheme));
    let web = scheme.eq_ignore_ascii_case("mailto") || rest.starts_with("//");
    known && web && !rest.trim().is_empty() && !target.contains('\\')
}

#[cfg(test)]
mod tests {
    use super::is_allowed;

    #[test]
    fn only_web_and_mail_addresses_pass() {
        for good in [
            "https://polisen.se",
            "HTTP://example.org/a?b=c",
            "mailto:anna@kommun.se",
        ] {
            assert!(is_allowed(good), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "\\\\server\\share\\x.docx",
            "bilaga.pdf",
            "#rubrik",
            "https:",
            "http:relative",
            "data:text/html,x",
        ] {
            assert!(!is_allowed(bad), "{bad}");
        }
    }
}
