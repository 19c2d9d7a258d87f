//! Authenticated encryption at rest (DESIGN.md principle 5), on ring's AEAD.
//!
//! A sealed blob is `format ‖ nonce ‖ ciphertext ‖ tag`: one format byte (high nibble the
//! blob format, low nibble the algorithm), a random 96-bit nonce, and a 16-byte tag.
//! Format 2 seals with AES-256-GCM where the CPU has AES instructions and with
//! ChaCha20-Poly1305 elsewhere; either opens on every device. The associated data binds
//! each blob to what it is and whose it is, so a blob moved to another member, document,
//! version or revision fails to open. Every document version has a fresh random key
//! (wrapped by the master key), so no key ever sees more than a few thousand nonces.
//!
//! Format 1 (stores of schema 1 and 2) is XChaCha20-Poly1305 with a 24-byte nonce and no
//! format byte: [`Key::open_format_1`] reads it so the store can seal it again in format 2
//! when it migrates (`crate::store::schema`).

use std::ops::{Deref, DerefMut};

use ring::aead::{AES_256_GCM, Aad, CHACHA20_POLY1305, LessSafeKey, Nonce, UnboundKey};
use zeroize::Zeroizing;

use crate::error::{Error, Result};

/// Bytes of a key.
pub const KEY_LEN: usize = 32;
/// Bytes of a nonce (format 2).
pub const NONCE_LEN: usize = 12;
/// Bytes the tag adds.
pub const TAG_LEN: usize = 16;
/// Bytes before the ciphertext: the format byte and the nonce.
pub const HEADER_LEN: usize = 1 + NONCE_LEN;
/// The blob format this build writes.
pub const BLOB_FORMAT: u8 = 2;

/// Bytes of a format-1 (XChaCha20-Poly1305) nonce.
const FORMAT_1_NONCE_LEN: usize = 24;

/// The cipher of a sealed blob, the low nibble of its format byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Algorithm {
    ChaCha20Poly1305 = 1,
    Aes256Gcm = 2,
}

impl Algorithm {
    /// The faster cipher on this CPU: AES-256-GCM with AES and carry-less multiply
    /// instructions, ChaCha20-Poly1305 without them.
    pub fn preferred() -> Algorithm {
        if cpu_has_aes() {
            Algorithm::Aes256Gcm
        } else {
            Algorithm::ChaCha20Poly1305
        }
    }

    /// Its name, for `store info` and the benchmarks.
    pub fn name(self) -> &'static str {
        match self {
            Algorithm::ChaCha20Poly1305 => "ChaCha20-Poly1305",
            Algorithm::Aes256Gcm => "AES-256-GCM",
        }
    }

    /// The format byte of a format-2 blob sealed with it.
    pub fn format_byte(self) -> u8 {
        (BLOB_FORMAT << 4) | self as u8
    }

    fn from_format_byte(byte: u8) -> Option<Algorithm> {
        match (byte >> 4, byte & 0x0f) {
            (BLOB_FORMAT, 1) => Some(Algorithm::ChaCha20Poly1305),
            (BLOB_FORMAT, 2) => Some(Algorithm::Aes256Gcm),
            _ => None,
        }
    }

    fn ring(self) -> &'static ring::aead::Algorithm {
        match self {
            Algorithm::ChaCha20Poly1305 => &CHACHA20_POLY1305,
            Algorithm::Aes256Gcm => &AES_256_GCM,
        }
    }
}

#[cfg(target_arch = "x86_64")]
fn cpu_has_aes() -> bool {
    std::arch::is_x86_feature_detected!("aes") && std::arch::is_x86_feature_detected!("pclmulqdq")
}

#[cfg(target_arch = "aarch64")]
fn cpu_has_aes() -> bool {
    std::arch::is_aarch64_feature_detected!("aes")
        && std::arch::is_aarch64_feature_detected!("pmull")
}

#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
fn cpu_has_aes() -> bool {
    false
}

