//! The helpers a layout's templates call: `yaml`, `date`, `number`, `change`, `quarter`, `label`,
//! `fill` and `status`.
//!
//! Entry point: [`register`]. Each helper takes exactly one parameter, checks it, and on a
//! wrong one returns an error saying what it expected; the template engine adds the
//! template's name, line and column. The report's language is read from the view model's
//! root (`language`), so one registry serves reports in either language.

use super::LayoutError;
use super::escape::escape_markdown;
use super::format::{format_change, format_date, format_number, format_quarter};
use super::labels::{LabelSets, Labels, fill_in};
use crate::doc::Tone;
use crate::report::{ActivityStatus, FocusStatus, Language, Status, TargetStatus};
use chrono::NaiveDate;
use handlebars::{
    Context, Handlebars, Helper, HelperDef, HelperResult, JsonValue, Output, RenderContext,
    RenderError, RenderErrorReason, ScopedJson,
};
use std::fmt::Write as _;
use std::sync::Arc;

/// A focus area or activity without a status is shown as "not assessed".
const NO_STATUS: &str = "none";

/// The badge tone of each status: the one place a status gets its colour family.
fn tone(status: Status) -> Tone {
    use {ActivityStatus as A, FocusStatus as F, TargetStatus as T};
    match status {
        Status::Focus(F::OnTrack) | Status::Activity(A::Ongoing) | Status::Target(T::Met) => {
            Tone::Good
        }
        Status::Focus(F::Achieved) | Status::Activity(A::Completed) => Tone::Done,
        Status::Focus(F::AtRisk) | Status::Activity(A::Delayed) | Status::Target(T::NotMet) => {
            Tone::Warning
        }
        Status::Focus(F::OffTrack) | Status::Activity(A::Cancelled) => Tone::Bad,
        Status::Focus(F::NotStarted) | Status::Activity(A::Planned) => Tone::Neutral,
    }
}

/// Adds every helper to `registry`; all but `yaml` read words or formats from `labels`.
pub fn register(registry: &mut Handlebars<'static>, labels: Arc<LabelSets>) {
    registry.register_helper("yaml", Box::new(YamlHelper));
    let date = worded(&labels, "a date written YYYY-MM-DD", read_date, format_date);
    registry.register_helper("date", date);
    // `{{number value}}`: grouped thousands and at most two decimals; `{{change change}}`:
    // the same with an arrow and a sign, "↑ +1,5" / "↓ −2".
    registry.register_helper(
        "number",
        worded(&labels, "a number", JsonValue::as_f64, format_number),
    );
    registry.register_helper(
        "change",
        worded(&labels, "a number", JsonValue::as_f64, format_change),
    );
    let quarter = worded(
        &labels,
        "a quarter number 1, 2, 3 or 4",
        read_quarter,
        format_quarter,
    );
    registry.register_helper("quarter", quarter);
    let label_key = "a label key in quotes, e.g. {{label \"summary\"}}";
    registry.register_helper("label", worded(&labels, label_key, read_key, write_label));
    registry.register_helper("fill", Box::new(FillHelper));
    registry.register_helper("status", Box::new(StatusHelper(labels)));
}

/// `{{yaml value}}`: the value as JSON, which is YAML too, for the body of a component fence.
/// Written unescaped: the quoting already makes any text safe there.
struct YamlHelper;

impl HelperDef for YamlHelper {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let value = only_param(h, "a value to write into a component")?;
        if value.is_null() {
            return Err(helper_error(
                h,
                "a value to write into a component, got nothing",
            ));
        }
        let mut text = String::new();
        write_yaml(value, &mut text);
        out.write(&text)?;
        Ok(())
    }
}

/// A helper that reads its one parameter and writes it in the report's language, with the
/// words and separators of its label file: `date`, `number`, `change`, `quarter`, `label`.
struct Worded<T> {
    labels: Arc<LabelSets>,
    /// What the parameter must be, for the message when it is not.
    expected: &'static str,
    read: fn(&JsonValue) -> Option<T>,
    write: fn(T, &Labels) -> Result<String, LayoutError>,
}

