//! Where a report's outputs go, and the check that no two reports of a run share them.

use super::UsageError;
use super::inputs::Input;
use crate::cli::Format;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The file `format` of `input` is written to, under the output folder `out`.
pub fn output_path(input: &Input, out: &Path, format: Format) -> PathBuf {
    let stem = input.path.file_stem().unwrap_or_default();
    out.join(&input.out_dir)
        .join(stem)
        .with_extension(format.extension())
}

/// Refuses a run in which two reports would be written to the same file (`a/2024-Q1.yaml`
/// and `b/2024-Q1.yaml` into one folder, or `x.yaml` beside `x.yml`), before anything is
/// written: the second would silently replace the first. Names are compared regardless of
/// case, as Windows and macOS compare them.
pub fn distinct(inputs: &[Input], out: &Path, format: Format) -> Result<(), UsageError> {
    let mut first: HashMap<String, &Path> = HashMap::new();
    for input in inputs {
        let output = output_path(input, out, format);
        let key = output.to_string_lossy().to_lowercase();
        if let Some(earlier) = first.get(&key) {
            return Err(UsageError(format!(
                "{} and {} would both be written to {}; build them in separate runs with \
                 different --out folders, or rename one",
                earlier.display(),
                input.path.display(),
                output.display()
            )));
        }
        first.insert(key, &input.path);
    }
    Ok(())
}
