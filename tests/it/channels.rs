//! The other channels a letter goes out on: an email message read back by an
//! independent parser (Python's `email` package), and Markdown read back by
//! pulldown-cmark.

use std::process::Command;

use pulldown_cmark::{Event, Options, Parser, Tag};

use crate::support::{LETTER, LOCALES, copy_project, edit, letterkit, shipped, snapshot_settings};

/// Reads a message with Python's standard `email` package and returns what
/// it found, as JSON.
const READ_EMAIL: &str = r#"
import email, json, sys
from email import policy
message = email.message_from_bytes(sys.stdin.buffer.read(), policy=policy.default)
print(json.dumps({
    "subject": str(message["subject"]),
    "date": message["date"].datetime.isoformat() if message["date"] else None,
    "language": str(message["content-language"]),
    "type": message.get_content_type(),
    "defects": [str(d) for d in message.defects],
    "parts": [{
        "type": part.get_content_type(),
        "charset": part.get_content_charset(),
        "format": part.get_param("format"),
        "language": str(part["content-language"]),
        "content": part.get_content(),
        "defects": [str(d) for d in part.defects],
    } for part in message.iter_parts()],
}))
"#;

fn read_email(message: &str) -> serde_json::Value {
    let mut child = Command::new("python3")
        .args(["-c", READ_EMAIL])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs (it comes with the machine; .ci/run relies on it)");
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(message.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "python could not read the message");
    serde_json::from_slice(&output.stdout).unwrap()
}

