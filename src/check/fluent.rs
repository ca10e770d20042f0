//! Checks of Fluent entries (messages and terms): each on its own (empty
//! values, duplicate attributes and variant keys, unknown functions, undefined
//! and cyclic references, plural categories) and each against the source
//! locale's entry of the same id (attributes, variables, references).
//!
//! The AST has no spans, but every name in it is a slice of the file's text,
//! so [`FtlFile::location_of`] places each finding exactly.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use crate::plurals::{CATEGORIES, PluralCategories};
use fluent_syntax::ast;

use super::report::{Finding, finding};
use crate::code::Code;
use crate::ftl::FtlFile;
use crate::ids::COMMON_RESOURCE;
use crate::lang::Lang;
use crate::project::LocaleFiles;

type Pattern<'s> = ast::Pattern<&'s str>;
type Expression<'s> = ast::Expression<&'s str>;
type InlineExpression<'s> = ast::InlineExpression<&'s str>;
type Variant<'s> = ast::Variant<&'s str>;

/// A message or a term of one file.
pub(super) struct Entry<'s> {
    /// `id` for a message, `-id` for a term: the name references use.
    pub key: Cow<'s, str>,
    /// The id as it appears in the file, for locations.
    pub id: &'s str,
    /// Whether it is a term.
    pub is_term: bool,
    /// The value, if any (a term always has one).
    pub value: Option<&'s Pattern<'s>>,
    /// The attributes, in file order.
    pub attributes: &'s [ast::Attribute<&'s str>],
}

impl<'s> Entry<'s> {
    /// Whether it has no attribute and its value, if any, is text alone (no
    /// placeable).
    fn is_text_alone(&self) -> bool {
        self.attributes.is_empty()
            && self.value.is_none_or(|value| {
                value
                    .elements
                    .iter()
                    .all(|element| matches!(element, ast::PatternElement::TextElement { .. }))
            })
    }

    /// The value and each attribute, named as references name them.
    pub fn patterns(&self) -> Vec<(String, &'s str, &'s Pattern<'s>)> {
        let mut patterns = Vec::with_capacity(1 + self.attributes.len());
        if let Some(value) = self.value {
            patterns.push((self.key.to_string(), self.id, value));
        }
        for attribute in self.attributes {
            patterns.push((
                format!("{}.{}", self.key, attribute.id.name),
                attribute.id.name,
                &attribute.value,
            ));
        }
        patterns
    }
}

/// The messages and terms of a file, in file order.
pub(super) fn entries(file: &FtlFile) -> Vec<Entry<'_>> {
    file.resource
        .entries()
        .filter_map(|entry| match entry {
            ast::Entry::Message(m) => Some(Entry {
                key: Cow::Borrowed(m.id.name),
                id: m.id.name,
                is_term: false,
                value: m.value.as_ref(),
                attributes: &m.attributes,
            }),
            ast::Entry::Term(t) => Some(Entry {
                key: Cow::Owned(format!("-{}", t.id.name)),
                id: t.id.name,
                is_term: true,
                value: Some(&t.value),
                attributes: &t.attributes,
            }),
            _ => None,
        })
        .collect()
}

/// What a pattern refers to, each with the slice that locates it.
#[derive(Default)]
struct References<'s> {
    /// Every use of a variable, selectors included.
    variables: Vec<&'s str>,
    /// The variables used outside any selector: those whose value is shown
    /// (or passed to a function that shows it).
    shown: Vec<&'s str>,
    /// How many selectors the walk is inside.
    in_selector: usize,
    /// `id`, `id.attr`, `-id` or `-id.attr`, with the id's slice.
    entries: Vec<(String, &'s str)>,
    /// Each function call: the function's name and its arguments.
    functions: Vec<(&'s str, &'s ast::CallArguments<&'s str>)>,
    selects: Vec<(&'s InlineExpression<'s>, &'s [Variant<'s>])>,
}

impl<'s> References<'s> {
    fn of(pattern: &'s Pattern<'s>) -> Self {
        let mut references = References::default();
        references.pattern(pattern);
        references
    }

