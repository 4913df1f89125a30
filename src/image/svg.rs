//! SVG pictures read without touching the file system and within the budget.
//!
//! Entry point: [`parse`], used by the loader and by both backends. usvg would read any
//! file an `<image>` names, relative to the working folder; here an `<image>` or `<feImage>`
//! may only embed a PNG, JPEG or SVG as a `data:` URI, each checked like a logo, and any
//! other reference refuses the whole picture. Elements are counted while parsing and again
//! with `<use>` copies (see [`nodes`]) before usvg builds its tree.

use super::ImageFormat;
use super::budget::{
    MAX_FILE_BYTES, MAX_PIXELS, MAX_SVG_NESTING, MAX_SVG_NODES, MAX_SVG_SIDE, Refusal,
};
use super::{drawing, nodes, raster};
use std::sync::{Arc, Mutex};
use usvg::fontdb::Database;
use usvg::{ImageHrefResolver, ImageKind, Tree};

/// The SVG `data` as a tree, or why it is refused. Only the fonts of `options` are used.
pub fn parse(data: &[u8], options: &usvg::Options) -> Result<Tree, Refusal> {
    let tally = Tally::default();
    parse_at(data, &options.fontdb, &tally, 0)
}

/// What the pictures embedded in one SVG (at any depth) have used, and the first refusal.
#[derive(Default)]
struct Tally {
    used: Mutex<Used>,
}

#[derive(Default)]
struct Used {
    pixels: u64,
    size: nodes::Size,
    refusal: Option<Refusal>,
}

impl Tally {
    fn used(&self) -> std::sync::MutexGuard<'_, Used> {
        // A poisoned lock means a parse panicked; the counts are still whole numbers.
        self.used
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// `result` as usvg wants it, remembering a refusal to report once usvg is done.
    fn admit(&self, result: Result<ImageKind, Refusal>) -> Option<ImageKind> {
        result.map_err(|why| self.refuse(why)).ok()
    }

    fn refuse(&self, why: Refusal) {
        self.used().refusal.get_or_insert(why);
    }

    fn take_pixels(&self, pixels: u64) -> Result<(), Refusal> {
        let mut used = self.used();
        used.pixels = used.pixels.saturating_add(pixels);
        if used.pixels > MAX_PIXELS {
            Err(Refusal::EmbeddedPixels)
        } else {
            Ok(())
        }
    }

    /// Counts the nodes of `xml` with those of the SVGs parsed before it.
    fn take_nodes(&self, xml: &roxmltree::Document) -> Result<(), Refusal> {
        let earlier = self.used().size;
        let total = nodes::check(xml, earlier)?;
        self.used().size = total;
        Ok(())
    }

    fn outcome(&self) -> Result<(), Refusal> {
        self.used().refusal.clone().map_or(Ok(()), Err)
    }
}

fn parse_at(
    data: &[u8],
    fontdb: &Arc<Database>,
    tally: &Tally,
    depth: usize,
) -> Result<Tree, Refusal> {
    if depth > MAX_SVG_NESTING {
        return Err(Refusal::Nesting);
    }
    if data.len() as u64 > MAX_FILE_BYTES {
        return Err(Refusal::TooLarge);
    }
    let text = std::str::from_utf8(data).map_err(|_| broken("it is not UTF-8 text".to_owned()))?;
    let xml = xml(text)?;
    tally.take_nodes(&xml)?;
    let tree = Tree::from_xmltree(&xml, &options(fontdb, tally, depth))
        .map_err(|e| broken(e.to_string()))?;
    tally.outcome()?;
    let size = tree.size();
    if size.width() > MAX_SVG_SIDE || size.height() > MAX_SVG_SIDE {
        return Err(Refusal::SvgSide {
            width: size.width(),
            height: size.height(),
        });
    }
    drawing::check(&tree)?;
    Ok(tree)
}

/// The XML of `text`, with no more than [`MAX_SVG_NODES`] nodes. Entities are allowed as
/// usvg allows them (drawing programs write them); roxmltree bounds their expansion.
fn xml(text: &str) -> Result<roxmltree::Document<'_>, Refusal> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        nodes_limit: MAX_SVG_NODES,
        // No resolver: an external entity is an error, never a file read.
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(text, options).map_err(|e| match e {
        roxmltree::Error::NodesLimitReached => Refusal::Nodes,
        e => broken(e.to_string()),
    })
}

