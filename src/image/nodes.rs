//! How large an SVG becomes once usvg copies what each `<use>` refers to.
//!
//! roxmltree counts the nodes as written; a few nested `<use>` elements can still make
//! millions of copies, each with its own copy of the path data, and usvg builds its tree
//! recursively, so a deep nesting could overflow the stack; it lays out text in time that
//! grows faster than the text. [`check`] counts nodes, depth, path data and text with the
//! copies, without recursion, before usvg reads any of it.

use super::budget::{MAX_PATH_DATA, MAX_SVG_DEPTH, MAX_SVG_NODES, MAX_SVG_TEXT, Refusal};
use roxmltree::{Document, Node};
use std::collections::HashMap;

/// The size of `xml` added to `earlier` (the SVGs already parsed for the same picture: an
/// SVG embedded in it is parsed again for every `<use>` copy of its `<image>`), or a refusal
/// when, with every `<use>` replaced by what it refers to, they have more than
/// [`MAX_SVG_NODES`] nodes, [`MAX_PATH_DATA`] bytes of path data or [`MAX_SVG_TEXT`]
/// characters of text, or `xml` nests deeper than [`MAX_SVG_DEPTH`].
pub fn check(xml: &Document, earlier: Size) -> Result<Size, Refusal> {
    let total = earlier.with(expanded(xml));
    if total.nodes > u64::from(MAX_SVG_NODES) {
        Err(Refusal::Nodes)
    } else if total.depth > MAX_SVG_DEPTH {
        Err(Refusal::Depth)
    } else if total.path_data > MAX_PATH_DATA {
        Err(Refusal::PathData)
    } else if total.text > MAX_SVG_TEXT {
        Err(Refusal::Text)
    } else {
        Ok(total)
    }
}

/// How much of an SVG usvg will build.
#[derive(Clone, Copy, Default)]
pub struct Size {
    nodes: u64,
    depth: usize,
    /// Bytes of `d` and `points` attributes: the lines and curves usvg will parse.
    path_data: u64,
    /// Characters of text to lay out.
    text: u64,
}

impl Size {
    /// What `node` itself holds, without its children.
    fn of(node: Node) -> Size {
        Size {
            nodes: 1,
            depth: 0,
            path_data: path_data(node),
            text: text(node),
        }
    }

    /// Both sizes together, as deep as the deeper.
    fn with(self, other: Size) -> Size {
        Size {
            nodes: self.nodes.saturating_add(other.nodes),
            depth: self.depth.max(other.depth),
            path_data: self.path_data.saturating_add(other.path_data),
            text: self.text.saturating_add(other.text),
        }
    }
}

const SVG: &str = "http://www.w3.org/2000/svg";

/// The size of the root with copies, computed bottom-up over an explicit stack. A `<use>`
/// that refers to one of its own ancestors counts nothing for the loop: usvg skips it.
fn expanded(xml: &Document) -> Size {
    let ids: HashMap<&str, Node> = xml
        .descendants()
        .filter_map(|node| Some((node.attribute("id")?, node)))
        .collect();
    let count = xml.descendants().count() + 1;
    let mut sizes: Vec<Option<Size>> = vec![None; count];
    let mut open = vec![false; count];
    let index = |node: Node| node.id().get_usize();
    let mut stack = vec![(xml.root(), false)];
    while let Some((node, parts_done)) = stack.pop() {
        let at = index(node);
        if sizes[at].is_some() || (open[at] && !parts_done) {
            continue;
        }
        if parts_done {
            let mut size = parts(node, &ids)
                .map(|part| sizes[index(part)].unwrap_or_default())
                .fold(Size::of(node), Size::with);
            size.depth += 1;
            sizes[at] = Some(size);
            open[at] = false;
        } else {
            open[at] = true;
            stack.push((node, true));
            stack.extend(
                parts(node, &ids)
                    .filter(|p| !open[index(*p)])
                    .map(|p| (p, false)),
            );
        }
    }
    sizes[index(xml.root())].unwrap_or_default()
}

/// The bytes of path data `node` carries.
fn path_data(node: Node) -> u64 {
    let length = |name| node.attribute(name).map_or(0, str::len) as u64;
    length("d") + length("points")
}

