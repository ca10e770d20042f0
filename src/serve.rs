//! The request handling of `letterkit serve`, as pure functions the preview
//! server (the binary's, over tiny_http) calls and fuzzing can reach: which
//! hosts may ask, which file a path names, and which language a reader
//! prefers (`Accept-Language`, RFC 9110 § 12.5.4). [`route`] puts them
//! together into what the server answers.

use unic_langid::LanguageIdentifier;

use crate::lang::Lang;

/// The path the preview's reload script polls for the build's generation.
pub const GENERATION_PATH: &str = "/__letterkit/generation";

/// A request as the preview server reads it.
#[derive(Debug, Clone, Copy)]
pub struct Request<'r> {
    /// The `Host` header, if the request has one.
    pub host: Option<&'r str>,
    /// The request target as sent (`/a/en/?x=1`).
    pub target: &'r str,
    /// The `Accept-Language` header, if the request has one.
    pub accept_language: Option<&'r str>,
}

/// What the last build left for the server to offer.
#[derive(Debug, Clone, Copy)]
pub struct Site<'s> {
    /// The letters, by folder name.
    pub letters: &'s [String],
    /// The locales `/` may send a reader to, the source first.
    pub locales: &'s [Lang],
}

/// What the preview server answers a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// 421: the `Host` is not the server's own name ([`host_allowed`]).
    MisdirectedHost,
    /// The build's generation, for the reload script.
    Generation,
    /// 302 to a page of the site: the lone letter, or the index, in the
    /// reader's language.
    Redirect(String),
    /// The file at this path relative to the output folder ([`file_of`]),
    /// or 404 if there is none.
    File(String),
    /// 404: the path names nothing the server may show.
    NotFound,
}

/// What the server listening on `port` answers `request` about `site`:
/// refused unless the host is its own or `allowed`; `/` sent to the lone
/// letter (or the site's index) in the reader's language; any other path
/// the file it names inside the output folder, or nothing.
pub fn route(request: &Request<'_>, port: u16, allowed: &[String], site: &Site<'_>) -> Route {
    if !host_allowed(request.host, port, allowed) {
        return Route::MisdirectedHost;
    }
    let path = request.target.split(['?', '#']).next().unwrap_or("/");
    if path == GENERATION_PATH {
        return Route::Generation;
    }
    if path == "/" {
        let lang = negotiate(request.accept_language, site.locales);
        return Route::Redirect(match (site.letters, lang) {
            ([letter], Some(lang)) => format!("/{letter}/{}/index.html", lang.tag()),
            // The site's index in the reader's language.
            (_, Some(lang)) if Some(lang) != site.locales.first() => {
                format!("/index.{}.html", lang.tag())
            }
            _ => "/index.html".to_owned(),
        });
    }
    match file_of(path) {
        Some(relative) => Route::File(relative),
        None => Route::NotFound,
    }
}

/// Whether a request's `Host` header names the preview server itself:
/// `localhost`, `127.0.0.1` or `[::1]` with the server's `port`, or one of
/// the `allowed` names (with the port or without). Refusing other hosts keeps
/// a page on another site that rebinds its name to 127.0.0.1 from reading
/// the preview.
pub fn host_allowed(host: Option<&str>, port: u16, allowed: &[String]) -> bool {
    let Some(host) = host.map(str::trim) else {
        return false;
    };
    let host = host.to_ascii_lowercase();
    let (name, given_port) = match host.strip_prefix('[') {
        Some(rest) => match rest.split_once(']') {
            Some((inner, tail)) => (format!("[{inner}]"), tail.strip_prefix(':')),
            None => return false,
        },
        None => match host.rsplit_once(':') {
            Some((name, port)) => (name.to_owned(), Some(port)),
            None => (host.clone(), None),
        },
    };
    let port_matches = given_port.is_some_and(|p| p.parse::<u16>() == Ok(port));
    let local = ["localhost", "127.0.0.1", "[::1]"].contains(&name.as_str());
    if local {
        return port_matches;
    }
    allowed
        .iter()
        .any(|a| a.eq_ignore_ascii_case(&name) && (given_port.is_none() || port_matches))
}