/// Decrypted bytes, wiped when dropped: every byte of the allocation is set to zero
/// (a `memset`, kept by an opaque use of the buffer afterwards). A byte-by-byte volatile
/// wipe (`zeroize`) costs about 1.5 ms per MiB in this size-optimised build, five times
/// the decryption itself; this costs a few dozen microseconds.
#[derive(Default, PartialEq, Eq)]
pub struct Plaintext(Vec<u8>);

impl Plaintext {
    /// Takes `bytes` into care.
    pub fn new(bytes: Vec<u8>) -> Self {
        Plaintext(bytes)
    }

    /// Hands the bytes over unwiped, to a caller that takes care of them from here (the
    /// shell that shows the PDF).
    pub fn into_unwiped(mut self) -> Vec<u8> {
        std::mem::take(&mut self.0)
    }
}

/// Sets every byte of `bytes`' allocation to zero, spare capacity included.
pub fn wipe(bytes: &mut Vec<u8>) {
    bytes.resize(bytes.capacity(), 0);
    bytes.fill(0);
    std::hint::black_box(bytes.as_slice());
    bytes.clear();
}

impl Drop for Plaintext {
    fn drop(&mut self) {
        wipe(&mut self.0);
    }
}

impl Deref for Plaintext {
    type Target = Vec<u8>;
    fn deref(&self) -> &Vec<u8> {
        &self.0
    }
}

impl DerefMut for Plaintext {
    fn deref_mut(&mut self) -> &mut Vec<u8> {
        &mut self.0
    }
}

impl std::fmt::Debug for Plaintext {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Plaintext({} bytes)", self.0.len())
    }
}

/// A 256-bit key, wiped from memory when dropped.
#[derive(Clone)]
pub struct Key(Zeroizing<[u8; KEY_LEN]>);

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(…)")
    }
}

/// Random bytes from the operating system.
pub fn random_bytes<const N: usize>() -> Result<[u8; N]> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|e| Error::Storage {
        reason: format!("no randomness from the system: {e}"),
    })?;
    Ok(bytes)
}

fn sealing_failed() -> Error {
    Error::Storage {
        reason: "encryption failed".to_owned(),
    }
}

impl Key {
    /// A fresh random key.
    pub fn generate() -> Result<Self> {
        Ok(Key(Zeroizing::new(random_bytes()?)))
    }

    /// A key from stored bytes; anything but 32 bytes means the store holds something
    /// else, which is an integrity failure.
    pub fn from_slice(bytes: &[u8]) -> Result<Self> {
        let array: [u8; KEY_LEN] = bytes.try_into().map_err(|_| Error::Integrity {
            what: "a key of the wrong length".to_owned(),
        })?;
        Ok(Key(Zeroizing::new(array)))
    }

    /// The key's bytes, for handing to a secret store.
    pub fn to_vec(&self) -> Vec<u8> {
        self.0.to_vec()
    }

    fn ring_key(&self, algorithm: Algorithm) -> Result<LessSafeKey> {
        UnboundKey::new(algorithm.ring(), self.0.as_ref())
            .map(LessSafeKey::new)
            .map_err(|_| sealing_failed())
    }

    /// Encrypts `plaintext` bound to `aad`, with this CPU's preferred algorithm.
    pub fn seal(&self, aad: &[u8], plaintext: &[u8]) -> Result<Vec<u8>> {
        self.seal_with(Algorithm::preferred(), aad, plaintext)
    }

