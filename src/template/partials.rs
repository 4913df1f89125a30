//! The partials a layout's templates include, checked when the layout loads: each include
//! names a partial, and partials that include each other in a circle are refused, since
//! printing them would never end (the run died of a stack overflow).
//!
//! Entry point: [`check_includes`].

use super::error::LayoutError;
use crate::diag::Position;
use handlebars::Handlebars;
use handlebars::template::{Template, TemplateElement};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// A `{{> name}}` found in a template, and where.
struct Include {
    name: String,
    position: Option<Position>,
}

/// Why a template's includes cannot be followed, and where.
type Refusal = (Option<Position>, String);

/// An error when a template of `registry` includes a partial it does not name or includes
/// partials in a circle. `files` gives each registered template's file.
pub fn check_includes(
    registry: &Handlebars<'_>,
    files: &BTreeMap<String, PathBuf>,
) -> Result<(), LayoutError> {
    let mut graph = BTreeMap::new();
    for (name, file) in files {
        let Some(template) = registry.get_template(name) else {
            continue;
        };
        let mut found = Vec::new();
        includes(template, &mut found).map_err(|(position, message)| LayoutError::Template {
            file: file.clone(),
            position,
            message,
        })?;
        // Only the layout's own partials can close a circle; another name fails when printed.
        found.retain(|include| files.contains_key(&include.name));
        graph.insert(name.as_str(), found);
    }
    let mut done = Vec::new();
    for start in graph.keys() {
        let mut path = Vec::new();
        if let Some((from, include)) = circle(&graph, start, &mut path, &mut done) {
            let file = files.get(from).cloned().unwrap_or_default();
            return Err(LayoutError::Template {
                file,
                position: include.position,
                message: format!(
                    "`{{{{> {}}}}}` makes the partials include each other in a circle ({}): \
                     the document would never end",
                    include.name,
                    path.join(" → ")
                ),
            });
        }
    }
    Ok(())
}

/// The include that closes a circle reachable from `name`, with the template it stands
/// in; `path` is then the circle's names. `done` holds templates known to close none.
fn circle<'g>(
    graph: &'g BTreeMap<&'g str, Vec<Include>>,
    name: &'g str,
    path: &mut Vec<&'g str>,
    done: &mut Vec<&'g str>,
) -> Option<(&'g str, &'g Include)> {
    if done.contains(&name) {
        return None;
    }
    path.push(name);
    for include in graph.get(name).into_iter().flatten() {
        let next = include.name.as_str();
        if let Some(start) = path.iter().position(|n| *n == next) {
            path.drain(..start);
            path.push(next);
            return Some((name, include));
        }
        if let Some(found) = circle(graph, next, path, done) {
            return Some(found);
        }
    }
    path.pop();
    done.push(name);
    None
}

/// The includes of `template` and of the blocks inside it, in order.
fn includes(template: &Template, found: &mut Vec<Include>) -> Result<(), Refusal> {
    for (index, element) in template.elements.iter().enumerate() {
        let position = template.mapping.get(index).map(|m| Position {
            line: m.0,
            column: m.1,
        });
        match element {
            TemplateElement::PartialExpression(partial)
            | TemplateElement::PartialBlock(partial) => {
                let Some(name) = partial.name.as_name() else {
                    let message = "include a partial by its name: `{{> name}}`".to_owned();
                    return Err((position, message));
                };
                found.push(Include {
                    name: name.to_owned(),
                    position,
                });
                if let Some(block) = &partial.template {
                    includes(block, found)?;
                }
            }
            TemplateElement::HelperBlock(helper) => {
                for block in [&helper.template, &helper.inverse].into_iter().flatten() {
                    includes(block, found)?;
                }
            }
            TemplateElement::DecoratorExpression(_) | TemplateElement::DecoratorBlock(_) => {
                let message = "inline partials and decorators (`{{*…}}`) are not supported; \
                               put a partial in partials/NAME.hbs"
                    .to_owned();
                return Err((position, message));
            }
            _ => {}
        }
    }
    Ok(())
}