    fn pattern(&mut self, pattern: &'s Pattern<'s>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                self.expression(expression);
            }
        }
    }

    fn expression(&mut self, expression: &'s Expression<'s>) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                self.selects.push((selector, variants));
                self.in_selector += 1;
                self.inline(selector);
                self.in_selector -= 1;
                for variant in variants {
                    self.pattern(&variant.value);
                }
            }
            ast::Expression::Inline(inline) => self.inline(inline),
        }
    }

    fn inline(&mut self, inline: &'s InlineExpression<'s>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                self.variables.push(id.name);
                if self.in_selector == 0 {
                    self.shown.push(id.name);
                }
            }
            ast::InlineExpression::MessageReference { id, attribute } => {
                self.entries
                    .push((reference_key("", id.name, attribute), id.name));
            }
            ast::InlineExpression::TermReference {
                id,
                attribute,
                arguments,
            } => {
                self.entries
                    .push((reference_key("-", id.name, attribute), id.name));
                if let Some(arguments) = arguments {
                    self.arguments(arguments);
                }
            }
            ast::InlineExpression::FunctionReference { id, arguments } => {
                self.functions.push((id.name, arguments));
                self.arguments(arguments);
            }
            ast::InlineExpression::Placeable { expression } => self.expression(expression),
            ast::InlineExpression::StringLiteral { .. }
            | ast::InlineExpression::NumberLiteral { .. } => {}
        }
    }

    fn arguments(&mut self, arguments: &'s ast::CallArguments<&'s str>) {
        for positional in &arguments.positional {
            self.inline(positional);
        }
        for named in &arguments.named {
            self.inline(&named.value);
        }
    }
}

fn reference_key(prefix: &str, id: &str, attribute: &Option<ast::Identifier<&str>>) -> String {
    match attribute {
        Some(attribute) => format!("{prefix}{id}.{}", attribute.name),
        None => format!("{prefix}{id}"),
    }
}

/// The variables a pattern uses, each once, in order of first use.
pub(super) fn variables<'s>(pattern: &'s Pattern<'s>) -> Vec<&'s str> {
    let mut variables = References::of(pattern).variables;
    let mut seen = BTreeSet::new();
    variables.retain(|v| seen.insert(*v));
    variables
}

/// The functions a locale's files call: in a Fluent tree, those the source
/// calls are the application's own, and so available to translations.
pub(super) fn functions_called(files: &LocaleFiles) -> BTreeSet<String> {
    let mut functions = BTreeSet::new();
    for_each_pattern(files, |_, pattern| {
        let called = References::of(pattern).functions;
        functions.extend(called.iter().map(|(f, _)| (*f).to_owned()));
    });
    functions
}

/// Calls `visit` with the name and pattern of every value and attribute of
/// every entry in the locale's files.
fn for_each_pattern(files: &LocaleFiles, mut visit: impl FnMut(String, &Pattern<'_>)) {
    for file in files.files.values() {
        for entry in entries(file) {
            for (name, _, pattern) in entry.patterns() {
                visit(name, pattern);
            }
        }
    }
}

/// Every name the locale's files define: `id`, `id.attr`, `-id`, `-id.attr`.
pub(super) fn defined_names(files: &LocaleFiles) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for_each_pattern(files, |name, _| {
        names.insert(name);
    });
    names
}

/// Checks of each entry on its own: empty values, duplicate attributes and
/// variant keys, unknown functions, references to nothing the locale defines,
/// and plural variants against the locale's plural rules (`plurals`), where
/// the entry's own select or the `source` file's is on plural categories.
pub(super) fn check_entries(
    file: &FtlFile,
    source: &FtlFile,
    lang: &Lang,
    defined: &BTreeSet<String>,
    functions: &[&str],
    plurals: &PluralCategories,
    found: &mut Vec<Finding>,
) {
    // Worked out only for a file with a select; most have none.
    let mut plural_in_source: Option<BTreeSet<String>> = None;
    for entry in entries(file) {
        let id = (!entry.is_term).then_some(entry.id);
        let mut attributes = BTreeSet::new();
        for attribute in entry.attributes {
            if !attributes.insert(attribute.id.name) {
                found.push(finding(
                    Code::DuplicateAttribute,
                    lang,
                    id,
                    file.location_of(attribute.id.name),
                    format!(
                        "`{}` has the attribute `.{}` twice; only one is used: remove the other",
                        entry.key, attribute.id.name
                    ),
                ));
            }
        }
        for (name, slice, pattern) in entry.patterns() {
            if let Some(shown) = blank(pattern) {
                found.push(finding(
                    Code::EmptyValue,
                    lang,
                    id,
                    file.location_of(slice),
                    format!("`{name}` {shown}: translate it, or remove it to show the source text"),
                ));
            }
            let references = References::of(pattern);
            for (function, _) in &references.functions {
                if !functions.contains(function) {
                    found.push(finding(
                        Code::UnknownFunction,
                        lang,
                        id,
                        file.location_of(function),
                        format!(
                            "`{name}` calls the function {function}(), which is not available (only {}); the message cannot be shown",
                            functions.join(", ")
                        ),
                    ));
                }
            }
            for (reference, slice) in &references.entries {
                if !defined.contains(reference) {
                    found.push(finding(
                        Code::UndefinedReference,
                        lang,
                        id,
                        file.location_of(slice),
                        format!(
                            "`{name}` refers to `{reference}`, which this locale does not define; the message cannot be shown"
                        ),
                    ));
                }
            }
            for (selector, variants) in &references.selects {
                let plural = plural_in_source
                    .get_or_insert_with(|| plural_patterns(source))
                    .contains(&name);
                check_variants(
                    file, lang, id, &name, selector, variants, plurals, plural, found,
                );
            }
        }
    }
}

