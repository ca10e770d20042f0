//! Generated projects of any size, for benchmarks and tests: `letters` letters
//! in `locales` locales, deterministic for a seed. Each letter has about 11 KB of
//! Fluent per locale: paragraphs with inline Markdown (emphasis, a link, note
//! references), a plural select on a variable in the page chrome, and in every
//! locale but the source about 5% of messages missing and 2% obsolete. The
//! locales are real BCP 47 tags, right-to-left (Arabic, Hebrew, Persian) and CJK
//! (Japanese, Simplified Chinese) among the first ten.
//!
//! The text is made of pseudo-words in each locale's script: the shape of real
//! prose (word and sentence lengths, bytes per character, line-break rules),
//! not its meaning.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Every locale a generated project can have, in the order they are taken:
/// tag, name in itself, script.
pub const LOCALES: [(&str, &str, Script); 60] = [
    ("en", "English", Script::English),
    ("es", "Español", Script::Latin),
    ("ar", "العربية", Script::Arabic),
    ("ja", "日本語", Script::Japanese),
    ("fr", "Français", Script::Latin),
    ("he", "עברית", Script::Hebrew),
    ("zh-Hans", "简体中文", Script::Han),
    ("de", "Deutsch", Script::Latin),
    ("fa", "فارسی", Script::Arabic),
    ("pt-BR", "Português (Brasil)", Script::Latin),
    ("ru", "Русский", Script::Cyrillic),
    ("hi", "हिन्दी", Script::Devanagari),
    ("ko", "한국어", Script::Hangul),
    ("it", "Italiano", Script::Latin),
    ("tr", "Türkçe", Script::Latin),
    ("pl", "Polski", Script::Latin),
    ("uk", "Українська", Script::Cyrillic),
    ("nl", "Nederlands", Script::Latin),
    ("vi", "Tiếng Việt", Script::Latin),
    ("id", "Bahasa Indonesia", Script::Latin),
    ("sw", "Kiswahili", Script::Latin),
    ("el", "Ελληνικά", Script::Greek),
    ("cs", "Čeština", Script::Latin),
    ("ro", "Română", Script::Latin),
    ("hu", "Magyar", Script::Latin),
    ("sv", "Svenska", Script::Latin),
    ("th", "ไทย", Script::Thai),
    ("bn", "বাংলা", Script::Bengali),
    ("ur", "اردو", Script::Arabic),
    ("ht", "Kreyòl ayisyen", Script::Latin),
    ("zh-Hant", "繁體中文", Script::Han),
    ("pt-PT", "Português (Portugal)", Script::Latin),
    ("da", "Dansk", Script::Latin),
    ("nb", "Norsk bokmål", Script::Latin),
    ("fi", "Suomi", Script::Latin),
    ("sk", "Slovenčina", Script::Latin),
    ("bg", "Български", Script::Cyrillic),
    ("sr", "Српски", Script::Cyrillic),
    ("hr", "Hrvatski", Script::Latin),
    ("sl", "Slovenščina", Script::Latin),
    ("lt", "Lietuvių", Script::Latin),
    ("lv", "Latviešu", Script::Latin),
    ("et", "Eesti", Script::Latin),
    ("ca", "Català", Script::Latin),
    ("eu", "Euskara", Script::Latin),
    ("gl", "Galego", Script::Latin),
    ("is", "Íslenska", Script::Latin),
    ("fil", "Filipino", Script::Latin),
    ("ta", "தமிழ்", Script::Tamil),
    ("mr", "मराठी", Script::Devanagari),
    ("ne", "नेपाली", Script::Devanagari),
    ("am", "አማርኛ", Script::Ethiopic),
    ("ka", "ქართული", Script::Georgian),
    ("hy", "Հայերեն", Script::Armenian),
    ("yo", "Yorùbá", Script::Latin),
    ("mt", "Malti", Script::Latin),
    ("zu", "isiZulu", Script::Latin),
    ("af", "Afrikaans", Script::Latin),
    ("ga", "Gaeilge", Script::Latin),
    ("cy", "Cymraeg", Script::Latin),
];

/// The writing system a locale's pseudo-words are made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Real English words: the source locale.
    English,
    /// Latin letters, some accented.
    Latin,
    /// Cyrillic.
    Cyrillic,
    /// Greek.
    Greek,
    /// Arabic letters (right to left).
    Arabic,
    /// Hebrew letters (right to left).
    Hebrew,
    /// Devanagari.
    Devanagari,
    /// Bengali.
    Bengali,
    /// Tamil.
    Tamil,
    /// Thai: no spaces between words.
    Thai,
    /// Hangul syllables.
    Hangul,
    /// Han characters: no spaces between words.
    Han,
    /// Kana and Han: no spaces between words.
    Japanese,
    /// Ethiopic syllables.
    Ethiopic,
    /// Georgian.
    Georgian,
    /// Armenian.
    Armenian,
}

