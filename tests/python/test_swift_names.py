"""The iOS shell cannot be compiled here, so this test checks what a compiler would catch
first about its use of the core: every Companion method, top-level function, record field
and record initializer label the Swift code uses exists in the generated bindings
(build/bindings/swift/ShikakuCore.swift). All names are read from the generated file.

What is checked in the shell's Swift:
- `companion.m(`, `companion?.m(` and `$0.m(` inside `model.read`/`model.act` closures:
  `m` is a method of ShikakuCompanionProtocol, called with its argument labels, in order
  (a protocol's methods have no defaults: a parameter added to the core's call is a label
  the shell must pass);
- `v.f.g…` where `v` is declared with a record type (`let v: T`, `(v: T)`): each step is a
  field of the record it lands on, as far as records go (not into arrays);
- `id: \\.f` key paths (ForEach identities): `f` is a field of some record;
- `T(label: …)` for a record `T`: every label is a parameter of its initializer;
- calls of the bindings' top-level functions;
- `model.m` in the app (views, platform adapters): `m` is a member the model declares
  (the ShikakuModel package, ios-shell/ShikakuCore/Model, or the app's extension of it).

The model package (ios-shell/ShikakuCore/Model and its tests) is checked like the app;
only the generated bindings copied into the package (Sources, Host) are left out."""
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "build" / "bindings" / "swift" / "ShikakuCore.swift"
SHELL = ROOT / "ios-shell"


def strip_comments(text: str) -> str:
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.sub(r"//[^\n]*", "", text)


class Bindings:
    def __init__(self, source: str):
        source = strip_comments(source)
        self.records: dict[str, dict[str, str]] = {}
        self.init_labels: dict[str, set[str]] = {}
        for match in re.finditer(r"^public struct (\w+)\b[^{]*\{(.*?)^}", source, re.S | re.M):
            name, body = match.group(1), match.group(2)
            fields = dict(re.findall(r"^    public (?:let|var) (\w+): ([^\n=]+?)\s*$", body, re.M))
            if not fields or name.startswith("Ffi"):
                continue
            self.records[name] = fields
            init = re.search(r"public init\((.*?)\)\s*\{", body, re.S)
            self.init_labels[name] = set(re.findall(r"(\w+):", init.group(1))) if init else set()
        protocol = re.search(r"^public protocol ShikakuCompanionProtocol\b.*?^}", source, re.S | re.M)
        self.method_labels: dict[str, list[str]] = {
            name: [label for label in re.findall(r"(?:^|,)\s*(\w+)(?:\s+\w+)?\s*:", parameters) if label != "_"]
            for name, parameters in re.findall(r"^\s*func (\w+)\(([^)]*)\)", protocol.group(0), re.M)
        }
        self.methods = set(self.method_labels) | {"open"}
        self.functions = set(re.findall(r"^public func (\w+)\(", source, re.M))
        self.all_fields = {field for fields in self.records.values() for field in fields}

    def element(self, swift_type: str) -> str | None:
        """The record a type names, through optionals (an array is not a record)."""
        bare = swift_type.strip().rstrip("?!").strip()
        return bare if bare in self.records else None


def balanced_arguments(text: str, start: int) -> str:
    """The text between the parenthesis at `start` and its partner."""
    depth = 0
    for index in range(start, len(text)):
        if text[index] == "(":
            depth += 1
        elif text[index] == ")":
            depth -= 1
            if depth == 0:
                return text[start + 1:index]
    return text[start + 1:]


