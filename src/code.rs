//! The finding codes of `check`, each declared once: its name, its severity
//! in a required locale, its category, a one-line explanation and the anchor
//! of its section in `docs/errors.md`. The report, the configuration's
//! waivers, the README's table, `check --help`, the JSON schema of the report
//! and the SARIF rules all read this one declaration.
//!
//! This module sits below loading and checking: a waiver in `letterkit.toml`
//! names a code without knowing the checker.
//!
//! A new code is an entry in `codes!` below (at the end of its category's
//! group, with the next free rank), a section in `docs/errors.md` under its
//! category, the check that reports it (in the `check` module), and a case with its
//! snapshot in `tests/it/checks.rs`. `LETTERKIT_BLESS=1 cargo test --lib`
//! then regenerates the README's table and `schemas/report.schema.json`; the
//! tests fail until the entry is complete and documented.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Fails the check.
    Error,
    /// Reported; does not fail the check.
    Warning,
}

impl Severity {
    /// The word as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// What a finding is about: the groups of the documentation and of
/// `check --help`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// Files, messages, terms and attributes present or not, against the source.
    Completeness,
    /// The file as Fluent reads it: what the parser refuses, and what it
    /// takes but ignores (a second definition).
    Syntax,
    /// The Fluent structure of a message against the source's: variables,
    /// references, functions.
    Structure,
    /// Plural variants against the locale's CLDR rules.
    Plurals,
    /// What the reader sees: markup, links, notes, numbers, hidden characters.
    Content,
    /// Translations made from an older source text.
    Stale,
    /// What stops a page from showing a message as written.
    Render,
}

impl Category {
    /// Every category, in the order of the documentation.
    pub const ALL: [Category; 7] = [
        Category::Completeness,
        Category::Syntax,
        Category::Structure,
        Category::Plurals,
        Category::Content,
        Category::Stale,
        Category::Render,
    ];

    /// The word as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Completeness => "completeness",
            Category::Syntax => "syntax",
            Category::Structure => "structure",
            Category::Plurals => "plurals",
            Category::Content => "content",
            Category::Stale => "stale",
            Category::Render => "render",
        }
    }
}

/// Declares [`Code`] and everything known about each code.
///
/// A code is one entry: `Variant = rank { name, severity, category,
/// explanation, anchor }`. The order of the entries is the order of the
/// SARIF rules; a new code goes at the end of its category's group. The rank orders
/// findings at one place (file, line and column) by the order codes were
/// added to letterkit, so that reports keep their order as codes are
/// added: a new code takes the next free rank. Every field is required, so a
/// code cannot be declared without a severity, an explanation or its
/// documentation.
macro_rules! codes {
    ($(
        $(#[doc = $doc:literal])*
        $variant:ident = $rank:literal {
            name: $name:literal,
            severity: $severity:ident,
            category: $category:ident,
            explanation: $explanation:literal,
            anchor: $anchor:literal $(,)?
        }
    ),+ $(,)?) => {
        /// What kind of problem a finding is. Each has a stable kebab-case
        /// name. Codes compare by the order they were added to letterkit,
        /// which orders findings at the same place.
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
        )]
        pub enum Code {
            $(
                $(#[doc = $doc])*
                #[serde(rename = $name)]
                $variant = $rank,
            )+
        }

        impl Code {
            /// How many codes there are.
            pub const COUNT: usize = [$($name),+].len();

            /// Every code, in the order of declaration: the order of the
            /// SARIF rules, kept as published (the documentation groups
            /// them by category: [`Code::by_category`]).
            pub const ALL: [Code; Code::COUNT] = [$(Code::$variant),+];

            /// The code as printed.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)+
                }
            }

            /// The severity in a required locale.
            pub fn default_severity(self) -> Severity {
                match self {
                    $(Code::$variant => Severity::$severity,)+
                }
            }

            /// What the finding is about.
            pub fn category(self) -> Category {
                match self {
                    $(Code::$variant => Category::$category,)+
                }
            }

            /// What the code means, in one sentence.
            pub fn explanation(self) -> &'static str {
                match self {
                    $(Code::$variant => $explanation,)+
                }
            }

            /// The anchor of the code's section in `docs/errors.md`.
            pub fn anchor(self) -> &'static str {
                match self {
                    $(Code::$variant => $anchor,)+
                }
            }
        }
    };
}