/// Calls to `NUMBER()` that cannot show the number asked for: a first
/// argument that is text or missing (Fluent writes `NUMBER()` in the
/// message), and, in a letter (`bounded`), a digit option outside the range
/// letterkit writes ([`crate::functions::DIGIT_OPTIONS`]). An application's
/// Fluent runtime takes what `Intl.NumberFormat` does, so a tree's options
/// are left to it.
pub(super) fn check_number_calls(
    file: &FtlFile,
    lang: &Lang,
    bounded: bool,
    found: &mut Vec<Finding>,
) {
    if !file.source().contains("NUMBER") {
        return;
    }
    for entry in entries(file) {
        let id = (!entry.is_term).then_some(entry.id);
        for (name, _, pattern) in entry.patterns() {
            for (function, arguments) in References::of(pattern).functions {
                if function != "NUMBER" {
                    continue;
                }
                let mut problems = Vec::new();
                match arguments.positional.first() {
                    None => problems.push("no number to write".to_owned()),
                    Some(ast::InlineExpression::StringLiteral { value }) => {
                        problems.push(format!("the text \"{value}\" where it takes a number"))
                    }
                    Some(_) => {}
                }
                for option in arguments.named.iter().filter(|_| bounded) {
                    let ast::InlineExpression::NumberLiteral { value } = option.value else {
                        continue;
                    };
                    if let Some(range) = crate::functions::out_of_range(option.name.name, value) {
                        problems.push(format!(
                            "{}: {value} (letterkit takes {} to {})",
                            option.name.name,
                            range.start(),
                            range.end()
                        ));
                    }
                }
                for problem in problems {
                    found.push(finding(
                        Code::FormatError,
                        lang,
                        id,
                        file.location_of(function),
                        format!("`{name}` calls NUMBER() with {problem}: fix the call"),
                    ));
                }
            }
        }
    }
}

/// The names (`id`, `id.attr`, `-id`) of a file's values and attributes that
/// select on plural categories.
fn plural_patterns(file: &FtlFile) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for entry in entries(file) {
        for (name, _, pattern) in entry.patterns() {
            let selects = References::of(pattern).selects;
            if selects
                .iter()
                .any(|(selector, variants)| plural_keys(selector, variants) == Some(true))
            {
                names.insert(name);
            }
        }
    }
    names
}

