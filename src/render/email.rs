//! The letter as an email message (RFC 5322 with MIME, written by
//! mail-builder): `multipart/alternative` with the plain text as
//! `text/plain; format=flowed` (RFC 3676; `delsp=yes` where a line breaks
//! between characters written without a space, as Japanese is) and the standalone HTML page, each
//! part and the message marked with `Content-Language`. No external resources;
//! the subject is the letter's, encoded so that clients show it as written;
//! the date is noon of the letter's date in its time zone; the Message-ID and
//! the MIME boundary are derived from the letter and locale, so the same input
//! always gives the same bytes. `From` is written where the letter gives a
//! `sender-email` (named by its `sender`); otherwise From and To are the
//! mailing tool's to add.

use icu_calendar::{Date as IcuDate, Iso};
use mail_builder::MessageBuilder;
use mail_builder::headers::content_type::ContentType;
use mail_builder::headers::date::Date;
use mail_builder::headers::raw::Raw;
use mail_builder::headers::text::Text;
use mail_builder::mime::MimePart;

use crate::document::Document;
use crate::render::{html, text};

/// The message, with CRLF line ends.
pub fn message(document: &Document) -> String {
    let flowed = text::flowed(document);
    let plain = flowed.text.replace('\n', "\r\n");
    let page = html::standalone_page(document).replace('\n', "\r\n");
    let tag = document.lang.tag();
    let mut boundary = format!("letterkit-{}-{}", document.letter, tag);
    while plain.contains(&boundary) || page.contains(&boundary) {
        boundary.push('_');
    }
    let mut plain_type = ContentType::new("text/plain")
        .attribute("charset", "utf-8")
        .attribute("format", "flowed");
    if flowed.delsp {
        plain_type = plain_type.attribute("delsp", "yes");
    }
    let alternative = MimePart::new(
        ContentType::new("multipart/alternative").attribute("boundary", boundary),
        vec![
            MimePart::new(plain_type, plain).language(tag.to_owned()),
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
        .header("Subject", header_text(&document.subject.plain_text()))
        .header("Content-Language", Text::new(tag.to_owned()));
    let builder = match &document.date.noon {
        Some(noon) => builder.header("Date", Raw::new(noon.clone())),
        None => builder.date(Date::new(unix_time(&document.date.iso) + 12 * 3600)),
    };
    let builder = builder
        .message_id(format!("{}.{}@letterkit.invalid", document.letter, tag))
        .body(alternative);
    builder
        .write_to_string()
        .expect("writing a message to a String")
}

/// A header value that mail clients show as `text`, whatever it holds.
///
/// Text that already looks like an RFC 2047 encoded word (`=?utf-8?B?...?=`,
/// written into a translation) would be decoded by clients into text that
/// `check` never saw; it is therefore encoded whole, as base64 encoded
/// words, which decode back to the characters as written. Other text is left
/// to mail-builder, which encodes what needs it.
pub fn header_text(text: &str) -> mail_builder::headers::HeaderType<'static> {
    if !text.contains("=?") {
        return Text::new(text.to_owned()).into();
    }
    // 45 bytes give 60 base64 characters: with `=?utf-8?B?` and `?=`, a word
    // of 72, within the 75 RFC 2047 allows.
    let mut words = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let mut end = (start + 45).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        words.push(format!(
            "=?utf-8?B?{}?=",
            base64(&text.as_bytes()[start..end])
        ));
        start = end;
    }
    Raw::new(words.join(" ")).into()
}

/// Standard base64 (RFC 4648) with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
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

    #[test]
    fn base64_pads_as_rfc_4648_says() {
        for (bytes, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(bytes.as_bytes()), encoded);
        }
    }
}
