//! `letterkit serve` over loopback, used as a translator would: open `/` in
//! French or Spanish, edit a translation and see the page rebuilt, break the
//! file and see the error, fix it and see the page again.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{copy_project, edit, fixture, remove_message};

/// The server, killed when dropped.
struct Serve {
    child: Child,
    address: String,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(project: &Path) -> Serve {
    let mut child = Command::new(env!("CARGO_BIN_EXE_letterkit"))
        .arg("--project")
        .arg(project)
        .args(["serve", "--port", "0"])
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the letterkit binary runs");
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let address = loop {
        let line = lines
            .next()
            .expect("the server says where it listens")
            .unwrap();
        if let Some(rest) = line.strip_prefix("serving http://") {
            break rest.split('/').next().unwrap().to_owned();
        }
    };
    // Keep reading the terminal output so the server never blocks on it.
    std::thread::spawn(move || for _ in lines {});
    Serve { child, address }
}

/// A GET request; the status code, the headers (lower-case names) and the body.
fn get(server: &Serve, path: &str, accept_language: &str) -> (u16, String, String) {
    let mut stream = TcpStream::connect(&server.address).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {}\r\nAccept-Language: {accept_language}\r\nConnection: close\r\n\r\n",
        server.address
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, head.to_lowercase(), body.to_owned())
}

fn wait_for_generation(server: &Serve, generation: u64) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (_, _, body) = get(server, "/__letterkit/generation", "en");
        if body.trim().parse::<u64>().unwrap() >= generation {
            return;
        }
        assert!(Instant::now() < deadline, "no rebuild after a change");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn the_preview_follows_the_translator_through_edits_and_errors() {
    let project = copy_project(&fixture("small"));
    let root = project.path();
    let server = serve(root);

    let (status, head, _) = get(&server, "/", "fr-CA, es;q=0.8, en;q=0.5");
    assert_eq!(status, 302);
    assert!(head.contains("location: /notice/es/index.html"), "{head}");
    let (_, head, _) = get(&server, "/", "de");
    assert!(head.contains("location: /notice/en/index.html"), "{head}");

    let (status, head, page) = get(&server, "/notice/es/index.html", "es");
    assert_eq!(status, 200);
    assert!(head.contains("content-type: text/html; charset=utf-8"));
    assert!(page.contains("Atentamente,"));
    assert!(page.contains("<script>"), "the preview reloads itself");
    let published = std::fs::read_to_string(root.join("dist/notice/es/index.html")).unwrap();
    assert!(
        !published.contains("<script"),
        "published pages have no script"
    );

    // A translation edited: the page is rebuilt.
    let es = root.join("locales/es/notice.ftl");
    edit(&es, "closing = Atentamente,", "closing = Muy atentamente,");
    wait_for_generation(&server, 2);
    let (_, _, page) = get(&server, "/notice/es/index.html", "es");
    assert!(page.contains("Muy atentamente,"), "{page}");

    // A message removed: shown in English, outlined in the preview.
    remove_message(&es, "closing");
    wait_for_generation(&server, 3);
    let (_, _, page) = get(&server, "/notice/es/index.html", "es");
    assert!(page.contains("<span class=\"fallback\" lang=\"en\" dir=\"ltr\">Yours,</span>"));
    assert!(page.contains(".fallback{outline"));

    // The file broken: the broken message is shown in English, every page
    // is served.
    edit(&es, "subject = Abrir", "subject = { Abrir");
    wait_for_generation(&server, 4);
    let (status, _, page) = get(&server, "/notice/es/index.html", "es");
    assert_eq!(status, 200, "{page}");
    assert!(
        page.contains("<span class=\"fallback\" lang=\"en\" dir=\"ltr\">"),
        "{page}"
    );
    // The problem is named on the page it affects, and on no other.
    assert!(
        page.contains("Preview: not published as written in this language")
            && page.contains("[syntax-error] locales/es/notice.ftl:"),
        "{page}"
    );
    let (status, _, english) = get(&server, "/notice/en/index.html", "en");
    assert_eq!(status, 200);
    assert!(!english.contains("not published as written"), "{english}");

    // Fixed: the page is back.
    edit(&es, "subject = { Abrir", "subject = Abrir");
    wait_for_generation(&server, 5);
    let (status, _, page) = get(&server, "/notice/es/index.html", "es");
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Abrir la biblioteca los domingos"));
    assert!(!page.contains("not published as written"), "{page}");

    let (status, _, _) = get(&server, "/../letterkit.toml", "en");
    assert_eq!(status, 404, "nothing outside the output folder");
}

/// A GET request with the given `Host`; the status code and the headers.
fn get_with_host(server: &Serve, path: &str, host: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(&server.address).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let head = response.split("\r\n\r\n").next().unwrap_or("");
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, head.to_lowercase())
}

#[test]
fn the_preview_weighs_languages_and_answers_only_to_its_own_names() {
    let project = copy_project(&crate::support::shipped());
    let server = serve(project.path());
    let letter = crate::support::LETTER;
    for (accept, lang) in [
        ("en;q=0.1, fr;q=0.9", "fr"),
        ("fr;q=0", "en"),
        ("de, ht;q=0.5", "ht"),
        ("es-MX", "es"),
        ("en;q=0, *;q=0.3", "es"),
    ] {
        let (status, head, _) = get(&server, "/", accept);
        assert_eq!(status, 302, "{accept}");
        assert!(
            head.contains(&format!("location: /{letter}/{lang}/index.html")),
            "{accept}: {head}"
        );
    }
    let (status, _, body) = get(&server, "/status", "en");
    assert_eq!(status, 200);
    assert!(body.contains("<title>Translation status</title>"), "{body}");
    let port = server.address.rsplit(':').next().unwrap().to_owned();
    for host in [format!("localhost:{port}"), format!("[::1]:{port}")] {
        assert_eq!(get_with_host(&server, "/status/", &host).0, 200, "{host}");
    }
    for host in [
        "attacker.example".to_owned(),
        format!("attacker.example:{port}"),
    ] {
        assert_eq!(get_with_host(&server, "/status/", &host).0, 421, "{host}");
    }
}

#[test]
fn a_lone_letter_is_offered_in_its_own_locales_only() {
    let project = copy_project(&fixture("small"));
    let root = project.path();
    edit(
        &root.join("content/notice/letter.toml"),
        "date = 2024-03-01",
        "locales = [\"en\"]\ndate = 2024-03-01",
    );
    std::fs::remove_file(root.join("locales/es/notice.ftl")).unwrap();
    let server = serve(root);
    let (status, head, _) = get(&server, "/", "es, en;q=0.5");
    assert_eq!(status, 302);
    assert!(head.contains("location: /notice/en/index.html"), "{head}");
    let (status, _, _) = get(&server, "/notice/es/index.html", "es");
    assert_eq!(status, 404, "no page for a locale the letter is not in");
}
