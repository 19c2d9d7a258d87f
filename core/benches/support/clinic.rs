//! What the clinic benches share (`clinic_path`, `clinic_paired`): a store on disk holding
//! one member with a 1 MiB PDF, the floor's sealed files beside it, and the two
//! operations compared: the floor (read the sealed bytes, decrypt them with ring) and
//! the whole tap at the counter. Each bench includes it with `#[path]` and uses part of it.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, Utc};
use ring::aead;
use shikaku_core::companion::DATABASE_FILE;
use shikaku_core::household::{MemberDraft, Relationship};
use shikaku_core::rules::Facts;
use shikaku_core::secrets::MemorySecretStore;
use shikaku_core::store::Store;
use shikaku_core::vault::pdf::structure::{classic_pdf, classic_stream};
use tempfile::TempDir;

use crate::support::open_companion;

/// A valid one-page PDF of about 1 MiB: a line of text and an incompressible image.
pub fn pdf_of_one_mib() -> Vec<u8> {
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    let noise: Vec<u8> = (0..1024 * 1024)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 32) as u8
        })
        .collect();
    let image = classic_stream(
        "/Type /XObject /Subtype /Image /Width 512 /Height 683 /ColorSpace /DeviceRGB /BitsPerComponent 8",
        &noise,
    );
    let content = classic_stream(
        "",
        b"BT /F1 12 Tf 72 720 Td (Shikaku benchmark) Tj ET q 200 0 0 260 72 400 cm /Im1 Do Q",
    );
    classic_pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>",
        &content,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        &image,
    ])
}

pub fn draft() -> MemberDraft {
    MemberDraft {
        display_name: "Bench".to_owned(),
        name_as_printed: None,
        relationship: Relationship::Myself,
        facts: Facts::born_on(NaiveDate::from_ymd_opt(1985, 4, 12).unwrap()),
        eligibility_certificate_expires_on: None,
        holdings: Default::default(),
        insurance_fields: None,
        eligibility_certificate_issued_on: None,
        dependent_of: None,
    }
}

/// One of the floor's ciphers: its name, key and the file of sealed bytes.
pub struct Floor {
    pub name: &'static str,
    key: aead::LessSafeKey,
    path: PathBuf,
}

impl Floor {
    /// The floor's work: read the sealed bytes from the file, decrypt them in place.
    pub fn read_decrypt(&self) -> usize {
        let mut sealed = std::fs::read(&self.path).unwrap();
        let plain = self
            .key
            .open_in_place(
                aead::Nonce::assume_unique_for_key([1; 12]),
                aead::Aad::empty(),
                &mut sealed,
            )
            .unwrap();
        plain.len()
    }
}

/// The store, its member and the floor's files, in a temporary folder.
pub struct Clinic {
    pub dir: TempDir,
    pub database: PathBuf,
    pub secrets: MemorySecretStore,
    pub member_id: String,
    pub pdf: Vec<u8>,
    /// AES-256-GCM and ChaCha20-Poly1305: the floor is the faster of the two.
    pub floors: [Floor; 2],
}

impl Clinic {
    pub fn new() -> Clinic {
        let pdf = pdf_of_one_mib();
        assert!(pdf.len() >= 1024 * 1024);
        let dir = tempfile::tempdir().unwrap();
        let database = dir.path().join(DATABASE_FILE);
        let secrets = MemorySecretStore::default();
        let member_id = {
            let mut store = Store::open(&database, &secrets).unwrap();
            let member = store.add_member(draft(), Utc::now()).unwrap();
            store.import_document(&member.id, &pdf, Utc::now()).unwrap();
            member.id
        };
        let floors = [
            ("aes_256_gcm", &aead::AES_256_GCM),
            ("chacha20_poly1305", &aead::CHACHA20_POLY1305),
        ]
        .map(|(name, algorithm)| floor(dir.path(), &pdf, name, algorithm));
        Clinic {
            dir,
            database,
            secrets,
            member_id,
            pdf,
            floors,
        }
    }

    /// The whole tap as a shell makes it: open the Companion (store, content), then one
    /// `counter_display` (the clinic card and the decrypted PDF); the Companion closes.
    pub fn tap(&self) -> (usize, usize) {
        let companion = open_companion(self.dir.path(), &self.secrets);
        let display = companion.counter_display(self.member_id.clone()).unwrap();
        (display.card.fields.len(), display.pdf.unwrap().len())
    }
}

/// The same size of sealed bytes as the store's PDF, in a plain file, sealed by ring.
fn floor(dir: &Path, pdf: &[u8], name: &'static str, algorithm: &'static aead::Algorithm) -> Floor {
    let key = aead::LessSafeKey::new(aead::UnboundKey::new(algorithm, &[7u8; 32]).unwrap());
    let mut sealed = pdf.to_vec();
    key.seal_in_place_append_tag(
        aead::Nonce::assume_unique_for_key([1; 12]),
        aead::Aad::empty(),
        &mut sealed,
    )
    .unwrap();
    let path = dir.join(format!("sealed-{name}.bin"));
    std::fs::write(&path, sealed).unwrap();
    Floor { name, key, path }
}