impl Script {
    /// Ranges of code points words are drawn from.
    fn ranges(self) -> &'static [(u32, u32)] {
        match self {
            Script::English | Script::Latin => &[(0x61, 26)],
            Script::Cyrillic => &[(0x430, 32)],
            Script::Greek => &[(0x3B1, 25)],
            Script::Arabic => &[(0x628, 19), (0x641, 10)],
            Script::Hebrew => &[(0x5D0, 27)],
            Script::Devanagari => &[(0x915, 37)],
            Script::Bengali => &[(0x995, 20)],
            Script::Tamil => &[(0xB95, 20)],
            Script::Thai => &[(0xE01, 46)],
            Script::Hangul => &[(0xAC00, 2000)],
            Script::Han => &[(0x4E00, 3000)],
            Script::Japanese => &[(0x3042, 80), (0x4E00, 1000)],
            Script::Ethiopic => &[(0x1200, 300)],
            Script::Georgian => &[(0x10D0, 33)],
            Script::Armenian => &[(0x561, 38)],
        }
    }

    /// Whether words are separated by spaces.
    fn spaced(self) -> bool {
        !matches!(self, Script::Han | Script::Japanese | Script::Thai)
    }

    /// The end of a sentence.
    fn full_stop(self) -> &'static str {
        match self {
            Script::Han | Script::Japanese => "。",
            Script::Devanagari | Script::Bengali => "।",
            _ => ".",
        }
    }
}

/// The most locales a generated project can have.
pub const MAX_LOCALES: usize = LOCALES.len();

/// The size and seed of a generated project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    /// How many letters.
    pub letters: usize,
    /// How many locales, the source locale (English) included; at most [`MAX_LOCALES`].
    pub locales: usize,
    /// The seed: the same spec always gives the same bytes.
    pub seed: u64,
}

/// A message a generated locale lacks or has in excess, as check should report it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Planted {
    /// The locale's tag.
    pub locale: String,
    /// The letter whose file it is in.
    pub letter: String,
    /// The message id.
    pub id: String,
}

/// What a generated project holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Corpus {
    /// The letters' names, sorted.
    pub letters: Vec<String>,
    /// The locales' tags, in configuration order.
    pub locales: Vec<String>,
    /// Source messages left out of a translation: `missing-message`.
    pub missing: Vec<Planted>,
    /// Messages the source does not have: `obsolete-message`.
    pub obsolete: Vec<Planted>,
    /// Bytes of Fluent written.
    pub ftl_bytes: usize,
}

/// Why a project could not be generated.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// More locales than [`LOCALES`] has, or none.
    #[error("a generated project has 1 to {MAX_LOCALES} locales, not {0}")]
    Locales(usize),
    /// Writing failed.
    #[error("cannot write {}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
}

/// The paragraphs of a letter's body.
const PARAGRAPHS: usize = 24;
/// The items of the list in a letter's body.
const ITEMS: usize = 3;
/// The sources a letter cites.
const SOURCES: usize = 3;
/// The bytes of a paragraph, about; a letter's file is then about 11 KB.
const PARAGRAPH_BYTES: usize = 330;
/// The first locales, required by `letterkit.toml`; the rest are optional.
const REQUIRED: usize = 5;