/// The file under the output folder that a request path names, relative to
/// it: a folder's `index.html`, `/status` as `status/index.html`. `None` for
/// a path that could leave the folder or names nothing.
pub fn file_of(path: &str) -> Option<String> {
    let path = path.split(['?', '#']).next().unwrap_or("");
    let relative = path.strip_prefix('/')?;
    if relative.contains('\\') || relative.contains('\0') {
        return None;
    }
    // Every segment but the last names a folder: an empty one (`//etc`)
    // would make the rest an absolute path, which `Path::join` puts in place
    // of the output folder. Hidden names, `.` and `..` are refused, and a
    // `:`, which could name a drive.
    let segments: Vec<&str> = relative.split('/').collect();
    let last = segments.len() - 1;
    if segments
        .iter()
        .enumerate()
        .any(|(i, s)| (s.is_empty() && i != last) || s.starts_with('.') || s.contains(':'))
    {
        return None;
    }
    let file = if relative.is_empty() {
        "index.html".to_owned()
    } else if relative.ends_with('/') {
        format!("{relative}index.html")
    } else if relative == "status" {
        "status/index.html".to_owned()
    } else {
        relative.to_owned()
    };
    // What is left is a plain relative path on every system.
    std::path::Path::new(&file)
        .components()
        .all(|c| matches!(c, std::path::Component::Normal(_)))
        .then_some(file)
}

/// One language range of an `Accept-Language` header with its weight.
#[derive(Debug, Clone, PartialEq)]
pub struct Range {
    /// The range as written (`fr-CA`, `*`).
    pub range: String,
    /// Its weight, 0 to 1.
    pub q: f32,
}

/// The ranges of an `Accept-Language` value, in the order written; a range
/// whose weight cannot be read is dropped, one without a weight weighs 1.
pub fn accept_language(value: &str) -> Vec<Range> {
    value
        .split(',')
        .take(MAX_RANGES)
        .filter_map(|item| {
            let mut parts = item.split(';');
            let range = parts.next()?.trim();
            if range.is_empty() || range.len() > 64 {
                return None;
            }
            let mut q = 1.0;
            for parameter in parts {
                let (name, value) = parameter.split_once('=')?;
                if name.trim().eq_ignore_ascii_case("q") {
                    q = value
                        .trim()
                        .parse::<f32>()
                        .ok()
                        .filter(|q| (0.0..=1.0).contains(q))?;
                }
            }
            Some(Range {
                range: range.to_owned(),
                q,
            })
        })
        .collect()
}

/// How many items of an `Accept-Language` value are read; browsers send a
/// handful, and the rest of a longer value is ignored, so that matching costs
/// at most this many negotiations per request.
pub const MAX_RANGES: usize = 32;