/// Checks a select's variants: keys repeated, variants empty, and where it
/// is a plural select (its own keys name a category other than `other`, or
/// `plural_in_source` says the source's do), plural categories the locale
/// needs and never reaches.
#[allow(clippy::too_many_arguments)]
fn check_variants(
    file: &FtlFile,
    lang: &Lang,
    id: Option<&str>,
    name: &str,
    selector: &InlineExpression<'_>,
    variants: &[Variant<'_>],
    plurals: &PluralCategories,
    plural_in_source: bool,
    found: &mut Vec<Finding>,
) {
    let mut keys = BTreeSet::new();
    for variant in variants {
        let key = variant_key(variant);
        if !keys.insert(key) {
            found.push(finding(
                Code::DuplicateVariant,
                lang,
                id,
                file.location_of(key),
                format!("`{name}` has the variant [{key}] twice; only the first is used: remove the other"),
            ));
        }
        if let Some(shown) = blank(&variant.value) {
            found.push(finding(
                Code::EmptyValue,
                lang,
                id,
                file.location_of(key),
                format!("the variant [{key}] of `{name}` {shown}: translate it"),
            ));
        }
    }
    let Some(own_categories) = plural_keys(selector, variants) else {
        return;
    };
    let named: Vec<&str> = variants
        .iter()
        .filter_map(|v| match &v.key {
            ast::VariantKey::Identifier { name } => Some(*name),
            ast::VariantKey::NumberLiteral { .. } => None,
        })
        .collect();
    // `[1] Remove *[other] Remove all` chooses by number, not by category.
    let needs_categories = own_categories || plural_in_source;
    let missing: Vec<&str> = plurals
        .integer_categories
        .iter()
        .copied()
        .filter(|category| !named.contains(category))
        .collect();
    if needs_categories && !missing.is_empty() {
        let at = variants.first().map_or("", variant_key);
        found.push(finding(
            Code::MissingPluralCategory,
            lang,
            id,
            file.location_of(at),
            format!(
                "`{name}` has no variant for the plural categor{} {} that {} numbers need{}: add {}",
                if missing.len() == 1 { "y" } else { "ies" },
                missing.join(", "),
                lang,
                plurals.rules_note(lang),
                missing
                    .iter()
                    .map(|c| format!("[{c}]"))
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
        ));
    }
    for key in named {
        if !plurals.categories.contains(&key) {
            found.push(finding(
                Code::UnreachableVariant,
                lang,
                id,
                file.location_of(key),
                format!(
                    "the variant [{key}] of `{name}` is never chosen: numbers in {lang} fall only in {}{}",
                    plurals.categories.join(", "),
                    plurals.rules_note(lang)
                ),
            ));
        }
    }
}

fn variant_key<'s>(variant: &Variant<'s>) -> &'s str {
    match &variant.key {
        ast::VariantKey::Identifier { name } => name,
        ast::VariantKey::NumberLiteral { value } => value,
    }
}

/// For a select on a variable or NUMBER() whose keys are all plural
/// categories or numbers, whether a key is a category other than `other`;
/// `None` for any other select (`[masculine]`, `[macos]`).
fn plural_keys(selector: &InlineExpression<'_>, variants: &[Variant<'_>]) -> Option<bool> {
    let numeric_selector = match selector {
        ast::InlineExpression::VariableReference { .. } => true,
        ast::InlineExpression::FunctionReference { id, .. } => id.name == "NUMBER",
        _ => false,
    };
    if !numeric_selector {
        return None;
    }
    let mut any_category = false;
    let mut a_category = false;
    for variant in variants {
        match &variant.key {
            ast::VariantKey::Identifier { name } if CATEGORIES.contains(name) => {
                any_category = true;
                a_category |= *name != "other";
            }
            ast::VariantKey::Identifier { .. } => return None,
            ast::VariantKey::NumberLiteral { .. } => {}
        }
    }
    any_category.then_some(a_category)
}

/// Whether a pattern shows nothing by mistake: text that is only white
/// space (a no-break space, say), and no placeable. `{ "" }` is how Fluent
/// writes an empty value on purpose, so it is not empty here.
/// What a pattern that shows no visible character holds, said for a
/// translator (`None` for any other pattern, and for `{ "" }`, empty on
/// purpose).
fn blank(pattern: &Pattern<'_>) -> Option<String> {
    if !crate::text::is_blank(pattern) {
        return None;
    }
    let (text, _) = crate::text::literal_text(pattern)?;
    Some(if text.trim().is_empty() && !text.is_empty() {
        "is only white space, which shows nothing".to_owned()
    } else if text.is_empty() {
        "is empty".to_owned()
    } else {
        let codes: Vec<String> = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| format!("U+{:04X}", c as u32))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        format!(
            "has no visible character, only {}, and counts as untranslated",
            codes.join(", ")
        )
    })
}

