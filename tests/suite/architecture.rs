//! Guards the shape of the crate: the modules under one parent refer to each other without
//! a circle, so that each can be read knowing only those it uses; and each stage keeps to
//! its side of the pipeline's seams (a backend never sees the report or its YAML, the
//! report knows nothing of the documents made from it).
//!
//! Every file under src/ is read as Rust tokens. A reference is a path of two or more
//! segments through `crate::`, `super::`, `self::` or a child module (`use` trees
//! expanded), counted for the module the file is; inline `mod tests` are left out. No
//! circle is allowed.

use crate::support::repo;
use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// What each area must never refer to: modules of the crate or, for YAML, a crate.
const SEAMS: &[(&str, &[&str])] = &[
    ("pdf", &["report", "template", "serde_saphyr"]),
    ("docx", &["report", "template", "serde_saphyr"]),
    ("html", &["report", "template", "serde_saphyr"]),
    ("report", &["pdf", "docx", "doc", "template"]),
    ("doc", &["pdf", "docx"]),
    ("template", &["pdf", "docx"]),
];

/// A module by its segments below the crate: `report::load` is `["report", "load"]`.
type Module = Vec<String>;

/// Edges between sibling modules, each with the files that make it.
type Edges = BTreeMap<(String, String), BTreeSet<String>>;

/// One file under src/: its path, the module it is, and every path written in it.
struct Source {
    file: String,
    module: Module,
    paths: Vec<Vec<String>>,
}

#[test]
fn no_modules_under_one_parent_refer_to_each_other_in_a_circle() {
    let edges = sibling_edges(&sources());
    let circular: Vec<String> = edges
        .iter()
        .filter(|((from, to), _)| reaches(&edges, to, from))
        .map(|((from, to), files)| format!("{from} → {to}, in {}", join(files)))
        .collect();
    let list = circular.join("\n");
    assert!(circular.is_empty(), "these edges close a circle:\n{list}");
}

#[test]
fn each_stage_keeps_to_its_side_of_the_seams() {
    let sources = sources();
    let modules = modules(&sources);
    let mut crossings = Vec::new();
    for source in &sources {
        let from = source.module.join("::");
        for to in targets(source, &modules).iter().map(name) {
            let top = to.split("::").next().unwrap_or_default();
            if banned(&source.module).contains(&top) {
                crossings.push(format!("{from} → {to}, in {}", source.file));
            }
        }
    }
    let list = crossings.join("\n");
    assert!(
        crossings.is_empty(),
        "these references cross a seam:\n{list}"
    );
}

/// Every `.rs` file under src/, read.
fn sources() -> Vec<Source> {
    let mut files = Vec::new();
    rust_files(&repo().join("src"), &mut files);
    files.iter().map(|path| read(path)).collect()
}

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("src/ is readable").path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

fn read(path: &Path) -> Source {
    let file = path.strip_prefix(repo()).expect("under the repository");
    let text = std::fs::read_to_string(path).expect("src/ is readable");
    let tokens: TokenStream = text
        .parse()
        .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let mut paths = Vec::new();
    collect_paths(tokens, &[], &mut paths);
    Source {
        file: file.display().to_string(),
        module: module_of(file),
        paths,
    }
}

/// `src/a/b.rs` and `src/a/b/mod.rs` are `a::b`; `src/lib.rs` and `src/main.rs` the crate.
fn module_of(file: &Path) -> Module {
    let mut module: Module = file
        .with_extension("")
        .iter()
        .skip(1)
        .map(|segment| segment.to_string_lossy().into_owned())
        .collect();
    if module.last().is_some_and(|last| last == "mod") || module == ["lib"] || module == ["main"] {
        module.pop();
    }
    module
}

/// Every path of two or more segments in `tokens`, each after `prefix` (the head of the
/// `use` tree being expanded). Inline `mod tests` are skipped.
fn collect_paths(tokens: TokenStream, prefix: &[String], found: &mut Vec<Vec<String>>) {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    let mut i = 0;
    while i < tokens.len() {
        i = match &tokens[i] {
            TokenTree::Ident(word) if word == "mod" && is_inline_tests(&tokens[i + 1..]) => i + 3,
            // `Name as Alias`, `value as u32`: what follows `as` names nothing new.
            TokenTree::Ident(word) if word == "as" => i + 2,
            TokenTree::Ident(word) => {
                let path = [prefix, &[word.to_string()]].concat();
                extend_path(&tokens, i + 1, path, found)
            }
            TokenTree::Group(group) => {
                collect_paths(group.stream(), &[], found);
                i + 1
            }
            TokenTree::Punct(_) | TokenTree::Literal(_) => i + 1,
        };
    }
}

