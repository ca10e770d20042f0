//! The request handling of `letterkit serve` (`serve::route`, which the
//! preview server calls for every request) on any `Host`, request target and
//! `Accept-Language`, for any site of letters and locales: a host is let in
//! only when it is the server's own name and port or a name allowed; `/`
//! is sent only to a page of a locale the site has (the lone letter's or
//! the site's index); any other answer is a file whose path stays inside the
//! output folder (relative, no `..`, no hidden segment, no root or drive),
//! or not found. `negotiate` always chooses one of the site's locales.
//!
//! Input: lines `Host` (absent when empty), request target,
//! `Accept-Language` (absent when empty), the site's locale tags, its
//! letters, the names allowed with `--allow-host` (lists space-separated).
#![no_main]

use std::path::{Component, Path};

use letterkit::ids::is_safe_name;
use letterkit::lang::Lang;
use letterkit::serve::{Request, Route, Site, negotiate, route};
use libfuzzer_sys::fuzz_target;

const PORT: u16 = 8000;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut lines = text.split('\n');
    let mut line = || lines.next().unwrap_or("");
    let host = Some(line()).filter(|h| !h.is_empty());
    let target = line();
    let accept_language = Some(line()).filter(|h| !h.is_empty());
    let mut locales: Vec<Lang> = Vec::new();
    for lang in line().split(' ').filter_map(|t| Lang::parse(t).ok()) {
        if !locales.contains(&lang) {
            locales.push(lang);
        }
    }
    let letters: Vec<String> = line()
        .split(' ')
        .filter(|n| is_safe_name(n))
        .map(str::to_owned)
        .collect();
    let allowed: Vec<String> = line()
        .split(' ')
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .collect();

    let chosen = negotiate(accept_language, &locales);
    match &chosen {
        Some(lang) => assert!(locales.contains(lang), "{lang} is not a locale of the site"),
        None => assert!(locales.is_empty(), "no locale chosen among {locales:?}"),
    }

    let request = Request {
        host,
        target,
        accept_language,
    };
    let site = Site {
        letters: &letters,
        locales: &locales,
    };
    let answer = route(&request, PORT, &allowed, &site);
    if answer != Route::MisdirectedHost {
        let host = host
            .expect("a request without Host is refused")
            .trim()
            .to_ascii_lowercase();
        // The name, then `:` and the port as a number (`08000` is 8000).
        let with_port = |name: &str| {
            host.strip_prefix(name)
                .and_then(|rest| rest.strip_prefix(':'))
                .is_some_and(|port| port.parse::<u16>() == Ok(PORT))
        };
        let own = ["localhost", "127.0.0.1", "[::1]"]
            .iter()
            .any(|name| with_port(name));
        let named = allowed.iter().any(|name| {
            let name = name.to_ascii_lowercase();
            host == name || with_port(&name)
        });
        assert!(own || named, "host {host:?} let in (allowed: {allowed:?})");
    }
    match answer {
        Route::MisdirectedHost | Route::Generation | Route::NotFound => {}
        Route::Redirect(location) => {
            let mut pages = vec!["/index.html".to_owned()];
            for lang in &locales {
                pages.push(format!("/index.{}.html", lang.tag()));
                if let [letter] = letters.as_slice() {
                    pages.push(format!("/{letter}/{}/index.html", lang.tag()));
                }
            }
            assert!(pages.contains(&location), "redirect to {location:?}");
        }
        Route::File(relative) => {
            let path = Path::new(&relative);
            assert!(
                !relative.is_empty() && !relative.contains(['\\', '\0']),
                "{relative:?}"
            );
            for component in path.components() {
                match component {
                    Component::Normal(segment) => assert!(
                        !segment.to_string_lossy().starts_with('.'),
                        "{target:?} serves the hidden {relative:?}"
                    ),
                    other => panic!("{target:?} serves {relative:?}, which has {other:?}"),
                }
            }
            let out = Path::new("/srv/out");
            assert!(
                out.join(path).starts_with(out),
                "{target:?} leaves the output folder"
            );
        }
    }
});
