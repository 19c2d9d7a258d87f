"""Shell code that cannot be compiled on this machine is parsed with tree-sitter grammars:
every Swift file (the generated bindings, tests/swift, ios-shell) and every hand-written
Kotlin file (android-shell, the Kotlin tests). An error node fails the test. The
generated Kotlin is compiled by kotlinc here (tests/kotlin, tests/compose), which says
more than a parse; the Kotlin grammar (1.1.0) also stumbles over parts of it.

The only exceptions are two constructs the Swift grammar (0.7.4) does not know and Swift
accepts, both written by UniFFI into the generated bindings and never by hand: the
`@_documentation(visibility: …)` attribute and the `{ () }` closure. Hand-written Swift
(ios-shell, tests/swift) gets no exception at all."""
from pathlib import Path

import pytest
import tree_sitter_kotlin
import tree_sitter_swift
from tree_sitter import Language, Parser

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "build" / "bindings"
UNIFFI_SWIFT_GRAMMAR_GAPS = ("@_documentation(visibility:", "{ () }")
LANGUAGES = {
    ".swift": Language(tree_sitter_swift.language()),
    ".kt": Language(tree_sitter_kotlin.language()),
}


def files(pattern: str, *roots: Path):
    return [p for root in roots if root.exists() for p in sorted(root.rglob(pattern))
            if "target" not in p.relative_to(ROOT).parts and ".build" not in p.parts]


def swift_files():
    return files("*.swift", GENERATED / "swift", ROOT / "tests" / "swift", ROOT / "ios-shell")


def kotlin_files():
    return files("*.kt", ROOT / "android-shell", ROOT / "tests" / "kotlin", ROOT / "tests" / "compose")


def error_nodes(path: Path):
    """Error and missing nodes as `file:line: text`, less the generated Swift's known gaps."""
    source = path.read_bytes()
    lines = source.decode().splitlines()
    tree = Parser(LANGUAGES[path.suffix]).parse(source)
    allowed = UNIFFI_SWIFT_GRAMMAR_GAPS if path.is_relative_to(GENERATED / "swift") else ()
    found, stack = [], [tree.root_node]
    while stack:
        node = stack.pop()
        if node.type == "ERROR" or node.is_missing:
            line = lines[node.start_point[0]] if node.start_point[0] < len(lines) else ""
            if not any(gap in line for gap in allowed):
                found.append(f"{path.name}:{node.start_point[0] + 1}: {line.strip()[:100]}")
            continue
        stack.extend(node.children)
    return found


def test_there_is_code_to_parse():
    names = {p.name for p in swift_files() + kotlin_files()}
    assert {"ShikakuCore.swift", "MainActivity.kt", "ShikakuApp.kt"} <= names


@pytest.mark.parametrize("path", swift_files() + kotlin_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_shell_file_parses(path):
    assert error_nodes(path) == []


@pytest.mark.parametrize("name, text", [
    ("Broken.swift", "public func f( -> Int { return 1 }\nstruct { }\n"),
    ("Broken.kt", "fun f( : Int { return 1 }\nclass { }\n"),
])
def test_the_check_catches_real_syntax_errors(tmp_path, name, text):
    broken = tmp_path / name
    broken.write_text(text)
    assert error_nodes(broken)
