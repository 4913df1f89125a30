//! Bulleted and numbered lists through numbering.xml, nested to any depth Word supports.
//!
//! Entry points: [`convert_list`] for a list block, [`ListNumbering::add_definitions`] to
//! write the definitions. Every list, nested ones too, gets its own numbering instance, so
//! each list counts from its own start instead of continuing the previous one.

use super::blocks::{self, ConvertContext, Element};
use super::{DocxError, inline, styles};
use crate::doc::{Block, List};
use docx_rs::{
    AbstractNumbering, Docx, IndentLevel, Level, LevelJc, LevelOverride, LevelText, NumberFormat,
    Numbering, NumberingId, Paragraph, SpecialIndentType, Start,
};

/// docx-rs always writes its own abstract numbering and instance with id 1; ours follow.
const BULLETS: usize = 2;
const NUMBERS: usize = 3;
const FIRST_INSTANCE: usize = 2;
/// Word has nine list levels (0–8); deeper lists stay at the last.
const DEEPEST: usize = 8;
/// Each level indents by this much (in twips); the marker hangs in the space before the text.
const STEP: i32 = 360;

/// The numbering instances handed out while converting, one per list.
#[derive(Debug, Default)]
pub(super) struct ListNumbering {
    instances: Vec<Numbering>,
}

impl ListNumbering {
    /// A new instance for `list` drawn at `level`, starting at the list's first number.
    fn instance(&mut self, list: &List, level: usize) -> usize {
        let id = FIRST_INSTANCE + self.instances.len();
        let (definition, start) = match list.start {
            // Word stores the start as a 32-bit number.
            Some(start) => (NUMBERS, start.min(i32::MAX as u64) as usize),
            None => (BULLETS, 1),
        };
        let restart = LevelOverride::new(level).start(start);
        self.instances
            .push(Numbering::new(id, definition).add_override(restart));
        id
    }

    /// Adds the bullet and number definitions and every instance handed out.
    pub(super) fn add_definitions(self, docx: Docx) -> Docx {
        let docx = docx
            .add_abstract_numbering(definition(BULLETS, bullet_level))
            .add_abstract_numbering(definition(NUMBERS, number_level));
        self.instances.into_iter().fold(docx, Docx::add_numbering)
    }
}

fn definition(id: usize, level: fn(usize) -> (&'static str, String)) -> AbstractNumbering {
    (0..=DEEPEST).fold(AbstractNumbering::new(id), |numbering, depth| {
        let (format, text) = level(depth);
        let left = indent(depth);
        numbering.add_level(
            Level::new(
                depth,
                Start::new(1),
                NumberFormat::new(format),
                LevelText::new(text),
                LevelJc::new("left"),
            )
            .indent(
                Some(left),
                Some(SpecialIndentType::Hanging(STEP)),
                None,
                None,
            ),
        )
    })
}

/// Bullets alternate between a disc, a circle and a square, as in Word.
fn bullet_level(depth: usize) -> (&'static str, String) {
    let marks = ["\u{2022}", "\u{25E6}", "\u{25AA}"];
    ("bullet", marks[depth % marks.len()].to_owned())
}

/// Numbers go 1. → a) → i. and round again.
fn number_level(depth: usize) -> (&'static str, String) {
    let level = depth + 1;
    match depth % 3 {
        0 => ("decimal", format!("%{level}.")),
        1 => ("lowerLetter", format!("%{level})")),
        _ => ("lowerRoman", format!("%{level}.")),
    }
}

/// Left edge of the text at `depth`.
fn indent(depth: usize) -> i32 {
    STEP * (depth.min(DEEPEST) as i32 + 1)
}

/// Converts `list` drawn at `depth`: the first paragraph of each item carries the marker,
/// later ones line up with its text, nested lists go one level deeper.
pub(super) fn convert_list(
    list: &List,
    depth: usize,
    context: &mut ConvertContext,
    out: &mut Vec<Element>,
) -> Result<(), DocxError> {
    let level = depth.min(DEEPEST);
    let id = context.lists.instance(list, level);
    for item in &list.items {
        // An item that opens with something other than text still shows its marker.
        if !matches!(item.blocks.first(), Some(Block::Paragraph(_))) {
            out.push(Element::from(marked(Paragraph::new(), id, level)));
        }
        for (index, block) in item.blocks.iter().enumerate() {
            match block {
                Block::Paragraph(runs) => {
                    let paragraph = Paragraph::new().style(styles::LIST_PARAGRAPH);
                    let paragraph = match index {
                        0 => marked(paragraph, id, level),
                        _ => paragraph.indent(Some(indent(level)), None, None, None),
                    };
                    out.push(Element::from(inline::add_runs(
                        paragraph,
                        runs,
                        &mut context.links,
                    )));
                }
                Block::List(nested) => convert_list(nested, depth + 1, context, out)?,
                other => blocks::convert_block(other, context, out)?,
            }
        }
    }
    Ok(())
}

fn marked(paragraph: Paragraph, id: usize, level: usize) -> Paragraph {
    paragraph
        .style(styles::LIST_PARAGRAPH)
        .numbering(NumberingId::new(id), IndentLevel::new(level))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_gets_its_own_instance_starting_where_it_says() {
        let mut numbering = ListNumbering::default();
        let numbered = List {
            start: Some(3),
            items: vec![],
        };
        let bullets = List {
            start: None,
            items: vec![],
        };
        assert_eq!(numbering.instance(&numbered, 0), 2);
        assert_eq!(numbering.instance(&bullets, 1), 3);
        assert_eq!(numbering.instance(&numbered, 0), 4);
        let first = &numbering.instances[0];
        assert_eq!(
            (
                first.abstract_num_id,
                first.level_overrides[0].override_start
            ),
            (NUMBERS, Some(3))
        );
        assert_eq!(numbering.instances[1].abstract_num_id, BULLETS);
    }

    #[test]
    fn a_huge_start_number_is_clamped_to_what_word_stores() {
        let mut numbering = ListNumbering::default();
        numbering.instance(
            &List {
                start: Some(u64::MAX),
                items: vec![],
            },
            0,
        );
        assert_eq!(
            numbering.instances[0].level_overrides[0].override_start,
            Some(i32::MAX as usize)
        );
    }
}