    /// Encrypts `plaintext` bound to `aad` with `algorithm`.
    pub fn seal_with(&self, algorithm: Algorithm, aad: &[u8], plaintext: &[u8]) -> Result<Vec<u8>> {
        let nonce: [u8; NONCE_LEN] = random_bytes()?;
        let mut sealed = Vec::with_capacity(HEADER_LEN + plaintext.len() + TAG_LEN);
        sealed.push(algorithm.format_byte());
        sealed.extend_from_slice(&nonce);
        sealed.extend_from_slice(plaintext);
        let tag = self
            .ring_key(algorithm)?
            .seal_in_place_separate_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(aad),
                sealed.get_mut(HEADER_LEN..).unwrap_or_default(),
            )
            .map_err(|_| sealing_failed())?;
        sealed.extend_from_slice(tag.as_ref());
        Ok(sealed)
    }

    /// Decrypts a blob made by [`Key::seal`] with the same `aad`; `what` names it in
    /// the integrity error (never its content).
    pub fn open(&self, aad: &[u8], sealed: &[u8], what: &str) -> Result<Plaintext> {
        self.open_owned(aad, sealed.to_vec(), what)
    }

    /// [`Key::open`] on a blob the caller owns: decrypted where it lies, no copy.
    pub fn open_owned(&self, aad: &[u8], sealed: Vec<u8>, what: &str) -> Result<Plaintext> {
        let mut buffer = Plaintext(sealed);
        let integrity = || Error::Integrity {
            what: what.to_owned(),
        };
        if buffer.len() < HEADER_LEN + TAG_LEN {
            return Err(integrity());
        }
        let (header, _) = buffer.split_at(HEADER_LEN);
        let (format, nonce) = header.split_first().ok_or_else(integrity)?;
        let algorithm = Algorithm::from_format_byte(*format).ok_or_else(integrity)?;
        let nonce = Nonce::try_assume_unique_for_key(nonce).map_err(|_| integrity())?;
        let plain_len = self
            .ring_key(algorithm)?
            .open_within(nonce, Aad::from(aad), &mut buffer, HEADER_LEN..)
            .map_err(|_| integrity())?
            .len();
        buffer.truncate(plain_len);
        Ok(buffer)
    }

    /// Decrypts a format-1 blob (`nonce(24) ‖ ciphertext ‖ tag`, XChaCha20-Poly1305), as
    /// stores of schema 1 and 2 hold them: HChaCha20 derives the subkey from the key and
    /// the nonce's first 16 bytes, then ChaCha20-Poly1305 opens with the last 8.
    pub fn open_format_1(&self, aad: &[u8], sealed: &[u8], what: &str) -> Result<Plaintext> {
        let integrity = || Error::Integrity {
            what: what.to_owned(),
        };
        if sealed.len() < FORMAT_1_NONCE_LEN + TAG_LEN {
            return Err(integrity());
        }
        let (nonce, ciphertext) = sealed.split_at(FORMAT_1_NONCE_LEN);
        let (derive_from, rest) = nonce.split_at(16);
        let derive_from: &[u8; 16] = derive_from.try_into().map_err(|_| integrity())?;
        let subkey = Key(Zeroizing::new(hchacha20(&self.0, derive_from)));
        let mut inner_nonce = [0u8; NONCE_LEN];
        inner_nonce
            .get_mut(4..)
            .ok_or_else(integrity)?
            .copy_from_slice(rest);
        let mut buffer = Plaintext(ciphertext.to_vec());
        let plain_len = subkey
            .ring_key(Algorithm::ChaCha20Poly1305)?
            .open_in_place(
                Nonce::assume_unique_for_key(inner_nonce),
                Aad::from(aad),
                &mut buffer,
            )
            .map_err(|_| integrity())?
            .len();
        buffer.truncate(plain_len);
        Ok(buffer)
    }
}

/// Seals in format 1, as schema 1 and 2 did: only tests write it, to build old stores.
#[cfg(test)]
pub(crate) fn seal_format_1(key: &Key, aad: &[u8], plaintext: &[u8]) -> Result<Vec<u8>> {
    let nonce: [u8; FORMAT_1_NONCE_LEN] = random_bytes()?;
    let (derive_from, rest) = nonce.split_at(16);
    let derive_from: &[u8; 16] = derive_from.try_into().map_err(|_| sealing_failed())?;
    let subkey = Key(Zeroizing::new(hchacha20(&key.0, derive_from)));
    let mut inner_nonce = [0u8; NONCE_LEN];
    inner_nonce[4..].copy_from_slice(rest);
    let mut sealed = nonce.to_vec();
    let mut body = plaintext.to_vec();
    subkey
        .ring_key(Algorithm::ChaCha20Poly1305)?
        .seal_in_place_append_tag(
            Nonce::assume_unique_for_key(inner_nonce),
            Aad::from(aad),
            &mut body,
        )
        .map_err(|_| sealing_failed())?;
    sealed.extend_from_slice(&body);
    Ok(sealed)
}

