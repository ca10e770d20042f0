//! The fonts of the PDF: Noto families, found by file name in the system's font
//! folders and read the first time a document needs them, once per
//! [`Fonts`] (once per build). Each document gets the families of the scripts
//! its text is written in, so a Latin letter never reads the CJK fonts.
//!
//! Debian's `fonts-noto-core` and `fonts-noto-cjk` install every file named
//! here; docs/output.md says which family serves which script.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use typst::foundations::Bytes;
use typst::text::{Font, is_default_ignorable};
use unicode_script::{Script, UnicodeScript};

use super::PdfError;

/// The family of Latin, Greek and Cyrillic text, and of every language's
/// punctuation and digits its own script's font lacks.
const BASE: &str = "NotoSerif";

/// Families that hold symbols, arrows and mathematical signs, tried in order
/// for a character no script's family has.
const SYMBOLS: &[&str] = &[
    "NotoSansSymbols2",
    "NotoSansSymbols",
    "NotoSansMath",
    "NotoSans",
];

/// The styles read of each family, where it has them.
const STYLES: &[&str] = &["Regular", "Bold", "Italic", "BoldItalic"];

/// The file extensions a font file may have.
const EXTENSIONS: &[&str] = &["ttf", "otf", "ttc", "otc"];

/// How deep font folders are searched.
const MAX_DEPTH: usize = 6;

/// A font family as Typst's `font` list names it: for the Latin font of a CJK
/// text, limited to Latin letters so that CJK punctuation keeps its own font.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(untagged)]
pub(super) enum Family {
    /// Every character the family has.
    All(String),
    /// Only what the `covers` pattern allows.
    Covering {
        /// The family's name.
        name: String,
        /// Typst's name for the characters it covers.
        covers: &'static str,
    },
}

/// The fonts a letter can be set in: the files found in the font folders, each
/// family read once, when a document first needs it. Shared by every document
/// of a build (it is `Sync`).
#[derive(Debug)]
pub struct Fonts {
    /// Every font file found, by lowercase file name.
    files: BTreeMap<String, PathBuf>,
    /// The families read so far (or being read), by file-name stem.
    loaded: Mutex<BTreeMap<String, Slot>>,
}

/// A family's fonts, read by the first document that needs them.
type Slot = Arc<OnceLock<Arc<[Font]>>>;

/// The fonts a document needs, and each of its languages' font families.
pub(super) type Choice = (Vec<Font>, BTreeMap<String, Vec<Family>>);

impl Fonts {
    /// The fonts of the standard font folders: `/usr/share/fonts`,
    /// `/usr/local/share/fonts`, the user's `$XDG_DATA_HOME/fonts` (or
    /// `~/.local/share/fonts`) and `~/.fonts`, each searched with its
    /// subfolders.
    pub fn system() -> Self {
        let mut dirs = vec![
            PathBuf::from("/usr/share/fonts"),
            PathBuf::from("/usr/local/share/fonts"),
        ];
        let home = std::env::var_os("HOME").map(PathBuf::from);
        match std::env::var_os("XDG_DATA_HOME") {
            Some(data) if !data.is_empty() => dirs.push(PathBuf::from(data).join("fonts")),
            _ => dirs.extend(home.iter().map(|h| h.join(".local/share/fonts"))),
        }
        dirs.extend(home.iter().map(|h| h.join(".fonts")));
        Self::in_dirs(&dirs)
    }

    /// The fonts of `dirs` and their subfolders; where two folders hold a file
    /// of the same name, the first folder's.
    pub fn in_dirs(dirs: &[PathBuf]) -> Self {
        let mut files = BTreeMap::new();
        for dir in dirs {
            collect_files(dir, 0, &mut files);
        }
        Fonts {
            files,
            loaded: Mutex::new(BTreeMap::new()),
        }
    }

    /// The family whose files start with `stem` (`NotoSerif`), read now if no
    /// document read it before; empty when no folder has it.
    fn family(&self, stem: &str) -> Result<Arc<[Font]>, PdfError> {
        let slot = {
            let mut loaded = self.loaded.lock().unwrap_or_else(|e| e.into_inner());
            loaded.entry(stem.to_owned()).or_default().clone()
        };
        if let Some(fonts) = slot.get() {
            return Ok(fonts.clone());
        }
        let fonts = self.read_family(stem)?;
        Ok(slot.get_or_init(|| fonts).clone())
    }

