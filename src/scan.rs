//! Looking through text for the few characters that matter, 32 bytes at a
//! time.
//!
//! check reads every message for markup, digits and hidden characters, and
//! most messages hold none of them. A test of each byte with the two after
//! it, made of comparisons joined without branches, is run on a whole block
//! at once (the compiler turns it into vector instructions); only a block
//! that holds a match is looked at byte by byte. That is several times
//! quicker than a scan that stops at each byte, and a test on three bytes
//! tells a UTF-8 character from its neighbours in the same script.

/// Bytes tested together.
const BLOCK: usize = 32;

/// The offsets `i`, in order, where `test(bytes[i], bytes[i + 1],
/// bytes[i + 2])` holds, with 0 for a byte past the end. `test` should be
/// comparisons joined with `&` and `|`, without branches: it runs on
/// every byte.
pub(crate) fn offsets_where<T>(bytes: &[u8], test: T) -> Offsets<'_, T>
where
    T: Fn(u8, u8, u8) -> bool,
{
    Offsets {
        bytes,
        test,
        next: 0,
        candidates_to: 0,
    }
}

/// The offset of the first byte that passes `test`.
pub(crate) fn first_where(bytes: &[u8], test: impl Fn(u8) -> bool) -> Option<usize> {
    offsets_where(bytes, |b, _, _| test(b)).next()
}

/// Whether `byte` is in `low..=high`, without a branch (for a test).
pub(crate) fn in_range(byte: u8, low: u8, high: u8) -> bool {
    byte.wrapping_sub(low) <= high.wrapping_sub(low)
}

/// The iterator of [`offsets_where`].
pub(crate) struct Offsets<'b, T> {
    bytes: &'b [u8],
    test: T,
    /// The next offset to test byte by byte...
    next: usize,
    /// ...up to here, the end of a block that holds a match.
    candidates_to: usize,
}

impl<T> Iterator for Offsets<'_, T>
where
    T: Fn(u8, u8, u8) -> bool,
{
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        let byte = |i: usize| self.bytes.get(i).copied().unwrap_or(0);
        loop {
            while self.next < self.candidates_to {
                let i = self.next;
                self.next += 1;
                if (self.test)(self.bytes[i], byte(i + 1), byte(i + 2)) {
                    return Some(i);
                }
            }
            if self.next >= self.bytes.len() {
                return None;
            }
            // Whole blocks while the two bytes after each are in the text;
            // what is left is tested byte by byte.
            let mut start = self.next;
            self.candidates_to = loop {
                let Some(window) = self.bytes.get(start..start + BLOCK + 2) else {
                    break self.bytes.len();
                };
                if block_holds_match(window, &self.test) {
                    break start + BLOCK;
                }
                start += BLOCK;
            };
            self.next = start;
        }
    }
}

/// Whether a byte of the block (the window's first [`BLOCK`] bytes) passes
/// `test`, all tested at once.
#[inline]
fn block_holds_match(window: &[u8], test: &impl Fn(u8, u8, u8) -> bool) -> bool {
    let (first, second, third) = (&window[..BLOCK], &window[1..=BLOCK], &window[2..BLOCK + 2]);
    let mut hit = 0u8;
    for k in 0..BLOCK {
        hit |= u8::from(test(first[k], second[k], third[k]));
    }
    hit != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_byte_that_passes_wherever_it_is() {
        let is_mark = |b: u8| (b == b'*') | (b == b'[');
        for len in 0..100 {
            for at in 0..len {
                for second in [None, Some(len - 1), Some((at + 33).min(len - 1))] {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = b'*';
                    if let Some(second) = second {
                        bytes[second] = b'[';
                    }
                    let expected: Vec<usize> = (0..len).filter(|&i| is_mark(bytes[i])).collect();
                    let found: Vec<usize> = offsets_where(&bytes, |b, _, _| is_mark(b)).collect();
                    assert_eq!(found, expected, "length {len}, at {at}, {second:?}");
                    assert_eq!(first_where(&bytes, is_mark), expected.first().copied());
                }
            }
            assert_eq!(first_where(&vec![b'a'; len], is_mark), None);
        }
    }

    #[test]
    fn the_bytes_after_each_are_seen_across_blocks_and_at_the_end() {
        let is_pair = |a: u8, b: u8, c: u8| (a == 0xE2) & (b == 0x80) & (c == 0x8B);
        for len in 3..100 {
            for at in 0..=len - 3 {
                let mut bytes = vec![b'a'; len];
                bytes[at..at + 3].copy_from_slice(&[0xE2, 0x80, 0x8B]);
                assert_eq!(offsets_where(&bytes, is_pair).collect::<Vec<_>>(), [at]);
                // Cut short, the sequence is no match.
                let cut = &bytes[..at + 2];
                assert_eq!(offsets_where(cut, is_pair).count(), 0, "{len} {at}");
            }
        }
    }
}