/// HChaCha20 (draft-irtf-cfrg-xchacha §2.2): the ChaCha20 block function without the
/// final addition, keeping words 0–3 and 12–15.
fn hchacha20(key: &[u8; KEY_LEN], nonce: &[u8; 16]) -> [u8; KEY_LEN] {
    let word = |bytes: &[u8]| {
        let mut four = [0u8; 4];
        four.copy_from_slice(bytes.get(..4).unwrap_or(&[0; 4]));
        u32::from_le_bytes(four)
    };
    let mut state = [0u32; 16];
    state[..4].copy_from_slice(&[0x6170_7865, 0x3320_646e, 0x7962_2d32, 0x6b20_6574]);
    for (slot, chunk) in state[4..12].iter_mut().zip(key.chunks_exact(4)) {
        *slot = word(chunk);
    }
    for (slot, chunk) in state[12..].iter_mut().zip(nonce.chunks_exact(4)) {
        *slot = word(chunk);
    }
    // The indices are the constants below, all under 16.
    #[allow(clippy::indexing_slicing)]
    fn quarter(s: &mut [u32; 16], a: usize, b: usize, c: usize, d: usize) {
        s[a] = s[a].wrapping_add(s[b]);
        s[d] = (s[d] ^ s[a]).rotate_left(16);
        s[c] = s[c].wrapping_add(s[d]);
        s[b] = (s[b] ^ s[c]).rotate_left(12);
        s[a] = s[a].wrapping_add(s[b]);
        s[d] = (s[d] ^ s[a]).rotate_left(8);
        s[c] = s[c].wrapping_add(s[d]);
        s[b] = (s[b] ^ s[c]).rotate_left(7);
    }
    for _ in 0..10 {
        quarter(&mut state, 0, 4, 8, 12);
        quarter(&mut state, 1, 5, 9, 13);
        quarter(&mut state, 2, 6, 10, 14);
        quarter(&mut state, 3, 7, 11, 15);
        quarter(&mut state, 0, 5, 10, 15);
        quarter(&mut state, 1, 6, 11, 12);
        quarter(&mut state, 2, 7, 8, 13);
        quarter(&mut state, 3, 4, 9, 14);
    }
    let mut out = [0u8; KEY_LEN];
    let words = state[..4].iter().chain(&state[12..]);
    for (chunk, value) in out.chunks_exact_mut(4).zip(words) {
        chunk.copy_from_slice(&value.to_le_bytes());
    }
    state.fill(0);
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn hex_bytes(text: &str) -> Vec<u8> {
        (0..text.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
            .collect()
    }

    #[test]
    fn hchacha20_matches_the_draft_test_vector() {
        // draft-irtf-cfrg-xchacha-03 §2.2.1.
        let key: [u8; 32] = (0u8..32).collect::<Vec<_>>().try_into().unwrap();
        let nonce: [u8; 16] = hex_bytes("000000090000004a0000000031415927")
            .try_into()
            .unwrap();
        assert_eq!(
            hchacha20(&key, &nonce).to_vec(),
            hex_bytes("82413b4227b27bfed30e42508a877d73a0f9e4d58a74a853c12ec41326d3ecdc")
        );
    }

    #[test]
    fn format_1_opens_the_xchacha20_poly1305_test_vector() {
        // draft-irtf-cfrg-xchacha-03 §A.3.1 (plaintext: "Ladies and Gentlemen of the
        // class of '99: …").
        let key = Key::from_slice(&hex_bytes(
            "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f",
        ))
        .unwrap();
        let aad = hex_bytes("50515253c0c1c2c3c4c5c6c7");
        let nonce = hex_bytes("404142434445464748494a4b4c4d4e4f5051525354555657");
        let ciphertext = hex_bytes(concat!(
            "bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb",
            "731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452",
            "2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9",
            "21f9664c97637da9768812f615c68b13b52e",
            "c0875924c1c7987947deafd8780acf49"
        ));
        let sealed = [nonce, ciphertext].concat();
        let plain = key.open_format_1(&aad, &sealed, "t").unwrap();
        let again = seal_format_1(&key, &aad, &plain).unwrap();
        assert_eq!(key.open_format_1(&aad, &again, "t").unwrap(), plain);
        assert!(plain.starts_with(b"Ladies and Gentlemen of the class of '99"));
        let mut flipped = sealed.clone();
        flipped[30] ^= 1;
        assert!(key.open_format_1(&aad, &flipped, "t").is_err());
    }

    #[test]
    fn round_trip_and_tamper_detection_with_both_algorithms() {
        for algorithm in [Algorithm::ChaCha20Poly1305, Algorithm::Aes256Gcm] {
            let key = Key::generate().unwrap();
            let sealed = key
                .seal_with(algorithm, b"member:1", b"secret words")
                .unwrap();
            assert_eq!(sealed.len(), HEADER_LEN + 12 + TAG_LEN);
            assert_eq!(sealed[0], 0x20 | algorithm as u8);
            assert_eq!(
                key.open(b"member:1", &sealed, "t").unwrap().as_slice(),
                b"secret words"
            );
            // Another binding, a flipped byte anywhere (the format byte too), a short
            // blob or another key: integrity error.
            assert!(matches!(
                key.open(b"member:2", &sealed, "t"),
                Err(Error::Integrity { .. })
            ));
            for index in [0, 1, HEADER_LEN, sealed.len() - 1] {
                let mut flipped = sealed.clone();
                flipped[index] ^= 0x01;
                assert!(matches!(
                    key.open(b"member:1", &flipped, "t"),
                    Err(Error::Integrity { .. })
                ));
            }
            assert!(matches!(
                key.open(b"member:1", &sealed[..10], "t"),
                Err(Error::Integrity { .. })
            ));
            let other = Key::generate().unwrap();
            assert!(matches!(
                other.open(b"member:1", &sealed, "t"),
                Err(Error::Integrity { .. })
            ));
        }
        assert!(Key::from_slice(&[0; 31]).is_err());
    }

    #[test]
    fn the_format_byte_names_the_algorithm_and_is_authenticated() {
        let key = Key::generate().unwrap();
        let mut sealed = key.seal_with(Algorithm::Aes256Gcm, b"a", b"same").unwrap();
        // The same bytes claimed as ChaCha20-Poly1305 do not open.
        sealed[0] = Algorithm::ChaCha20Poly1305.format_byte();
        assert!(key.open(b"a", &sealed, "t").is_err());
        // A future format is refused, not guessed at.
        sealed[0] = 0x31;
        assert!(key.open(b"a", &sealed, "t").is_err());
    }

    #[test]
    fn a_wipe_keeps_the_allocation_and_leaves_nothing_to_read() {
        let mut bytes = b"secret".to_vec();
        bytes.reserve(100);
        let (capacity, pointer) = (bytes.capacity(), bytes.as_ptr());
        wipe(&mut bytes);
        assert!(bytes.is_empty());
        assert_eq!((bytes.capacity(), bytes.as_ptr()), (capacity, pointer));
        let plain = Plaintext::new(b"secret".to_vec());
        assert_eq!(format!("{plain:?}"), "Plaintext(6 bytes)");
        assert_eq!(plain.into_unwiped(), b"secret");
    }

    #[test]
    fn nonces_differ() {
        let key = Key::generate().unwrap();
        assert_ne!(
            key.seal(b"", b"same").unwrap(),
            key.seal(b"", b"same").unwrap()
        );
    }
}