impl<T: 'static> HelperDef for Worded<T> {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        let value = only_param(h, self.expected)?;
        let read = (self.read)(value)
            .ok_or_else(|| helper_error(h, &format!("{}, got {value}", self.expected)))?;
        let text = (self.write)(read, language_labels(&self.labels, h, ctx)?).map_err(other)?;
        Ok(ScopedJson::Derived(JsonValue::String(text)))
    }
}

fn worded<T>(
    labels: &Arc<LabelSets>,
    expected: &'static str,
    read: fn(&JsonValue) -> Option<T>,
    write: fn(T, &Labels) -> Result<String, LayoutError>,
) -> Box<Worded<T>> {
    Box::new(Worded {
        labels: Arc::clone(labels),
        expected,
        read,
        write,
    })
}

/// `{{date meeting.date}}`: a `YYYY-MM-DD` date written out in the report's language.
fn read_date(value: &JsonValue) -> Option<NaiveDate> {
    value
        .as_str()
        .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
}

/// `{{quarter period.quarter}}`: the quarter's name, "första kvartalet" / "first quarter".
fn read_quarter(value: &JsonValue) -> Option<u8> {
    value
        .as_u64()
        .and_then(|q| u8::try_from(q).ok())
        .filter(|q| (1..=4).contains(q))
}

/// `{{label "summary"}}`: a word from the label file of the report's language.
fn read_key(value: &JsonValue) -> Option<String> {
    value.as_str().map(str::to_owned)
}

fn write_label(key: String, labels: &Labels) -> Result<String, LayoutError> {
    labels.get(&key).map(str::to_owned)
}

/// `{{fill (label "default_decision") body=meeting.body year=period.year}}`: a text with each
/// `{name}` replaced by the value given as `name=`. A placeholder left without a value is an
/// error, so a label never prints `{body}` to the reader.
struct FillHelper;

impl HelperDef for FillHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        const EXPECTED: &str =
            "a text and its values, e.g. {{fill (label \"x\") year=period.year}}";
        let text = match h.params().as_slice() {
            [param] => param.value().as_str(),
            _ => None,
        };
        let text = text.ok_or_else(|| helper_error(h, EXPECTED))?;
        let mut values = Vec::new();
        for (name, value) in h.hash() {
            let value = match value.value() {
                JsonValue::String(text) => text.clone(),
                JsonValue::Number(number) => number.to_string(),
                other => {
                    let message = format!("`{name}=` to be a text or a number, got {other}");
                    return Err(helper_error(h, &message));
                }
            };
            values.push((*name, value));
        }
        // Only the label's own placeholders need values: braces in a value are its text.
        match fill_in(text, &values) {
            (filled, None) => Ok(ScopedJson::Derived(JsonValue::String(filled))),
            (_, Some(name)) => {
                let message = format!("a value for `{{{name}}}` in \"{text}\": add `{name}=…`");
                Err(helper_error(h, &message))
            }
        }
    }
}

/// `{{status status}}`: a status code (or nothing) as a badge, `[På rätt väg](status:good)`.
struct StatusHelper(Arc<LabelSets>);

impl HelperDef for StatusHelper {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let value = only_param(h, "a status code or nothing")?;
        let (code, tone) = status_tone(value).ok_or_else(|| {
            let codes: Vec<&str> = Status::all().map(Status::code).collect();
            let message = format!("one of {} or nothing, got {value}", codes.join(", "));
            helper_error(h, &message)
        })?;
        let word = language_labels(&self.0, h, ctx)?
            .get(&format!("status_{code}"))
            .map_err(other)?;
        let tone = tone.name();
        out.write(&format!("[{}](status:{tone})", escape_markdown(word)))?;
        Ok(())
    }
}

/// The code and badge tone of a status value; `null` is "no status".
fn status_tone(value: &JsonValue) -> Option<(&'static str, Tone)> {
    match value {
        JsonValue::Null => Some((NO_STATUS, Tone::Neutral)),
        JsonValue::String(code) => Status::from_code(code).map(|s| (s.code(), tone(s))),
        _ => None,
    }
}

