//! What the Markdown of a report or a layout may hold, decided once for the loader that
//! checks a report and the parser that reads a layout's output.
//!
//! Entry points: [`is_allowed`] for link targets, [`MAX_LIST_DEPTH`] for lists. A report or
//! a layout is written by colleagues, and its links end up in a PDF on the municipality's
//! website: `javascript:`, `file:`, a `\\server\share` path or a relative name would run
//! code, point into someone's machine or lead nowhere for the reader, so only `http:`,
//! `https:` and `mailto:` pass.
//!
//! A programme's web page is the one document that links to files of its own:
//! [`is_sibling_file`] allows a report's output beside it (`2023-Q4.pdf`), and nothing
//! that could leave its folder.

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

/// The files a programme's page may link to: the outputs `build` writes beside it.
pub const SIBLING_EXTENSIONS: [&str; 3] = ["html", "pdf", "docx"];

/// Whether `target` names a file in the same folder as the page that links to it, one of
/// [`SIBLING_EXTENSIONS`]: `2023-Q4.pdf`, or `Q4%20svar.pdf` percent-encoded. No scheme
/// (`:`), no folder (`/`, `\\`, `..`), no query or fragment, no control character, written
/// plainly or percent-encoded.
pub fn is_sibling_file(target: &str) -> bool {
    let Some(name) = percent_decoded(target) else {
        return false;
    };
    let refused = |text: &str| {
        text.contains(['/', '\\', ':', '?', '#'])
            || text.contains("..")
            || text.chars().any(char::is_control)
    };
    let extension = name
        .rsplit_once('.')
        .map(|(stem, extension)| (stem, extension.to_ascii_lowercase()));
    let known = extension.is_some_and(|(stem, extension)| {
        !stem.is_empty() && SIBLING_EXTENSIONS.contains(&extension.as_str())
    });
    known && !refused(target) && !refused(&name)
}

/// `text` with each `%XX` replaced by its byte; `None` when a `%` starts no such escape or
/// the bytes are not UTF-8.
fn percent_decoded(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        if byte == b'%' {
            let hex = bytes.get(at + 1..at + 3)?;
            if !hex.iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
            decoded.push(u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?);
            at += 3;
        } else {
            decoded.push(byte);
            at += 1;
        }
    }
    String::from_utf8(decoded).ok()
}

#[cfg(test)]
mod tests {
    use super::{is_allowed, is_sibling_file};

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

    #[test]
    fn a_sibling_file_is_a_report_output_in_the_same_folder() {
        for good in [
            "2023-Q4.html",
            "2023-Q4.pdf",
            "2023-Q4.DOCX",
            "Q4%20svar.pdf",
            "l%C3%B6fte.docx",
        ] {
            assert!(is_sibling_file(good), "{good}");
        }
        for bad in [
            "../2023-Q4.pdf",
            "a/2023-Q4.pdf",
            "a%2F2023-Q4.pdf",
            "%2e%2e%2fsecret.pdf",
            "..%5Cx.pdf",
            "a\\b.pdf",
            "C:x.pdf",
            "https://example.org/x.pdf",
            "javascript:x.html",
            "x.html?y.pdf",
            "x.pdf#page=2",
            "/etc/x.pdf",
            "2023-Q4.yaml",
            "2023-Q4",
            ".pdf",
            "x%0a.pdf",
            "x%zz.pdf",
            "x%+a.pdf",
            "x%.pdf",
            "x%ff.pdf",
            "",
        ] {
            assert!(!is_sibling_file(bad), "{bad}");
        }
        // Only the page of a programme may hold such links: a report's text still may not.
        assert!(!is_allowed("2023-Q4.pdf"));
    }
}