/// usvg options whose `<image>` references go through `tally` and never to a file.
fn options<'a>(fontdb: &Arc<Database>, tally: &'a Tally, depth: usize) -> usvg::Options<'a> {
    let fonts = Arc::clone(fontdb);
    usvg::Options {
        resources_dir: None,
        fontdb: Arc::clone(fontdb),
        image_href_resolver: ImageHrefResolver {
            resolve_data: Box::new(move |mime, data, _| {
                tally.admit(embedded(mime, &data, &fonts, tally, depth))
            }),
            resolve_string: Box::new(move |href, _| {
                tally.refuse(Refusal::Href {
                    href: href.to_owned(),
                });
                None
            }),
        },
        ..usvg::Options::default()
    }
}

/// The picture of a `data:` URI, judged by its content like a logo and counted in `tally`.
fn embedded(
    mime: &str,
    data: &Arc<Vec<u8>>,
    fontdb: &Arc<Database>,
    tally: &Tally,
    depth: usize,
) -> Result<ImageKind, Refusal> {
    let inside = |why| Refusal::Embedded(Box::new(why));
    match ImageFormat::sniff(data) {
        Some(ImageFormat::Png) => {
            tally.take_pixels(raster::check(ImageFormat::Png, data).map_err(inside)?)?;
            Ok(ImageKind::PNG(Arc::clone(data)))
        }
        Some(ImageFormat::Jpeg) => {
            tally.take_pixels(raster::check(ImageFormat::Jpeg, data).map_err(inside)?)?;
            Ok(ImageKind::JPEG(Arc::clone(data)))
        }
        Some(ImageFormat::Svg) => parse_at(data, fontdb, tally, depth + 1)
            .map(ImageKind::SVG)
            .map_err(inside),
        None => Err(Refusal::EmbeddedFormat {
            mime: mime.to_owned(),
        }),
    }
}