/// Writes a project of `spec`'s size into `dir` (created if needed; files of the
/// same names are replaced) and says what it holds.
pub fn generate(dir: &Path, spec: Spec) -> Result<Corpus, CorpusError> {
    if spec.locales == 0 || spec.locales > MAX_LOCALES {
        return Err(CorpusError::Locales(spec.locales));
    }
    let locales = &LOCALES[..spec.locales];
    let mut corpus = Corpus {
        locales: locales
            .iter()
            .map(|(tag, _, _)| (*tag).to_owned())
            .collect(),
        ..Corpus::default()
    };
    write(dir, "letterkit.toml", &config(locales))?;
    for (index, (tag, name, script)) in locales.iter().enumerate() {
        let text = common(tag, name, *script, index == 0);
        corpus.ftl_bytes += text.len();
        write(dir, &format!("locales/{tag}/common.ftl"), &text)?;
    }
    for number in 0..spec.letters {
        let letter = format!("letter-{number:04}");
        let mut rng = Rng::new(spec.seed ^ (number as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        write(
            dir,
            &format!("content/{letter}/letter.toml"),
            &letter_toml(&letter, &mut rng),
        )?;
        for (index, (tag, _, script)) in locales.iter().enumerate() {
            let mut rng = Rng::new(rng.next() ^ index as u64);
            let text = letter_ftl(&letter, tag, *script, index == 0, &mut rng, &mut corpus);
            corpus.ftl_bytes += text.len();
            write(dir, &format!("locales/{tag}/{letter}.ftl"), &text)?;
        }
        corpus.letters.push(letter);
    }
    corpus.missing.sort();
    corpus.obsolete.sort();
    Ok(corpus)
}

fn write(dir: &Path, relative: &str, text: &str) -> Result<(), CorpusError> {
    let path = dir.join(relative);
    let io_error = |source| CorpusError::Io {
        path: path.clone(),
        source,
    };
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder).map_err(io_error)?;
    }
    fs::write(&path, text).map_err(io_error)
}

fn config(locales: &[(&str, &str, Script)]) -> String {
    let mut out = String::from(
        "# A generated project: pseudo-words in real scripts, for benchmarks and tests.\n\
         source-locale = \"en\"\n",
    );
    for (index, (tag, _, _)) in locales.iter().enumerate() {
        let required = index < REQUIRED;
        let status = if index == 0 { "reviewed" } else { "draft" };
        let _ = write!(
            out,
            "\n[[locales]]\ntag = \"{tag}\"\nrequired = {required}\nstatus = \"{status}\"\n"
        );
    }
    out
}

/// The page chrome: every message `localize` needs, `note-reference` with a
/// plural select on `$number`, one variant per plural category of the locale.
fn common(tag: &str, name: &str, script: Script, source: bool) -> String {
    let mut rng = Rng::new(name.len() as u64);
    let mut phrase = |words: usize| {
        if source {
            sentence(&mut rng, Script::English, words, false)
        } else {
            sentence(&mut rng, script, words, false)
        }
    };
    let mut out = String::from("### The page around every letter.\n\n");
    let _ = writeln!(
        out,
        "# This language's name, in itself.\nlanguage-name = {name}"
    );
    let _ = writeln!(out, "page-title = {}: {{ $subject }}", phrase(2));
    for id in [
        "skip-link",
        "language-switcher-label",
        "subject-label",
        "sources-heading",
        "draft-notice",
        "chooser-heading",
        "all-languages",
        "partial-translation",
    ] {
        let _ = writeln!(out, "{id} = {}", phrase(3));
    }
    let categories = crate::lang::Lang::parse(tag)
        .map(|lang| crate::plurals::PluralCategories::of(&lang).categories)
        .unwrap_or_else(|_| vec!["other"]);
    let _ = writeln!(
        out,
        "# $number is the note's number.\nnote-reference = {{ $number ->"
    );
    for category in categories {
        let default = if category == "other" { "*" } else { " " };
        let _ = writeln!(out, "   {default}[{category}] {} {{ $number }}", phrase(1));
    }
    out.push_str("}\n");
    let _ = writeln!(out, "back-to-reference = {} {{ $number }}", phrase(3));
    let _ = writeln!(out, "cited-title = {}: “{{ $title }}”", phrase(1));
    let _ = writeln!(
        out,
        "cited-document-language = {{ $code ->\n    [en] ({})\n   *[other] ({}: {{ $language }})\n}}",
        phrase(2),
        phrase(1)
    );
    let _ = writeln!(out, "cited-title-separator = {{ \". \" }}");
    let _ = writeln!(out, "fallback-notice = {}: {{ $language }}.", phrase(8));
    for id in crate::ids::ADDED_PAGE_MESSAGES.iter().filter(|id| {
        ![
            crate::ids::DOCUMENT_LANGUAGE_MESSAGE,
            crate::ids::TITLE_SEPARATOR_MESSAGE,
        ]
        .contains(id)
    }) {
        let _ = writeln!(out, "{id} = {}", phrase(3));
    }
    out
}