def top_level_labels(arguments: str) -> list[str]:
    """The labels of a call's arguments: a `label:` opening an argument at the top level
    (not one inside a closure or a nested call, nor the `:` of a `? :`)."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(arguments):
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(arguments[start:index])
            start = index + 1
    parts.append(arguments[start:])
    return [match.group(1) for part in parts if (match := re.match(r"\s*(\w+)\s*:(?!:)", part))]


def check(source: str, bindings: Bindings, name: str = "snippet") -> tuple[list[str], int]:
    """Problems found in one Swift file, and how many uses were checked."""
    text = strip_comments(source)
    text = re.sub(r'"(?:\\.|[^"\\])*"', '""', text)  # string contents are not code
    problems, checked = [], 0
    typed = {}
    for var, swift_type in re.findall(r"\b(\w+)\s*:\s*(\[?\s*\w+\s*\]?\??)", text):
        record = bindings.element(swift_type)
        if record:
            typed[var] = record
    for match in re.finditer(r"(?<![\w.$])(\$0|companion)\??\.(\w+)\(", text):
        head, method = match.groups()
        if head == "$0" and not re.search(r"model\.(read|act)\([^\n]*$", text[:match.start()].splitlines()[-1] if text[:match.start()].splitlines() else ""):
            continue
        checked += 1
        if method not in bindings.methods:
            problems.append(f"{name}: Companion has no method {method}")
        elif method in bindings.method_labels:
            labels = top_level_labels(balanced_arguments(text, match.end() - 1))
            expected = bindings.method_labels[method]
            if labels != expected:
                problems.append(f"{name}: Companion.{method} takes ({', '.join(expected)}), called with ({', '.join(labels)})")
    for match in re.finditer(r"(?<![\w.$\\])(\w+)((?:\??\.\w+)+)", text):
        head, chain = match.groups()
        record = typed.get(head)
        for step in re.findall(r"\.(\w+)", chain):
            if record is None:
                break
            checked += 1
            fields = bindings.records[record]
            if step not in fields:
                problems.append(f"{name}: {record} has no field {step} ({head}{chain})")
                break
            record = bindings.element(fields[step])
    for key in re.findall(r"\bid:\s*\\\.(\w+)", text):
        checked += 1
        if key not in bindings.all_fields and key not in {"self", "offset"}:
            problems.append(f"{name}: no record has a field {key} (key path)")
    for match in re.finditer(r"(?<![\w.])(\w+)\(", text):
        callee = match.group(1)
        if callee in bindings.records:
            for label in top_level_labels(balanced_arguments(text, match.end() - 1)):
                checked += 1
                if label not in bindings.init_labels[callee]:
                    problems.append(f"{name}: {callee}.init has no parameter {label}")
        elif callee in bindings.functions:
            checked += 1
    return problems, checked


@pytest.fixture(scope="module")
def bindings():
    return Bindings(GENERATED.read_text())


GENERATED_IN_PACKAGE = {"Sources", "Host", ".build"}


def shell_sources():
    package = SHELL / "ShikakuCore"
    return sorted(
        p for p in SHELL.rglob("*.swift")
        if not (p.is_relative_to(package) and GENERATED_IN_PACKAGE & set(p.relative_to(package).parts))
    )


def model_members() -> set[str]:
    """What AppModel declares: the package's public members and the app's extension."""
    names = set()
    for path in sorted((SHELL / "ShikakuCore" / "Model").glob("*.swift")) + [SHELL / "Shikaku" / "AppServices.swift"]:
        text = strip_comments(path.read_text())
        names |= set(re.findall(r"\b(?:var|let|func)\s+(\w+)", text))
    return names


def test_the_app_uses_only_what_the_model_declares():
    members = model_members()
    assert {"read", "act", "texts", "becameActive", "visibleClinic", "reconcileNotifications"} <= members
    problems, checked = [], 0
    for path in sorted((SHELL / "Shikaku").rglob("*.swift")):
        text = re.sub(r'"(?:\\.|[^"\\])*"', '""', strip_comments(path.read_text()))
        for name in re.findall(r"(?<![\w.])model\.(\w+)", text):
            checked += 1
            if name not in members:
                problems.append(f"{path.relative_to(ROOT)}: AppModel has no member {name}")
    assert problems == []
    assert checked > 40, f"only {checked} uses of the model checked"


def test_the_model_package_is_checked():
    names = {p.name for p in shell_sources()}
    assert {"AppModel.swift", "PlatformServices.swift", "AppModelTests.swift", "Package.swift"} <= names
    assert "ShikakuCore.swift" not in names


def test_the_generated_bindings_are_read(bindings):
    assert {"MemberRow", "ClinicCard", "ShellTexts", "Facts", "FormModel", "FormField"} <= set(bindings.records)
    assert {"householdView", "clinicCard", "parseDateInput"} <= bindings.methods
    assert "shellTextsFor" in bindings.functions


# The calls of the member form, the document form and the household's actions: each is
# used by the iOS shell (app or model) and so checked against the bindings above.
FORM_AND_HOUSEHOLD_CALLS = {
    "memberForm", "submitMemberForm", "documentForm", "submitDocumentForm", "documentInfo",
    "revertDocument", "removeMember", "shareMember", "receiveMember", "qr", "readQrCode",
    "inspectMemberCode", "memberCodeValidUntil",
}

# The records of a member code (its one-time code, until when it holds): each field is
# read by the iOS shell through a variable of that record's type, so the field check
# above covers it.
MEMBER_CODE_FIELDS = {
    "MemberShare": {"code", "oneTimeCode", "expiresAt"},
    "TransferCodeInfo": {"needsOneTimeCode", "expiresAt"},
}


def test_the_ios_shell_uses_the_form_and_household_calls(bindings):
    assert FORM_AND_HOUSEHOLD_CALLS <= bindings.methods
    used = set()
    for path in shell_sources():
        text = re.sub(r'"(?:\\.|[^"\\])*"', '""', strip_comments(path.read_text()))
        used |= set(re.findall(r"(?:\$0|companion)\??\.(\w+)\(", text))
    assert FORM_AND_HOUSEHOLD_CALLS - used == set(), "calls the iOS shell does not make"


def test_the_ios_shell_reads_every_field_of_a_member_code(bindings):
    used = {record: set() for record in MEMBER_CODE_FIELDS}
    for path in shell_sources():
        text = re.sub(r'"(?:\\.|[^"\\])*"', '""', strip_comments(path.read_text()))
        typed = {var: t for var, t in re.findall(r"\b(\w+)\s*:\s*(\w+)\??", text) if t in MEMBER_CODE_FIELDS}
        for var, record in typed.items():
            used[record] |= set(re.findall(rf"(?<![\w.]){var}\??\.(\w+)", text))
    for record, fields in MEMBER_CODE_FIELDS.items():
        assert fields <= set(bindings.records[record]), f"{record} lacks {fields - set(bindings.records[record])}"
        assert fields - used[record] == set(), f"{record} fields the iOS shell does not read"


def test_every_name_the_ios_shell_uses_exists(bindings):
    problems, checked = [], 0
    for path in shell_sources():
        found, count = check(path.read_text(), bindings, str(path.relative_to(ROOT)))
        problems += found
        checked += count
    assert problems == []
    assert checked > 200, f"only {checked} uses checked: the shell or this test changed shape"


@pytest.mark.parametrize("snippet, problem", [
    ("let row: MemberRow\nText(row.displayNam)", "MemberRow has no field displayNam"),
    ("let card: ClinicCard\nText(card.fields.first)", None),
    ("let row: MemberRow\nText(row.nextDeadline?.dateTxt)", "DeadlineLine has no field dateTxt"),
    ("_ = try companion.householdVeiw()", "Companion has no method householdVeiw"),
    ("ForEach(rows, id: \\.memberIdd)", "no record has a field memberIdd"),
    ("Facts(birthDate: d, cardIssued: d)", "Facts.init has no parameter cardIssued"),
    ("let field: FormField\nText(field.lable)", "FormField has no field lable"),
    ("_ = try companion.submitMemberFrom(memberId: nil, values: [:])", "Companion has no method submitMemberFrom"),
    ("_ = try companion.receiveMember(code: code)", "Companion.receiveMember takes (code, oneTimeCode), called with (code)"),
    ("_ = try companion.receiveMember(code: c, oneTimeCode: ok ? t : nil)", None),
    ("_ = try companion.shareMember(memberId: id, includeNumbers: true)", "Companion.shareMember takes (memberId, includeInsuranceNumbers)"),
    ("let share: MemberShare\nText(share.oneTimeCod ?? \"\")", "MemberShare has no field oneTimeCod"),
    ("let info: TransferCodeInfo\nif info.needsOneTime {}", "TransferCodeInfo has no field needsOneTime"),
])
def test_misspellings_are_caught(bindings, snippet, problem):
    problems, _ = check(snippet, bindings)
    if problem is None:
        assert problems == []
    else:
        assert any(problem in p for p in problems), problems
