//! Every file the CLI writes (`doc export`, `ics`, `content keygen`, `content sign`,
//! `qr --svg`) is written whole through a temporary file of a random name, mode 0600: a
//! planted `.partial` symlink or a pre-made 0666 file changes nothing and the export is
//! 0600; a character device or a FIFO is written in place and stays what it is; a
//! symlink to a file is refused and the file it points to is untouched.

#![cfg(unix)]
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::io::Read;
use std::os::unix::fs::{FileTypeExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};

use common::{GOOD, Member, text_pdf};
use shikaku_core::error::{Field, Reason, ShikakuError};
use shikaku_core::i18n::Locale;
use shikaku_core::view::describe_error_for;

fn mode(path: &Path) -> u32 {
    std::fs::symlink_metadata(path)
        .unwrap()
        .permissions()
        .mode()
        & 0o777
}

fn make_world_writable(path: &Path) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o666)).unwrap();
}

/// A member whose 資格情報 is imported, and that PDF's bytes.
fn member_with_document() -> (Member, Vec<u8>) {
    let member = Member::new();
    let pdf = text_pdf(&[GOOD], 0, "");
    let path = member.dir.path().join("good.pdf");
    std::fs::write(&path, &pdf).unwrap();
    assert!(member.import(&path).status.success());
    (member, pdf)
}

fn export_to(member: &Member, out: &Path) -> std::process::Output {
    member.shikaku(
        &[
            "doc",
            "export",
            "--member",
            &member.id,
            "--out",
            out.to_str().unwrap(),
        ],
        None,
    )
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn planted_temporary_files_change_nothing_and_every_export_is_0600() {
    let (member, pdf) = member_with_document();
    let out = tempfile::tempdir().unwrap();
    let victim = out.path().join("victim");
    std::fs::write(&victim, b"victim").unwrap();
    // What the export used to write through, and a world-writable file made in advance
    // under every name it could have used.
    symlink(&victim, out.path().join(".export.pdf.partial")).unwrap();
    let premade = out.path().join(".export.pdf.tmp");
    std::fs::write(&premade, b"").unwrap();
    make_world_writable(&premade);
    let target = out.path().join("export.pdf");
    std::fs::write(&target, b"old").unwrap();
    make_world_writable(&target);
    let before = names(out.path());

    let output = export_to(&member, &target);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(std::fs::read(&target).unwrap(), pdf);
    assert_eq!(mode(&target), 0o600);
    assert_eq!(std::fs::read(&victim).unwrap(), b"victim");
    assert!(
        std::fs::symlink_metadata(out.path().join(".export.pdf.partial"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read(&premade).unwrap(), b"");
    assert_eq!(mode(&premade), 0o666);
    assert_eq!(names(out.path()), before, "no temporary file is left");

    // The calendar, a publisher's key, a signed bundle and a QR code the same way.
    let ics = out.path().join("deadlines.ics");
    let key = out.path().join("publisher.key");
    let signed = out.path().join("bundle.signed.json");
    let svg = out.path().join("code.svg");
    for path in [&ics, &key, &signed, &svg] {
        std::fs::write(path, b"old").unwrap();
        make_world_writable(path);
    }
    let bundle = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/data/content-default.json");
    let path = |p: &PathBuf| p.to_str().unwrap().to_owned();
    let commands: [Vec<String>; 4] = [
        vec!["ics".into(), "--out".into(), path(&ics)],
        vec![
            "content".into(),
            "keygen".into(),
            "--key-id".into(),
            "k".into(),
            "--out".into(),
            path(&key),
        ],
        vec![
            "content".into(),
            "sign".into(),
            "--key".into(),
            path(&key),
            "--key-id".into(),
            "k".into(),
            bundle.to_str().unwrap().into(),
            "--out".into(),
            path(&signed),
        ],
        vec!["qr".into(), "--svg".into(), path(&svg)],
    ];
    for command in &commands {
        let args: Vec<&str> = command.iter().map(String::as_str).collect();
        let output = member.shikaku(&args, None);
        assert!(output.status.success(), "{args:?}: {output:?}");
    }
    for path in [&ics, &key, &signed, &svg] {
        assert_ne!(std::fs::read(path).unwrap(), b"old", "{}", path.display());
        assert_eq!(mode(path), 0o600, "{}", path.display());
    }
}

/// A character device to write to: a null device made in `dir` where this process may
/// make one (as root: a mistake then replaces that copy, never the system's
/// `/dev/null`), else `/dev/null` itself (which a user other than root cannot replace).
fn null_device(dir: &Path) -> PathBuf {
    let copy = dir.join("null");
    let made = std::process::Command::new("mknod")
        .arg(&copy)
        .args(["c", "1", "3"])
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if made {
        copy
    } else {
        PathBuf::from("/dev/null")
    }
}

#[test]
fn a_character_device_or_a_fifo_stays_what_it_is() {
    let (member, pdf) = member_with_document();
    let dir = tempfile::tempdir().unwrap();
    let null = null_device(dir.path());
    let output = export_to(&member, &null);
    assert!(output.status.success(), "{output:?}");
    assert!(
        std::fs::symlink_metadata(&null)
            .unwrap()
            .file_type()
            .is_char_device()
    );

    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            std::fs::File::open(fifo)
                .unwrap()
                .read_to_end(&mut bytes)
                .unwrap();
            bytes
        })
    };
    let output = export_to(&member, &fifo);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(reader.join().unwrap(), pdf);
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
}

#[test]
fn a_symlink_to_a_file_or_a_folder_is_refused_and_left_alone() {
    let (member, _) = member_with_document();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("file");
    std::fs::write(&file, b"kept").unwrap();
    let link = dir.path().join("link.pdf");
    symlink(&file, &link).unwrap();
    let sentence = describe_error_for(
        Locale::En,
        ShikakuError::InvalidInput {
            field: Field::OutputFile,
            reason: Reason::NotARegularFile,
        },
    );
    for out in [link.as_path(), dir.path()] {
        let output = export_to(&member, out);
        assert_eq!(output.status.code(), Some(2), "{output:?}");
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            format!("shikaku: {sentence}\n")
        );
    }
    assert_eq!(std::fs::read(&file).unwrap(), b"kept");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(names(dir.path()), ["file", "link.pdf"]);
}