/// The reader's language among `locales` (the source first), by their
/// `Accept-Language` value: ranges by weight, highest first (ties in the
/// order written), each matched with fluent-langneg's filtering (`fr`
/// matches `fr-CA`, `fr-CA` matches `fr`); `*` matches any language not
/// named; a language whose only match has weight 0 is never chosen. The
/// source locale when nothing matches.
pub fn negotiate<'l>(accept_language_value: Option<&str>, locales: &'l [Lang]) -> Option<&'l Lang> {
    let mut ranges = accept_language_value
        .map(accept_language)
        .unwrap_or_default();
    // Stable: equal weights keep the order written.
    ranges.sort_by(|a, b| b.q.total_cmp(&a.q));
    let available: Vec<LanguageIdentifier> =
        locales.iter().map(Lang::language_identifier).collect();
    let matches = |range: &str| -> Vec<usize> {
        let Ok(requested) = range.parse::<LanguageIdentifier>() else {
            return Vec::new();
        };
        fluent_langneg::negotiate_languages(
            &[requested],
            &available,
            None,
            fluent_langneg::NegotiationStrategy::Filtering,
        )
        .into_iter()
        .filter_map(|chosen| available.iter().position(|a| a == chosen))
        .collect()
    };
    // Each range matched once; a locale is refused, or named, when a range
    // of weight 0, or any range but `*`, matches it.
    let found: Vec<Vec<usize>> = ranges
        .iter()
        .map(|r| {
            if r.range == "*" {
                Vec::new()
            } else {
                matches(&r.range)
            }
        })
        .collect();
    let mut refused = vec![false; locales.len()];
    let mut named = vec![false; locales.len()];
    for (range, found) in ranges.iter().zip(&found) {
        for &i in found {
            named[i] = true;
            refused[i] |= range.q == 0.0;
        }
    }
    for (range, found) in ranges.iter().zip(&found).filter(|(r, _)| r.q > 0.0) {
        let chosen = if range.range == "*" {
            (0..locales.len()).find(|&i| !named[i] && !refused[i])
        } else {
            found.iter().copied().find(|&i| !refused[i])
        };
        if let Some(index) = chosen {
            return locales.get(index);
        }
    }
    locales.first()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs(tags: &[&str]) -> Vec<Lang> {
        tags.iter().map(|t| Lang::parse(t).unwrap()).collect()
    }

    fn chosen(header: &str) -> String {
        let locales = langs(&["en", "es", "ht", "fr"]);
        negotiate(Some(header), &locales).unwrap().tag().to_owned()
    }

    #[test]
    fn weights_choose_the_language_not_the_order() {
        assert_eq!(chosen("en;q=0.1, fr;q=0.9"), "fr");
        assert_eq!(chosen("fr;q=0.5, es"), "es");
        assert_eq!(chosen("de, ht;q=0.2, en;q=0.1"), "ht");
    }

    #[test]
    fn weight_zero_refuses_a_language() {
        assert_eq!(chosen("fr;q=0"), "en");
        assert_eq!(chosen("fr;q=0, *;q=0.5"), "en");
        assert_eq!(chosen("en;q=0, fr;q=0, *"), "es");
    }

    #[test]
    fn ranges_and_wildcards_match() {
        assert_eq!(chosen("fr-CA"), "fr");
        assert_eq!(chosen("es-419, en;q=0.5"), "es");
        assert_eq!(chosen("de, *;q=0.1"), "en");
        assert_eq!(chosen(""), "en");
        assert_eq!(chosen("garbage;;;q=x, ,,"), "en");
    }

    #[test]
    fn only_the_first_items_of_a_long_value_are_read() {
        let mut header = vec!["de"; MAX_RANGES - 1];
        header.push("fr");
        assert_eq!(chosen(&header.join(", ")), "fr");
        header.insert(0, "de");
        assert_eq!(chosen(&header.join(", ")), "en", "fr is item 33");
    }

    #[test]
    fn only_the_servers_own_names_may_ask() {
        let extra = ["preview.example".to_owned()];
        assert!(host_allowed(Some("localhost:8000"), 8000, &[]));
        assert!(host_allowed(Some("127.0.0.1:8000"), 8000, &[]));
        assert!(host_allowed(Some("[::1]:8000"), 8000, &[]));
        assert!(!host_allowed(Some("localhost:8001"), 8000, &[]));
        assert!(!host_allowed(Some("localhost"), 8000, &[]));
        assert!(!host_allowed(Some("attacker.example:8000"), 8000, &[]));
        assert!(!host_allowed(None, 8000, &[]));
        assert!(host_allowed(Some("preview.example"), 8000, &extra));
        assert!(host_allowed(Some("Preview.Example:8000"), 8000, &extra));
        assert!(!host_allowed(Some("preview.example:9"), 8000, &extra));
    }

    #[test]
    fn a_request_is_refused_redirected_or_given_a_file() {
        let locales = langs(&["en", "es", "fr"]);
        let one = ["notice".to_owned()];
        let two = ["a".to_owned(), "notice".to_owned()];
        let ask = |host, target, accept_language, letters: &[String]| {
            let request = Request {
                host,
                target,
                accept_language,
            };
            let site = Site {
                letters,
                locales: &locales,
            };
            route(&request, 8000, &[], &site)
        };
        let local = Some("localhost:8000");
        assert_eq!(
            ask(Some("evil.example:8000"), "/", None, &one),
            Route::MisdirectedHost
        );
        assert_eq!(ask(None, "/", None, &one), Route::MisdirectedHost);
        assert_eq!(ask(local, GENERATION_PATH, None, &one), Route::Generation);
        assert_eq!(
            ask(local, "/?utm=x", Some("fr-CA"), &one),
            Route::Redirect("/notice/fr/index.html".into())
        );
        assert_eq!(
            ask(local, "/", Some("es"), &two),
            Route::Redirect("/index.es.html".into())
        );
        assert_eq!(
            ask(local, "/", Some("de"), &two),
            Route::Redirect("/index.html".into())
        );
        assert_eq!(
            ask(local, "/notice/es/", None, &one),
            Route::File("notice/es/index.html".into())
        );
        assert_eq!(ask(local, "//etc/passwd", None, &one), Route::NotFound);
    }

    #[test]
    fn paths_stay_in_the_output_folder() {
        assert_eq!(file_of("/").as_deref(), Some("index.html"));
        assert_eq!(file_of("/status").as_deref(), Some("status/index.html"));
        assert_eq!(file_of("/status/").as_deref(), Some("status/index.html"));
        assert_eq!(file_of("/a/en/?x=1").as_deref(), Some("a/en/index.html"));
        for bad in [
            "/../etc/passwd",
            "/a/../../x",
            "/.letterkit-output",
            "/a\\b",
            "x",
            "/a/./b",
            // Found by fuzzing: an empty segment made the path absolute.
            "//x=1",
            "//etc/passwd",
            "/a//b",
            "/C:/Windows/win.ini",
        ] {
            assert_eq!(file_of(bad), None, "{bad}");
        }
    }
}