    fn read_family(&self, stem: &str) -> Result<Arc<[Font]>, PdfError> {
        let mut fonts = Vec::new();
        for style in STYLES {
            for extension in EXTENSIONS {
                let name = format!("{stem}-{style}.{extension}").to_lowercase();
                let Some(path) = self.files.get(&name) else {
                    continue;
                };
                let data = fs::read(path).map_err(|source| PdfError::FontFile {
                    path: path.clone(),
                    source,
                })?;
                fonts.extend(Font::iter(Bytes::new(data)));
            }
        }
        Ok(fonts.into())
    }

    /// The fonts a document needs and, for each of its languages, the
    /// families to set it in, first choice first. `texts` holds every
    /// language's text.
    pub(super) fn choose(&self, texts: &BTreeMap<String, String>) -> Result<Choice, PdfError> {
        let base = self.family(BASE)?;
        let Some(base_name) = base.first().map(|f| f.info().family.clone()) else {
            return Err(PdfError::NoFonts);
        };
        let mut fonts: Vec<Font> = base.to_vec();
        let mut stems: BTreeSet<String> = BTreeSet::from([BASE.to_owned()]);
        let mut lists = BTreeMap::new();
        for (tag, text) in texts {
            let scripts = scripts_of(text);
            let cjk = scripts.iter().any(|(s, _)| is_cjk(*s));
            let mut list = Vec::new();
            if cjk {
                list.push(Family::Covering {
                    name: base_name.clone(),
                    covers: "latin-in-cjk",
                });
            }
            let mut base_added = cjk;
            // The language's own script first (the one most of its letters are
            // in), then the others; the base family after the first non-Latin
            // one, so that a script font's own spaces and punctuation are used.
            for (script, _) in &scripts {
                if matches!(script, Script::Latin | Script::Greek | Script::Cyrillic) {
                    if !base_added {
                        list.push(Family::All(base_name.clone()));
                        base_added = true;
                    }
                    continue;
                }
                let mut found = false;
                for stem in stems_of(*script) {
                    let family = self.family(&stem)?;
                    let Some(name) = family_name(&family, &stem, tag) else {
                        continue;
                    };
                    if stems.insert(stem) {
                        fonts.extend(family.iter().cloned());
                    }
                    let entry = Family::All(name);
                    if !list.contains(&entry) {
                        list.push(entry);
                    }
                    found = true;
                    break;
                }
                if found && !base_added {
                    list.push(Family::All(base_name.clone()));
                    base_added = true;
                }
            }
            if !base_added {
                list.push(Family::All(base_name.clone()));
            }
            lists.insert(tag.clone(), list);
        }

        // Characters none of those fonts has: symbols, then nothing.
        let mut missing: BTreeSet<char> = texts
            .values()
            .flat_map(|t| t.chars())
            .filter(|c| needs_glyph(*c) && !fonts.iter().any(|f| covers(f, *c)))
            .collect();
        for stem in SYMBOLS {
            if missing.is_empty() {
                break;
            }
            let family = self.family(stem)?;
            if missing.iter().any(|c| family.iter().any(|f| covers(f, *c))) {
                missing.retain(|c| !family.iter().any(|f| covers(f, *c)));
                if stems.insert((*stem).to_owned()) {
                    fonts.extend(family.iter().cloned());
                }
            }
        }
        if !missing.is_empty() {
            return Err(PdfError::MissingGlyphs {
                characters: missing.into_iter().collect(),
            });
        }
        Ok((fonts, lists))
    }
}

/// Whether `c` is shown with a glyph: not a space, a line break or a
/// character that is invisible by definition (Typst drops those).
pub(super) fn needs_glyph(c: char) -> bool {
    !c.is_whitespace() && !c.is_control() && !is_default_ignorable(c)
}

fn covers(font: &Font, c: char) -> bool {
    font.info().coverage.contains(c as u32)
}

/// The scripts of `text`'s letters, the most used first (ties by name), without
/// the characters shared by every script (digits, punctuation) and marks.
fn scripts_of(text: &str) -> Vec<(Script, usize)> {
    let mut counts: BTreeMap<&'static str, (Script, usize)> = BTreeMap::new();
    for c in text.chars() {
        let script = c.script();
        if matches!(script, Script::Common | Script::Inherited | Script::Unknown) {
            continue;
        }
        counts.entry(script.full_name()).or_insert((script, 0)).1 += 1;
    }
    let mut scripts: Vec<(&str, (Script, usize))> = counts.into_iter().collect();
    scripts.sort_by(|a, b| b.1.1.cmp(&a.1.1).then(a.0.cmp(b.0)));
    scripts.into_iter().map(|(_, s)| s).collect()
}

