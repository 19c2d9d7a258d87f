#!/usr/bin/env python3
"""Turns AndroidX AARs into what a JVM classpath can hold.

An AAR is a zip holding classes.jar (the library's classes), R.txt (the resource ids its
classes use) and AndroidManifest.xml (its package). The Android Gradle plugin would
compile the libraries' resources with aapt2 and generate an R class per library; neither
is available on a plain JVM build. This script unpacks every classes.jar into
CLASSES_DIR and compiles an R class per library whose ids are unique across all of them,
in the application's id range (0x7fTTNNNN), as aapt2 would number them, for the ids
used as view tags (ViewTreeLifecycleOwner, Compose's saveable ids) and attributes.

The libraries' resources themselves are not there (no aapt2). Library code that reads
one by id would fail, so the ids of the types in FRAMEWORK_STAND_INS name an Android
framework resource of the same type instead: Material's snackbar host reads its string,
a Compose dialog its window style, and they get the framework's. What such a lookup
returns is not the library's text, and no test reads it; the app's own words come from
the core.

Usage: unpack-aars.py AAR_DIR CLASSES_DIR ANDROID_JAR
"""

import pathlib
import re
import subprocess
import sys
import tempfile
import zipfile

STAMP = ".unpacked-aars"

# Resource types whose ids resolve to this framework resource (see the module's doc).
FRAMEWORK_STAND_INS = {
    "string": "unknownName",
    "style": "Theme_Material_Dialog",
    "dimen": "app_icon_size",
    "color": "transparent",
    "integer": "config_shortAnimTime",
    "drawable": "ic_menu_view",
    "anim": "fade_in",
    "animator": "fade_in",
}


def framework_ids(android_jar: pathlib.Path) -> dict:
    """The ids of FRAMEWORK_STAND_INS, read from android.R in ANDROID_JAR with javap."""
    classes = [f"android.R${rtype}" for rtype in FRAMEWORK_STAND_INS]
    listing = subprocess.run(
        ["javap", "-constants", "-cp", str(android_jar), *classes], check=True, capture_output=True, text=True
    ).stdout
    ids = {}
    for block in listing.split("public final class android.R$")[1:]:
        rtype = block.split(" ", 1)[0]
        match = re.search(rf"public static final int {FRAMEWORK_STAND_INS[rtype]} = (-?\d+);", block)
        if match is None:
            raise SystemExit(f"android.R.{rtype}.{FRAMEWORK_STAND_INS[rtype]} is not in {android_jar}")
        ids[rtype] = int(match.group(1))
    return ids


def library_package(manifest: str) -> str:
    match = re.search(r'package="([^"]+)"', manifest)
    if match is None:
        raise SystemExit("an AAR manifest without a package")
    return match.group(1)


class ResourceIds:
    """One id per (type, name) across all libraries: 0x7f, a type byte, a running number."""

    def __init__(self) -> None:
        self.types: dict = {}
        self.ids: dict = {}

    def number(self, rtype: str, name: str) -> int:
        type_ids = self.ids.setdefault(rtype, {})
        if name not in type_ids:
            type_index = self.types.setdefault(rtype, len(self.types) + 1)
            type_ids[name] = 0x7F000000 | (type_index << 16) | len(type_ids)
        return type_ids[name]

    def __len__(self) -> int:
        return sum(len(names) for names in self.ids.values())


def r_class(package: str, symbols: str, ids: ResourceIds, framework: dict) -> str:
    """The Java source of one library's R class from its R.txt."""
    by_type: dict = {}
    for line in symbols.splitlines():
        parts = line.split(" ", 3)
        if len(parts) < 4:
            continue
        kind, rtype, name, value = parts
        if kind == "int[]":
            field = f"public static int[] {name} = new int[] {value.replace('{', '{ ').strip()};"
        elif rtype == "styleable":
            field = f"public static int {name} = {value};"
        elif rtype in framework:
            field = f"public static int {name} = 0x{framework[rtype]:08x};"
        else:
            field = f"public static int {name} = 0x{ids.number(rtype, name):08x};"
        by_type.setdefault(rtype, []).append(field)
    body = "\n".join(
        f"  public static final class {rtype} {{\n    " + "\n    ".join(fields) + "\n  }"
        for rtype, fields in sorted(by_type.items())
    )
    return f"package {package};\n\npublic final class R {{\n{body}\n}}\n"


def main() -> None:
    aar_dir, classes_dir, android_jar = (pathlib.Path(arg) for arg in sys.argv[1:4])
    aars = sorted(aar_dir.glob("*.aar"))
    listing = "\n".join([aar.name for aar in aars] + [pathlib.Path(__file__).read_text()])
    stamp = classes_dir / STAMP
    if stamp.exists() and stamp.read_text() == listing:
        return
    classes_dir.mkdir(parents=True, exist_ok=True)
    ids = ResourceIds()
    framework = framework_ids(android_jar)
    sources: dict = {}
    for aar in aars:
        with zipfile.ZipFile(aar) as archive:
            names = set(archive.namelist())
            if "classes.jar" in names:
                with tempfile.TemporaryDirectory() as scratch:
                    jar = archive.extract("classes.jar", scratch)
                    with zipfile.ZipFile(jar) as classes:
                        classes.extractall(classes_dir)
            package = library_package(archive.read("AndroidManifest.xml").decode())
            symbols = archive.read("R.txt").decode() if "R.txt" in names else ""
        if symbols.strip():
            sources[package] = r_class(package, symbols, ids, framework)
    with tempfile.TemporaryDirectory() as scratch:
        files = []
        for package, source in sources.items():
            path = pathlib.Path(scratch, *package.split("."), "R.java")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(source)
            files.append(str(path))
        if files:
            subprocess.run(["javac", "-nowarn", "--release", "17", "-d", str(classes_dir), *files], check=True)
    stamp.write_text(listing)
    print(f"unpack-aars: {len(aars)} AARs, {len(sources)} R classes, {len(ids)} resource ids", file=sys.stderr)


if __name__ == "__main__":
    main()
