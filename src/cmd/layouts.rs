//! `kvartal layouts`: lists the built-in layouts, and `kvartal layouts export NAME DIR`
//! copies one into a folder for a municipality to make its own.
//!
//! Entry point: [`layouts`]. The list goes to standard output; an export reports the
//! files it wrote like `build` does.

use super::{Outcome, UsageError};
use crate::cli::{LayoutsAction, LayoutsArgs};
use crate::template;

/// `kvartal layouts`: the built-in layouts listed, or one exported; `Err` for an unknown
/// name or an export that fails (an existing file is never replaced).
pub fn layouts(args: &LayoutsArgs) -> Result<Outcome, UsageError> {
    match &args.action {
        None => {
            print!("{}", listing());
            Ok(Outcome::default())
        }
        Some(LayoutsAction::Export { name, dir }) => {
            if !template::builtin_names().contains(&name.as_str()) {
                return Err(UsageError(format!(
                    "no built-in layout is named `{name}`; built-in layouts: {}",
                    template::builtin_names().join(", ")
                )));
            }
            let written =
                template::export_builtin(name, dir).map_err(|e| UsageError(e.to_string()))?;
            Ok(Outcome {
                written,
                ..Outcome::default()
            })
        }
    }
}

/// One line per built-in layout, names aligned, and how to start from one.
fn listing() -> String {
    let layouts = template::builtin_layouts();
    let width = layouts
        .iter()
        .map(|(name, _)| name.len())
        .max()
        .unwrap_or(0);
    let mut text = String::new();
    for (name, description) in layouts {
        text.push_str(&format!("{name:width$}  {description}\n"));
    }
    text.push_str("\nUse one with `kvartal build --layout NAME`; start your own with `kvartal layouts export NAME DIR`.\n");
    text
}

#[cfg(test)]
mod tests {
    use super::listing;

    #[test]
    fn lists_every_builtin_layout_on_its_own_line() {
        let text = listing();
        for name in crate::template::builtin_names() {
            assert!(text.lines().any(|l| l.starts_with(name)), "{name}: {text}");
        }
    }
}
