//! Authenticated encryption at rest: XChaCha20-Poly1305 (RustCrypto) with a random
//! 24-byte nonce per message, stored as `nonce ‖ ciphertext ‖ tag`. The associated data
//! binds each blob to what it is and whose it is, so a blob moved to another member or
//! document fails to open.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use zeroize::Zeroizing;

use crate::error::{Error, Result};

/// Bytes of a key.
pub const KEY_LEN: usize = 32;
/// Bytes of a nonce.
pub const NONCE_LEN: usize = 24;
/// Bytes the tag adds.
pub const TAG_LEN: usize = 16;

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

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(self.0.as_ref().into())
    }

    /// Encrypts `plaintext` bound to `aad`.
    pub fn seal(&self, aad: &[u8], plaintext: &[u8]) -> Result<Vec<u8>> {
        let nonce_bytes: [u8; NONCE_LEN] = random_bytes()?;
        let ciphertext = self
            .cipher()
            .encrypt(
                XNonce::from_slice(&nonce_bytes),
                Payload {
                    msg: plaintext,
                    aad,
                },
            )
            .map_err(|_| Error::Storage {
                reason: "encryption failed".to_owned(),
            })?;
        let mut sealed = Vec::with_capacity(NONCE_LEN + ciphertext.len());
        sealed.extend_from_slice(&nonce_bytes);
        sealed.extend_from_slice(&ciphertext);
        Ok(sealed)
    }

    /// Decrypts a blob made by [`Key::seal`] with the same `aad`; `what` names it in
    /// the integrity error (never its content).
    pub fn open(&self, aad: &[u8], sealed: &[u8], what: &str) -> Result<Zeroizing<Vec<u8>>> {
        let integrity = || Error::Integrity {
            what: what.to_owned(),
        };
        if sealed.len() < NONCE_LEN + TAG_LEN {
            return Err(integrity());
        }
        let (nonce, ciphertext) = sealed.split_at(NONCE_LEN);
        self.cipher()
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: ciphertext,
                    aad,
                },
            )
            .map(Zeroizing::new)
            .map_err(|_| integrity())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_tamper_detection() {
        let key = Key::generate().unwrap();
        let sealed = key.seal(b"member:1", b"secret words").unwrap();
        assert_eq!(sealed.len(), NONCE_LEN + 12 + TAG_LEN);
        assert_eq!(
            key.open(b"member:1", &sealed, "t").unwrap().as_slice(),
            b"secret words"
        );
        // Another binding, a flipped byte, a short blob or another key: integrity error.
        assert!(matches!(
            key.open(b"member:2", &sealed, "t"),
            Err(Error::Integrity { .. })
        ));
        for index in [0, NONCE_LEN, sealed.len() - 1] {
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
        assert!(Key::from_slice(&[0; 31]).is_err());
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
