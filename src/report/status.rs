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
        /// Going as planned.
        OnTrack = "on_track",
        /// Might not reach its goal without a change.
        AtRisk = "at_risk",
        /// Will not reach its goal as things go.
        OffTrack = "off_track",
        /// Its goal is reached.
        Achieved = "achieved",
        /// Work on it has not begun.
        NotStarted = "not_started",
    }
}

coded! {
    /// How an activity stands this quarter.
    ActivityStatus {
        /// Not begun yet.
        Planned = "planned",
        /// Under way.
        Ongoing = "ongoing",
        /// Carried out in full.
        Completed = "completed",
        /// Behind its plan or due date.
        Delayed = "delayed",
        /// Will not be carried out.
        Cancelled = "cancelled",
    }
}

coded! {
    /// A metric's value against its target.
    TargetStatus {
        /// The value meets the target.
        Met = "target_met",
        /// The value falls short of the target.
        NotMet = "target_not_met",
    }
}

coded! {
    /// Which way a metric improves; higher when the file does not say.
    Direction {
        /// A larger value is better; the target is met at or above it.
        HigherIsBetter = "higher_is_better",
        /// A smaller value is better; the target is met at or below it.
        LowerIsBetter = "lower_is_better",
    }
}

impl TargetStatus {
    /// `Met` when `met`, else `NotMet`.
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
    /// A focus area's.
    Focus(FocusStatus),
    /// An activity's.
    Activity(ActivityStatus),
    /// A metric's against its target.
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

    /// The status's code, e.g. `on_track` or `target_met`.
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
