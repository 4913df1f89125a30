//! Logos, charts and signature blocks: rows that are never split across pages.

use super::{Align, Layouter, stack};
use crate::chart::{self, Anchor, Label, Mark};
use crate::doc::{Chart, Image, LogoAlign, Run, Signatures, Signer};
use crate::pdf::PdfError;
use crate::pdf::frame::{Item, Rect, Row, Shape, SignatureField};
use crate::pdf::images::Picture;
use crate::pdf::inline::TextStyle;
use crate::pdf::style::MM;
use crate::pdf::tags::{Kind, Leaf, Tags};
use crate::text::Face;

/// Space between logos in a row.
const LOGO_GAP: f32 = crate::doc::LOGO_GAP_MM * MM;
use crate::doc::signing::{
    GAP_MM, NAME_GAP_PT, PLACE_AND_DATE_SHARE, SIGNERS_PER_ROW, SPACE_PT as SIGNING_SPACE,
};

impl Layouter<'_, '_> {
    /// The logos side by side, aligned as the layout says; a row wider than the text is
    /// scaled down to fit.
    pub(super) fn logos(&mut self, images: &[Image]) -> Result<(), PdfError> {
        self.figure_row(images, self.look.style.logo.align)
    }

    /// The chart drawn with vector paths and the document's fonts, the width of the text,
    /// tagged as one figure whose alternative text states the series in words. It keeps
    /// the start of what follows (its trend table's header and first row) on its page.
    pub(super) fn chart(&mut self, chart: &Chart) {
        let drawing =
            crate::chart::drawing(chart, self.width, &self.meta.style, &self.meta.numbers);
        let alt = chart.alt.clone();
        let leaf = Tags::group(self, Kind::Figure { alt }, |l| l.tags.leaf());
        let items = drawing
            .marks
            .iter()
            .flat_map(|mark| self.mark(mark, drawing.font_size, leaf))
            .collect();
        self.rows.push(Row {
            height: drawing.height,
            items,
            space_before: self.look.style.spacing.paragraph_pt,
            ..Row::default()
        });
    }

    /// The items that draw one mark of a chart at the current left edge.
    fn mark(&self, mark: &Mark, font_size: f32, leaf: Leaf) -> Vec<Item> {
        let at = |(x, y): (f32, f32)| (self.x + x, y);
        let vector = |(x, y), shape| Item::Vector {
            x,
            y,
            shape,
            leaf: Some(leaf),
        };
        match mark {
            Mark::Path {
                points,
                colour,
                width,
                dashed,
            } => {
                let shape = Shape::Path {
                    points: points.iter().copied().map(at).collect(),
                    colour: *colour,
                    width: *width,
                    dash: dashed.then_some(chart::DASH),
                };
                vec![vector((0.0, 0.0), shape)]
            }
            Mark::Dot {
                centre,
                radius,
                fill,
                stroke,
            } => {
                let shape = Shape::Dot {
                    radius: *radius,
                    fill: *fill,
                    stroke: *stroke,
                    width: chart::DOT_STROKE,
                };
                vec![vector(at(*centre), shape)]
            }
            Mark::Text(label) => self.label(label, font_size, leaf),
        }
    }

    /// A chart's label, on the page colour when it has a backdrop.
    fn label(&self, label: &Label, font_size: f32, leaf: Leaf) -> Vec<Item> {
        let face = Face::of(label.bold, false);
        let glyphs = self.glyphs(&label.text, face, font_size, label.colour);
        let width = glyphs.width();
        let x = self.x
            + match label.anchor {
                Anchor::Start => label.x,
                Anchor::Middle => label.x - width / 2.0,
                Anchor::End => label.x - width,
            };
        let backdrop = label.backdrop.then(|| Item::Fill {
            rect: Rect {
                x: x - 1.0,
                y: label.y - font_size * 0.8,
                w: width + 2.0,
                h: font_size,
            },
            color: chart::PAPER,
        });
        let text = Item::Text {
            x,
            y: label.y,
            glyphs,
            leaf: Some(leaf),
        };
        backdrop.into_iter().chain([text]).collect()
    }

