"""Writes text stubs (.tbd) of Apple's Security and CoreFoundation
frameworks, for linking the darwin builds on a machine with no macOS SDK.

A Mach-O link needs only each framework's install name and the symbols it
exports, not its code: macOS supplies the real framework at run time. The
symbols are those the Rust bindings declare (`extern` functions and statics
in security-framework-sys and core-foundation-sys, at the versions in
Cargo.lock), so every symbol the provider can reference is covered; the
install names are the frameworks' real paths. No Apple file is used.

usage: darwin-frameworks.py OUT_DIR CARGO
  writes OUT_DIR/Security.framework/Security.tbd and the CoreFoundation one;
  pass -F OUT_DIR to the linker.
"""
import json
import os
import re
import subprocess
import sys

FRAMEWORKS = {
    # framework: the -sys crate that binds it
    "Security": "security-framework-sys",
    "CoreFoundation": "core-foundation-sys",
}
TARGETS = "[ x86_64-macos, arm64-macos ]"
# `fn Name(` or `static Name:` inside an extern block; helpers written in
# Rust are lower case or not in extern blocks, and an extra name in a stub
# is harmless (it is only ever looked up, never run).
EXTERN_BLOCK = re.compile(r'extern\s+"C"\s*\{(.*?)\n\}', re.S)
DECLARED = re.compile(r'\b(?:fn|static(?:\s+mut)?)\s+([A-Za-z_][A-Za-z0-9_]*)\s*[:(<]')


def crate_dirs(cargo):
    meta = json.loads(subprocess.run(
        [cargo, "metadata", "--locked", "--format-version", "1"],
        check=True, capture_output=True, text=True).stdout)
    dirs = {}
    for package in meta["packages"]:
        dirs.setdefault(package["name"], os.path.dirname(package["manifest_path"]))
    return dirs


def symbols(crate_dir):
    found = set()
    for folder, _, files in os.walk(os.path.join(crate_dir, "src")):
        for name in files:
            if name.endswith(".rs"):
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    for block in EXTERN_BLOCK.findall(f.read()):
                        found.update(DECLARED.findall(block))
    return sorted(found)


def main():
    out, cargo = sys.argv[1], sys.argv[2]
    dirs = crate_dirs(cargo)
    for framework, crate in FRAMEWORKS.items():
        if crate not in dirs:
            sys.exit("darwin-frameworks: %s is not in Cargo.lock's dependencies" % crate)
        names = symbols(dirs[crate])
        if len(names) < 50:
            sys.exit("darwin-frameworks: only %d symbols found in %s: its layout changed"
                     % (len(names), dirs[crate]))
        folder = os.path.join(out, framework + ".framework")
        os.makedirs(folder, exist_ok=True)
        install_name = "/System/Library/Frameworks/%s.framework/Versions/A/%s" % (framework, framework)
        listed = ",\n                       ".join("_" + n for n in names)
        with open(os.path.join(folder, framework + ".tbd"), "w") as f:
            f.write("--- !tapi-tbd\ntbd-version:     4\ntargets:         %s\n"
                    "install-name:    '%s'\ncurrent-version: 1\ncompatibility-version: 1\n"
                    "exports:\n  - targets:         %s\n    symbols:         [ %s ]\n...\n"
                    % (TARGETS, install_name, TARGETS, listed))
        print("darwin-frameworks: %s: %d symbols from %s" % (framework, len(names), crate),
              file=sys.stderr)


if __name__ == "__main__":
    main()
