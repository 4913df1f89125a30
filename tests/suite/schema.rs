//! `kvartal schema`: the JSON Schema every example report satisfies and a report with an
//! unknown field fails. Checked with a small validator of the keywords the schema uses
//! (type, enum, required, properties, additionalProperties, propertyNames, items,
//! minItems, minimum, maximum, oneOf, anyOf, not, $ref); `pattern` is not checked here.

use crate::support::{kvartal, repo};
use serde_json::{Map, Value};

fn schema() -> Value {
    let run = kvartal(&["schema"]).succeeds();
    serde_json::from_str(&run.stdout).expect("the schema is JSON")
}

/// The problems of `value` against `schema`; `root` resolves `$ref`.
fn problems(root: &Value, schema: &Value, value: &Value, at: &str) -> Vec<String> {
    let mut found = Vec::new();
    if let Some(reference) = schema["$ref"].as_str() {
        let name = reference.trim_start_matches("#/$defs/");
        found.extend(problems(root, &root["$defs"][name], value, at));
    }
    if let Some(types) = schema.get("type") {
        let allowed: Vec<&str> = match types {
            Value::Array(list) => list.iter().filter_map(Value::as_str).collect(),
            other => other.as_str().into_iter().collect(),
        };
        if !allowed.iter().any(|t| has_type(value, t)) {
            found.push(format!("{at}: not {allowed:?}: {value}"));
        }
    }
    if let Some(values) = schema["enum"].as_array().filter(|v| !v.contains(value)) {
        found.push(format!("{at}: {value} not in {values:?}"));
    }
    if let (Some(min), Some(n)) = (schema["minimum"].as_f64(), value.as_f64())
        && n < min
    {
        found.push(format!("{at}: below {min}"));
    }
    if let (Some(max), Some(n)) = (schema["maximum"].as_f64(), value.as_f64())
        && n > max
    {
        found.push(format!("{at}: above {max}"));
    }
    if let Some(options) = schema["anyOf"].as_array()
        && !options
            .iter()
            .any(|o| problems(root, o, value, at).is_empty())
    {
        found.push(format!("{at}: fits none of anyOf"));
    }
    if let Some(excluded) = schema.get("not")
        && problems(root, excluded, value, at).is_empty()
    {
        found.push(format!("{at}: fits what `not` excludes"));
    }
    if let Some(options) = schema["oneOf"].as_array() {
        let fitting = options
            .iter()
            .filter(|o| problems(root, o, value, at).is_empty())
            .count();
        if fitting != 1 {
            found.push(format!("{at}: fits {fitting} of oneOf"));
        }
    }
    if let Value::Object(map) = value {
        found.extend(object_problems(root, schema, map, at));
    }
    if let Value::Array(items) = value {
        if items.len() < schema["minItems"].as_u64().unwrap_or(0) as usize {
            found.push(format!("{at}: too few items"));
        }
        for (index, item) in items.iter().enumerate() {
            if let Some(item_schema) = schema.get("items") {
                found.extend(problems(root, item_schema, item, &format!("{at}[{index}]")));
            }
        }
    }
    found
}

fn object_problems(
    root: &Value,
    schema: &Value,
    map: &Map<String, Value>,
    at: &str,
) -> Vec<String> {
    let mut found = Vec::new();
    for required in schema["required"].as_array().into_iter().flatten() {
        if !map.contains_key(required.as_str().unwrap_or_default()) {
            found.push(format!("{at}: missing {required}"));
        }
    }
    for (key, value) in map {
        let at = format!("{at}.{key}");
        match (
            schema["properties"].get(key),
            schema.get("additionalProperties"),
        ) {
            (Some(property), _) => found.extend(problems(root, property, value, &at)),
            (None, Some(Value::Bool(false))) => found.push(format!("{at}: not allowed")),
            (None, Some(other)) => found.extend(problems(root, other, value, &at)),
            (None, None) => {}
        }
    }
    found
}

fn has_type(value: &Value, name: &str) -> bool {
    match name {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "number" => value.is_number(),
        "integer" => value.as_f64().is_some_and(|n| n.fract() == 0.0),
        "boolean" => value.is_boolean(),
        _ => false,
    }
}

fn yaml(text: &str) -> Value {
    serde_saphyr::from_str(text).expect("YAML")
}

#[test]
fn every_example_report_satisfies_the_schema() {
    let schema = schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    for folder in std::fs::read_dir(repo().join("report-data")).expect("report-data") {
        for file in std::fs::read_dir(folder.expect("readable").path()).expect("a folder") {
            let path = file.expect("readable").path();
            if path.extension().is_some_and(|e| e == "yaml") {
                let report = yaml(&std::fs::read_to_string(&path).expect("readable"));
                let found = problems(&schema, &schema, &report, "report");
                assert!(found.is_empty(), "{}: {found:?}", path.display());
            }
        }
    }
}

#[test]
fn an_unknown_field_or_a_wrong_value_fails_the_schema() {
    let schema = schema();
    let text = std::fs::read_to_string(repo().join("report-data/safer-harbour-town/2023-Q4.yaml"))
        .expect("readable");
    let mut report = yaml(&text);
    report["focus_areas"][0]["progres"] = Value::from("Typo.");
    let found = problems(&schema, &schema, &report, "report");
    assert_eq!(found, ["report.focus_areas[0].progres: not allowed"]);
    let mut report = yaml(&text);
    report["period"]["quarter"] = Value::from(5);
    assert_eq!(problems(&schema, &schema, &report, "report").len(), 1);
}

#[test]
fn a_period_is_a_quarter_a_tertial_a_half_or_a_whole_year() {
    let schema = schema();
    let text = std::fs::read_to_string(repo().join("report-data/safer-harbour-town/2023-Q4.yaml"))
        .expect("readable");
    let mut report = yaml(&text);
    report["period"]["tertial"] = Value::from(2);
    let found = problems(&schema, &schema, &report, "report");
    assert_eq!(
        found,
        ["report.period: fits 0 of oneOf"],
        "quarter and tertial"
    );
    let period = report["period"].as_object_mut().expect("a map");
    period.remove("quarter");
    assert!(problems(&schema, &schema, &report, "report").is_empty());
    report["period"]["tertial"] = Value::from(4);
    assert_eq!(problems(&schema, &schema, &report, "report").len(), 1);
    let period = report["period"].as_object_mut().expect("a map");
    period.remove("tertial");
    assert!(
        problems(&schema, &schema, &report, "report").is_empty(),
        "the year alone"
    );
}

#[test]
fn every_field_has_a_description() {
    fn walk(schema: &Value, at: &str, missing: &mut Vec<String>) {
        for (name, property) in schema["properties"].as_object().into_iter().flatten() {
            if property["description"].as_str().is_none_or(str::is_empty) {
                missing.push(format!("{at}.{name}"));
            }
            walk(property, &format!("{at}.{name}"), missing);
            walk(&property["items"], &format!("{at}.{name}[]"), missing);
        }
    }
    let schema = schema();
    let mut missing = Vec::new();
    walk(&schema, "report", &mut missing);
    for (name, definition) in schema["$defs"].as_object().expect("$defs") {
        walk(definition, name, &mut missing);
    }
    assert!(missing.is_empty(), "{missing:?}");
}
