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
use super::labels::{LabelSets, Labels};
use crate::report::Language;
use chrono::NaiveDate;
use handlebars::{
    Context, Handlebars, Helper, HelperDef, HelperResult, JsonValue, Output, RenderContext,
    RenderError, RenderErrorReason, ScopedJson,
};
use std::fmt::Write as _;
use std::sync::Arc;

/// Each status code of the report format, its label key and the badge tone the Markdown
/// contract names.
const STATUSES: [(&str, &str); 10] = [
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
];
/// A focus area or activity without a status is shown as "not assessed".
const NO_STATUS: &str = "none";
const NO_STATUS_TONE: &str = "neutral";

/// Adds every helper to `registry`; all but `yaml` read words or formats from `labels`.
pub fn register(registry: &mut Handlebars<'static>, labels: Arc<LabelSets>) {
    registry.register_helper("yaml", Box::new(YamlHelper));
    registry.register_helper("date", Box::new(DateHelper(Arc::clone(&labels))));
    let number = NumberHelper {
        labels: Arc::clone(&labels),
        format: format_number,
    };
    registry.register_helper("number", Box::new(number));
    let change = NumberHelper {
        labels: Arc::clone(&labels),
        format: format_change,
    };
    registry.register_helper("change", Box::new(change));
    registry.register_helper("quarter", Box::new(QuarterHelper(Arc::clone(&labels))));
    registry.register_helper("label", Box::new(LabelHelper(Arc::clone(&labels))));
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

/// `{{date meeting.date}}`: a `YYYY-MM-DD` date written out in the report's language.
struct DateHelper(Arc<LabelSets>);

impl HelperDef for DateHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        const EXPECTED: &str = "a date written YYYY-MM-DD";
        let value = only_param(h, EXPECTED)?;
        let date = value
            .as_str()
            .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
            .ok_or_else(|| helper_error(h, &format!("{EXPECTED}, got {value}")))?;
        let text = format_date(date, language_labels(&self.0, h, ctx)?).map_err(other)?;
        Ok(ScopedJson::Derived(JsonValue::String(text)))
    }
}

/// `{{number value}}`: grouped thousands and at most two decimals, in the report's language.
/// `{{change change}}`: the same number with an arrow and a sign, "↑ +1,5" / "↓ −2".
struct NumberHelper {
    labels: Arc<LabelSets>,
    format: fn(f64, &Labels) -> Result<String, LayoutError>,
}

impl HelperDef for NumberHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        let value = only_param(h, "a number")?;
        let number = value
            .as_f64()
            .ok_or_else(|| helper_error(h, &format!("a number, got {value}")))?;
        let text = (self.format)(number, language_labels(&self.labels, h, ctx)?).map_err(other)?;
        Ok(ScopedJson::Derived(JsonValue::String(text)))
    }
}

/// `{{quarter period.quarter}}`: the quarter's name, "första kvartalet" / "first quarter".
struct QuarterHelper(Arc<LabelSets>);

impl HelperDef for QuarterHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        const EXPECTED: &str = "a quarter number 1, 2, 3 or 4";
        let value = only_param(h, EXPECTED)?;
        let quarter = value
            .as_u64()
            .and_then(|q| u8::try_from(q).ok())
            .filter(|q| (1..=4).contains(q))
            .ok_or_else(|| helper_error(h, &format!("{EXPECTED}, got {value}")))?;
        let text = format_quarter(quarter, language_labels(&self.0, h, ctx)?).map_err(other)?;
        Ok(ScopedJson::Derived(JsonValue::String(text)))
    }
}

/// `{{label "summary"}}`: a word from the label file of the report's language.
struct LabelHelper(Arc<LabelSets>);

impl HelperDef for LabelHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        const EXPECTED: &str = "a label key in quotes, e.g. {{label \"summary\"}}";
        let value = only_param(h, EXPECTED)?;
        let key = value
            .as_str()
            .ok_or_else(|| helper_error(h, &format!("{EXPECTED}, got {value}")))?;
        let text = language_labels(&self.0, h, ctx)?.get(key).map_err(other)?;
        Ok(ScopedJson::Derived(JsonValue::String(text.to_owned())))
    }
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
        let (text, values) = match h.params().as_slice() {
            [param] => (param.value().as_str(), h.hash()),
            _ => (None, h.hash()),
        };
        let text = text.ok_or_else(|| helper_error(h, EXPECTED))?;
        let mut filled = text.to_owned();
        for (name, value) in values {
            let value = match value.value() {
                JsonValue::String(text) => text.clone(),
                JsonValue::Number(number) => number.to_string(),
                other => {
                    let message = format!("`{name}=` to be a text or a number, got {other}");
                    return Err(helper_error(h, &message));
                }
            };
            filled = filled.replace(&format!("{{{name}}}"), &value);
        }
        if let Some(name) = placeholder(&filled) {
            let message = format!("a value for `{{{name}}}` in \"{text}\": add `{name}=…`");
            return Err(helper_error(h, &message));
        }
        Ok(ScopedJson::Derived(JsonValue::String(filled)))
    }
}

/// The name of the first `{name}` placeholder left in `text`.
fn placeholder(text: &str) -> Option<&str> {
    text.split('{').skip(1).find_map(|rest| {
        let (name, _) = rest.split_once('}')?;
        let is_name = !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_');
        is_name.then_some(name)
    })
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
            let codes: Vec<&str> = STATUSES.iter().map(|(code, _)| *code).collect();
            let message = format!("one of {} or nothing, got {value}", codes.join(", "));
            helper_error(h, &message)
        })?;
        let word = language_labels(&self.0, h, ctx)?
            .get(&format!("status_{code}"))
            .map_err(other)?;
        out.write(&format!("[{}](status:{tone})", escape_markdown(word)))?;
        Ok(())
    }
}

/// The code and badge tone of a status value; `null` is "no status".
fn status_tone(value: &JsonValue) -> Option<(&str, &'static str)> {
    match value {
        JsonValue::Null => Some((NO_STATUS, NO_STATUS_TONE)),
        JsonValue::String(code) => STATUSES
            .iter()
            .find(|(known, _)| known == code)
            .map(|(known, tone)| (*known, *tone)),
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
        let tone = |code: &str| status_tone(&JsonValue::from(code)).map(|(_, tone)| tone);
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
        ];
        for (code, want) in expected {
            assert_eq!(tone(code), Some(want), "{code}");
        }
        assert_eq!(status_tone(&JsonValue::Null), Some(("none", "neutral")));
        assert_eq!(tone("on-track"), None);
    }
}
