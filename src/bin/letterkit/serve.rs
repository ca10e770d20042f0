//! `letterkit serve`: a live preview for translators. Builds the project into
//! its output folder, serves it on 127.0.0.1, sends `/` to the letter in the
//! reader's language (their browser's `Accept-Language`, negotiated with
//! fluent-langneg), and rebuilds whenever `letterkit.toml`, `content/` or
//! `locales/` change. Pages served in preview, and only those, get a small
//! script that reloads them after a rebuild, an outline around text shown in
//! a fallback language, and banners naming the messages check kept from
//! being published as written and the stale translations. A failed
//! build is shown in the page and in the terminal; the server keeps running
//! and recovers with the next good build. The files written stay free of
//! JavaScript.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use letterkit::ids::{CONTENT_DIR, LOCALES_DIR};
use letterkit::lang::Lang;
use letterkit::lock;
use letterkit::project::Project;
use letterkit::publish::{self, BuildOptions};
use letterkit::serve::{self, Route};
use tiny_http::{Header, Request, Response, Server};

/// How often the project's files are looked at for changes.
const POLL: Duration = Duration::from_millis(300);

/// What the last build left for the server to show.
#[derive(Debug, Default)]
struct State {
    /// Counts builds, good or bad; pages reload when it changes.
    generation: u64,
    /// Why the last build failed.
    error: Option<String>,
    /// The letters, and the locales with their source first.
    letters: Vec<String>,
    locales: Vec<Lang>,
    /// Stale translations by locale tag: `resource id: was → now`.
    stale: BTreeMap<String, Vec<String>>,
    /// Messages not published as written, by letter and locale tag: what
    /// check refuses in each, with its place.
    refused: BTreeMap<(String, String), Vec<String>>,
}

/// Serves the project at `root` on `port` (0 for any free port) until killed.
pub fn run(
    root: &Path,
    port: u16,
    out: Option<PathBuf>,
    allowed_hosts: Vec<String>,
) -> Result<u8, String> {
    let server = Server::http(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let address = server
        .server_addr()
        .to_ip()
        .ok_or("the server has no IP address")?;
    let out_dir = match out {
        Some(dir) => dir,
        None => match Project::load(root) {
            Ok(project) => root.join(&project.config.output_dir),
            Err(_) => root.join("dist"),
        },
    };
    let state = Arc::new(Mutex::new(State::default()));
    // Taken before the first build, so that a change made while it runs is seen.
    let mut seen = fingerprint(root);
    rebuild(root, &out_dir, &state);
    let mut stderr = anstream::stderr();
    let _ = writeln!(stderr, "serving http://{address}/ (Ctrl-C to stop)");

    let watcher_state = Arc::clone(&state);
    let watched_root = root.to_owned();
    let watched_out = out_dir.clone();
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(POLL);
            let now = fingerprint(&watched_root);
            if now != seen {
                seen = now;
                rebuild(&watched_root, &watched_out, &watcher_state);
            }
        }
    });

    for request in server.incoming_requests() {
        let response = respond(&request, address.port(), &allowed_hosts, &out_dir, &state);
        let _ = request.respond(response);
    }
    Ok(0)
}

/// Every watched file with its modification time and size.
fn fingerprint(root: &Path) -> Vec<(PathBuf, Option<SystemTime>, u64)> {
    let mut files = Vec::new();
    let mut visit = vec![
        root.join(letterkit::ids::CONFIG_FILE),
        root.join(CONTENT_DIR),
        root.join(LOCALES_DIR),
    ];
    while let Some(path) = visit.pop() {
        let Ok(metadata) = fs::symlink_metadata(&path) else {
            continue;
        };
        if metadata.is_dir() {
            if let Ok(entries) = fs::read_dir(&path) {
                visit.extend(entries.flatten().map(|e| e.path()));
            }
        } else {
            files.push((path, metadata.modified().ok(), metadata.len()));
        }
    }
    files.sort();
    files
}

/// Builds into `out_dir`, and records the result for the pages and the terminal.
fn rebuild(root: &Path, out_dir: &Path, state: &Mutex<State>) {
    let started = std::time::Instant::now();
    let mut stderr = anstream::stderr();
    let result = Project::load_for_check(root)
        .map_err(|e| e.to_string())
        .and_then(|project| {
            let options = BuildOptions {
                out_dir: out_dir.to_owned(),
                ..BuildOptions::default()
            };
            let summary = publish::build(&project, &options).map_err(|e| e.to_string())?;
            Ok((project, summary))
        });
    let mut state = state
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    state.generation += 1;
    match result {
        Ok((project, summary)) => {
            state.error = None;
            state.refused = BTreeMap::new();
            for (letter, finding) in &summary.refused {
                state
                    .refused
                    .entry((letter.clone(), finding.locale.clone()))
                    .or_default()
                    .push(letterkit::text::clean_text(&format!(
                        "`{}` [{}] {}: {}",
                        finding.message_id.as_deref().unwrap_or("(the file)"),
                        finding.code.as_str(),
                        finding.location,
                        finding.message
                    )));
            }
            state.letters = project.letters.iter().map(|l| l.name.clone()).collect();
            let source = project.config.source.clone();
            state.locales = std::iter::once(source.clone())
                .chain(
                    project
                        .locales
                        .iter()
                        .map(|l| l.lang().clone())
                        .filter(|l| *l != source)
                        // `/` offers a lone letter in its own locales only.
                        .filter(|l| match project.letters.as_slice() {
                            [letter] => letter.is_in(l),
                            _ => true,
                        }),
                )
                .collect();
            state.stale = project
                .locales
                .iter()
                .filter(|files| *files.lang() != source)
                .map(|files| {
                    let stale = lock::stale_translations(&project, files)
                        .unwrap_or_default()
                        .into_iter()
                        .map(|s| format!("{} `{}`: “{}” → “{}”", s.resource, s.id, s.was, s.now))
                        .collect();
                    (files.lang().tag().to_owned(), stale)
                })
                .collect();
            let _ = writeln!(stderr, "built in {} ms", started.elapsed().as_millis());
        }
        Err(error) => {
            let _ = writeln!(stderr, "error: {error}");
            state.error = Some(error);
        }
    }
}