codes! {
    /// A Fluent file the source locale has is missing in this locale.
    MissingFile = 0 {
        name: "missing-file",
        severity: Error,
        category: Completeness,
        explanation: "The locale lacks a Fluent file the source locale has.",
        anchor: "missing-file",
    },
    /// A Fluent file that no letter uses.
    ObsoleteFile = 1 {
        name: "obsolete-file",
        severity: Warning,
        category: Completeness,
        explanation: "A Fluent file that nothing uses.",
        anchor: "obsolete-file",
    },
    /// Fluent syntax the parser could not read.
    SyntaxError = 2 {
        name: "syntax-error",
        severity: Error,
        category: Syntax,
        explanation: "Fluent syntax the parser cannot read.",
        anchor: "syntax-error",
    },
    /// A message the source locale has is missing or has no value.
    MissingMessage = 3 {
        name: "missing-message",
        severity: Error,
        category: Completeness,
        explanation: "A source message the locale does not translate.",
        anchor: "missing-message",
    },
    /// A message the source locale does not have.
    ObsoleteMessage = 4 {
        name: "obsolete-message",
        severity: Warning,
        category: Completeness,
        explanation: "A message the source locale does not have.",
        anchor: "obsolete-message",
    },
    /// A term the source locale has is missing.
    MissingTerm = 13 {
        name: "missing-term",
        severity: Error,
        category: Completeness,
        explanation: "A source term the locale does not define.",
        anchor: "missing-term",
    },
    /// A term the source locale does not have.
    ObsoleteTerm = 14 {
        name: "obsolete-term",
        severity: Warning,
        category: Completeness,
        explanation: "A term the source locale does not have.",
        anchor: "obsolete-term",
    },
    /// An attribute the source's message has is missing. (A term's
    /// attributes are the locale's own, and are not compared.)
    MissingAttribute = 15 {
        name: "missing-attribute",
        severity: Error,
        category: Completeness,
        explanation: "An attribute of the source's message that the translation lacks.",
        anchor: "missing-attribute",
    },
    /// An attribute the source's message does not have.
    ObsoleteAttribute = 16 {
        name: "obsolete-attribute",
        severity: Warning,
        category: Completeness,
        explanation: "An attribute the source's message does not have.",
        anchor: "obsolete-attribute",
    },
    /// A value, attribute or variant of white space alone (`{ "" }` is
    /// empty on purpose, and not reported).
    EmptyValue = 17 {
        name: "empty-value",
        severity: Error,
        category: Completeness,
        explanation: "A value, attribute or variant that shows no visible character (white space or invisible ones).",
        anchor: "empty-value",
    },
    /// The same message id defined twice in one file (or, in a project, in a
    /// letter's file and `common.ftl`).
    DuplicateMessage = 5 {
        name: "duplicate-message",
        severity: Error,
        category: Syntax,
        explanation: "The same message or term id defined twice in a file, or in a letter's file and common.ftl.",
        anchor: "duplicate-message",
    },
    /// The same attribute twice in one message or term.
    DuplicateAttribute = 18 {
        name: "duplicate-attribute",
        severity: Error,
        category: Syntax,
        explanation: "The same attribute twice in one message or term.",
        anchor: "duplicate-attribute",
    },
    /// The same variant key twice in one select expression.
    DuplicateVariant = 19 {
        name: "duplicate-variant",
        severity: Error,
        category: Syntax,
        explanation: "The same variant key twice in one select expression.",
        anchor: "duplicate-variant",
    },
    /// A file that cannot be read: not UTF-8, or past a limit (its size, its
    /// entries, its nesting). The other files are still checked.
    UnreadableFile = 39 {
        name: "unreadable-file",
        severity: Error,
        category: Syntax,
        explanation: "A file not read: not UTF-8, too large, too many entries or nested too deep.",
        anchor: "unreadable-file",
    },
    /// Lines ended by a carriage return alone (Fluent reads them as one
    /// line, merging messages), or by both CRLF and LF in one file.
    LineEnding = 43 {
        name: "line-ending",
        severity: Error,
        category: Syntax,
        explanation: "Lines ended by a carriage return alone, which merge lines, or mixed CRLF and LF line ends.",
        anchor: "line-ending",
    },
    /// A message that Fluent cannot format (an unknown variable or reference).
    FormatError = 6 {
        name: "format-error",
        severity: Error,
        category: Render,
        explanation: "A message Fluent cannot format.",
        anchor: "format-error",
    },
    /// A variable the source's message (value or attributes) does not have:
    /// it would show unfilled. A term's variables are its own parameters.
    UnknownVariable = 20 {
        name: "unknown-variable",
        severity: Error,
        category: Structure,
        explanation: "A variable the source does not have: it would show unfilled.",
        anchor: "unknown-variable",
    },
    /// A variable whose value the source's message shows that the
    /// translation never uses (in its value or any attribute).
    MissingVariable = 21 {
        name: "missing-variable",
        severity: Warning,
        category: Structure,
        explanation: "A variable the source's message shows that the translation never uses.",
        anchor: "missing-variable",
    },
    /// References to other messages or terms that differ from the source's.
    ChangedReference = 22 {
        name: "changed-reference",
        severity: Warning,
        category: Structure,
        explanation: "References to other messages or terms that differ from the source's.",
        anchor: "changed-reference",
    },
    /// A reference to a message, term or attribute the locale does not define.
    UndefinedReference = 23 {
        name: "undefined-reference",
        severity: Error,
        category: Structure,
        explanation: "A reference to a message, term or attribute the locale does not define.",
        anchor: "undefined-reference",
    },
    /// Messages or terms that refer to each other in a circle.
    CyclicReference = 24 {
        name: "cyclic-reference",
        severity: Error,
        category: Structure,
        explanation: "Messages or terms that refer to each other in a circle.",
        anchor: "cyclic-reference",
    },
    /// A call to a function letterkit does not have.
    UnknownFunction = 25 {
        name: "unknown-function",
        severity: Error,
        category: Structure,
        explanation: "A call to a function letterkit does not have.",
        anchor: "unknown-function",
    },
    /// A plural category the locale's rules need that a select lacks.
    MissingPluralCategory = 26 {
        name: "missing-plural-category",
        severity: Warning,
        category: Plurals,
        explanation: "A plural category the locale's CLDR rules need that a select expression lacks.",
        anchor: "missing-plural-category",
    },
    /// A plural variant the locale's rules never choose.
    UnreachableVariant = 27 {
        name: "unreachable-variant",
        severity: Warning,
        category: Plurals,
        explanation: "A plural variant the locale's CLDR rules never choose.",
        anchor: "unreachable-variant",
    },
    /// Raw HTML in a letter's message; it is shown as text.
    RawHtml = 7 {
        name: "raw-html",
        severity: Error,
        category: Content,
        explanation: "HTML in a letter's message: it is shown as text, never as markup.",
        anchor: "raw-html",
    },
    /// In a Fluent tree, HTML tags or attributes of the source dropped or
    /// changed, or tags added (inline formatting without attributes, added
    /// and closed, is a warning).
    ChangedMarkup = 41 {
        name: "changed-markup",
        severity: Error,
        category: Content,
        explanation: "In a Fluent tree, HTML tags or attributes of the source dropped, changed or added.",
        anchor: "changed-markup",
    },
    /// In a Fluent tree, a tag a browser does not read as written (`</
    /// strong>`, no `>`, an unclosed quote), or elements left open or closed
    /// out of order, where the source's are not.
    BrokenMarkup = 42 {
        name: "broken-markup",
        severity: Error,
        category: Content,
        explanation: "In a Fluent tree, a malformed HTML tag, or an element left open or closed out of order.",
        anchor: "broken-markup",
    },
    /// A link to something other than an https, http or mailto address.
    UnsafeLink = 8 {
        name: "unsafe-link",
        severity: Error,
        category: Content,
        explanation: "A link that is not https, http or mailto: only its text is shown.",
        anchor: "unsafe-link",
    },
    /// A link missing, added or pointing elsewhere than in the source.
    ChangedLink = 31 {
        name: "changed-link",
        severity: Error,
        category: Content,
        explanation: "A link missing, added or pointing elsewhere than in the source.",
        anchor: "changed-link",
    },
    /// A note reference to a source the letter does not have.
    UnknownNote = 9 {
        name: "unknown-note",
        severity: Error,
        category: Content,
        explanation: "A note reference to a source the letter does not have.",
        anchor: "unknown-note",
    },
    /// A note reference of the source's message that the translation drops.
    MissingNote = 32 {
        name: "missing-note",
        severity: Error,
        category: Content,
        explanation: "A note reference of the source's sentence that the translation drops.",
        anchor: "missing-note",
    },
    /// A note reference the source's message does not have.
    UnexpectedNote = 33 {
        name: "unexpected-note",
        severity: Warning,
        category: Content,
        explanation: "A note reference the source's sentence does not have.",
        anchor: "unexpected-note",
    },
    /// Emphasis or strong emphasis added or dropped.
    ChangedEmphasis = 34 {
        name: "changed-emphasis",
        severity: Warning,
        category: Content,
        explanation: "Emphasis added or dropped.",
        anchor: "changed-emphasis",
    },
    /// An image in a message; only its description is shown.
    Image = 10 {
        name: "image",
        severity: Warning,
        category: Content,
        explanation: "An image in a message: only its description is shown.",
        anchor: "image",
    },
    /// A bidi embedding, override or isolate character (Trojan Source).
    BidiControl = 28 {
        name: "bidi-control",
        severity: Error,
        category: Content,
        explanation: "A bidi embedding, override or isolate character, which can reorder how text reads.",
        anchor: "bidi-control",
    },
    /// An invisible control or format character.
    InvisibleCharacter = 29 {
        name: "invisible-character",
        severity: Error,
        category: Content,
        explanation: "An invisible control or format character, U+FFFD or a noncharacter, escapes resolved.",
        anchor: "invisible-character",
    },
    /// A left-to-right, right-to-left or Arabic letter mark.
    DirectionalMark = 30 {
        name: "directional-mark",
        severity: Warning,
        category: Content,
        explanation: "A left-to-right, right-to-left or Arabic letter mark.",
        anchor: "directional-mark",
    },
    /// A figure of the source changed in value (2.5 to 25, 850 to 580),
    /// in a translation with as many figures as the source.
    ChangedNumber = 35 {
        name: "changed-number",
        severity: Error,
        category: Content,
        explanation: "A figure of the source changed in value, read in each locale's number conventions.",
        anchor: "changed-number",
    },
    /// A number of the source that the translation does not have (perhaps
    /// written in words).
    MissingNumber = 36 {
        name: "missing-number",
        severity: Warning,
        category: Content,
        explanation: "A number of the source the translation does not have, perhaps written in words.",
        anchor: "missing-number",
    },
    /// A translation identical to the source text.
    IdenticalToSource = 37 {
        name: "identical-to-source",
        severity: Warning,
        category: Content,
        explanation: "A translation of three or more words identical to the source text.",
        anchor: "identical-to-source",
    },
    /// A figure the source does not have (a date, counter or ordinal the
    /// translation writes as a figure, or a changed figure in a message
    /// whose figures do not pair up).
    AddedNumber = 40 {
        name: "added-number",
        severity: Warning,
        category: Content,
        explanation: "A figure the source does not have: a date, counter or ordinal written as a figure, or a changed one.",
        anchor: "added-number",
    },
    /// Neither CLDR nor the locale's `common.ftl` can write the letter's date.
    MissingDateFormat = 11 {
        name: "missing-date-format",
        severity: Warning,
        category: Render,
        explanation: "Neither CLDR nor the locale's common.ftl can write the letter's date.",
        anchor: "missing-date-format",
    },
    /// A translation made from an older version of its source message.
    StaleTranslation = 12 {
        name: "stale-translation",
        severity: Warning,
        category: Stale,
        explanation: "The source text changed after the message was translated.",
        anchor: "stale-translation",
    },
    /// Less of a letter translated than the locale's `min-coverage`: an
    /// error even in an optional locale.
    LowCoverage = 38 {
        name: "low-coverage",
        severity: Error,
        category: Completeness,
        explanation: "Less of a letter translated than the locale's min-coverage.",
        anchor: "low-coverage",
    },
}