fn letter_toml(letter: &str, rng: &mut Rng) -> String {
    let mut out = format!(
        "# {letter}: a generated letter.\n\ndate = 20{:02}-{:02}-{:02}\nsubject = \"subject\"\nsalutation = \"salutation\"\nclosing = \"closing\"\n\n[recipient]\nname = \"recipient-name\"\naddress = [\"{} Example Street\", \"Example City {}\"]\n",
        10 + rng.below(15),
        1 + rng.below(12),
        1 + rng.below(28),
        1 + rng.below(999),
        10_000 + rng.below(89_999),
    );
    for p in 1..=PARAGRAPHS {
        let _ = write!(out, "\n[[body]]\nparagraph = \"p-{p:02}\"\n");
        if p == PARAGRAPHS / 2 {
            let items: Vec<String> = (1..=ITEMS).map(|i| format!("\"item-{i}\"")).collect();
            let _ = write!(out, "\n[[body]]\nlist = [{}]\n", items.join(", "));
        }
    }
    for s in 1..=2 {
        let _ = write!(
            out,
            "\n[[signatories]]\nname = \"Signatory {s} of {letter}\"\ntitle = \"signatory-{s}-title\"\norganisation = \"signatory-{s}-organisation\"\n"
        );
    }
    for s in 1..=SOURCES {
        let _ = write!(
            out,
            "\n[[sources]]\nid = \"s{s}\"\nurl = \"https://example.org/reports/{letter}/{s}?lang=en&page=2\"\ndescription = \"source-s{s}\"\n"
        );
        if s == 1 {
            out.push_str(
                "cited-title = \"A report cited in its own language\"\ncited-title-lang = \"en\"\n",
            );
        }
    }
    out
}

/// A letter's Fluent file in one locale, recording what it leaves out and adds.
fn letter_ftl(
    letter: &str,
    tag: &str,
    script: Script,
    source: bool,
    rng: &mut Rng,
    corpus: &mut Corpus,
) -> String {
    let mut ids: Vec<(String, usize)> = vec![
        ("recipient-name".into(), 30),
        ("subject".into(), 120),
        ("salutation".into(), 25),
    ];
    for p in 1..=PARAGRAPHS {
        ids.push((format!("p-{p:02}"), PARAGRAPH_BYTES));
        if p == PARAGRAPHS / 2 {
            ids.extend((1..=ITEMS).map(|i| (format!("item-{i}"), 150)));
        }
    }
    ids.push(("closing".into(), 20));
    for s in 1..=2 {
        ids.push((format!("signatory-{s}-title"), 30));
        ids.push((format!("signatory-{s}-organisation"), 40));
    }
    ids.extend((1..=SOURCES).map(|s| (format!("source-s{s}"), 80)));

    let planted = |id: &str| Planted {
        locale: tag.to_owned(),
        letter: letter.to_owned(),
        id: id.to_owned(),
    };
    let mut out = format!(
        "### {letter}: one message per block of the letter. Inline Markdown is allowed:\n\
         ### *emphasis*, [links](https://example.org) and note references such as [^s1].\n\n\
         -organisation = {}\n\n## Heading\n\n",
        sentence(rng, script, 2, false)
    );
    for (index, (id, bytes)) in ids.iter().enumerate() {
        if id == "p-01" {
            out.push_str("\n## Body\n\n");
        }
        if !source && rng.below(100) < 5 {
            corpus.missing.push(planted(id));
            continue;
        }
        if id.starts_with('p') && rng.below(4) == 0 {
            out.push_str("# A note for translators about this paragraph.\n");
        }
        let value = if id.starts_with("p-") {
            paragraph(rng, script, *bytes, index)
        } else {
            let mut text = String::new();
            while text.len() < *bytes {
                if !text.is_empty() && script.spaced() {
                    text.push(' ');
                }
                text.push_str(&word(rng, script));
            }
            capitalised(&text)
        };
        let _ = writeln!(out, "{id} = {value}");
        if !source && rng.below(100) < 2 {
            let old = format!("{id}-old");
            let _ = writeln!(out, "{old} = {}", sentence(rng, script, 6, true));
            corpus.obsolete.push(planted(&old));
        }
    }
    out
}

/// A paragraph of about `bytes` bytes: sentences, some emphasis, a link in every
/// third paragraph, the `-organisation` term in every fifth, and a note
/// reference in every fourth (the first three cite every source).
fn paragraph(rng: &mut Rng, script: Script, bytes: usize, index: usize) -> String {
    let mut out = String::with_capacity(bytes + 64);
    if index.is_multiple_of(5) {
        out.push_str("{ -organisation } ");
    }
    while out.len() < bytes {
        if !out.is_empty() && script.spaced() && !out.ends_with(' ') {
            out.push(' ');
        }
        let words = 6 + rng.below(14) as usize;
        out.push_str(&sentence(rng, script, words, true));
    }
    let spaced = if script.spaced() { " " } else { "" };
    if index.is_multiple_of(3) {
        let _ = write!(
            out,
            "{spaced}[{}](https://example.org/read/{index}?from=letter&page=1)",
            sentence(rng, script, 2, false)
        );
    }
    if index.is_multiple_of(2) {
        let _ = write!(out, "{spaced}*{}*", sentence(rng, script, 3, false));
    }
    if index.is_multiple_of(4) || index < 8 {
        let _ = write!(out, "[^s{}]", 1 + index % SOURCES);
    }
    out
}