/// The single parameter of `h`; an error when there are none, several, a hash, or when the
/// parameter names data that does not exist (the engine's strict mode does not check
/// helper parameters itself).
fn only_param<'a>(h: &'a Helper<'_>, expected: &str) -> Result<&'a JsonValue, RenderError> {
    match h.params().as_slice() {
        [param] if h.hash().is_empty() => {
            if param.is_value_missing() {
                let path = param
                    .relative_path()
                    .map_or("the parameter", String::as_str);
                let message = format!("{expected}, but `{path}` is not in the report data");
                return Err(helper_error(h, &message));
            }
            Ok(param.value())
        }
        params => {
            let message = format!(
                "one parameter, {expected}; got {}",
                describe(params.len(), h)
            );
            Err(helper_error(h, &message))
        }
    }
}

fn describe(count: usize, h: &Helper<'_>) -> String {
    let named = h.hash().len();
    match named {
        0 => format!("{count}"),
        _ => format!("{count} and {named} named"),
    }
}

fn helper_error(h: &Helper<'_>, expected: &str) -> RenderError {
    RenderErrorReason::Other(format!("helper `{}` expects {expected}", h.name())).into()
}

/// The labels of the report's language, named by the `language` field at the root of the
/// view model.
fn language_labels<'l>(
    labels: &'l LabelSets,
    h: &Helper<'_>,
    ctx: &Context,
) -> Result<&'l Labels, RenderError> {
    let language = ctx
        .data()
        .get("language")
        .and_then(JsonValue::as_str)
        .and_then(Language::from_code)
        .ok_or_else(|| {
            let message = format!("helper `{}` needs `language` in the data", h.name());
            RenderError::from(RenderErrorReason::Other(message))
        })?;
    labels.language(language).map_err(other)
}

/// A layout error (a missing label) as a render error, so the engine adds the position.
fn other(error: super::error::LayoutError) -> RenderError {
    RenderErrorReason::Other(error.to_string()).into()
}

/// `value` as JSON, with every control or line-separator character written `\uXXXX`
/// because YAML does not allow them raw in a quoted scalar.
fn write_yaml(value: &JsonValue, out: &mut String) {
    match value {
        JsonValue::String(text) => write_quoted(text, out),
        JsonValue::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_yaml(item, out);
            }
            out.push(']');
        }
        JsonValue::Object(fields) => {
            out.push('{');
            for (i, (key, item)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_quoted(key, out);
                out.push_str(": ");
                write_yaml(item, out);
            }
            out.push('}');
        }
        other => out.push_str(&other.to_string()),
    }
}

fn write_quoted(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml(value: JsonValue) -> String {
        let mut out = String::new();
        write_yaml(&value, &mut out);
        out
    }

    #[test]
    fn yaml_quotes_any_text() {
        assert_eq!(yaml(JsonValue::from("a \"b\" \\ c")), r#""a \"b\" \\ c""#);
        assert_eq!(yaml(JsonValue::from("x\ny\u{85}")), r#""x\u000ay\u0085""#);
        assert_eq!(
            yaml(JsonValue::from("Jönköping: {x}")),
            r#""Jönköping: {x}""#
        );
    }

    #[test]
    fn yaml_writes_lists_and_numbers() {
        let list = JsonValue::from(vec!["Kommundirektör", "Jönköpings kommun"]);
        assert_eq!(yaml(list), r#"["Kommundirektör", "Jönköpings kommun"]"#);
        assert_eq!(yaml(JsonValue::from(16)), "16");
    }

    #[test]
    fn status_tones_follow_the_contract() {
        let tone = |code: &str| status_tone(&JsonValue::from(code)).map(|(_, tone)| tone.name());
        let expected = [
            ("on_track", "good"),
            ("achieved", "done"),
            ("at_risk", "warning"),
            ("off_track", "bad"),
            ("not_started", "neutral"),
            ("planned", "neutral"),
            ("ongoing", "good"),
            ("completed", "done"),
            ("delayed", "warning"),
            ("cancelled", "bad"),
            ("target_met", "good"),
            ("target_not_met", "warning"),
        ];
        for (code, want) in expected {
            assert_eq!(tone(code), Some(want), "{code}");
        }
        assert_eq!(status_tone(&JsonValue::Null), Some(("none", Tone::Neutral)));
        assert_eq!(tone("on-track"), None);
    }
}