fn respond(
    request: &Request,
    port: u16,
    allowed_hosts: &[String],
    out_dir: &Path,
    state: &Mutex<State>,
) -> Response<std::io::Cursor<Vec<u8>>> {
    let state = state
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let host = header_value(request, "Host");
    let accept_language = header_value(request, "Accept-Language");
    let asked = serve::Request {
        host: host.as_deref(),
        target: request.url(),
        accept_language: accept_language.as_deref(),
    };
    let site = serve::Site {
        letters: &state.letters,
        locales: &state.locales,
    };
    let relative = match serve::route(&asked, port, allowed_hosts, &site) {
        Route::MisdirectedHost => {
            return text(
                "this preview answers only to localhost, 127.0.0.1 and [::1] (add a name with --allow-host)\n".to_owned(),
                "text/plain; charset=utf-8",
            )
            .with_status_code(421);
        }
        Route::Generation => {
            return text(state.generation.to_string(), "text/plain; charset=utf-8");
        }
        _ if state.error.is_some() => {
            return page_with_error(state.error.as_deref().unwrap_or(""), state.generation);
        }
        Route::Redirect(location) => return redirect(&location),
        Route::NotFound => return not_found(),
        Route::File(relative) => relative,
    };
    let file = out_dir.join(&relative);
    let Ok(bytes) = fs::read(&file) else {
        return not_found();
    };
    let extension = file.extension().and_then(|e| e.to_str()).unwrap_or("");
    match extension {
        "html" => {
            let html = String::from_utf8_lossy(&bytes);
            let mut parts = relative.split('/');
            let (letter, locale) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            let stale = state.stale.get(locale).map(Vec::as_slice).unwrap_or(&[]);
            let refused = state
                .refused
                .get(&(letter.to_owned(), locale.to_owned()))
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            text(
                preview(&html, stale, refused, state.generation),
                "text/html; charset=utf-8",
            )
        }
        "svg" => bytes_response(bytes, "image/svg+xml"),
        "md" => bytes_response(bytes, "text/markdown; charset=utf-8"),
        _ => bytes_response(bytes, "text/plain; charset=utf-8"),
    }
}

/// The value of the request's header `name`, if it has one.
fn header_value(request: &Request, name: &'static str) -> Option<String> {
    request
        .headers()
        .iter()
        .find(|h| h.field.equiv(name))
        .map(|h| h.value.as_str().to_owned())
}

/// A letter page as previewed: an outline on fallback text, the messages
/// check kept from being published and the stale translations named in
/// banners, and a script that reloads the page after a rebuild.
fn preview(html: &str, stale: &[String], refused: &[String], generation: u64) -> String {
    let mut addition = String::from(
        "<style>.fallback{outline:2px dashed #b3261e;outline-offset:2px}\
         .letterkit-preview{border:2px solid #b3261e;padding:0.5rem 0.75rem;margin-block:1rem}</style>\n",
    );
    for (heading, lines) in [
        (
            "Preview: not published as written in this language (check refuses them; the page shows the fallback language's text):",
            refused,
        ),
        (
            "Preview: stale translations in this language (the source changed since they were translated):",
            stale,
        ),
    ] {
        if lines.is_empty() {
            continue;
        }
        addition.push_str("<div class=\"letterkit-preview\" role=\"note\"><p>");
        addition.push_str(heading);
        addition.push_str("</p><ul>");
        for line in lines {
            addition.push_str("<li>");
            addition.push_str(&escape(line));
            addition.push_str("</li>");
        }
        addition.push_str("</ul></div>\n");
    }
    addition.push_str(&reload_script(generation));
    match html.rfind("</body>") {
        Some(at) => format!("{}{addition}{}", &html[..at], &html[at..]),
        None => format!("{html}{addition}"),
    }
}

fn reload_script(generation: u64) -> String {
    format!(
        "<script>setInterval(function(){{fetch('/__letterkit/generation').then(function(r){{return r.text()}}).then(function(g){{if(g!=='{generation}')location.reload()}}).catch(function(){{}})}},500)</script>\n"
    )
}

fn page_with_error(error: &str, generation: u64) -> Response<std::io::Cursor<Vec<u8>>> {
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>letterkit: the build failed</title></head>\n<body>\n<main>\n<h1>The build failed</h1>\n<p>Fix the file named below; this page reloads when the build succeeds.</p>\n<pre>{}</pre>\n</main>\n{}</body>\n</html>\n",
        escape(error),
        reload_script(generation)
    );
    text(page, "text/html; charset=utf-8").with_status_code(500)
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    pulldown_cmark_escape::escape_html(&mut out, text).expect("writing to a String");
    out
}

fn text(body: String, content_type: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    bytes_response(body.into_bytes(), content_type)
}

fn bytes_response(body: Vec<u8>, content_type: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_data(body)
        .with_header(header("Content-Type", content_type))
        .with_header(header("Cache-Control", "no-store"))
}

fn redirect(location: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_data(Vec::new())
        .with_status_code(302)
        .with_header(header("Location", location))
}

fn not_found() -> Response<std::io::Cursor<Vec<u8>>> {
    text("not found\n".to_owned(), "text/plain; charset=utf-8").with_status_code(404)
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
}
