#!/usr/bin/env python3
"""Turns AndroidX AARs into what a JVM classpath can hold.

Usage: unpack-aars.py AAR_DIR CLASSES_DIR

An AAR is a zip holding classes.jar (the library's classes), R.txt (the resource ids its
classes use) and AndroidManifest.xml (its package). The Android Gradle plugin would
compile the libraries' resources with aapt2 and generate an R class per library; neither
is available on a plain JVM build. This script unpacks every classes.jar into
CLASSES_DIR and compiles an R class per library whose ids are unique across all of them,
in the application's id range (0x7fTTNNNN), as aapt2 would number them. The resources
themselves are not there: code that looks one up by id (a string, a layout) fails in a
test, while the ids used as view tags (ViewTreeLifecycleOwner, Compose's saveable ids)
work as on a device.
"""

import pathlib
import re
import subprocess
import sys
import tempfile
import zipfile

STAMP = ".unpacked-aars"


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


def r_class(package: str, symbols: str, ids: ResourceIds) -> str:
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
        else:
            field = f"public static int {name} = 0x{ids.number(rtype, name):08x};"
        by_type.setdefault(rtype, []).append(field)
    body = "\n".join(
        f"  public static final class {rtype} {{\n    " + "\n    ".join(fields) + "\n  }"
        for rtype, fields in sorted(by_type.items())
    )
    return f"package {package};\n\npublic final class R {{\n{body}\n}}\n"


def main() -> None:
    aar_dir, classes_dir = (pathlib.Path(arg) for arg in sys.argv[1:3])
    aars = sorted(aar_dir.glob("*.aar"))
    listing = "\n".join(aar.name for aar in aars)
    stamp = classes_dir / STAMP
    if stamp.exists() and stamp.read_text() == listing:
        return
    classes_dir.mkdir(parents=True, exist_ok=True)
    ids = ResourceIds()
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
            sources[package] = r_class(package, symbols, ids)
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
