//! The one parser of TIME options (`audit show --since`, `audit report --since`): a moment as
//! RFC 3339, a date, or a duration ago, as `journalctl --since` and `aws logs --start-time`
//! users write them.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

/// clap's value parser for TIME: relative times count back from the moment lkms starts.
pub fn parse_time(text: &str) -> Result<Timestamp, String> {
    parse_time_at(text, Timestamp::now())
}

/// TIME as of `now`:
/// - RFC 3339: `2026-12-01T09:30:00Z`, `2026-12-01T10:30:00+01:00`;
/// - a date, `2026-12-01`: its start in UTC (00:00:00Z), whatever the local time zone, so
///   the same command selects the same records on every machine;
/// - a duration ago, a whole number and a unit: `30s`, `30m`, `24h`, `7d`, `2w`.
pub fn parse_time_at(text: &str, now: Timestamp) -> Result<Timestamp, String> {
    let text = text.trim();
    let wrong = || {
        format!(
            "`{text}` is not a time: give RFC 3339 (2026-12-01T09:30:00Z), a date (2026-12-01, \
             its start in UTC) or a duration ago (30m, 24h, 7d, 2w)"
        )
    };
    if let Some(ago) = duration(text) {
        let ago = ago.ok_or_else(|| format!("`{text}` reaches back too far"))?;
        return now
            .checked_sub(ago)
            .map_err(|_| format!("`{text}` reaches back too far"));
    }
    if text.contains('T') || text.contains('t') || text.contains(' ') {
        return text.parse::<Timestamp>().map_err(|_| wrong());
    }
    let date: Date = text.parse().map_err(|_| wrong())?;
    TimeZone::UTC
        .to_timestamp(jiff::civil::DateTime::from(date))
        .map_err(|_| wrong())
}

/// `7d` as a duration: `None` when the text is not a number and a unit, `Some(None)` when it
/// is one too long to represent.
fn duration(text: &str) -> Option<Option<SignedDuration>> {
    let unit = text.chars().last()?;
    let seconds: i64 = match unit {
        's' => 1,
        'm' => 60,
        'h' => 3600,
        'd' => 86_400,
        'w' => 7 * 86_400,
        _ => return None,
    };
    let number = &text[..text.len() - 1];
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(
        number
            .parse::<i64>()
            .ok()
            .and_then(|n| n.checked_mul(seconds))
            .map(SignedDuration::from_secs),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Timestamp {
        "2026-12-10T12:00:00Z".parse().unwrap()
    }

    fn at(text: &str) -> Result<String, String> {
        parse_time_at(text, now()).map(|t| t.to_string())
    }

    #[test]
    fn rfc_3339_is_taken_as_it_is() {
        assert_eq!(at("2026-01-31T00:00:00Z").unwrap(), "2026-01-31T00:00:00Z");
        assert_eq!(
            at("2026-01-31T01:30:00+01:00").unwrap(),
            "2026-01-31T00:30:00Z"
        );
    }

    #[test]
    fn a_date_is_its_start_in_utc() {
        assert_eq!(at("2026-12-01").unwrap(), "2026-12-01T00:00:00Z");
        assert!(at("2026-13-01").is_err());
        assert!(at("2026-02-30").is_err());
    }

    #[test]
    fn a_duration_counts_back_from_now() {
        assert_eq!(at("30s").unwrap(), "2026-12-10T11:59:30Z");
        assert_eq!(at("30m").unwrap(), "2026-12-10T11:30:00Z");
        assert_eq!(at("24h").unwrap(), "2026-12-09T12:00:00Z");
        assert_eq!(at("7d").unwrap(), "2026-12-03T12:00:00Z");
        assert_eq!(at("2w").unwrap(), "2026-11-26T12:00:00Z");
        assert_eq!(at("0d").unwrap(), "2026-12-10T12:00:00Z");
    }

    #[test]
    fn anything_else_is_refused_with_the_forms_named() {
        for bad in [
            "",
            "d",
            "7",
            "-7d",
            "7 d",
            "7y",
            "1.5h",
            "yesterday",
            "2026-12-01T",
        ] {
            let e = at(bad).unwrap_err();
            assert!(
                e.contains("RFC 3339") || e.contains("too far"),
                "{bad}: {e}"
            );
        }
        assert!(at("99999999999999999999d").unwrap_err().contains("too far"));
        assert!(at("9999999999999w").unwrap_err().contains("too far"));
    }
}
