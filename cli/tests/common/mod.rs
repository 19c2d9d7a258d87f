//! What the CLI's integration tests share: a member in a data directory of their own,
//! driven through the CLI, and a PDF of text lines.

#![allow(
    dead_code,
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;
use shikaku_core::vault::pdf::structure::classic_pdf;

/// The lines of a 資格情報 that imports.
pub const GOOD: &[&str] = &[
    "医療保険の資格情報",
    "氏名 佐藤 花子",
    "保険者番号 06139992",
];

/// A data directory with one member, driven through the CLI in one language.
pub struct Member {
    pub dir: tempfile::TempDir,
    pub id: String,
    pub lang: &'static str,
}

impl Member {
    /// A member added in a new data directory; the CLI speaks English.
    pub fn new() -> Self {
        Self::speaking("en")
    }

    /// A member added in a new data directory; the CLI speaks `lang`.
    pub fn speaking(lang: &'static str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let mut member = Member {
            dir,
            id: String::new(),
            lang,
        };
        let draft =
            r#"{"display_name":"PDF","relationship":"myself","facts":{"birth_date":"1990-01-01"}}"#;
        let output = member.shikaku(&["member", "add"], Some(draft));
        assert!(output.status.success(), "{output:?}");
        member.id = String::from_utf8(output.stdout).unwrap().trim().to_owned();
        member
    }

    pub fn shikaku(&self, args: &[&str], stdin: Option<&str>) -> Output {
        let mut command = Command::new(env!("CARGO_BIN_EXE_shikaku"));
        command
            .arg("--data-dir")
            .arg(self.dir.path())
            .args(["--key-store", "file", "--lang", self.lang])
            .args(args);
        if let Some(stdin) = stdin {
            use std::io::Write;
            command.stdin(std::process::Stdio::piped());
            command.stdout(std::process::Stdio::piped());
            command.stderr(std::process::Stdio::piped());
            let mut child = command.spawn().unwrap();
            child
                .stdin
                .take()
                .unwrap()
                .write_all(stdin.as_bytes())
                .unwrap();
            return child.wait_with_output().unwrap();
        }
        command.output().unwrap()
    }

    pub fn import(&self, path: &Path) -> Output {
        self.shikaku(
            &[
                "doc",
                "import",
                "--member",
                &self.id,
                path.to_str().unwrap(),
            ],
            None,
        )
    }

    pub fn info(&self) -> Value {
        let output = self.shikaku(&["doc", "info", "--member", &self.id, "--json"], None);
        assert!(output.status.success(), "{output:?}");
        serde_json::from_slice(&output.stdout).unwrap()
    }

    pub fn export(&self) -> Vec<u8> {
        let out = self.dir.path().join("export.pdf");
        let output = self.shikaku(
            &[
                "doc",
                "export",
                "--member",
                &self.id,
                "--out",
                out.to_str().unwrap(),
            ],
            None,
        );
        assert!(output.status.success(), "{output:?}");
        std::fs::read(out).unwrap()
    }

    /// Imports `bytes` expecting a refusal: exit 2, one line naming `expected`.
    pub fn refused(&self, bytes: &[u8], expected: &str) -> String {
        let path = self.dir.path().join("candidate.pdf");
        std::fs::write(&path, bytes).unwrap();
        let output = self.import(&path);
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert_eq!(output.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains(expected), "{expected:?} not in {stderr:?}");
        stderr
    }
}

/// A PDF of text lines (UniJIS-UTF16-H, no embedded font), one page per entry; `mode`
/// is the text render mode; `catalog` is added to the catalog dictionary.
pub fn text_pdf(pages: &[&[&str]], mode: u8, catalog: &str) -> Vec<u8> {
    let mut objects: Vec<String> = vec![
        format!("<< /Type /Catalog /Pages 2 0 R {catalog} >>"),
        String::new(),
        "<< /Type /Font /Subtype /Type0 /BaseFont /HeiseiKakuGo-W5 /Encoding /UniJIS-UTF16-H \
         /DescendantFonts [4 0 R] >>"
            .to_owned(),
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HeiseiKakuGo-W5 /CIDSystemInfo \
         << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> /DW 1000 >>"
            .to_owned(),
    ];
    let mut kids = Vec::new();
    for lines in pages {
        let mut content = String::new();
        for (index, line) in lines.iter().enumerate() {
            let hex: String = line
                .encode_utf16()
                .map(|unit| format!("{unit:04X}"))
                .collect();
            let y = 780 - 24 * index;
            content.push_str(&format!("BT {mode} Tr /F1 11 Tf 60 {y} Td <{hex}> Tj ET\n"));
        }
        objects.push(format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len() + 1
        ));
        kids.push(objects.len() + 1);
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
            objects.len()
        ));
    }
    let kids_list: Vec<String> = kids.iter().map(|k| format!("{k} 0 R")).collect();
    objects[1] = format!(
        "<< /Type /Pages /Kids [{}] /Count {} >>",
        kids_list.join(" "),
        kids.len()
    );
    let bodies: Vec<&[u8]> = objects.iter().map(|o| o.as_bytes()).collect();
    classic_pdf(&bodies)
}