/// Checks of a locale's entries against the source locale's: terms missing or
/// obsolete, attributes missing or obsolete, variables added or dropped,
/// references changed. (Messages missing or obsolete are checked elsewhere.)
pub(super) fn compare_entries(
    source: &FtlFile,
    file: &FtlFile,
    lang: &Lang,
    given: &[String],
    found: &mut Vec<Finding>,
) {
    let source_entries = entries(source);
    let target_entries = entries(file);
    let by_key: BTreeMap<&str, &Entry<'_>> =
        target_entries.iter().map(|e| (e.key.as_ref(), e)).collect();
    let source_keys: BTreeSet<&str> = if target_entries.iter().any(|e| e.is_term) {
        source_entries.iter().map(|e| e.key.as_ref()).collect()
    } else {
        BTreeSet::new()
    };

    for entry in target_entries.iter().filter(|e| e.is_term) {
        if !source_keys.contains(entry.key.as_ref()) {
            found.push(finding(
                Code::ObsoleteTerm,
                lang,
                None,
                file.location_of(entry.id),
                format!(
                    "the term `{}` is not in the source locale ({}); remove it, or rename it if its id changed",
                    entry.key,
                    source.path.display()
                ),
            ));
        }
    }
    for source_entry in &source_entries {
        let Some(entry) = by_key.get(source_entry.key.as_ref()) else {
            if source_entry.is_term {
                found.push(finding(
                    Code::MissingTerm,
                    lang,
                    Some(&source_entry.key),
                    file.location_of_scaffold(&source_entry.key)
                        .unwrap_or_else(|| crate::location::Location::file_start(&file.path)),
                    format!(
                        "the term `{}` is not translated; messages that use it cannot be shown (the source defines it at {})",
                        source_entry.key,
                        source.location_of(source_entry.id)
                    ),
                ));
            }
            continue;
        };
        compare_entry(source, source_entry, file, entry, lang, given, found);
    }
}

fn compare_entry(
    source: &FtlFile,
    source_entry: &Entry<'_>,
    file: &FtlFile,
    entry: &Entry<'_>,
    lang: &Lang,
    given: &[String],
    found: &mut Vec<Finding>,
) {
    if source_entry.is_text_alone() && entry.is_text_alone() {
        // No attribute, variable or reference on either side: nothing differs.
        return;
    }
    let id = (!entry.is_term).then_some(entry.id);
    // A term's attributes and variables are the locale's own (Fluent says
    // so of attributes: `.gender` where the language has genders); its
    // value's references are still compared.
    if !entry.is_term {
        compare_attributes(source, source_entry, file, entry, lang, found);
        compare_variables(source_entry, file, entry, lang, given, found);
    }
    let source_patterns: BTreeMap<String, &Pattern<'_>> = source_entry
        .patterns()
        .into_iter()
        .map(|(name, _, pattern)| (name, pattern))
        .collect();
    for (name, slice, pattern) in entry.patterns() {
        let Some(source_pattern) = source_patterns.get(&name) else {
            continue;
        };
        let source_references = References::of(source_pattern);
        let references = References::of(pattern);
        let source_refs: BTreeSet<&str> = source_references
            .entries
            .iter()
            .map(|(r, _)| compared_reference(r))
            .collect();
        let refs: BTreeSet<&str> = references
            .entries
            .iter()
            .map(|(r, _)| compared_reference(r))
            .collect();
        if source_refs != refs {
            let lost: Vec<&str> = source_refs.difference(&refs).copied().collect();
            let added: Vec<&str> = refs.difference(&source_refs).copied().collect();
            let at = references
                .entries
                .iter()
                .find(|(r, _)| added.contains(&compared_reference(r)))
                .map_or(slice, |(_, s)| s);
            found.push(finding(
                Code::ChangedReference,
                lang,
                id,
                file.location_of(at),
                format!(
                    "`{name}` refers to other messages or terms than the source does ({}{}{})",
                    if lost.is_empty() {
                        String::new()
                    } else {
                        format!("missing: {}", lost.join(", "))
                    },
                    if lost.is_empty() || added.is_empty() {
                        ""
                    } else {
                        "; "
                    },
                    if added.is_empty() {
                        String::new()
                    } else {
                        format!("added: {}", added.join(", "))
                    }
                ),
            ));
        }
    }
}

/// A reference as compared with the source's: a term's attribute stands for
/// the term (`-brand.case-status` selects among forms of `-brand`; its
/// attributes are the locale's own), a message's attribute for itself.
fn compared_reference(reference: &str) -> &str {
    match reference.split_once('.') {
        Some((term, _)) if term.starts_with('-') => term,
        _ => reference,
    }
}

