//! What `check` hands back: every [`Finding`] in a stable order, with the
//! coverage of every letter in every locale and the files looked at; the
//! waivers of `letterkit.toml` applied, and the `min-coverage` policy.

use std::collections::BTreeMap;

use serde::Serialize;

use super::CheckError;
use crate::code::{Code, Severity};
use crate::config::{CheckPolicy, Waiver};
use crate::coverage::Coverage;
use crate::lang::Lang;
use crate::location::Location;
use crate::project::LocaleFiles;

/// One problem in one locale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The stable code.
    pub code: Code,
    /// Error or warning.
    pub severity: Severity,
    /// The locale's tag.
    pub locale: String,
    /// The message concerned, where there is one.
    pub message_id: Option<String>,
    /// Where it is.
    #[serde(flatten)]
    pub location: Location,
    /// What is wrong and what to do, for a translator.
    pub message: String,
    /// Whether the message is published in its fallback locale instead of
    /// as written ([`Code::unsafe_to_publish`]; for `changed-link`, only a
    /// link to a host the source does not use). Not part of the report's
    /// formats.
    #[serde(skip)]
    pub unpublishable: bool,
    /// For a syntax error: where the entry the parser could not read ends,
    /// and where the parser stopped (its fields follow `column` in JSON).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub extent: Option<Box<Extent>>,
}

/// The rest of a syntax error's place: the entry the parser could not read
/// starts at the finding's location and ends here; the parser stopped inside
/// it, or at the next entry's line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Extent {
    /// The entry's last line, 1-based.
    pub end_line: usize,
    /// The column just past the entry's last character on that line, 1-based,
    /// in Unicode code points.
    pub end_column: usize,
    /// Where the parser stopped: its line.
    pub stopped_line: usize,
    /// Where the parser stopped: its column.
    pub stopped_column: usize,
    /// Where the parser stopped: its byte offset in the file.
    #[serde(skip)]
    pub stopped_offset: usize,
}

/// Everything `check` found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Coverage per letter and locale, in project order.
    pub coverage: Vec<Coverage>,
    /// Every finding, in locale order, then by file, line and column.
    pub findings: Vec<Finding>,
    /// Findings accepted by a waiver in `letterkit.toml`, not listed.
    pub waived: usize,
    /// Whether warnings fail the check too (`deny-warnings` in `letterkit.toml`).
    pub deny_warnings: bool,
    /// Every file checked (or expected), by locale, in check order.
    pub files: Vec<CheckedFile>,
}

/// A file `check` looked at, or looked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckedFile {
    /// The locale's tag.
    pub locale: String,
    /// The file, as findings name it.
    pub path: std::path::PathBuf,
}

impl Report {
    /// The report a locale at a time, in report order, as
    /// [`super::output::Writer`] takes it.
    pub fn parts(&self) -> Vec<super::output::Part<'_>> {
        let mut locales: Vec<&str> = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        let tags = (self.coverage.iter().map(|c| c.locale.as_str()))
            .chain(self.files.iter().map(|f| f.locale.as_str()))
            .chain(self.findings.iter().map(|f| f.locale.as_str()));
        for tag in tags {
            if seen.insert(tag) {
                locales.push(tag);
            }
        }
        // Each locale's rows are together, in the locales' order.
        fn runs<T>(items: &[T], tag: impl Fn(&T) -> &str) -> BTreeMap<&str, &[T]> {
            items
                .chunk_by(|a, b| tag(a) == tag(b))
                .map(|run| (tag(&run[0]), run))
                .collect()
        }
        let findings = runs(&self.findings, |f| &f.locale);
        let files = runs(&self.files, |f| &f.locale);
        let coverage = runs(&self.coverage, |c| &c.locale);
        locales
            .into_iter()
            .map(|locale| super::output::Part {
                locale,
                findings: findings.get(locale).copied().unwrap_or_default(),
                files: files.get(locale).copied().unwrap_or_default(),
                coverage: coverage.get(locale).copied().unwrap_or_default(),
                waived: 0,
            })
            .collect()
    }

    /// How many findings have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// Whether any finding is an error: the check fails.
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// Whether the check fails: an error, or a warning where warnings are denied
    /// by `letterkit.toml` or by `deny_warnings`.
    pub fn fails(&self, deny_warnings: bool) -> bool {
        self.has_errors()
            || ((deny_warnings || self.deny_warnings) && self.count(Severity::Warning) > 0)
    }
}

/// One locale's share of a report, complete: its findings sorted, waivers
/// applied. A tree's check hands them out one by one, in report order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LocaleReport {
    /// The locale's tag.
    pub locale: String,
    /// Its coverage rows.
    pub coverage: Vec<Coverage>,
    /// Its findings, by file, line and column.
    pub findings: Vec<Finding>,
    /// Findings accepted by a waiver, not listed.
    pub waived: usize,
    /// Every file checked (or expected).
    pub files: Vec<CheckedFile>,
}

impl LocaleReport {
    /// The locale as [`super::output::Writer`] takes it.
    pub fn part(&self) -> super::output::Part<'_> {
        super::output::Part {
            locale: &self.locale,
            findings: &self.findings,
            files: &self.files,
            coverage: &self.coverage,
            waived: self.waived,
        }
    }
}

/// One locale's report from what checking it found: the waivers applied,
/// repeats dropped (its findings are sorted already).
pub(super) fn locale_report(
    locale: String,
    checked: LocaleChecked,
    waivers: &[Waiver],
) -> Result<LocaleReport, CheckError> {
    let LocaleChecked {
        coverage,
        mut findings,
        files,
    } = checked;
    let waived = waive(&mut findings, waivers)?;
    findings.dedup();
    Ok(LocaleReport {
        locale,
        coverage,
        findings,
        waived,
        files,
    })
}