/// `words` words, the first capitalised, ending with a full stop if `stop`.
fn sentence(rng: &mut Rng, script: Script, words: usize, stop: bool) -> String {
    let mut out = String::new();
    for i in 0..words.max(1) {
        if i > 0 && script.spaced() {
            out.push(' ');
        }
        out.push_str(&word(rng, script));
        if i + 1 < words && rng.below(10) == 0 {
            out.push_str(match script {
                Script::Arabic => "،",
                Script::Han | Script::Japanese => "、",
                _ => ",",
            });
        }
    }
    let mut out = capitalised(&out);
    if stop {
        out.push_str(script.full_stop());
    }
    out
}

const ENGLISH: [&str; 48] = [
    "the",
    "of",
    "and",
    "to",
    "rights",
    "people",
    "asylum",
    "border",
    "refugees",
    "migrants",
    "protection",
    "government",
    "urge",
    "you",
    "we",
    "ensure",
    "policy",
    "human",
    "access",
    "families",
    "children",
    "international",
    "law",
    "obligations",
    "safety",
    "detention",
    "communities",
    "support",
    "immediately",
    "commit",
    "respect",
    "dignity",
    "freedom",
    "information",
    "report",
    "evidence",
    "water",
    "health",
    "education",
    "justice",
    "under",
    "within",
    "across",
    "their",
    "every",
    "public",
    "request",
    "response",
];

fn word(rng: &mut Rng, script: Script) -> String {
    if script == Script::English {
        return ENGLISH[rng.below(ENGLISH.len() as u64) as usize].to_owned();
    }
    let ranges = script.ranges();
    let length = match script {
        Script::Han | Script::Japanese | Script::Hangul => 1 + rng.below(3),
        _ => 2 + rng.below(8),
    };
    let mut out = String::new();
    for _ in 0..length {
        let (start, count) = ranges[rng.below(ranges.len() as u64) as usize];
        let c = char::from_u32(start + rng.below(u64::from(count)) as u32).unwrap_or('a');
        out.push(c);
        if script == Script::Latin && rng.below(25) == 0 {
            out.push('é');
        }
    }
    out
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// xorshift64*: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x2545_F491_4F6C_DD1D) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n` (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// The value of every one-line message of the shipped project and of a
/// generated letter in every locale: the sample that tests of the text fast
/// paths hold to the general path.
#[cfg(test)]
pub(crate) fn sample_values() -> Vec<String> {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let spec = Spec {
        letters: 1,
        locales: MAX_LOCALES,
        seed: 3,
    };
    generate(dir.path(), spec).expect("the project is written");
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let mut values = Vec::new();
    for locales in [shipped, dir.path().join("locales")] {
        for locale in fs::read_dir(locales).expect("the locales folder") {
            let folder = locale.expect("a locale").path();
            for file in fs::read_dir(folder).expect("a locale folder") {
                let text = fs::read_to_string(file.expect("a file").path()).expect("UTF-8");
                values.extend(
                    text.lines()
                        .filter_map(|l| l.split_once(" = "))
                        .map(|(_, value)| value.to_owned()),
                );
            }
        }
    }
    values
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn every_tag_is_canonical_and_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for (tag, _, script) in LOCALES {
            let lang = Lang::parse(tag).unwrap_or_else(|e| panic!("{e}"));
            assert!(seen.insert(tag), "{tag} twice");
            let rtl = matches!(script, Script::Arabic | Script::Hebrew);
            assert_eq!(
                lang.direction() == crate::lang::Direction::Rtl,
                rtl,
                "{tag}"
            );
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_text() {
        let mut corpus = Corpus::default();
        let mut text = |tag, script, source| {
            letter_ftl("l", tag, script, source, &mut Rng::new(7), &mut corpus)
        };
        assert_eq!(
            text("ar", Script::Arabic, false),
            text("ar", Script::Arabic, false)
        );
        let en = text("en", Script::English, true);
        assert!((10_000..13_000).contains(&en.len()), "{}", en.len());
    }
}