/// A message's attributes against its source's: missing and obsolete ones.
fn compare_attributes(
    source: &FtlFile,
    source_entry: &Entry<'_>,
    file: &FtlFile,
    entry: &Entry<'_>,
    lang: &Lang,
    found: &mut Vec<Finding>,
) {
    let id = Some(entry.id);
    let source_attributes: BTreeSet<&str> =
        source_entry.attributes.iter().map(|a| a.id.name).collect();
    let attributes: BTreeSet<&str> = entry.attributes.iter().map(|a| a.id.name).collect();
    for missing in source_attributes.difference(&attributes) {
        found.push(finding(
            Code::MissingAttribute,
            lang,
            id,
            file.location_of(entry.id),
            format!(
                "the message `{}` lacks the attribute `.{missing}` that the source has ({})",
                entry.key,
                source.location_of(missing)
            ),
        ));
    }
    for attribute in entry.attributes {
        if !source_attributes.contains(attribute.id.name) {
            found.push(finding(
                Code::ObsoleteAttribute,
                lang,
                id,
                file.location_of(attribute.id.name),
                format!(
                    "the attribute `.{}` of `{}` is not in the source; it is never shown: remove it",
                    attribute.id.name, entry.key
                ),
            ));
        }
    }
}

/// Variables of a message against its source's, over the value and every
/// attribute together, since they are the message's arguments whichever
/// part uses them: a variable the source never uses is unknown; one whose
/// value the source shows (outside a selector) and the translation never
/// uses, anywhere, is missing. A variant without a variable is the
/// translation's choice, as the source's own variants often are. (A term's
/// variables are its parameters, the locale's own: not compared.) The
/// variables `given` to every message of the file (a letter's data) are
/// known to a translation whether or not its source uses them.
fn compare_variables(
    source_entry: &Entry<'_>,
    file: &FtlFile,
    entry: &Entry<'_>,
    lang: &Lang,
    given: &[String],
    found: &mut Vec<Finding>,
) {
    let id = Some(entry.id);
    let mut wanted = BTreeSet::new();
    let mut shown = BTreeSet::new();
    for (_, _, pattern) in source_entry.patterns() {
        let references = References::of(pattern);
        wanted.extend(references.variables);
        shown.extend(references.shown);
    }
    let mut used = BTreeSet::new();
    for (name, _, pattern) in entry.patterns() {
        for variable in References::of(pattern).variables {
            if !used.insert(variable)
                || wanted.contains(variable)
                || given.iter().any(|g| g == variable)
            {
                continue;
            }
            found.push(finding(
                Code::UnknownVariable,
                lang,
                id,
                file.location_of(variable),
                format!(
                    "`{name}` uses the variable ${variable}, which the source does not have ({}); the page would show it unfilled: use {}",
                    if wanted.is_empty() { "it has none".to_owned() } else { format!("it has {}", dollar_list(&wanted)) },
                    if wanted.is_empty() { "none".to_owned() } else { dollar_list(&wanted) }
                ),
            ));
        }
    }
    for variable in shown.difference(&used) {
        found.push(finding(
            Code::MissingVariable,
            lang,
            id,
            file.location_of(entry.id),
            format!(
                "`{}` does not use the variable ${variable} that the source shows: the page would leave out its value",
                entry.key
            ),
        ));
    }
}

