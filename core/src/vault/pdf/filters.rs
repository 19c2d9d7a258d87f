//! Stream filters (ISO 32000-1 §7.4): `FlateDecode` with the PNG predictors,
//! `ASCIIHexDecode`, `ASCII85Decode` and `RunLengthDecode`, each refusing to produce
//! more than a limit. Other filters (LZW, image codecs) are not decoded: a 資格情報's
//! text never needs them, and text that was not decoded is not screened (R10).

use super::object::{Dictionary, Object};

/// Why a stream's data was not decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    /// It decodes to more than its limit.
    OverLimit,
    /// A filter this reader does not decode, or data that is not what its filter says.
    Undecodable,
}

/// Decodes `raw` by the filters of `dict` (and their `/DecodeParms`), at most `limit`
/// bytes after each filter.
pub fn decode(dict: &Dictionary, raw: &[u8], limit: usize) -> Result<Vec<u8>, DecodeError> {
    let filters = dict.get(b"Filter").map(Object::names).unwrap_or_default();
    let parms = dict.get(b"DecodeParms");
    if filters.is_empty() {
        return within(raw.to_vec(), limit);
    }
    let mut data = raw.to_vec();
    for (index, filter) in filters.iter().enumerate() {
        let parms = match parms {
            Some(Object::Array(items)) => items.get(index),
            other => other,
        };
        data = match *filter {
            b"FlateDecode" | b"Fl" => {
                let inflated = inflate(&data, limit)?;
                predict(&inflated, parms.and_then(Object::as_dict))?
            }
            b"ASCIIHexDecode" | b"AHx" => ascii_hex(&data),
            b"ASCII85Decode" | b"A85" => ascii85(&data)?,
            b"RunLengthDecode" | b"RL" => run_length(&data, limit)?,
            _ => return Err(DecodeError::Undecodable),
        };
        data = within(data, limit)?;
    }
    Ok(data)
}

fn within(data: Vec<u8>, limit: usize) -> Result<Vec<u8>, DecodeError> {
    if data.len() > limit {
        return Err(DecodeError::OverLimit);
    }
    Ok(data)
}

/// Inflates zlib (or raw deflate) data, refusing more than `limit` bytes of output.
/// Data that stops decoding midway gives what was decoded.
pub fn inflate(input: &[u8], limit: usize) -> Result<Vec<u8>, DecodeError> {
    let attempt = |zlib_header: bool| -> Result<Vec<u8>, DecodeError> {
        let mut decoder = flate2::Decompress::new(zlib_header);
        let mut output: Vec<u8> = Vec::new();
        loop {
            let consumed = usize::try_from(decoder.total_in()).unwrap_or(usize::MAX);
            let rest = input.get(consumed..).unwrap_or_default();
            if output.len() > limit {
                return Err(DecodeError::OverLimit);
            }
            let room = (limit + 1 - output.len()).min(64 * 1024);
            output.reserve(room);
            let before = (decoder.total_in(), decoder.total_out());
            let status = decoder.decompress_vec(rest, &mut output, flate2::FlushDecompress::None);
            match status {
                Ok(flate2::Status::StreamEnd) | Err(_) => break,
                Ok(_) if (decoder.total_in(), decoder.total_out()) == before => break,
                Ok(_) => {}
            }
        }
        within(output, limit)
    };
    let output = attempt(true)?;
    if output.is_empty() && !input.is_empty() {
        return attempt(false);
    }
    Ok(output)
}

