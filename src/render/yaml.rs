//! YAML double-quoted scalars, for the front matter of the Markdown letter.
//!
//! Front matter holds only strings (a title, a date, tags, paths), so letterkit
//! writes every value as a double-quoted scalar rather than depending on a YAML
//! library: a double-quoted scalar is the one YAML form whose every character
//! can be written as an escape (YAML 1.2, section 5.7), so a translation that
//! holds quotes, backslashes, line breaks, `---`, `: `, `#` or control
//! characters is read back exactly, by YAML 1.1 readers (PyYAML, Ruby's Psych
//! for Jekyll) and YAML 1.2 readers (Hugo's) alike.
//!
//! The value stays on one line: every line break YAML knows (LF, CR, NEL,
//! U+2028, U+2029) is escaped, since a break inside quotes would be folded
//! into a space. So is every character outside YAML's printable set, tab and
//! the byte-order mark, which some readers strip.

/// `value` as a YAML double-quoted scalar, quotes included, on one line.
pub fn quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\0' => out.push_str("\\0"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            c if needs_escape(c) => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether `c` must be escaped: outside YAML's printable set (C0 and C1
/// controls, DEL, U+FFFE and U+FFFF), or the byte-order mark.
fn needs_escape(c: char) -> bool {
    matches!(c, '\0'..='\u{1F}' | '\u{7F}'..='\u{9F}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Reads a double-quoted scalar back as YAML defines its escapes (those
    /// [`quoted`] writes), so that the two can be compared on any input.
    fn unquoted(scalar: &str) -> Option<String> {
        let inner = scalar.strip_prefix('"')?.strip_suffix('"')?;
        let mut out = String::new();
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => return None,
                '\\' => out.push(match chars.next()? {
                    '"' => '"',
                    '\\' => '\\',
                    '0' => '\0',
                    't' => '\t',
                    'n' => '\n',
                    'r' => '\r',
                    'N' => '\u{85}',
                    'L' => '\u{2028}',
                    'P' => '\u{2029}',
                    'u' => {
                        let hex: String = chars.by_ref().take(4).collect();
                        char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?
                    }
                    _ => return None,
                }),
                c => out.push(c),
            }
        }
        Some(out)
    }

    #[test]
    fn hostile_text_is_escaped_on_one_line() {
        assert_eq!(
            quoted("a \"b\" \\c\nd: #e\r\n---\u{2028}\u{1}\u{7F}\u{FEFF}é"),
            "\"a \\\"b\\\" \\\\c\\nd: #e\\r\\n---\\L\\u0001\\u007F\\uFEFFé\""
        );
        assert_eq!(quoted(""), "\"\"");
        assert_eq!(
            quoted("\u{85}\u{2029}\t\0\u{9F}"),
            "\"\\N\\P\\t\\0\\u009F\""
        );
    }

    proptest! {
        #[test]
        fn any_text_reads_back_exactly_from_one_line(value in any::<String>()) {
            let scalar = quoted(&value);
            prop_assert!(
                !scalar.chars().any(|c| needs_escape(c)
                    || matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')),
                "{scalar:?}"
            );
            prop_assert_eq!(unquoted(&scalar), Some(value));
        }
    }
}
