//! Puts the children of property elements in the order the OOXML schema prescribes.
//!
//! Entry point: [`schema_order`]. docx-rs writes e.g. `w:sz` before `w:rFonts` and `w:pPr`
//! before `w:basedOn`; LibreOffice reads that, but Word reads these sequences in schema order
//! and ignores what comes too late, losing fonts, bold headings or keep-with-next. The
//! elements reordered here contain only elements, never text, in what docx-rs writes.

use super::DocxError;

/// Each property element with its children in schema order (ECMA-376 part 1, §17).
const ORDERS: [(&str, &[&str]); 7] = [
    (
        "w:rPr",
        &[
            "w:rStyle",
            "w:rFonts",
            "w:b",
            "w:bCs",
            "w:i",
            "w:iCs",
            "w:caps",
            "w:smallCaps",
            "w:strike",
            "w:dstrike",
            "w:outline",
            "w:shadow",
            "w:emboss",
            "w:imprint",
            "w:noProof",
            "w:snapToGrid",
            "w:vanish",
            "w:webHidden",
            "w:color",
            "w:spacing",
            "w:w",
            "w:kern",
            "w:position",
            "w:sz",
            "w:szCs",
            "w:highlight",
            "w:u",
            "w:effect",
            "w:bdr",
            "w:shd",
            "w:fitText",
            "w:vertAlign",
            "w:rtl",
            "w:cs",
            "w:em",
            "w:lang",
            "w:eastAsianLayout",
            "w:specVanish",
            "w:oMath",
        ],
    ),
    (
        "w:pPr",
        &[
            "w:pStyle",
            "w:keepNext",
            "w:keepLines",
            "w:pageBreakBefore",
            "w:framePr",
            "w:widowControl",
            "w:numPr",
            "w:suppressLineNumbers",
            "w:pBdr",
            "w:shd",
            "w:tabs",
            "w:suppressAutoHyphens",
            "w:kinsoku",
            "w:wordWrap",
            "w:overflowPunct",
            "w:topLinePunct",
            "w:autoSpaceDE",
            "w:autoSpaceDN",
            "w:bidi",
            "w:adjustRightInd",
            "w:snapToGrid",
            "w:spacing",
            "w:ind",
            "w:contextualSpacing",
            "w:mirrorIndents",
            "w:suppressOverlap",
            "w:jc",
            "w:textDirection",
            "w:textAlignment",
            "w:textboxTightWrap",
            "w:outlineLvl",
            "w:divId",
            "w:cnfStyle",
            "w:rPr",
            "w:sectPr",
            "w:pPrChange",
        ],
    ),
    (
        "w:style",
        &[
            "w:name",
            "w:aliases",
            "w:basedOn",
            "w:next",
            "w:link",
            "w:autoRedefine",
            "w:hidden",
            "w:uiPriority",
            "w:semiHidden",
            "w:unhideWhenUsed",
            "w:qFormat",
            "w:locked",
            "w:personal",
            "w:personalCompose",
            "w:personalReply",
            "w:rsid",
            "w:pPr",
            "w:rPr",
            "w:tblPr",
            "w:trPr",
            "w:tcPr",
            "w:tblStylePr",
        ],
    ),
    (
        "w:tblPr",
        &[
            "w:tblStyle",
            "w:tblpPr",
            "w:tblOverlap",
            "w:bidiVisual",
            "w:tblStyleRowBandSize",
            "w:tblStyleColBandSize",
            "w:tblW",
            "w:jc",
            "w:tblCellSpacing",
            "w:tblInd",
            "w:tblBorders",
            "w:shd",
            "w:tblLayout",
            "w:tblCellMar",
            "w:tblLook",
            "w:tblCaption",
            "w:tblDescription",
        ],
    ),
    (
        "w:tcPr",
        &[
            "w:cnfStyle",
            "w:tcW",
            "w:gridSpan",
            "w:hMerge",
            "w:vMerge",
            "w:tcBorders",
            "w:shd",
            "w:noWrap",
            "w:tcMar",
            "w:textDirection",
            "w:tcFitText",
            "w:vAlign",
            "w:hideMark",
        ],
    ),
    (
        "w:sectPr",
        &[
            "w:headerReference",
            "w:footerReference",
            "w:footnotePr",
            "w:endnotePr",
            "w:type",
            "w:pgSz",
            "w:pgMar",
            "w:paperSrc",
            "w:pgBorders",
            "w:lnNumType",
            "w:pgNumType",
            "w:cols",
            "w:formProt",
            "w:vAlign",
            "w:noEndnote",
            "w:titlePg",
            "w:textDirection",
            "w:bidi",
            "w:rtlGutter",
            "w:docGrid",
            "w:printerSettings",
        ],
    ),
    (
        "w:tblCellMar",
        &["w:top", "w:start", "w:left", "w:bottom", "w:end", "w:right"],
    ),
];