/// Undoes the predictor `/DecodeParms` names: none, or the PNG ones (10–15), whose every
/// row starts with its own filter type (cross-reference streams use them).
fn predict(data: &[u8], parms: Option<&Dictionary>) -> Result<Vec<u8>, DecodeError> {
    let parameter = |key: &[u8], default: usize| {
        parms
            .and_then(|p| p.get(key))
            .and_then(Object::as_usize)
            .unwrap_or(default)
    };
    match parameter(b"Predictor", 1) {
        1 => return Ok(data.to_vec()),
        10..=15 => {}
        _ => return Err(DecodeError::Undecodable),
    }
    let colors = parameter(b"Colors", 1);
    let bits = parameter(b"BitsPerComponent", 8);
    let columns = parameter(b"Columns", 1);
    if !(1..=32).contains(&colors) || !matches!(bits, 1 | 2 | 4 | 8 | 16) || columns == 0 {
        return Err(DecodeError::Undecodable);
    }
    let pixel = (colors * bits).div_ceil(8);
    let row = columns
        .checked_mul(colors * bits)
        .map(|b| b.div_ceil(8))
        .ok_or(DecodeError::Undecodable)?;
    let mut output = Vec::with_capacity(data.len());
    let mut previous = vec![0u8; row];
    for chunk in data.chunks(row + 1) {
        let Some((&kind, encoded)) = chunk.split_first() else {
            break;
        };
        let mut current = encoded.to_vec();
        current.resize(row, 0);
        for i in 0..row {
            let left = i.checked_sub(pixel).and_then(|j| current.get(j)).copied();
            let left = left.unwrap_or(0);
            let up = previous.get(i).copied().unwrap_or(0);
            let up_left = i
                .checked_sub(pixel)
                .and_then(|j| previous.get(j))
                .copied()
                .unwrap_or(0);
            let add = match kind {
                0 => 0,
                1 => left,
                2 => up,
                3 => ((u16::from(left) + u16::from(up)) / 2) as u8,
                4 => paeth(left, up, up_left),
                _ => return Err(DecodeError::Undecodable),
            };
            if let Some(byte) = current.get_mut(i) {
                *byte = byte.wrapping_add(add);
            }
        }
        output.extend_from_slice(current.get(..encoded.len()).unwrap_or_default());
        previous = current;
    }
    Ok(output)
}

fn paeth(left: u8, up: u8, up_left: u8) -> u8 {
    let estimate = i16::from(left) + i16::from(up) - i16::from(up_left);
    let distance = |value: u8| (estimate - i16::from(value)).abs();
    if distance(left) <= distance(up) && distance(left) <= distance(up_left) {
        left
    } else if distance(up) <= distance(up_left) {
        up
    } else {
        up_left
    }
}

/// Hex digits up to `>`; white space is skipped, an odd last digit is followed by 0.
fn ascii_hex(data: &[u8]) -> Vec<u8> {
    let digits: Vec<u8> = data
        .iter()
        .take_while(|b| **b != b'>')
        .filter_map(|b| char::from(*b).to_digit(16))
        .map(|d| d as u8)
        .collect();
    digits
        .chunks(2)
        .map(|pair| pair.iter().fold(0u8, |acc, d| acc << 4 | d) << (4 * (2 - pair.len())))
        .collect()
}

/// Base-85 groups up to `~>`; `z` stands for four zeros.
fn ascii85(data: &[u8]) -> Result<Vec<u8>, DecodeError> {
    let mut output = Vec::with_capacity(data.len() / 5 * 4 + 4);
    let mut group = [0u8; 5];
    let mut filled = 0usize;
    for &byte in data {
        match byte {
            b'~' => break,
            b'z' if filled == 0 => output.extend_from_slice(&[0; 4]),
            b'!'..=b'u' => {
                if let Some(slot) = group.get_mut(filled) {
                    *slot = byte - b'!';
                }
                filled += 1;
                if filled == 5 {
                    output.extend_from_slice(&base85_word(&group)?);
                    filled = 0;
                }
            }
            _ if super::syntax::is_whitespace(byte) => {}
            _ => return Err(DecodeError::Undecodable),
        }
    }
    if filled == 1 {
        return Err(DecodeError::Undecodable);
    }
    if filled > 1 {
        let mut last = [b'u' - b'!'; 5];
        last.get_mut(..filled)
            .unwrap_or_default()
            .copy_from_slice(group.get(..filled).unwrap_or_default());
        let word = base85_word(&last)?;
        output.extend_from_slice(word.get(..filled - 1).unwrap_or_default());
    }
    Ok(output)
}

fn base85_word(group: &[u8; 5]) -> Result<[u8; 4], DecodeError> {
    let value = group
        .iter()
        .fold(0u64, |acc, digit| acc * 85 + u64::from(*digit));
    u32::try_from(value)
        .map(u32::to_be_bytes)
        .map_err(|_| DecodeError::Undecodable)
}