/// The characters of `node` when it is text that usvg lays out: inside `<text>`,
/// `<tspan>` or `<textPath>`, not the white space between elements or a style sheet.
fn text(node: Node) -> u64 {
    let drawn = node.parent_element().is_some_and(|parent| {
        parent.tag_name().namespace() == Some(SVG)
            && matches!(parent.tag_name().name(), "text" | "tspan" | "textPath")
    });
    match node.text() {
        Some(text) if drawn && node.is_text() => text.chars().count() as u64,
        _ => 0,
    }
}

/// The nodes `node` holds: its children, and for a `<use>` the node it copies.
fn parts<'a, 'input>(
    node: Node<'a, 'input>,
    ids: &HashMap<&str, Node<'a, 'input>>,
) -> impl Iterator<Item = Node<'a, 'input>> {
    let target = referred(node).and_then(|id| ids.get(id).copied());
    node.children().chain(target)
}

/// The id a `<use>` element refers to (`href="#id"` or `xlink:href="#id"`).
fn referred<'a>(node: Node<'a, '_>) -> Option<&'a str> {
    if !node.has_tag_name((SVG, "use")) {
        return None;
    }
    node.attributes()
        .find(|a| a.name() == "href")?
        .value()
        .strip_prefix('#')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn size(svg: &str) -> (u64, usize) {
        let xml = Document::parse(svg).expect("valid XML");
        let size = expanded(&xml);
        (size.nodes, size.depth)
    }

    const NS: &str = r#"xmlns="http://www.w3.org/2000/svg""#;

    #[test]
    fn copies_made_by_use_are_counted() {
        let plain = format!(r#"<svg {NS}><g id="a"><rect/><rect/></g></svg>"#);
        let used = format!(
            r##"<svg {NS}><g id="a"><rect/><rect/></g><use href="#a"/><use href="#a"/></svg>"##
        );
        let (plain_nodes, plain_depth) = size(&plain);
        let (used_nodes, used_depth) = size(&used);
        assert_eq!(used_nodes, plain_nodes + 2 * 4);
        assert_eq!(used_depth, plain_depth + 1);
    }

    #[test]
    fn a_use_bomb_is_counted_without_building_it() {
        let mut svg = format!(r#"<svg {NS}><g id="l0"><rect/></g>"#);
        for level in 1..12 {
            let previous = level - 1;
            svg.push_str(&format!(r##"<g id="l{level}">"##));
            for _ in 0..10 {
                svg.push_str(&format!(r##"<use href="#l{previous}"/>"##));
            }
            svg.push_str("</g>");
        }
        svg.push_str("</svg>");
        let xml = Document::parse(&svg).expect("valid XML");
        assert!(matches!(check(&xml, Size::default()), Err(Refusal::Nodes)));
    }

    #[test]
    fn path_data_is_counted_in_every_copy() {
        let d = "l1 1".repeat(1000);
        let mut svg = format!(r#"<svg {NS}><path id="p" d="{d}"/>"#);
        let copies = MAX_PATH_DATA as usize / d.len();
        svg.push_str(&r##"<use href="#p"/>"##.repeat(copies));
        svg.push_str("</svg>");
        let xml = Document::parse(&svg).expect("valid XML");
        assert!(matches!(
            check(&xml, Size::default()),
            Err(Refusal::PathData)
        ));
    }

    #[test]
    fn only_text_that_is_laid_out_counts() {
        let words = "Åby kommun ".repeat(MAX_SVG_TEXT as usize / 10);
        let styled = format!(r#"<svg {NS}><style>{words}</style><text>Åby</text></svg>"#);
        let xml = Document::parse(&styled).expect("valid XML");
        assert!(check(&xml, Size::default()).is_ok());
        let written = format!(r#"<svg {NS}><text><tspan>{words}</tspan></text></svg>"#);
        let xml = Document::parse(&written).expect("valid XML");
        assert!(matches!(check(&xml, Size::default()), Err(Refusal::Text)));
    }

    #[test]
    fn a_use_of_its_own_ancestor_ends() {
        let svg = format!(r##"<svg {NS}><g id="a"><use href="#a"/></g></svg>"##);
        assert_eq!(size(&svg).0, 4);
    }
}