/// Adds the `::segment`s from `i` on to `path`, expanding a `::{…}` tree; returns the
/// index after the path.
fn extend_path(
    tokens: &[TokenTree],
    mut i: usize,
    mut path: Vec<String>,
    found: &mut Vec<Vec<String>>,
) -> usize {
    while is_path_separator(&tokens[i..]) {
        match tokens.get(i + 2) {
            Some(TokenTree::Ident(segment)) => path.push(segment.to_string()),
            Some(TokenTree::Group(tree)) if tree.delimiter() == Delimiter::Brace => {
                collect_paths(tree.stream(), &path, found);
                return i + 3;
            }
            _ => break,
        }
        i += 3;
    }
    if path.len() > 1 {
        found.push(path);
    }
    i
}

/// `::` between two segments of a path; a lone `:` is a type's or a field's.
fn is_path_separator(tokens: &[TokenTree]) -> bool {
    match tokens {
        [TokenTree::Punct(first), TokenTree::Punct(second), ..] => {
            first.as_char() == ':' && first.spacing() == Spacing::Joint && second.as_char() == ':'
        }
        _ => false,
    }
}

/// `tests { … }` after `mod`.
fn is_inline_tests(tokens: &[TokenTree]) -> bool {
    match tokens {
        [TokenTree::Ident(name), TokenTree::Group(body), ..] => {
            name == "tests" && body.delimiter() == Delimiter::Brace
        }
        _ => false,
    }
}

fn modules(sources: &[Source]) -> BTreeSet<Module> {
    sources.iter().map(|s| s.module.clone()).collect()
}

/// What the file refers to: modules of the crate, or (`Err`) the first segment of a path
/// that leaves it or starts at a name brought in by `use`.
fn targets(source: &Source, modules: &BTreeSet<Module>) -> BTreeSet<Result<Module, String>> {
    let paths = source.paths.iter();
    paths
        .map(|path| resolve(path, &source.module, modules))
        .collect()
}

/// The module of the crate that `path`, written in `from`, lands in: the longest known
/// module it starts with.
fn resolve(path: &[String], from: &[String], modules: &BTreeSet<Module>) -> Result<Module, String> {
    let supers = path.iter().take_while(|s| *s == "super").count();
    let (mut module, rest) = match path[0].as_str() {
        "crate" => (Vec::new(), &path[1..]),
        "self" => (from.to_vec(), &path[1..]),
        "super" => (
            from[..from.len().saturating_sub(supers)].to_vec(),
            &path[supers..],
        ),
        child if modules.contains(&[from, &[child.to_owned()]].concat()) => (from.to_vec(), path),
        outside => return Err(outside.to_owned()),
    };
    // `{self, …}` in a `use` tree names the module before it.
    for segment in rest.iter().filter(|s| *s != "self") {
        module.push(segment.clone());
        if !modules.contains(&module) {
            module.pop();
            break;
        }
    }
    Ok(module)
}

fn name(target: &Result<Module, String>) -> String {
    match target {
        Ok(module) => module.join("::"),
        Err(outside) => outside.clone(),
    }
}

/// What the area `module` lies in must never refer to.
fn banned(module: &[String]) -> &'static [&'static str] {
    let area = |(name, _): &&(&str, &[&str])| module.first().is_some_and(|m| m == name);
    SEAMS.iter().find(area).map_or(&[], |(_, banned)| banned)
}

/// Every reference as the edge between the two siblings it runs between, under their
/// common ancestor: `a::p` referring to `a::q::r` is `a::p → a::q`. A reference to the
/// module itself, a descendant or an ancestor is no edge.
fn sibling_edges(sources: &[Source]) -> Edges {
    let modules = modules(sources);
    let mut edges = Edges::new();
    for source in sources {
        for to in targets(source, &modules).into_iter().flatten() {
            let from = &source.module;
            let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
            if common < from.len() && common < to.len() {
                let edge = (from[..=common].join("::"), to[..=common].join("::"));
                edges.entry(edge).or_default().insert(source.file.clone());
            }
        }
    }
    edges
}

/// Whether `goal` can be reached from `start` along `edges`.
fn reaches(edges: &Edges, start: &str, goal: &str) -> bool {
    let mut seen = BTreeSet::new();
    let mut todo = vec![start];
    while let Some(module) = todo.pop() {
        if module == goal {
            return true;
        }
        if seen.insert(module) {
            let next = edges.keys().filter(|(from, _)| from == module);
            todo.extend(next.map(|(_, to)| to.as_str()));
        }
    }
    false
}

fn join(files: &BTreeSet<String>) -> String {
    files.iter().cloned().collect::<Vec<_>>().join(", ")
}