fn dollar_list(variables: &BTreeSet<&str>) -> String {
    variables
        .iter()
        .map(|v| format!("${v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Which of a locale's files are shown together, so an id defined in two of
/// them clashes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Bundles {
    /// A plain Fluent tree: an application loads its files in sets that the
    /// tree does not say (a page, a dialog), and two files never shown
    /// together may use the same id, so only a file's own repeats clash
    /// (reported with the file).
    Unknown,
    /// A letterkit page: `common.ftl` and one letter's file, so two letters
    /// may use the same ids (`subject`, `closing`).
    CommonAndLetter,
}

/// The same id defined in two of a locale's files that are shown together,
/// and references that go round in a circle (ids looked up across every file,
/// first definition first).
pub(super) fn check_locale(files: &LocaleFiles, bundles: Bundles, found: &mut Vec<Finding>) {
    let lang = files.lang();
    let mut first: BTreeMap<Cow<'_, str>, &FtlFile> = BTreeMap::new();
    let mut graph: Graph<'_, &FtlFile> = BTreeMap::new();
    let common = files.file(COMMON_RESOURCE);
    // common.ftl first: a letter's id that clashes with it is the one reported.
    let ordered: Vec<&FtlFile> = match bundles {
        Bundles::Unknown => files.files.values().map(|file| &**file).collect(),
        Bundles::CommonAndLetter => common
            .into_iter()
            .chain(
                files
                    .files
                    .iter()
                    .filter(|(name, _)| *name != COMMON_RESOURCE)
                    .map(|(_, file)| &**file),
            )
            .collect(),
    };
    for file in ordered {
        let mut in_file = BTreeSet::new();
        for entry in entries(file) {
            if !in_file.insert(entry.key.clone()) {
                continue; // duplicates within a file are reported with the file
            }
            if let Some(earlier) = first.get(entry.key.as_ref()) {
                let shown_together = bundles == Bundles::CommonAndLetter
                    && common.is_some_and(|common| std::ptr::eq(*earlier, common));
                // A letter's own page title stands in for the shared pattern.
                if !shown_together || entry.key == crate::ids::PAGE_TITLE_MESSAGE {
                    continue;
                }
                found.push(finding(
                    Code::DuplicateMessage,
                    lang,
                    (!entry.is_term).then_some(entry.id),
                    file.location_of(entry.id),
                    format!(
                        "`{}` is also defined in {}; pages use whichever comes first: keep one",
                        entry.key,
                        earlier.location_of(
                            entries(earlier)
                                .iter()
                                .find(|e| e.key == entry.key)
                                .map_or("", |e| e.id)
                        )
                    ),
                ));
                continue;
            }
            first.insert(entry.key.clone(), file);
            for (name, slice, pattern) in entry.patterns() {
                graph.insert(name, (file, slice, References::of(pattern).entries));
            }
        }
    }
    for cycle in cycles(&graph) {
        let (file, slice, _) = &graph[&cycle[0]];
        let entry_id = cycle[0].split('.').next().unwrap_or("");
        found.push(finding(
            Code::CyclicReference,
            lang,
            (!entry_id.starts_with('-')).then_some(entry_id),
            file.location_of(slice),
            format!(
                "`{}` refers to itself through {}; none of them can be shown: break the circle",
                cycle[0],
                cycle
                    .iter()
                    .chain(std::iter::once(&cycle[0]))
                    .map(|n| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(" → ")
            ),
        ));
    }
}

/// The reference graph: each value or attribute by name, with what locates it
/// (its file, the slice of its name) and the names it refers to.
type Graph<'s, T> = BTreeMap<String, (T, &'s str, Vec<(String, &'s str)>)>;

/// Every cycle of the reference graph, once each, starting at its smallest name.
fn cycles<T>(graph: &Graph<'_, T>) -> Vec<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let mut marks: BTreeMap<&str, Mark> = graph.keys().map(|k| (k.as_str(), Mark::New)).collect();
    let mut found: BTreeSet<Vec<String>> = BTreeSet::new();
    for start in graph.keys() {
        if marks[start.as_str()] != Mark::New {
            continue;
        }
        // Iterative depth-first search: (node, index of the next edge).
        let mut stack: Vec<(&str, usize)> = vec![(start.as_str(), 0)];
        marks.insert(start.as_str(), Mark::Open);
        while let Some((node, next)) = stack.last_mut() {
            let edges = &graph[*node].2;
            if let Some((target, _)) = edges.get(*next) {
                *next += 1;
                match marks.get(target.as_str()) {
                    Some(Mark::New) => {
                        marks.insert(target.as_str(), Mark::Open);
                        stack.push((target.as_str(), 0));
                    }
                    Some(Mark::Open) => {
                        let from = stack
                            .iter()
                            .position(|(n, _)| *n == target)
                            .expect("an open node is on the stack");
                        let mut cycle: Vec<String> =
                            stack[from..].iter().map(|(n, _)| (*n).to_owned()).collect();
                        let smallest = cycle
                            .iter()
                            .enumerate()
                            .min_by(|a, b| a.1.cmp(b.1))
                            .map_or(0, |(i, _)| i);
                        cycle.rotate_left(smallest);
                        found.insert(cycle);
                    }
                    _ => {}
                }
            } else {
                marks.insert(node, Mark::Done);
                stack.pop();
            }
        }
    }
    found.into_iter().collect()
}

#[cfg(test)]
mod tests;