/// A finding of `code` at its default severity.
pub(super) fn finding(
    code: Code,
    lang: &Lang,
    id: Option<&str>,
    location: Location,
    mut message: String,
) -> Finding {
    // Findings are kept until the report is written: no spare capacity.
    message.shrink_to_fit();
    Finding {
        code,
        severity: code.default_severity(),
        locale: lang.tag().to_owned(),
        message_id: id.map(str::to_owned),
        location,
        message,
        unpublishable: code.unsafe_to_publish() && code != Code::ChangedLink,
        extent: None,
    }
}

/// What checking one locale (or all) found: coverage per letter, findings,
/// and the files looked at.
#[derive(Default)]
pub(super) struct LocaleChecked {
    pub(super) coverage: Vec<Coverage>,
    pub(super) findings: Vec<Finding>,
    pub(super) files: Vec<CheckedFile>,
}

/// The locales' coverage, findings and files, gathered in order. Each
/// locale's findings are sorted already, so the findings are too when the
/// locales come in report order.
pub(super) fn gather(
    results: Vec<Result<LocaleChecked, CheckError>>,
) -> Result<LocaleChecked, CheckError> {
    let mut all = LocaleChecked {
        // Sized once: a large tree has hundreds of thousands of findings.
        findings: Vec::with_capacity(
            results
                .iter()
                .map(|r| r.as_ref().map_or(0, |l| l.findings.len()))
                .sum(),
        ),
        ..LocaleChecked::default()
    };
    for locale in results {
        let locale = locale?;
        all.coverage.extend(locale.coverage);
        all.findings.extend(locale.findings);
        all.files.extend(locale.files);
    }
    Ok(all)
}

/// The report: the waivers applied, the findings in order (locales as in
/// `order`, by tag).
pub(super) fn assemble(
    checked: LocaleChecked,
    order: &[&str],
    policy: &CheckPolicy,
) -> Result<Report, CheckError> {
    let LocaleChecked {
        coverage,
        mut findings,
        files,
    } = checked;
    let waived = waive(&mut findings, &policy.waivers)?;
    sort_findings(&mut findings, order);
    Ok(Report {
        coverage,
        findings,
        waived,
        deny_warnings: policy.deny_warnings,
        files,
    })
}

/// Orders findings by locale (as listed), then file, line and column, and
/// drops repeats. Findings gathered from locales sorted one by one are
/// mostly in order already: checked first, sorted only when not.
fn sort_findings(findings: &mut Vec<Finding>, locales: &[&str]) {
    let order: BTreeMap<&str, usize> = locales
        .iter()
        .enumerate()
        .map(|(i, tag)| (*tag, i))
        .collect();
    let rank = |f: &Finding| order.get(f.locale.as_str()).copied();
    let compare =
        |a: &Finding, b: &Finding| rank(a).cmp(&rank(b)).then_with(|| in_locale_order(a, b));
    if !findings.is_sorted_by(|a, b| compare(a, b).is_le()) {
        findings.sort_by(compare);
    }
    findings.dedup();
}

/// One locale's findings by file, line and column.
pub(super) fn sort_in_locale_order(findings: &mut [Finding]) {
    findings.sort_by(in_locale_order);
}

/// By place, then by code (in the order codes were added), then by message.
fn in_locale_order(a: &Finding, b: &Finding) -> std::cmp::Ordering {
    (&a.location, a.code, &a.message_id).cmp(&(&b.location, b.code, &b.message_id))
}

/// Refuses a waiver naming an unknown code, so that a typo never hides
/// nothing silently.
pub(super) fn known_waivers(waivers: &[Waiver]) -> Result<(), CheckError> {
    for waiver in waivers {
        if Code::from_name(&waiver.code).is_none() {
            return Err(CheckError::UnknownWaiverCode {
                code: waiver.code.clone(),
            });
        }
    }
    Ok(())
}

/// Removes the findings the waivers accept; returns how many. A waiver naming
/// an unknown code is refused.
fn waive(findings: &mut Vec<Finding>, waivers: &[Waiver]) -> Result<usize, CheckError> {
    known_waivers(waivers)?;
    let before = findings.len();
    findings.retain(|f| !f.waived_by(waivers));
    Ok(before - findings.len())
}

impl Finding {
    /// Whether one of `waivers` accepts this finding: its locale (or `*`),
    /// its code, and its message where the waiver names one.
    pub fn waived_by(&self, waivers: &[Waiver]) -> bool {
        waivers.iter().any(|w| {
            (w.locale == "*" || w.locale == self.locale)
                && w.code == self.code.as_str()
                && w.message
                    .as_ref()
                    .is_none_or(|m| Some(m) == self.message_id.as_ref())
        })
    }
}

/// A letter translated less than the locale's `min-coverage`: an error even in
/// an optional locale, since the team set the bar on purpose.
pub(super) fn low_coverage(
    files: &LocaleFiles,
    coverage: &Coverage,
    minimum: u8,
    found: &mut Vec<Finding>,
) {
    if coverage.percent() >= usize::from(minimum) {
        return;
    }
    let mut low = finding(
        Code::LowCoverage,
        files.lang(),
        None,
        Location::file_start(files.path_of(&coverage.letter)),
        format!(
            "{} is {}% translated ({}/{} words, {}/{} messages; a stale translation counts as translated); letterkit.toml asks for at least {minimum}%",
            coverage.letter,
            coverage.percent(),
            coverage.words_translated,
            coverage.words_total,
            coverage.translated,
            coverage.total
        ),
    );
    low.severity = Severity::Error;
    found.push(low);
}
