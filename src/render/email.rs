//! The letter as an email message (RFC 5322 with MIME, written by
//! mail-builder): `multipart/alternative` with the plain text as
//! `text/plain; format=flowed` (RFC 3676) and the standalone HTML page, each
//! part and the message marked with `Content-Language`. No external resources;
//! the subject is the letter's; the date is the letter's; the Message-ID and
//! the MIME boundary are derived from the letter and locale, so the same input
//! always gives the same bytes. `From` is written where the letter gives a
//! `sender-email` (named by its `sender`); otherwise From and To are the
//! mailing tool's to add.

use icu_calendar::{Date as IcuDate, Iso};
use mail_builder::MessageBuilder;
use mail_builder::headers::content_type::ContentType;
use mail_builder::headers::date::Date;
use mail_builder::headers::text::Text;
use mail_builder::mime::MimePart;

use crate::document::Document;
use crate::render::{html, text};

/// The message, with CRLF line ends.
pub fn message(document: &Document) -> String {
    let plain = text::flowed(document).replace('\n', "\r\n");
    let page = html::standalone_page(document).replace('\n', "\r\n");
    let tag = document.lang.tag();
    let mut boundary = format!("letterkit-{}-{}", document.letter, tag);
    while plain.contains(&boundary) || page.contains(&boundary) {
        boundary.push('_');
    }
    let alternative = MimePart::new(
        ContentType::new("multipart/alternative").attribute("boundary", boundary),
        vec![
            MimePart::new(
                ContentType::new("text/plain")
                    .attribute("charset", "utf-8")
                    .attribute("format", "flowed"),
                plain,
            )
            .language(tag.to_owned()),
            MimePart::new(
                ContentType::new("text/html").attribute("charset", "utf-8"),
                page,
            )
            .language(tag.to_owned()),
        ],
    );
    let mut builder = MessageBuilder::new();
    // Only an address the letter gives: From is otherwise the mailing tool's to add.
    if let Some(email) = &document.sender_email {
        builder = match &document.sender {
            Some(name) => builder.from((name.as_str(), email.as_str())),
            None => builder.from(email.as_str()),
        };
    }
    let builder = builder
        .subject(document.subject.plain_text())
        .header("Content-Language", Text::new(tag.to_owned()))
        .date(Date::new(unix_time(&document.date.iso)))
        .message_id(format!("{}.{}@letterkit.invalid", document.letter, tag))
        .body(alternative);
    builder
        .write_to_string()
        .expect("writing a message to a String")
}

/// Seconds since 1970 at midnight UTC of an ISO date (`2023-01-06`); 0 if
/// it is not one.
fn unix_time(iso: &str) -> i64 {
    let epoch = IcuDate::try_new_iso(1970, 1, 1).expect("1970-01-01 is a date");
    iso_date(iso).map_or(0, |date| {
        date.to_rata_die().since(epoch.to_rata_die()) * 86_400
    })
}

fn iso_date(iso: &str) -> Option<IcuDate<Iso>> {
    let mut parts = iso.splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    IcuDate::try_new_iso(year, month, day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_become_unix_time() {
        assert_eq!(unix_time("1970-01-01"), 0);
        assert_eq!(unix_time("2023-01-06"), 1_672_963_200);
        assert_eq!(unix_time("2000-03-01"), 951_868_800);
        assert_eq!(unix_time("1969-12-31"), -86_400);
        assert_eq!(unix_time("not a date"), 0);
    }
}
