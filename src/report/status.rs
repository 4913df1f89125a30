//! The report format's coded values: each status and metric direction spelled by its one
//! code here, which the loader parses, the schema lists and the layouts' helpers print.
//!
//! Entry points: [`FocusStatus`], [`ActivityStatus`], [`TargetStatus`] and [`Direction`],
//! each with `ALL`, `code` and `from_code`; [`Status`], any of the three statuses.

/// An enum whose variants the report format writes as codes, with every variant listed.
macro_rules! coded {
    ($(#[$meta:meta])* $name:ident { $($(#[$doc:meta])* $variant:ident = $code:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            $($(#[$doc])* $variant,)+
        }

        impl $name {
            /// Every value, in the order the format's documentation lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The code the report format writes, e.g. `on_track`.
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)+
                }
            }

            /// The value `code` spells, if any.
            pub fn from_code(code: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|value| value.code() == code)
            }
        }
    };
}

coded! {
    /// How a focus area stands this quarter.
    FocusStatus {
        OnTrack = "on_track",
        AtRisk = "at_risk",
        OffTrack = "off_track",
        Achieved = "achieved",
        NotStarted = "not_started",
    }
}

coded! {
    /// How an activity stands this quarter.
    ActivityStatus {
        Planned = "planned",
        Ongoing = "ongoing",
        Completed = "completed",
        Delayed = "delayed",
        Cancelled = "cancelled",
    }
}

coded! {
    /// A metric's value against its target.
    TargetStatus {
        Met = "target_met",
        NotMet = "target_not_met",
    }
}

coded! {
    /// Which way a metric improves; higher when the file does not say.
    Direction {
        HigherIsBetter = "higher_is_better",
        LowerIsBetter = "lower_is_better",
    }
}

impl TargetStatus {
    pub fn of(met: bool) -> TargetStatus {
        if met {
            TargetStatus::Met
        } else {
            TargetStatus::NotMet
        }
    }
}

/// Any status a layout can show as a badge: a focus area's, an activity's or a metric's
/// against its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Focus(FocusStatus),
    Activity(ActivityStatus),
    Target(TargetStatus),
}

impl Status {
    /// Every status, focus areas' first.
    pub fn all() -> impl Iterator<Item = Status> {
        let focus = FocusStatus::ALL.iter().map(|&s| Status::Focus(s));
        let activity = ActivityStatus::ALL.iter().map(|&s| Status::Activity(s));
        let target = TargetStatus::ALL.iter().map(|&s| Status::Target(s));
        focus.chain(activity).chain(target)
    }

    pub fn code(self) -> &'static str {
        match self {
            Status::Focus(status) => status.code(),
            Status::Activity(status) => status.code(),
            Status::Target(status) => status.code(),
        }
    }

    /// The status `code` spells; the three kinds share no code.
    pub fn from_code(code: &str) -> Option<Status> {
        Status::all().find(|status| status.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The codes each occurrence of a field in the JSON schema allows, sorted.
    fn schema_codes(field: &str) -> Vec<String> {
        let schema: serde_json::Value =
            serde_json::from_str(crate::report::schema::SCHEMA).expect("JSON");
        let mut found = Vec::new();
        collect_enums(&schema, field, &mut found);
        found.sort();
        found
    }

    fn collect_enums(value: &serde_json::Value, field: &str, found: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                if let Some(codes) = map.get(field).and_then(|f| f.get("enum")) {
                    let codes = codes.as_array().into_iter().flatten();
                    found.push(
                        codes
                            .filter_map(|c| c.as_str())
                            .collect::<Vec<_>>()
                            .join(" "),
                    );
                }
                map.values().for_each(|v| collect_enums(v, field, found));
            }
            serde_json::Value::Array(items) => {
                items.iter().for_each(|v| collect_enums(v, field, found));
            }
            _ => {}
        }
    }

    fn codes<T: Copy>(all: &[T], code: fn(T) -> &'static str) -> String {
        all.iter().map(|&v| code(v)).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn the_schema_lists_the_codes_the_loader_accepts() {
        let mut statuses = [
            codes(FocusStatus::ALL, FocusStatus::code),
            codes(ActivityStatus::ALL, ActivityStatus::code),
        ];
        statuses.sort();
        assert_eq!(schema_codes("status"), statuses);
        let directions = codes(Direction::ALL, Direction::code);
        assert_eq!(schema_codes("direction"), [directions]);
    }

    #[test]
    fn every_code_names_one_status() {
        for status in Status::all() {
            assert_eq!(Status::from_code(status.code()), Some(status));
        }
        assert_eq!(Status::from_code("on track"), None);
    }
}
