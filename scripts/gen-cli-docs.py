#!/usr/bin/env python3
"""Regenerates docs/cli.md from the `foresight` binary's own --help texts, so
the reference never drifts from the code; --check reports a stale page.

Usage: scripts/gen-cli-docs.py [path/to/foresight] [--check]
"""
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
INTRO = """# foresight — command reference

Generated from the program's own `--help` output by `scripts/gen-cli-docs.py`
(`scripts/gen-cli-docs.py --check` tells whether it is current). Conventions shared by
every command: `--help` on each; `--json` for machine-readable output where a
command prints results; progress and logs go to stderr, results to stdout or
`--out`. Exit codes: 0 ok, 1 unexpected error, 2 bad usage or bad input (the
message names the file, line and field), 3 a gate said no, 4 registry conflict,
130 interrupted (Ctrl-C or SIGTERM; no partial output file is left).
"""


def run(binary, *args):
    return subprocess.run([binary, *args], capture_output=True, text=True, check=True).stdout


def render(binary):
    top = run(binary, "--help")
    parts = [INTRO, "\n## foresight\n\n```\n" + top.rstrip() + "\n```\n"]
    in_commands = False
    for line in top.splitlines():
        if line.startswith("Commands:"):
            in_commands = True
            continue
        if in_commands:
            if not line.startswith("  "):
                break
            path = re.split(r"\s{2,}", line.strip())[0].split()
            text = run(binary, *path, "--help")
            parts.append("\n## foresight " + " ".join(path) + "\n\n```\n" + text.rstrip() + "\n```\n")
    return "".join(parts)


def main():
    args = [a for a in sys.argv[1:] if a != "--check"]
    binary = args[0] if args else str(ROOT / "build/release/app/cli/foresight")
    text = render(binary)
    target = ROOT / "docs/cli.md"
    if "--check" in sys.argv:
        if not target.exists() or target.read_text() != text:
            sys.stderr.write("docs/cli.md is out of date: run scripts/gen-cli-docs.py\n")
            return 1
        return 0
    target.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
