//! Rules about the characters of text letterkit shows as it is: which link
//! addresses are safe to publish, which characters are invisible controls,
//! and how text shown without Markdown is cleaned. Loading, localizing and
//! check all apply them, so they live below all three.

/// The address if it is an absolute https, http or mailto URL with no spaces,
/// control, bidi or invisible format characters (which plain text would show
/// as they are); `None` for anything else (relative, `javascript:`, `data:`...).
pub fn safe_url(url: &str) -> Option<String> {
    let hidden = |c: char| {
        c.is_whitespace()
            || c.is_control()
            || is_bidi_control(c)
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
    };
    if url.is_empty() || url.chars().any(hidden) {
        return None;
    }
    let (scheme, rest) = url.split_once(':')?;
    let scheme = scheme.to_ascii_lowercase();
    let allowed = match scheme.as_str() {
        "https" | "http" => rest.starts_with("//") && rest.len() > 2,
        "mailto" => rest.contains('@'),
        _ => false,
    };
    allowed.then(|| url.to_owned())
}

/// The host a safe link goes to, lowercased: the authority of an http(s)
/// link without user, password or port, the domain of a mailto address;
/// `None` for anything else.
pub fn link_host(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once(':')?;
    let host = match scheme.to_ascii_lowercase().as_str() {
        "https" | "http" => {
            let authority = rest.strip_prefix("//")?;
            let authority = authority.split(['/', '?', '#']).next().unwrap_or(authority);
            let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
            match host.strip_prefix('[') {
                Some(v6) => v6.split(']').next().unwrap_or(v6),
                None => host.split(':').next().unwrap_or(host),
            }
        }
        "mailto" => {
            let address = rest.split(['?', ',']).next().unwrap_or(rest);
            address.rsplit_once('@')?.1
        }
        _ => return None,
    };
    (!host.is_empty()).then(|| host.trim_end_matches('.').to_ascii_lowercase())
}

/// `text` without control characters (NUL, escape, ...: invalid in HTML and
/// invisible in text) or bidi embedding, override and isolate controls (which
/// would reorder the text around them); a tab becomes a space. For text shown
/// as it is, without Markdown (a language's name).
pub fn clean_text(text: &str) -> String {
    text.chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .filter(|c| !is_bidi_control(*c) && !c.is_control())
        .collect()
}

/// Embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `c` shows nothing: white space, a control, a format character
/// (zero width, directional, soft hyphen, TAG), a variation selector, a
/// filler or a noncharacter. A value made only of such characters is
/// untranslated.
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF0}'..='\u{FFFB}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
        || is_noncharacter(c)
}

/// U+FDD0–FDEF and the last two code points of every plane: never text.
pub fn is_noncharacter(c: char) -> bool {
    matches!(c, '\u{FDD0}'..='\u{FDEF}') || (c as u32) & 0xFFFE == 0xFFFE
}

/// What a Fluent pattern shows when it has only text and string literals
/// (escapes resolved), with whether it has a literal; `None` when it has
/// anything else (a variable, a reference, a select), whose value is not
/// known here.
pub fn literal_text(pattern: &fluent_syntax::ast::Pattern<&str>) -> Option<(String, bool)> {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    let mut text = String::new();
    let mut has_literal = false;
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => text.push_str(value),
            PatternElement::Placeable { expression } => {
                let mut expression = expression;
                loop {
                    match expression {
                        Expression::Inline(InlineExpression::StringLiteral { value }) => {
                            text.push_str(&fluent_syntax::unicode::unescape_unicode_to_string(
                                value,
                            ));
                            has_literal = true;
                            break;
                        }
                        Expression::Inline(InlineExpression::Placeable { expression: inner }) => {
                            expression = inner;
                        }
                        _ => return None,
                    }
                }
            }
        }
    }
    Some((text, has_literal))
}

/// Whether a Fluent pattern shows no visible character: white space,
/// `{ " " }`, or invisible characters alone. `{ "" }` (empty on purpose) is
/// not blank. Most patterns are told apart by their first letter, without
/// building their text.
pub fn is_blank(pattern: &fluent_syntax::ast::Pattern<&str>) -> bool {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    let visible = |text: &str| text.chars().any(|c| !is_invisible(c));
    let mut has_literal = false;
    let mut has_text = false;
    for element in &pattern.elements {
        let (text, literal) = match element {
            PatternElement::TextElement { value } => (*value, false),
            PatternElement::Placeable { expression } => {
                let mut expression = expression;
                loop {
                    match expression {
                        Expression::Inline(InlineExpression::StringLiteral { value }) => {
                            has_literal = true;
                            break (*value, true);
                        }
                        Expression::Inline(InlineExpression::Placeable { expression: inner }) => {
                            expression = inner;
                        }
                        _ => return false,
                    }
                }
            }
        };
        has_text |= !text.is_empty();
        if visible(text)
            && (!literal
                || !text.contains('\\')
                || visible(&fluent_syntax::unicode::unescape_unicode_to_string(text)))
        {
            return false;
        }
    }
    has_text || !has_literal
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_links_host_is_its_authority_or_its_mail_domain() {
        use super::link_host;
        assert_eq!(
            link_host("https://User:pw@Example.ORG:8443/a?b#c").as_deref(),
            Some("example.org")
        );
        assert_eq!(link_host("http://[::1]:80/").as_deref(), Some("::1"));
        assert_eq!(
            link_host("mailto:press@Example.org?subject=x").as_deref(),
            Some("example.org")
        );
        assert_eq!(link_host("ftp://example.org"), None);
        assert_eq!(link_host("https://"), None);
    }

    use super::*;

    #[test]
    fn links_with_hidden_characters_are_unsafe() {
        for url in [
            "https://e.org/\u{202E}gpj.exe",
            "https://e.org/\u{200B}",
            "https://e.org/\u{0}",
        ] {
            assert_eq!(safe_url(url), None, "{url:?}");
        }
    }

    #[test]
    fn text_shown_as_it_is_loses_controls_and_tabs_become_spaces() {
        assert_eq!(clean_text("a\u{202E}b\u{0}c\td"), "abc d");
    }
}