fn broken(detail: String) -> Refusal {
    Refusal::Broken {
        format: "SVG",
        detail,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn svg(body: &str) -> String {
        format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="50">{body}</svg>"#
        )
    }

    fn read(text: &str) -> Result<Tree, Refusal> {
        parse(text.as_bytes(), &crate::image::svg_options())
    }

    /// A `data:` URI with every byte percent-encoded.
    fn data_uri(mime: &str, bytes: &[u8]) -> String {
        let encoded: String = bytes.iter().map(|b| format!("%{b:02X}")).collect();
        format!("data:{mime},{encoded}")
    }

    fn png() -> Vec<u8> {
        let pixels = ::image::RgbImage::new(4, 2);
        let mut png = std::io::Cursor::new(Vec::new());
        pixels
            .write_to(&mut png, ::image::ImageFormat::Png)
            .expect("encoding a PNG in memory");
        png.into_inner()
    }

    #[test]
    fn a_picture_embedded_as_data_is_drawn() {
        let tree = read(&svg(&format!(
            r#"<image href="{}" width="40" height="20"/>"#,
            data_uri("image/png", &png())
        )))
        .expect("an embedded PNG is allowed");
        assert!(tree.root().has_children());
    }

    #[test]
    fn a_reference_to_any_file_is_refused_by_name() {
        for href in [
            "/etc/hostname",
            "logo.png",
            "../x.svg",
            "file:///etc/passwd",
            "http://example.com/a.png",
        ] {
            for element in [
                format!(r#"<image href="{href}" width="10" height="10"/>"#),
                format!(r#"<image xlink:href="{href}" width="10" height="10"/>"#),
                format!(
                    r#"<filter id="f"><feImage href="{href}"/></filter><rect width="9" height="9" filter="url(#f)"/>"#
                ),
            ] {
                assert_eq!(
                    read(&svg(&element)).err(),
                    Some(Refusal::Href {
                        href: href.to_owned()
                    }),
                    "{element}"
                );
            }
        }
    }

    #[test]
    fn embedded_pictures_are_checked_like_logos() {
        let mut truncated = png();
        truncated.truncate(40);
        let broken = svg(&format!(
            r#"<image href="{}"/>"#,
            data_uri("image/png", &truncated)
        ));
        assert!(
            matches!(read(&broken), Err(Refusal::Embedded(why)) if matches!(*why, Refusal::Broken { .. }))
        );
        let gif = svg(&format!(
            r#"<image href="{}"/>"#,
            data_uri("image/gif", b"GIF89a")
        ));
        assert_eq!(
            read(&gif).err(),
            Some(Refusal::EmbeddedFormat {
                mime: "image/gif".to_owned()
            })
        );
    }

    #[test]
    fn svgs_in_svgs_nest_only_so_deep() {
        let mut text = svg(r#"<rect width="10" height="10"/>"#);
        for _ in 0..MAX_SVG_NESTING {
            text = svg(&format!(
                r#"<image href="{}" width="10" height="10"/>"#,
                data_uri("image/svg+xml", text.as_bytes())
            ));
        }
        assert!(read(&text).is_ok());
        let deeper = svg(&format!(
            r#"<image href="{}" width="10" height="10"/>"#,
            data_uri("image/svg+xml", text.as_bytes())
        ));
        assert!(matches!(read(&deeper), Err(Refusal::Embedded(_))));
    }

    #[test]
    fn an_embedded_svg_counts_its_nodes_in_every_copy() {
        let inner = svg(&"<g/>".repeat(MAX_SVG_NODES as usize / 20));
        let image = format!(
            r#"<image id="i" href="{}" width="10" height="10"/>"#,
            data_uri("image/svg+xml", inner.as_bytes())
        );
        let once = svg(&image);
        assert!(read(&once).is_ok());
        let copies = svg(&format!(
            "<defs>{image}</defs>{}",
            r##"<use href="#i"/>"##.repeat(40)
        ));
        assert_eq!(
            read(&copies).err(),
            Some(Refusal::Embedded(Box::new(Refusal::Nodes)))
        );
    }

    #[test]
    fn costly_filters_and_sizes_are_refused() {
        let chain = r#"<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="2000"><filter id="f" x="0" y="0" width="1" height="1"><feGaussianBlur stdDeviation="30"/><feMorphology operator="dilate" radius="60"/><feGaussianBlur stdDeviation="30"/></filter><rect width="2000" height="2000" filter="url(#f)"/></svg>"#;
        assert_eq!(read(chain).err(), Some(Refusal::Effects));
        // A drop shadow and a glow of four blurs over the whole of a square logo.
        let shadow = concat!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">"#,
            r#"<filter id="s"><feGaussianBlur stdDeviation="2"/><feOffset dx="2" dy="2"/>"#,
            r#"<feFlood flood-color="gray"/><feComposite operator="in" in2="SourceAlpha"/>"#,
            r#"<feMerge><feMergeNode/><feMergeNode in="SourceGraphic"/></feMerge>"#,
            r#"<feGaussianBlur stdDeviation="3"/><feGaussianBlur stdDeviation="3"/>"#,
            r#"<feGaussianBlur stdDeviation="3"/><feGaussianBlur stdDeviation="3"/></filter>"#,
            r#"<rect width="100" height="100" filter="url(#s)"/></svg>"#
        );
        assert!(read(shadow).is_ok());
        let masked = |levels: usize| {
            let open = r#"<g mask="url(#m)" opacity="0.5">"#.repeat(levels);
            svg(&format!(
                r#"<mask id="m"><rect width="100" height="50" fill="white"/></mask>{open}<rect width="100" height="50"/>{}"#,
                "</g>".repeat(levels)
            ))
        };
        assert!(read(&masked(3)).is_ok());
        assert_eq!(read(&masked(40)).err(), Some(Refusal::Effects));
        let wide = r#"<svg xmlns="http://www.w3.org/2000/svg" width="50000" height="10"/>"#;
        assert!(matches!(read(wide), Err(Refusal::SvgSide { .. })));
    }

    #[test]
    fn segments_and_dashes_are_counted() {
        let dashed = |dash: &str| {
            svg(&format!(
                r#"<path d="M0 0 L100 0" stroke="black" stroke-dasharray="{dash}"/>"#
            ))
        };
        assert!(read(&dashed("1 1")).is_ok());
        assert_eq!(read(&dashed("0.0002")).err(), Some(Refusal::Segments));
        let long = svg(&format!(r#"<path d="M0 0{}"/>"#, " l1 1".repeat(200_001)));
        assert_eq!(read(&long).err(), Some(Refusal::Segments));
    }

    #[test]
    fn the_element_count_is_bounded_while_parsing() {
        let many = svg(&"<g/>".repeat(MAX_SVG_NODES as usize + 1));
        assert_eq!(read(&many).err(), Some(Refusal::Nodes));
    }
}
