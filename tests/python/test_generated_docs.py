"""Every method the Companion exports carries its Rust doc comment into the generated
Kotlin interface and Swift protocol, where a shell developer reads it."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BINDINGS = ROOT / "build" / "bindings"


def block(text: str, opener: str) -> list[str]:
    start = text.index(opener)
    lines, depth = [], 0
    for line in text[start:].splitlines():
        depth += line.count("{") - line.count("}")
        lines.append(line)
        if depth == 0 and len(lines) > 1:
            break
    return lines


def undocumented(lines: list[str], method: re.Pattern) -> list[str]:
    missing = []
    for index, line in enumerate(lines):
        match = method.search(line)
        if not match:
            continue
        previous = next((l.strip() for l in reversed(lines[:index]) if l.strip()), "")
        if not previous.endswith("*/"):
            missing.append(match.group(1))
    return missing


def test_kotlin_interface_is_documented():
    text = (BINDINGS / "kotlin" / "jp" / "shikaku" / "core" / "shikaku.kt").read_text()
    lines = block(text, "public interface ShikakuCompanionInterface {")
    methods = re.compile(r"^\s+(?:suspend )?fun `(\w+)`")
    assert sum(1 for l in lines if methods.search(l)) >= 25
    assert undocumented(lines, methods) == []


def test_swift_protocol_is_documented():
    text = (BINDINGS / "swift" / "ShikakuCore.swift").read_text()
    lines = block(text, "public protocol ShikakuCompanionProtocol")
    methods = re.compile(r"^\s+func (\w+)\(")
    assert sum(1 for l in lines if methods.search(l)) >= 25
    assert undocumented(lines, methods) == []