/// The page that documents every code.
pub const DOCS_PAGE: &str = "docs/errors.md";

impl Code {
    /// The code named `name`, as printed.
    pub fn from_name(name: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|c| c.as_str() == name)
    }

    /// Every code, grouped by category (in the order of [`Category::ALL`]),
    /// in the order of declaration within each: the order of the
    /// documentation.
    pub fn by_category() -> impl Iterator<Item = Code> {
        Category::ALL.into_iter().flat_map(|category| {
            Code::ALL
                .into_iter()
                .filter(move |c| c.category() == category)
        })
    }

    /// Whether a message with this finding is never published as written:
    /// the page shows it in its fallback locale instead. These are the
    /// findings that would put on the page something check refuses (markup,
    /// a link, a character a reader cannot see, text Fluent cannot format);
    /// heuristic findings (numbers, identical text, emphasis) never are.
    /// `changed-link` is unsafe only where the link goes to a host the
    /// source does not use (the finding says so).
    pub fn unsafe_to_publish(self) -> bool {
        self.default_severity() == Severity::Error
            && matches!(
                self,
                Code::SyntaxError
                    | Code::UnsafeLink
                    | Code::ChangedLink
                    | Code::RawHtml
                    | Code::BidiControl
                    | Code::InvisibleCharacter
                    | Code::FormatError
                    | Code::UnknownVariable
                    | Code::UndefinedReference
            )
    }

    /// Where the code is documented, relative to the repository:
    /// `docs/errors.md#<anchor>`.
    pub fn docs_link(self) -> String {
        format!("{DOCS_PAGE}#{}", self.anchor())
    }
}

/// The README's table of codes (Markdown), one row per code in the order of
/// the documentation, each linking to its section of `docs/errors.md`.
pub fn markdown_table() -> String {
    let mut table =
        String::from("| code | severity | category | meaning |\n| --- | --- | --- | --- |\n");
    for code in Code::by_category() {
        let _ = writeln!(
            table,
            "| [`{}`]({}) | {} | {} | {} |",
            code.as_str(),
            code.docs_link(),
            code.default_severity().as_str(),
            code.category().as_str(),
            code.explanation()
        );
    }
    table
}

/// The codes for `check --help`, by category.
pub fn help_text() -> String {
    let width = Code::ALL
        .iter()
        .map(|c| c.as_str().len())
        .max()
        .unwrap_or(0);
    let mut text =
        format!("Finding codes (severity in a required locale; {DOCS_PAGE} explains each):\n");
    for category in Category::ALL {
        let _ = writeln!(text, "  {}:", category.as_str());
        for code in Code::ALL.iter().filter(|c| c.category() == category) {
            let _ = writeln!(
                text,
                "    {:<width$}  {:<7}  {}",
                code.as_str(),
                code.default_severity().as_str(),
                code.explanation()
            );
        }
    }
    text
}

#[cfg(test)]
mod tests;
