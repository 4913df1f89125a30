//! Numbers written with a language's separators: grouped thousands, at most two decimals.
//!
//! Entry point: [`NumberFormat`], with [`NumberFormat::number`] ("1 234,5" / "1,234.5")
//! and [`NumberFormat::change`] ("↑ +1,5"). The templates build it from the layout's label
//! file; the backends get it in the document's metadata, so an axis label on a chart is
//! written like the number in the text beside it.

/// Reports give percentages and counts; two decimals are all a reader needs.
const MAX_DECIMALS: usize = 2;

/// A language's separators.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberFormat {
    /// "," (sv) or "." (en).
    pub decimal: String,
    /// A no-break space (sv) or "," (en).
    pub thousands: String,
}

impl NumberFormat {
    /// A number with grouped thousands and at most two decimals, trailing zeros dropped:
    /// 1234567 → "1 234 567" (sv) / "1,234,567" (en); 71.5 → "71,5" / "71.5".
    pub fn number(&self, value: f64) -> String {
        let fixed = format!("{:.*}", MAX_DECIMALS, value.abs());
        let (whole, fraction) = fixed.split_once('.').unwrap_or((&fixed, ""));
        let fraction = fraction.trim_end_matches('0');
        // Rounding can turn -0.001 into "0"; a minus sign before zero would be noise.
        let negative = value < 0.0 && (whole.chars().any(|c| c != '0') || !fraction.is_empty());
        let mut out = String::new();
        if negative {
            out.push('-');
        }
        out.push_str(&group_digits(whole, &self.thousands));
        if !fraction.is_empty() {
            out.push_str(&self.decimal);
            out.push_str(fraction);
        }
        out
    }

    /// A change as an arrow and a signed number: "↑ +1,5", "↓ −2", "→ 0". Arrow and sign
    /// carry the direction as text, so it never rests on colour; a no-break space keeps the
    /// arrow on the number's line.
    pub fn change(&self, delta: f64) -> String {
        let number = self.number(delta.abs());
        if number.chars().all(|c| c == '0') {
            format!("→\u{a0}{number}")
        } else if delta > 0.0 {
            format!("↑\u{a0}+{number}")
        } else {
            format!("↓\u{a0}−{number}")
        }
    }
}

/// Inserts `group` between every three digits counted from the right.
fn group_digits(digits: &str, group: &str) -> String {
    let count = digits.chars().count();
    let mut out = String::with_capacity(digits.len() + count / 3 * group.len());
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (count - i).is_multiple_of(3) {
            out.push_str(group);
        }
        out.push(c);
    }
    out
}
