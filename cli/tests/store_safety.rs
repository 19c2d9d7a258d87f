//! The CLI and the store on disk: a command that only reads never creates a store, a
//! key or a folder; `--data-dir` never changes the mode of a folder it did not create;
//! a database truncated to zero is an integrity error that creates no key.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn shikaku(data_dir: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_shikaku"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(["--key-store", "file", "--lang", "en"])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

const MEMBER: &str =
    r#"{"display_name":"A","relationship":"myself","facts":{"birth_date":"1985-04-12"}}"#;

const READS: &[&[&str]] = &[
    &["member", "list"],
    &["member", "show", "0123456789abcdef"],
    &["member", "share", "--member", "0123456789abcdef"],
    &["doc", "info", "--member", "0123456789abcdef"],
    &[
        "doc",
        "export",
        "--member",
        "0123456789abcdef",
        "--out",
        "-",
    ],
    &["store", "info"],
    &["reminders"],
    &["reminders", "settings"],
    &["ics", "--out", "-"],
    &["guide"],
    &["clinic", "--member", "0123456789abcdef"],
    &["content", "status"],
];

#[test]
fn a_command_that_only_reads_creates_no_store_key_or_folder() {
    let parent = tempfile::tempdir().unwrap();
    let data_dir = parent.path().join("shikaku");
    for args in READS {
        let output = shikaku(&data_dir, args, "");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("The household's saved data could not be found"),
            "{args:?}: {stderr}"
        );
        assert!(
            !data_dir.exists(),
            "{args:?} created {}",
            data_dir.display()
        );
    }
    // A command that writes creates it.
    assert!(
        shikaku(&data_dir, &["member", "add"], MEMBER)
            .status
            .success()
    );
    assert!(data_dir.join("shikaku.sqlite3").exists());
}

#[cfg(unix)]
#[test]
fn data_dir_keeps_the_mode_of_a_folder_it_did_not_create() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    let existing = tempfile::tempdir().unwrap();
    std::fs::set_permissions(existing.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(
        shikaku(existing.path(), &["member", "add"], MEMBER)
            .status
            .success()
    );
    assert!(
        shikaku(existing.path(), &["member", "list"], "")
            .status
            .success()
    );
    assert_eq!(mode(existing.path()), 0o755);
    // One it creates is the owner's alone, and so is the key folder inside.
    let parent = tempfile::tempdir().unwrap();
    let created = parent.path().join("a").join("b");
    assert!(
        shikaku(&created, &["member", "add"], MEMBER)
            .status
            .success()
    );
    assert_eq!(mode(&created), 0o700);
    assert_eq!(mode(&created.join("keys")), 0o700);
}

#[test]
fn a_database_truncated_to_zero_is_an_integrity_error_and_creates_no_key() {
    let dir = tempfile::tempdir().unwrap();
    assert!(
        shikaku(dir.path(), &["member", "add"], MEMBER)
            .status
            .success()
    );
    let keys = || std::fs::read_dir(dir.path().join("keys")).unwrap().count();
    let keys_before = keys();
    std::fs::File::create(dir.path().join("shikaku.sqlite3")).unwrap();
    for args in [&["member", "list"][..], &["member", "add"][..]] {
        let output = shikaku(dir.path(), args, MEMBER);
        assert!(!output.status.success(), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("Saved data is damaged"),
            "{args:?}: {stderr}"
        );
        assert_eq!(keys(), keys_before, "{args:?}");
        assert_eq!(
            std::fs::metadata(dir.path().join("shikaku.sqlite3"))
                .unwrap()
                .len(),
            0
        );
    }
}