/// Undoes format=flowed (RFC 3676): a line ending in a space goes on in the
/// next; a leading space is stuffing.
fn reflow(text: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    for line in text.replace("\r\n", "\n").split('\n') {
        let line = line.strip_prefix(' ').unwrap_or(line);
        current.push_str(line);
        if !line.ends_with(' ') {
            paragraphs.push(std::mem::take(&mut current));
        }
    }
    paragraphs
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_email_reads_back_with_both_parts_in_the_letters_language() {
    for locale in LOCALES {
        let run = letterkit(&shipped(), &["render", LETTER, locale, "--format", "email"]);
        assert_eq!(run.code, 0, "{}", run.transcript());
        let message = read_email(&run.stdout);
        assert_eq!(message["type"], "multipart/alternative", "{locale}");
        assert_eq!(message["language"], *locale);
        assert_eq!(message["defects"], serde_json::json!([]));
        let parts = message["parts"].as_array().unwrap();
        assert_eq!(parts.len(), 2);
        let (plain, html) = (&parts[0], &parts[1]);
        assert_eq!(plain["type"], "text/plain");
        assert_eq!(plain["format"], "flowed");
        assert_eq!(html["type"], "text/html");
        for part in parts {
            assert_eq!(part["charset"], "utf-8");
            assert_eq!(part["language"], *locale);
            assert_eq!(part["defects"], serde_json::json!([]));
        }

        // The flowed text reflows into the plain letter's paragraphs.
        let text = letterkit(&shipped(), &["render", LETTER, locale]).stdout;
        let flowed = plain["content"].as_str().unwrap();
        assert_eq!(
            collapse(flowed),
            collapse(&text),
            "{locale}: the same words"
        );
        let reflowed = reflow(flowed);
        for block in text.split("\n\n") {
            let lines: Vec<&str> = block.lines().collect();
            // A paragraph wrapped for width: every line but the last nearly full.
            let prose = lines.len() > 1
                && !lines[0].starts_with("- ")
                && !lines[0].starts_with('[')
                && lines[..lines.len() - 1]
                    .iter()
                    .all(|l| l.chars().count() >= 55);
            if prose {
                let paragraph = lines.join(" ");
                assert!(
                    reflowed.iter().any(|line| line.trim_end() == paragraph),
                    "{locale}: not reflowed into one line: {paragraph}"
                );
            }
        }
        for line in flowed.lines() {
            assert!(
                line.trim_end().chars().count() <= 78 || line.contains("://"),
                "{line}"
            );
        }

        let page = html["content"].as_str().unwrap();
        assert!(page.contains(&format!("<html lang=\"{locale}\"")));
        assert!(
            !page.contains("../"),
            "{locale}: no links that lead nowhere in mail"
        );
        assert!(!page.contains(" src="), "{locale}: no external resources");
        assert!(!page.contains("<link"), "{locale}: no external resources");
    }
    let subject = read_email(
        &letterkit(&shipped(), &["render", LETTER, "es", "--format", "email"]).stdout,
    )["subject"]
        .clone();
    assert_eq!(
        subject,
        "Restablecer plenamente el asilo en la frontera entre Estados Unidos y México y garantizar la protección de los derechos de las personas refugiadas y migrantes"
    );
}

/// The subject and the date (as RFC 3339) as the Rust mail-parser crate reads them.
fn read_email_with_mail_parser(message: &str) -> (String, String, i64) {
    let parsed = mail_parser::MessageParser::default()
        .parse(message.as_bytes())
        .expect("mail-parser reads the message");
    let date = parsed.date().expect("a Date header");
    (
        parsed.subject().unwrap_or_default().to_owned(),
        date.to_rfc3339(),
        date.to_timestamp(),
    )
}

#[test]
fn the_email_is_dated_noon_of_the_letters_day_in_its_time_zone() {
    let zones = [
        ("America/New_York", "2023-01-06T12:00:00-05:00"),
        ("America/Mexico_City", "2023-01-06T12:00:00-06:00"),
        ("America/Port-au-Prince", "2023-01-06T12:00:00-05:00"),
    ];
    for (zone, expected) in zones {
        let project = copy_project(&shipped());
        edit(
            &project
                .path()
                .join("content")
                .join(LETTER)
                .join("letter.toml"),
            "date = 2023-01-06\n",
            &format!("date = 2023-01-06\ntimezone = \"{zone}\"\n"),
        );
        for locale in LOCALES {
            let run = letterkit(
                project.path(),
                &["render", LETTER, locale, "--format", "email"],
            );
            assert_eq!(run.code, 0, "{}", run.transcript());
            let python = read_email(&run.stdout);
            assert_eq!(python["date"], expected, "{zone} {locale}");
            assert_eq!(python["defects"], serde_json::json!([]));
            let (_, date, timestamp) = read_email_with_mail_parser(&run.stdout);
            assert_eq!(date, expected, "{zone} {locale}");
            // A reader up to 11 hours from the zone reads 6 January 2023 (day
            // 19363 since 1970).
            let zone_hours: i64 = expected[19..22].parse().unwrap();
            for reader in zone_hours - 11..=zone_hours + 11 {
                let day = (timestamp + reader * 3600).div_euclid(86_400);
                assert_eq!(
                    day, 19_363,
                    "{zone}: a reader at UTC{reader:+} reads another day"
                );
            }
        }
    }
}

#[test]
fn an_encoded_word_in_a_translation_reaches_the_reader_as_written() {
    let project = copy_project(&shipped());
    let planted = "=?utf-8?B?VVJHRU5UOiB2ZXJpZnkgeW91ciBhY2NvdW50?= Rétablir l’asile";
    edit(
        &project.path().join(format!("locales/fr/{LETTER}.ftl")),
        "subject = Rétablir pleinement l’asile à la frontière entre les États-Unis et le Mexique et garantir la protection des droits des personnes réfugiées et migrantes",
        &format!("subject = {planted}"),
    );
    let run = letterkit(
        project.path(),
        &["render", LETTER, "fr", "--format", "email"],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(read_email(&run.stdout)["subject"], planted);
    assert_eq!(read_email_with_mail_parser(&run.stdout).0, planted);
    let english = letterkit(
        project.path(),
        &["render", LETTER, "en", "--format", "email"],
    );
    assert_eq!(
        read_email_with_mail_parser(&english.stdout).1,
        "2023-01-06T12:00:00Z",
        "a letter that names no time zone is dated noon UTC"
    );
}

#[test]
fn the_email_is_the_same_bytes_every_time() {
    let first = letterkit(&shipped(), &["render", LETTER, "fr", "--format", "email"]).stdout;
    let second = letterkit(&shipped(), &["render", LETTER, "fr", "--format", "email"]).stdout;
    assert_eq!(first, second);
}

/// The text a Markdown document shows, block by block, without footnote
/// markers.
fn markdown_text(markdown: &str) -> String {
    let mut out = String::new();
    for event in Parser::new_ext(markdown, Options::ENABLE_FOOTNOTES) {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => out.push(' '),
            Event::Start(Tag::Link { dest_url, .. }) if dest_url.is_empty() => {}
            _ => {}
        }
    }
    collapse(&out)
}

#[test]
fn markdown_reads_back_as_the_letters_text() {
    for locale in LOCALES {
        let run = letterkit(
            &shipped(),
            &["render", LETTER, locale, "--format", "markdown"],
        );
        assert_eq!(run.code, 0, "{}", run.transcript());
        let markdown = run.stdout;
        // The plain letter, without its note markers and list bullets.
        let text = letterkit(&shipped(), &["render", LETTER, locale]).stdout;
        let mut expected = String::new();
        for line in text.lines() {
            let line = line.strip_prefix("- ").unwrap_or(line);
            expected.push_str(line);
            expected.push(' ');
        }
        let marker = regex_free_note_markers(&expected);
        assert_eq!(markdown_text(&markdown), collapse(&marker), "{locale}");
        let events: Vec<Event<'_>> =
            Parser::new_ext(&markdown, Options::ENABLE_FOOTNOTES).collect();
        let references = events
            .iter()
            .filter(|e| matches!(e, Event::FootnoteReference(_)))
            .count();
        let definitions = events
            .iter()
            .filter(|e| matches!(e, Event::Start(Tag::FootnoteDefinition(_))))
            .count();
        assert_eq!((references, definitions), (4, 4), "{locale}");
        assert!(
            events
                .iter()
                .any(|e| matches!(e, Event::Start(Tag::Heading { .. }))),
            "{locale}: the subject is a heading"
        );
    }
    snapshot_settings().bind(|| {
        insta::assert_snapshot!(
            format!("{LETTER}__en__markdown"),
            letterkit(
                &shipped(),
                &["render", LETTER, "en", "--format", "markdown"]
            )
            .stdout
        );
    });
}

/// The text without `[N]` note markers (a number in brackets).
fn regex_free_note_markers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('[') {
        let after = &rest[start + 1..];
        let digits = after.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && after[digits..].starts_with(']') {
            out.push_str(&rest[..start]);
            rest = &after[digits + 1..];
        } else {
            out.push_str(&rest[..=start]);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn build_writes_email_and_markdown_on_request_only() {
    let out = tempfile::tempdir().unwrap();
    let plain = out.path().join("plain");
    let both = out.path().join("both");
    let run = letterkit(&shipped(), &["build", "--out", plain.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(!plain.join(LETTER).join("es/letter.eml").exists());
    let run = letterkit(
        &shipped(),
        &[
            "build",
            "--email",
            "--markdown",
            "--out",
            both.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    for locale in LOCALES {
        let folder = both.join(LETTER).join(locale);
        let rendered = |format: &str| {
            letterkit(&shipped(), &["render", LETTER, locale, "--format", format]).stdout
        };
        assert_eq!(
            std::fs::read_to_string(folder.join("letter.eml")).unwrap(),
            rendered("email")
        );
        assert_eq!(
            std::fs::read_to_string(folder.join("letter.md")).unwrap(),
            rendered("markdown")
        );
    }
}

#[test]
fn build_writes_the_translation_dashboard_and_a_badge_per_language() {
    let project = crate::support::copy_project(&shipped());
    crate::support::remove_message(
        &project.path().join("locales/ht/us-mexico-asylum-2023.ftl"),
        "body-dangers",
    );
    let out = tempfile::tempdir().unwrap();
    let dist = out.path().join("dist");
    let run = letterkit(project.path(), &["build", "--out", dist.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let page = std::fs::read_to_string(dist.join("status/index.html")).unwrap();
    // A row per language for the letter, and one for the page text.
    assert_eq!(page.matches("<tr><th scope=\"row\">").count(), 8);
    assert!(page.contains(
        "<td><span lang=\"ht\" dir=\"ltr\">Kreyòl ayisyen</span> (ht)</td><td class=\"number\">21/22</td><td class=\"number\">664/750</td><td class=\"number\">0</td><td>partial</td><td>draft</td>"
    ), "{page}");
    assert!(page.contains("</svg>88%</td>"), "{page}");
    let badge = std::fs::read_to_string(dist.join(format!("status/{LETTER}-ht.svg"))).unwrap();
    assert!(badge.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(
        badge.contains("<title>ht: 88% of words translated</title>"),
        "{badge}"
    );
    assert!(
        badge.contains("fill=\"#8a5a00\""),
        "partial is not green: {badge}"
    );
    let complete = std::fs::read_to_string(dist.join(format!("status/{LETTER}-es.svg"))).unwrap();
    assert!(complete.contains("<title>es: 100% of words translated</title>"));
    assert!(complete.contains("fill=\"#2e7d32\""));
}

#[test]
fn front_matter_opens_the_markdown_on_request_and_build_writes_what_render_prints() {
    let render = |locale: &str, extra: &[&str]| {
        let mut args = vec!["render", LETTER, locale, "--format", "markdown"];
        args.extend(extra);
        letterkit(&shipped(), &args)
    };
    let es = render("es", &["--front-matter"]);
    assert_eq!(es.code, 0, "{}", es.transcript());
    let (matter, body) = es
        .stdout
        .strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---\n"))
        .expect("front matter between --- lines");
    // The body is the Markdown without front matter, after a blank line.
    assert_eq!(body.trim_start(), render("es", &[]).stdout);
    snapshot_settings().bind(|| {
        insta::assert_snapshot!(format!("{LETTER}__es__front_matter"), matter);
    });

    let out = tempfile::tempdir().unwrap();
    let dist = out.path().join("dist");
    let run = letterkit(
        &shipped(),
        &[
            "build",
            "--markdown",
            "--front-matter",
            "--out",
            dist.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    for locale in LOCALES {
        assert_eq!(
            std::fs::read_to_string(dist.join(LETTER).join(locale).join("letter.md")).unwrap(),
            render(locale, &["--front-matter"]).stdout,
            "{locale}"
        );
    }

    // Front matter belongs to the Markdown alone.
    let run = letterkit(&shipped(), &["build", "--front-matter", "--out", "x"]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(run.stderr.contains("--markdown"), "{}", run.stderr);
    let run = letterkit(&shipped(), &["render", LETTER, "es", "--front-matter"]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(run.stderr.contains("--format markdown"), "{}", run.stderr);
}
