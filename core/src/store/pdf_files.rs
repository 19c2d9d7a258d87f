//! The sealed PDFs, one file per document version in a folder beside the database
//! (`<database>-pdfs/<document id>`), so that showing one at the counter is a single
//! read of its sealed bytes, decrypted where they lie, as the floor in
//! docs/performance.md does.
//!
//! A file holds exactly the sealed blob (format 2, under the document's own key, bound
//! to its member and document id), so a file swapped, replaced or cut short does not
//! open; the database row, committed after the file is written and synced, is what
//! makes it part of the store:
//! - a file is written and synced while the write transaction that adds its row holds
//!   the write lock; a crash or an error before the commit leaves a file no row names,
//!   which the next write that touches documents removes ([`PdfFiles::sweep`], under
//!   the same lock, so no other writer is between writing its file and committing);
//! - a version pruned or a member removed: the row (with the wrapped key, overwritten by
//!   `secure_delete`) goes in the transaction, the file is unlinked after the commit.
//!   Without its key the sealed bytes cannot be opened even before they are unlinked.
//!
//! Names come from the database, so only random hex ids are ever joined to the folder.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The folder of sealed PDFs of the store whose database is at `database`.
#[derive(Debug, Clone)]
pub(super) struct PdfFiles {
    dir: PathBuf,
}

fn storage(what: &str, path: &Path, error: &std::io::Error) -> Error {
    Error::Storage {
        reason: format!("cannot {what} {}: {error}", path.display()),
    }
}

/// A document id as the store makes them: 32 lowercase hex digits.
fn is_document_id(id: &str) -> bool {
    id.len() == 32 && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

impl PdfFiles {
    pub(super) fn beside(database: &Path) -> PdfFiles {
        let mut name = database.file_name().unwrap_or_default().to_os_string();
        name.push("-pdfs");
        PdfFiles {
            dir: database.with_file_name(name),
        }
    }

    fn path(&self, document_id: &str) -> Result<PathBuf> {
        if is_document_id(document_id) {
            Ok(self.dir.join(document_id))
        } else {
            Err(Error::Integrity {
                what: "a document id is not one the store makes".to_owned(),
            })
        }
    }

    /// Writes the sealed bytes of `document_id` and syncs the file and the folder, so the
    /// file is on disk before the row that names it commits.
    pub(super) fn write(&self, document_id: &str, sealed: &[u8]) -> Result<()> {
        let path = self.path(document_id)?;
        super::create_private_dir(&self.dir)?;
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options
            .open(&path)
            .map_err(|e| storage("create", &path, &e))?;
        file.write_all(sealed)
            .and_then(|()| file.sync_all())
            .map_err(|e| storage("write", &path, &e))?;
        self.sync_dir()
    }

    #[cfg(unix)]
    fn sync_dir(&self) -> Result<()> {
        std::fs::File::open(&self.dir)
            .and_then(|dir| dir.sync_all())
            .map_err(|e| storage("sync", &self.dir, &e))
    }

    #[cfg(not(unix))]
    fn sync_dir(&self) -> Result<()> {
        Ok(())
    }

    /// The sealed bytes of `document_id`, in one read; `None` when there is no file.
    pub(super) fn read(&self, document_id: &str) -> Result<Option<Vec<u8>>> {
        let path = self.path(document_id)?;
        match std::fs::read(&path) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(storage("read", &path, &e)),
        }
    }

    /// Unlinks the files of `document_ids` (after the commit that removed their rows).
    /// Best effort: a file left behind is removed by the next [`PdfFiles::sweep`].
    pub(super) fn remove<'a>(&self, document_ids: impl IntoIterator<Item = &'a String>) {
        for id in document_ids {
            if let Ok(path) = self.path(id) {
                let _ = std::fs::remove_file(path);
            }
        }
    }

    /// Removes every file of the folder that no row names (`kept`): files of imports cut
    /// short and of removals whose unlink did not happen. Called under the write lock.
    pub(super) fn sweep(&self, kept: &HashSet<String>) -> Result<()> {
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(storage("list", &self.dir, &e)),
        };
        for entry in entries {
            let entry = entry.map_err(|e| storage("list", &self.dir, &e))?;
            let is_file = entry.file_type().is_ok_and(|t| t.is_file());
            let named = entry.file_name().to_str().is_some_and(|n| kept.contains(n));
            if is_file && !named {
                let path = entry.path();
                std::fs::remove_file(&path).map_err(|e| storage("remove", &path, &e))?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_stores_own_ids_name_a_file() {
        let pdfs = PdfFiles::beside(Path::new("/data/shikaku.sqlite3"));
        let id = "0123456789abcdef0123456789abcdef";
        assert_eq!(
            pdfs.path(id).ok(),
            Some(PathBuf::from("/data/shikaku.sqlite3-pdfs").join(id))
        );
        for bad in [
            "../shikaku.sqlite3",
            "0123456789ABCDEF0123456789ABCDEF",
            "0123456789abcdef",
            "0123456789abcdef0123456789abcde/",
            "",
        ] {
            assert!(
                matches!(pdfs.path(bad), Err(Error::Integrity { .. })),
                "{bad}"
            );
        }
    }
}
