//! A layout's templates with their partials written in place, for speed: handlebars gives a
//! partial a copy of the data it is called with, and every `{{#each}}` and `{{#if}}` inside
//! it copies again, so a long report spent most of its rendering copying. Written in place,
//! the same text reads the report's data where it stands.
//!
//! Entry point: [`inline`]. Only an include alone on its line at the line's start,
//! `{{> name}}` with no data or parameters, is replaced, by the partial's text, just as
//! handlebars prints a partial standing alone on its line: the line goes, the partial's
//! text comes in its place. A partial that uses a partial block or defines inline partials
//! is left included. The rendered text is the same; an error is still reported from the
//! templates as written (see `Layout`).

use std::collections::BTreeMap;

/// Partials inside partials, as deep as any layout nests them; the includes were checked
/// for circles before.
const MAX_DEPTH: usize = 8;

/// Every template of `templates` (by registered name) with its includes written in place.
pub fn inline(templates: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    templates
        .iter()
        .map(|(name, text)| (name.clone(), expand(text, templates, MAX_DEPTH)))
        .collect()
}

fn expand(text: &str, templates: &BTreeMap<String, String>, depth: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let partial = included(line)
            .filter(|_| depth > 0)
            .and_then(|name| templates.get(name))
            .filter(|partial| can_inline(partial));
        match partial {
            Some(partial) => out.push_str(&expand(partial, templates, depth - 1)),
            None => out.push_str(line),
        }
    }
    out
}

/// The partial a line includes, when it is `{{> name}}` alone, from the line's start.
fn included(line: &str) -> Option<&str> {
    let tag = line.trim_end_matches(['\n', '\r']).trim_end();
    let name = tag.strip_prefix("{{> ")?.strip_suffix("}}")?.trim();
    let plain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-');
    (!name.is_empty() && name.chars().all(plain)).then_some(name)
}

/// Whether a partial means the same written in place: not when it prints the block it was
/// called with or defines partials of its own.
fn can_inline(partial: &str) -> bool {
    !partial.contains("@partial-block")
        && !partial.contains("{{#*inline")
        && !partial.contains("{{#>")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn templates(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect()
    }

    #[test]
    fn an_include_alone_on_its_line_is_written_in_place_and_others_are_kept() {
        let all = templates(&[
            (
                "report.hbs",
                "# T\n{{> a}}\n  {{> a}}\nx {{> a}}\n{{> a this}}\n{{> block}}\nend",
            ),
            ("a", "A {{> b}}\n{{> b}}\n"),
            ("b", "B\n"),
            ("block", "[{{> @partial-block}}]\n"),
        ]);
        let inlined = inline(&all);
        assert_eq!(
            inlined["report.hbs"],
            "# T\nA {{> b}}\nB\n  {{> a}}\nx {{> a}}\n{{> a this}}\n{{> block}}\nend"
        );
    }
}