    /// Pictures side by side, each a figure; a row wider than the text is scaled down.
    fn figure_row(&mut self, images: &[Image], align: LogoAlign) -> Result<(), PdfError> {
        let mut sized = Vec::new();
        let options = crate::image::svg_options_with(&self.meta.style.font_files());
        for image in images {
            let picture = Picture::load(image, &options).map_err(|why| PdfError::Image {
                alt: image.alt.clone(),
                why,
            })?;
            let h = image.height_mm * MM;
            sized.push((image, h * picture.aspect(), h, picture));
        }
        let gaps = LOGO_GAP * sized.len().saturating_sub(1) as f32;
        let natural: f32 = sized.iter().map(|(_, w, ..)| w).sum::<f32>() + gaps;
        let scale = if natural > self.width {
            self.width / natural
        } else {
            1.0
        };
        let mut x = self.x
            + match align {
                LogoAlign::Left => 0.0,
                LogoAlign::Center => (self.width - natural * scale) / 2.0,
                LogoAlign::Right => self.width - natural * scale,
            };
        let mut row = Row {
            space_before: self.look.style.spacing.paragraph_pt,
            ..Row::default()
        };
        for (image, w, h, picture) in sized {
            let (w, h) = (w * scale, h * scale);
            let leaf = Tags::group(
                self,
                Kind::Figure {
                    alt: image.alt.clone(),
                },
                |l| l.tags.leaf(),
            );
            row.items.push(Item::Image {
                rect: Rect { x, y: 0.0, w, h },
                picture,
                leaf: Some(leaf),
            });
            row.height = row.height.max(h);
            x += w + LOGO_GAP * scale;
        }
        self.rows.push(row);
        Ok(())
    }

    pub(super) fn signatures(&mut self, signatures: &Signatures) {
        Tags::group(self, Kind::Division, |l| {
            l.place_and_date(&signatures.place_and_date);
            for signers in signatures.signers.chunks(SIGNERS_PER_ROW) {
                l.signer_row(signers);
            }
        });
    }

    fn place_and_date(&mut self, label: &str) {
        let leaf = Tags::group(self, Kind::Paragraph, |l| l.tags.leaf());
        let glyphs = self.glyphs(
            label,
            Face::Regular,
            self.look.style.sizes.body_pt,
            self.look.style.colours.muted,
        );
        let line_start = self.x + glyphs.width() + 6.0;
        let height = SIGNING_SPACE * PLACE_AND_DATE_SHARE;
        let items = vec![
            Item::Text {
                x: self.x,
                y: height - 4.0,
                glyphs,
                leaf: Some(leaf),
            },
            self.rule(
                line_start,
                (self.x + self.width * 0.6).max(line_start + 60.0),
                height - 3.0,
            ),
        ];
        self.rows.push(Row {
            height,
            items,
            space_before: self.look.style.spacing.paragraph_pt,
            keep: 1,
            ..Row::default()
        });
    }

    fn signer_row(&mut self, signers: &[Signer]) {
        let gap = GAP_MM * MM;
        let column = (self.width - gap * (SIGNERS_PER_ROW - 1) as f32) / SIGNERS_PER_ROW as f32;
        let mut row = Row {
            space_before: self.look.style.spacing.paragraph_pt,
            ..Row::default()
        };
        for (i, signer) in signers.iter().enumerate() {
            let x = self.x + i as f32 * (column + gap);
            row.items.push(self.rule(x, x + column, SIGNING_SPACE));
            // The room above the line is where a signing service puts the signature.
            let role = std::iter::once(signer.name.as_str())
                .chain(signer.lines.iter().map(String::as_str));
            row.fields.push(SignatureField {
                rect: Rect {
                    x,
                    y: 0.0,
                    w: column,
                    h: SIGNING_SPACE,
                },
                signer: role.collect::<Vec<_>>().join(", "),
            });
            let name = self.text_style(
                self.look.style.sizes.body_pt,
                self.look.style.colours.text,
                true,
            );
            let detail = TextStyle {
                color: self.look.style.colours.muted,
                bold: false,
                ..name
            };
            let texts = std::iter::once((signer.name.as_str(), name))
                .chain(signer.lines.iter().map(|line| (line.as_str(), detail)));
            // Long roles wrap inside their column rather than run into the next one.
            let lines: Vec<Row> = texts
                .flat_map(|(text, text_style)| {
                    let runs = [Run::plain(text)];
                    Tags::group(self, Kind::Paragraph, |l| {
                        l.within(x, column, |l| l.text_rows(&runs, &text_style, Align::Start))
                    })
                })
                .collect();
            let column_rows = stack(lines);
            let top = SIGNING_SPACE + NAME_GAP_PT;
            row.height = row.height.max(top + column_rows.height);
            row.items
                .extend(column_rows.items.into_iter().map(|item| item.shifted(top)));
        }
        self.rows.push(row);
    }
}

impl Layouter<'_, '_> {
    /// A line to sign or write on.
    fn rule(&self, from: f32, to: f32, y: f32) -> Item {
        Item::Rule {
            from: (from, y),
            to: (to, y),
            width: 0.6,
            color: self.look.style.colours.text,
        }
    }
}
