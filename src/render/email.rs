//! The letter as an email message (RFC 5322 with MIME, written by
//! mail-builder): `multipart/alternative` with the plain text as
//! `text/plain; format=flowed` (RFC 3676) and the standalone HTML page, each
//! part and the message marked with `Content-Language`. No external resources;
//! the subject is the letter's; the date is the letter's; the Message-ID and
//! the MIME boundary are derived from the letter and locale, so the same input
//! always gives the same bytes. `From` is written where the letter gives a
//! `sender-email` (named by its `sender`); otherwise From and To are the
//! mailing tool's to add.

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
    let mut parts = iso.splitn(3, '-').map(|p| p.parse::<i64>().unwrap_or(0));
    let (year, month, day) = (
        parts.next().unwrap_or(1970),
        parts.next().unwrap_or(1),
        parts.next().unwrap_or(1),
    );
    // Days from the civil date (H. Hinnant's algorithm, proleptic Gregorian).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let month_index = (month + 9) % 12;
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    (era * 146_097 + day_of_era - 719_468) * 86_400
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_become_unix_time() {
        assert_eq!(unix_time("1970-01-01"), 0);
        assert_eq!(unix_time("2023-01-06"), 1_672_963_200);
        assert_eq!(unix_time("2000-03-01"), 951_868_800);
    }
}
