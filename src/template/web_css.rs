//! A layout's own `web.css`: rules added after the web page's stylesheet, checked so the
//! page stays one file that needs nothing else and the rules cannot end its `<style>`.
//!
//! Entry point: [`check`].

use super::error::{LayoutError, line_column};
use super::files::LayoutFile;

/// The first thing in `file` a web page's stylesheet may not hold, as an error at its place:
/// `</` (which would end the `<style>` element); `@import`, `image-set(…)`, `src(…)` or a
/// `url(…)` other than a `data:` URL (each would fetch another file); or a backslash, as a
/// CSS escape (`u\72l(`) could spell any of them past this check.
pub fn check(file: &LayoutFile) -> Result<(), LayoutError> {
    let lower = file.text.to_ascii_lowercase();
    let problem = [
        ("</", "`</` would end the page's style element"),
        (
            "@import",
            "`@import` would fetch another file; put the rules here",
        ),
        (
            "image-set(",
            "`image-set(…)` would fetch another file; use a `data:` URL",
        ),
        (
            "src(",
            "`src(…)` would fetch another file; use a `data:` URL",
        ),
        (
            "\\",
            "a CSS escape could spell what is refused here; write the character itself",
        ),
    ]
    .into_iter()
    .filter_map(|(needle, why)| lower.find(needle).map(|at| (at, why)))
    .chain(
        outside_urls(&lower)
            .map(|at| (at, "a `url(…)` would fetch another file; use a `data:` URL")),
    )
    .min_by_key(|(at, _)| *at);
    match problem {
        None => Ok(()),
        Some((at, why)) => Err(LayoutError::Style {
            file: file.path.clone(),
            position: Some(line_column(&file.text, at)),
            message: format!("not allowed in a web page's stylesheet: {why}"),
        }),
    }
}

/// Where each `url(` that does not hold a `data:` URL starts.
fn outside_urls(css: &str) -> impl Iterator<Item = usize> + '_ {
    css.match_indices("url(").filter_map(|(at, open)| {
        let inside = css[at + open.len()..].trim_start();
        let inside = inside.trim_start_matches(['"', '\'']).trim_start();
        (!inside.starts_with("data:")).then_some(at)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn checked(text: &str) -> Result<(), String> {
        let file = LayoutFile {
            path: PathBuf::from("mine/web.css"),
            text: text.to_owned(),
        };
        check(&file).map_err(|e| e.to_string())
    }

    #[test]
    fn rules_and_data_urls_pass() {
        let css =
            "main { max-width: 50em }\nh1 { background: url(\"data:image/png;base64,AA\") }\n";
        assert_eq!(checked(css), Ok(()));
    }

    #[test]
    fn what_would_fetch_a_file_or_end_the_style_is_refused_where_it_stands() {
        let end = checked("p { color: red }\n/* </STYLE><script> */\n").expect_err("</");
        assert!(end.starts_with("mine/web.css:2:4: "), "{end}");
        let import = checked("@import url(x.css);\n").expect_err("@import");
        assert!(
            import.contains(":1:1: ") && import.contains("@import"),
            "{import}"
        );
        let remote = checked("body {\n  background: url( 'https://x.se/a.png' )\n}\n");
        assert!(remote.expect_err("url").contains(":2:15: "));
        let escaped = checked("body { background: u\\72l(https://x.se/a.png) }\n");
        assert!(escaped.expect_err("escape").contains(":1:21: "));
        let set = checked("h1 { background: image-set(\"a.png\" 1x) }\n");
        assert!(set.expect_err("image-set").contains("`image-set(…)`"));
        let src = checked("h1 { background: src(\"a.png\") }\n");
        assert!(src.expect_err("src").contains(":1:18: "));
    }
}
