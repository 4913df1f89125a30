//! Runs of text as inline elements: emphasis, links and status badges.
//!
//! Entry point: [`runs`]. A badge is its status word in a `span` coloured by its tone
//! (`status status-good`): the word carries the meaning, the colour only repeats it.

use super::markup::Markup;
use crate::doc::Run;

/// Writes `runs` in order, each with its emphasis, link or badge.
pub(super) fn runs(out: &mut Markup, runs: &[Run]) {
    for run in runs {
        one(out, run);
    }
}

fn one(out: &mut Markup, run: &Run) {
    let class = run
        .badge
        .map(|tone| format!("status status-{}", tone.name()));
    let wrappers: Vec<(&str, Vec<(&'static str, &str)>)> = [
        run.link.as_deref().map(|href| ("a", vec![("href", href)])),
        class
            .as_deref()
            .map(|class| ("span", vec![("class", class)])),
        run.bold.then(|| ("strong", Vec::new())),
        run.italic.then(|| ("em", Vec::new())),
    ]
    .into_iter()
    .flatten()
    .collect();
    for (tag, attributes) in &wrappers {
        out.open(tag, attributes);
    }
    out.text(&run.text);
    for (tag, _) in wrappers.iter().rev() {
        out.close(tag);
    }
}
