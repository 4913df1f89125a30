//! Heading numbers ("1 Sammanfattning", "2.1 Social insatsgrupp"), for layouts whose
//! style asks for them.
//!
//! Entry point: [`number_headings`], applied to a layout's rendered Markdown. Doing it
//! after rendering numbers every layout's headings alike, without a counter in each
//! template. Only `##` and `###` lines outside fenced blocks are headings here: the report's
//! Markdown fields may not hold headings (the loader refuses them), so every such line is
//! the layout's own.

/// `markdown` with each section heading numbered `n` and each subsection `n.m`.
pub fn number_headings(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() + 64);
    let mut fence: Option<&str> = None;
    let (mut section, mut subsection) = (0u32, 0u32);
    for line in markdown.split_inclusive('\n') {
        let numbered = match fence {
            Some(marker) => {
                if line.trim_start().starts_with(marker) {
                    fence = None;
                }
                None
            }
            None => {
                fence = fence_marker(line);
                number(line, &mut section, &mut subsection)
            }
        };
        out.push_str(numbered.as_deref().unwrap_or(line));
    }
    out
}

/// The heading `line` with its number, counting on from the headings before it.
fn number(line: &str, section: &mut u32, subsection: &mut u32) -> Option<String> {
    if let Some(text) = line.strip_prefix("## ") {
        *section += 1;
        *subsection = 0;
        return Some(format!("## {section} {text}"));
    }
    let text = line.strip_prefix("### ")?;
    *subsection += 1;
    Some(format!("### {section}.{subsection} {text}"))
}

/// The fence (three or more backticks or tildes) a line opens, if it opens one.
fn fence_marker(line: &str) -> Option<&str> {
    let trimmed = line.trim_start();
    ["```", "~~~"]
        .into_iter()
        .find(|marker| trimmed.starts_with(marker))
}

#[cfg(test)]
mod tests {
    use super::number_headings;

    #[test]
    fn numbers_sections_and_subsections() {
        let markdown = "# Title\n\n## A\n\n### a\n\n### b\n\n## B\n\n### c\n";
        let expected = "# Title\n\n## 1 A\n\n### 1.1 a\n\n### 1.2 b\n\n## 2 B\n\n### 2.1 c\n";
        assert_eq!(number_headings(markdown), expected);
    }

    #[test]
    fn leaves_fenced_blocks_alone() {
        let markdown = "## A\n\n```kvartal-x\n## not a heading\n```\n\n## B\n";
        let expected = "## 1 A\n\n```kvartal-x\n## not a heading\n```\n\n## 2 B\n";
        assert_eq!(number_headings(markdown), expected);
    }
}
