//! Writing a private file whole or not at all: the one helper for every file the project
//! writes — the CLI's exports (a 資格情報 PDF, an .ics calendar, a publisher's signing
//! key, a signed bundle, a QR code) and the key-file secret store's keys.
//!
//! What is at the path decides how it is written ([`write_private_file`]):
//! - nothing, or a regular file: the bytes go to a new file in the same folder, created
//!   with `O_EXCL` under a random name (the `tempfile` crate), so no file or symlink
//!   planted under any name is ever opened; its mode is set to 0600 on the descriptor
//!   (whatever the umask or a file it replaces allowed), it is synced, then renamed over
//!   the path. A reader sees the old file or the new one, never half of one.
//! - a character device or a FIFO (`/dev/null`, a named pipe), directly or through a
//!   symlink: written in place, and it stays a device or a FIFO.
//! - anything else — a symlink to a regular file, a folder, a socket, a block device:
//!   refused ([`WriteError::NotARegularFile`]); it is never replaced or written through.

use std::io::Write;
use std::path::Path;

/// Why a file was not written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The path is a symlink to a regular file, a folder, a socket or a block device.
    #[error("the path is not a regular file, a character device or a FIFO")]
    NotARegularFile,
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// How the path is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    /// Nothing or a regular file: replaced whole by rename.
    Replace,
    /// A character device or a FIFO: written in place.
    InPlace,
}

#[cfg(unix)]
fn is_device_or_fifo(file_type: std::fs::FileType) -> bool {
    use std::os::unix::fs::FileTypeExt;
    file_type.is_char_device() || file_type.is_fifo()
}

#[cfg(not(unix))]
fn is_device_or_fifo(_: std::fs::FileType) -> bool {
    false
}

fn target(path: &Path) -> Result<Target, WriteError> {
    let file_type = match std::fs::symlink_metadata(path) {
        Ok(metadata) => metadata.file_type(),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Target::Replace),
        Err(error) => return Err(error.into()),
    };
    if file_type.is_file() {
        return Ok(Target::Replace);
    }
    let pointed = if file_type.is_symlink() {
        std::fs::metadata(path).ok().map(|m| m.file_type())
    } else {
        Some(file_type)
    };
    match pointed {
        Some(file_type) if is_device_or_fifo(file_type) => Ok(Target::InPlace),
        _ => Err(WriteError::NotARegularFile),
    }
}

/// Writes `bytes` to `path` whole or not at all, readable by the owner only (see the
/// module's documentation for what is at the path).
pub fn write_private_file(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    match target(path)? {
        Target::InPlace => {
            let mut device = std::fs::OpenOptions::new().write(true).open(path)?;
            device.write_all(bytes)?;
            device.flush()?;
            Ok(())
        }
        Target::Replace => replace(path, bytes),
    }
}

fn replace(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let name = path.file_name().ok_or(WriteError::NotARegularFile)?;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(name);
    prefix.push(".");
    let mut temporary = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".partial")
        .tempfile_in(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        temporary
            .as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    temporary.write_all(bytes)?;
    temporary.as_file().sync_all()?;
    // On failure the temporary file is removed as it is dropped.
    temporary.persist(path).map_err(|e| e.error)?;
    if let Ok(folder) = std::fs::File::open(dir) {
        // Makes the rename durable; not every platform can sync a folder.
        let _ = folder.sync_all();
    }
    Ok(())
}

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt, symlink};

    use super::*;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_new_or_existing_file_is_replaced_whole_and_private() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("export.pdf");
        write_private_file(&path, b"first").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        assert_eq!(mode(&path), 0o600);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o666)).unwrap();
        write_private_file(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        assert_eq!(mode(&path), 0o600);
        assert_eq!(
            names(dir.path()),
            ["export.pdf"],
            "no temporary file is left"
        );
    }

    #[test]
    fn planted_temporary_files_change_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let secret = dir.path().join("elsewhere");
        std::fs::write(&secret, b"untouched").unwrap();
        symlink(&secret, dir.path().join(".export.pdf.partial")).unwrap();
        let open = dir.path().join(".export.pdf.tmp");
        std::fs::write(&open, b"").unwrap();
        std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o666)).unwrap();
        let path = dir.path().join("export.pdf");
        write_private_file(&path, b"secret").unwrap();
        assert_eq!(std::fs::read(&secret).unwrap(), b"untouched");
        assert_eq!(std::fs::read(&open).unwrap(), b"");
        assert_eq!(mode(&path), 0o600);
    }

    /// A null device made in `dir` where this process may make one (as root: a mistake
    /// then replaces that copy, never the system's), else `/dev/null` itself.
    fn null_device(dir: &Path) -> std::path::PathBuf {
        let copy = dir.join("null");
        let made = std::process::Command::new("mknod")
            .arg(&copy)
            .args(["c", "1", "3"])
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|status| status.success());
        if made { copy } else { "/dev/null".into() }
    }

    #[test]
    fn a_character_device_is_written_in_place_and_anything_else_refused() {
        let dir = tempfile::tempdir().unwrap();
        let null = null_device(dir.path());
        write_private_file(&null, b"to nowhere").unwrap();
        assert!(
            std::fs::symlink_metadata(&null)
                .unwrap()
                .file_type()
                .is_char_device()
        );

        let linked = dir.path().join("null-link");
        symlink(&null, &linked).unwrap();
        write_private_file(&linked, b"to nowhere").unwrap();
        assert!(
            std::fs::symlink_metadata(&linked)
                .unwrap()
                .file_type()
                .is_symlink()
        );

        let file = dir.path().join("file");
        std::fs::write(&file, b"kept").unwrap();
        let to_file = dir.path().join("file-link");
        symlink(&file, &to_file).unwrap();
        assert!(matches!(
            write_private_file(&to_file, b"x"),
            Err(WriteError::NotARegularFile)
        ));
        assert_eq!(std::fs::read(&file).unwrap(), b"kept");
        assert!(matches!(
            write_private_file(dir.path(), b"x"),
            Err(WriteError::NotARegularFile)
        ));
        let socket = dir.path().join("socket");
        let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
        assert!(matches!(
            write_private_file(&socket, b"x"),
            Err(WriteError::NotARegularFile)
        ));
        assert!(
            std::fs::symlink_metadata(&socket)
                .unwrap()
                .file_type()
                .is_socket()
        );
    }
}