/// Runs and literals up to the end-of-data byte 128.
fn run_length(data: &[u8], limit: usize) -> Result<Vec<u8>, DecodeError> {
    let mut output = Vec::new();
    let mut rest = data;
    while let Some((&length, tail)) = rest.split_first() {
        match length {
            128 => break,
            0..=127 => {
                let count = usize::from(length) + 1;
                output.extend_from_slice(tail.get(..count).unwrap_or(tail));
                rest = tail.get(count..).unwrap_or_default();
            }
            _ => {
                let Some((&byte, tail)) = tail.split_first() else {
                    break;
                };
                output.extend(std::iter::repeat_n(byte, 257 - usize::from(length)));
                rest = tail;
            }
        }
        if output.len() > limit {
            return Err(DecodeError::OverLimit);
        }
    }
    Ok(output)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;
    use crate::vault::pdf::object::read_object;
    use crate::vault::pdf::syntax::Lexer;

    fn dict(text: &[u8]) -> Dictionary {
        read_object(&mut Lexer::new(text), usize::MAX)
            .and_then(|o| o.as_dict().cloned())
            .unwrap()
    }

    fn deflated(data: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(data).unwrap();
        encoder.finish().unwrap()
    }

    #[test]
    fn inflation_is_bounded() {
        let compressed = deflated(&[0u8; 100_000]);
        assert_eq!(inflate(&compressed, 100_000).unwrap().len(), 100_000);
        assert_eq!(inflate(&compressed, 99_999), Err(DecodeError::OverLimit));
        assert!(inflate(b"not deflate at all", 10).unwrap().len() <= 10);
    }

    #[test]
    fn png_rows_are_predicted() {
        // Two rows of three columns: "up" on the second adds the first row to it.
        let rows = [2u8, 1, 2, 3, 2, 1, 1, 1];
        let parms = b"<< /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 3 >> >>";
        let decoded = decode(&dict(parms), &deflated(&rows), 100).unwrap();
        assert_eq!(decoded, [1, 2, 3, 2, 3, 4]);
        let sub = [1u8, 5, 1, 1];
        let parms = b"<< /Filter /FlateDecode /DecodeParms << /Predictor 11 /Columns 3 >> >>";
        assert_eq!(
            decode(&dict(parms), &deflated(&sub), 100).unwrap(),
            [5, 6, 7]
        );
    }

    #[test]
    fn text_filters_decode_and_chain() {
        let hex = dict(b"<< /Filter /ASCIIHexDecode >>");
        assert_eq!(decode(&hex, b"48 69 7>", 10).unwrap(), b"Hip");
        let a85 = dict(b"<< /Filter /A85 >>");
        assert_eq!(
            decode(&a85, b"87cURD]j7BEbo7~>", 20).unwrap(),
            b"Hello world"
        );
        assert_eq!(decode(&a85, b"z~>", 20).unwrap(), [0; 4]);
        let rl = dict(b"<< /Filter /RunLengthDecode >>");
        assert_eq!(
            decode(&rl, &[1, b'a', b'b', 254, b'c', 128], 10).unwrap(),
            b"abccc"
        );
        assert_eq!(
            decode(&rl, &[129, b'x'], 128),
            Ok(vec![b'x'; 128]),
            "a run of 128"
        );
        assert_eq!(decode(&rl, &[129, b'x'], 127), Err(DecodeError::OverLimit));
        let chain = dict(b"<< /Filter [/AHx /FlateDecode] >>");
        let hex_of_deflated: String = deflated(b"BT ET")
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(
            decode(&chain, hex_of_deflated.as_bytes(), 100).unwrap(),
            b"BT ET"
        );
        assert_eq!(
            decode(&dict(b"<< /Filter /LZWDecode >>"), b"", 10),
            Err(DecodeError::Undecodable)
        );
        assert_eq!(
            decode(&Dictionary::default(), b"12345", 4),
            Err(DecodeError::OverLimit)
        );
    }
}