/// Reorders the children of every property element in `xml` into schema order.
pub(super) fn schema_order(xml: &str) -> Result<String, DocxError> {
    ORDERS.iter().try_fold(xml.to_owned(), |xml, (tag, order)| {
        reorder(&xml, tag, order)
    })
}

/// Reorders the children of each `tag` element by `order`; children it does not list keep
/// their relative order after the listed ones. None of these elements nests in itself, so
/// the first closing tag after an opening one closes it.
fn reorder(xml: &str, tag: &str, order: &[&str]) -> Result<String, DocxError> {
    let close = format!("</{tag}>");
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(start) = find_open(rest, tag) {
        let body_start = start + rest[start..].find('>').map_or(rest.len(), |end| end + 1);
        out.push_str(&rest[..body_start]);
        rest = &rest[body_start..];
        if out.ends_with("/>") {
            continue;
        }
        let end = rest
            .find(&close)
            .ok_or_else(|| DocxError::Patch(format!("{tag} is not closed")))?;
        let mut children =
            children(&rest[..end]).ok_or_else(|| DocxError::Patch(format!("{tag} holds text")))?;
        let rank = |child: &str| {
            order
                .iter()
                .position(|name| *name == name_of(child))
                .unwrap_or(order.len())
        };
        children.sort_by_key(|child| rank(child));
        out.push_str(&children.concat());
        rest = &rest[end..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The next opening tag of `tag` (not of a longer name such as `w:rPrDefault`).
fn find_open(xml: &str, tag: &str) -> Option<usize> {
    let open = format!("<{tag}");
    let mut from = 0;
    while let Some(at) = xml[from..].find(&open).map(|at| from + at) {
        if matches!(
            xml.as_bytes().get(at + open.len()),
            Some(b' ' | b'>' | b'/')
        ) {
            return Some(at);
        }
        from = at + open.len();
    }
    None
}

/// Splits `body` into its top-level elements, or `None` if it holds text between them.
fn children(body: &str) -> Option<Vec<&str>> {
    let mut children = Vec::new();
    let (mut depth, mut start, mut at) = (0usize, 0, 0);
    while at < body.len() {
        if depth == 0 && !body[at..].starts_with('<') {
            return None;
        }
        let end = at + body[at..].find('>')? + 1;
        let tag = &body[at..end];
        if tag.starts_with("</") {
            depth = depth.checked_sub(1)?;
        } else if !tag.ends_with("/>") {
            depth += 1;
        }
        if depth == 0 {
            children.push(&body[start..end]);
            start = end;
        }
        at = end + body[end..].find('<').unwrap_or(body.len() - end);
        if depth == 0 && at > end {
            return None;
        }
    }
    Some(children)
}

/// The element name of a child, e.g. `w:sz` for `<w:sz w:val="22" />`.
fn name_of(element: &str) -> &str {
    let name = &element[1..];
    &name[..name.find([' ', '/', '>']).unwrap_or(name.len())]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_properties_follow_the_schema() {
        let xml = r#"<w:r><w:rPr><w:sz w:val="22" /><w:color w:val="1F3864" /><w:b /><w:rFonts w:ascii="Calibri" /></w:rPr></w:r>"#;
        assert_eq!(
            schema_order(xml).expect("well formed"),
            r#"<w:r><w:rPr><w:rFonts w:ascii="Calibri" /><w:b /><w:color w:val="1F3864" /><w:sz w:val="22" /></w:rPr></w:r>"#
        );
    }

    #[test]
    fn nested_properties_move_as_a_whole() {
        let xml = concat!(
            r#"<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1" />"#,
            r#"<w:rPr><w:sz w:val="32" /><w:b /></w:rPr><w:pPr><w:rPr /><w:outlineLvl w:val="0" /><w:keepNext /></w:pPr>"#,
            r#"<w:next w:val="Normal" /><w:basedOn w:val="Normal" /></w:style>"#
        );
        assert_eq!(
            schema_order(xml).expect("well formed"),
            concat!(
                r#"<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1" />"#,
                r#"<w:basedOn w:val="Normal" /><w:next w:val="Normal" />"#,
                r#"<w:pPr><w:keepNext /><w:outlineLvl w:val="0" /><w:rPr /></w:pPr><w:rPr><w:b /><w:sz w:val="32" /></w:rPr></w:style>"#
            )
        );
    }

    #[test]
    fn longer_names_and_empty_elements_are_left_alone() {
        let xml = "<w:rPrDefault><w:rPr /></w:rPrDefault><w:sectPr><w:pgSz /><w:headerReference /></w:sectPr>";
        assert_eq!(
            schema_order(xml).expect("well formed"),
            "<w:rPrDefault><w:rPr /></w:rPrDefault><w:sectPr><w:headerReference /><w:pgSz /></w:sectPr>"
        );
    }

    #[test]
    fn text_inside_a_property_element_is_an_error() {
        assert!(schema_order("<w:rPr>text<w:b /></w:rPr>").is_err());
        assert!(schema_order("<w:rPr><w:b />").is_err());
    }
}