fn is_cjk(script: Script) -> bool {
    matches!(
        script,
        Script::Han | Script::Hiragana | Script::Katakana | Script::Hangul | Script::Bopomofo
    )
}

/// The file-name stems of the families that may set `script`, best first: a
/// serif face where Noto has one, to match the Latin text.
fn stems_of(script: Script) -> Vec<String> {
    if is_cjk(script) {
        return vec!["NotoSerifCJK".into(), "NotoSansCJK".into()];
    }
    let name = script.full_name().replace('_', "");
    match script {
        // Naskh is the style of books and letters; Noto has no "Serif Arabic".
        Script::Arabic => vec!["NotoNaskhArabic".into(), "NotoSansArabic".into()],
        _ => vec![format!("NotoSerif{name}"), format!("NotoSans{name}")],
    }
}

/// The name of the family to set `tag`'s text in from the fonts of `stem`:
/// for the CJK collections, the face made for the language's region (Japanese,
/// Korean, Simplified or Traditional Chinese).
fn family_name(fonts: &[Font], stem: &str, tag: &str) -> Option<String> {
    let families: BTreeSet<&str> = fonts.iter().map(|f| f.info().family.as_str()).collect();
    if !stem.contains("CJK") {
        return families.first().map(|f| (*f).to_owned());
    }
    let suffix = cjk_region(tag);
    families
        .iter()
        .find(|f| f.ends_with(suffix))
        .or_else(|| families.first())
        .map(|f| (*f).to_owned())
}

/// The suffix of the Noto CJK family for a language tag.
fn cjk_region(tag: &str) -> &'static str {
    let mut subtags = tag.split('-');
    let language = subtags.next().unwrap_or_default();
    let rest: Vec<&str> = subtags.collect();
    match language {
        "ja" => " JP",
        "ko" => " KR",
        "zh" if rest.contains(&"HK") || rest.contains(&"MO") => " HK",
        "zh" if rest.contains(&"Hant") || rest.contains(&"TW") => " TC",
        "zh" => " SC",
        // Han characters in another language's text: the Japanese forms, as
        // Noto's default.
        _ => " JP",
    }
}

/// Adds the font files under `dir` to `files`, by lowercase name; a name seen
/// before keeps its first path. Folders are read in name order, so the same
/// folders always give the same fonts.
fn collect_files(dir: &Path, depth: usize, files: &mut BTreeMap<String, PathBuf>) {
    if depth > MAX_DEPTH {
        return;
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect_files(&path, depth + 1, files);
        } else if let Some(name) = path.file_name().and_then(|n| n.to_str()) {
            let name = name.to_lowercase();
            let font = Path::new(&name)
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| EXTENSIONS.contains(&e));
            if font {
                files.entry(name).or_insert(path);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_are_counted_without_punctuation_and_digits() {
        let scripts = scripts_of("مرحبا بالعالم 2023, Amnesty.");
        assert_eq!(scripts[0], (Script::Arabic, 12));
        assert_eq!(scripts[1], (Script::Latin, 7));
        assert_eq!(scripts.len(), 2);
    }

    #[test]
    fn chinese_traditional_and_japanese_get_their_own_cjk_faces() {
        assert_eq!(cjk_region("zh-Hant"), " TC");
        assert_eq!(cjk_region("zh-TW"), " TC");
        assert_eq!(cjk_region("zh-HK"), " HK");
        assert_eq!(cjk_region("zh"), " SC");
        assert_eq!(cjk_region("ja"), " JP");
        assert_eq!(cjk_region("ko"), " KR");
    }

    #[test]
    fn a_script_is_looked_for_in_serif_then_sans() {
        assert_eq!(
            stems_of(Script::Devanagari),
            ["NotoSerifDevanagari", "NotoSansDevanagari"]
        );
        assert_eq!(
            stems_of(Script::Canadian_Aboriginal),
            ["NotoSerifCanadianAboriginal", "NotoSansCanadianAboriginal"]
        );
        assert_eq!(stems_of(Script::Arabic)[0], "NotoNaskhArabic");
    }

    #[test]
    fn invisible_characters_need_no_glyph() {
        for c in ['\u{2068}', '\u{200B}', '\u{FEFF}', ' ', '\n'] {
            assert!(!needs_glyph(c), "{c:?}");
        }
        assert!(needs_glyph('a'));
    }
}
