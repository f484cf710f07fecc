#!/usr/bin/env python3
"""Writes the man pages and the bash completion of Foresight's programs from
the programs' own --help output. packaging/CMakeLists.txt runs it at build
time against the freshly built binaries, so neither can drift from the code.

  help_docs.py man-cli BINARY OUT.1[.gz] --date YYYY-MM-DD
  help_docs.py man-workbench BINARY OUT.1[.gz] --date YYYY-MM-DD
  help_docs.py bash-completion BINARY OUT

The --help layout it reads (app/cli/ArgParser.cpp, QCommandLineParser):
a "Usage: ..." line, free text, then sections ("Options:") whose items are
"  TERM   text" with continuation lines indented deeper than two spaces.
"""
import argparse
import gzip
import os
import re
import subprocess
import sys

ITEM = re.compile(r"^  (\S.*?)(?: {2,}|\t)(.*)$")
SECTION = re.compile(r"^([A-Z][A-Za-z ]*):$")
# An option's value name: DIR, SERIES.csv, SPEC[,SPEC...], expanding|sliding, <uri>.
VALUE_NAME = re.compile(r"[A-Z0-9_.,\[\]-]+|\S*[|.\[<]\S*|[a-z][a-z0-9_-]*")


def run_help(binary, *words):
    # The workbench is a GUI program: --help must not need a display.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([binary, *words, "--help"], capture_output=True, text=True, env=env,
                          timeout=60)
    if done.returncode != 0 or not done.stdout.strip():
        sys.exit(f"help_docs.py: '{binary} {' '.join(words)} --help' failed "
                 f"(exit {done.returncode}): {done.stderr.strip()}")
    return done.stdout


def split_item(line):
    """'  TERM   text' -> [TERM, text]. ArgParser leaves a single space after a
    long term ('  --window expanding|sliding Training window'): then the term
    is the option and its value name, if the next word looks like one."""
    item = ITEM.match(line)
    if item:
        return [item.group(1).strip(), item.group(2).strip()]
    words = line.split()
    if words[0].startswith("-") and len(words) > 2 and VALUE_NAME.fullmatch(words[1]):
        return [" ".join(words[:2]), " ".join(words[2:])]
    if words[0].startswith("-"):
        return [words[0], " ".join(words[1:])]
    return [line.strip(), ""]


def parse_help(text):
    """Returns (usage, blocks); a block is ("text", [lines]) or
    ("section", title, [[term, text], ...]). Inside a section, lines indented
    deeper than the items, or not at all but with no blank line before, carry
    on the item above (help texts wrap at 80 columns either way)."""
    usage, blocks, previous = "", [], ""
    for line in text.rstrip().splitlines():
        in_section = bool(blocks) and blocks[-1][0] == "section"
        items = blocks[-1][2] if in_section else []
        if not usage and line.startswith("Usage:"):
            usage = line[len("Usage:"):].strip()
        elif usage and not blocks and previous.strip() and line.startswith(" "):
            usage += " " + line.strip()  # a usage wrapped onto indented lines
        elif SECTION.match(line):
            blocks.append(("section", SECTION.match(line).group(1), []))
        elif in_section and items and line.strip() and (
                line.startswith("   ") or (not line.startswith(" ") and previous.strip())):
            items[-1][1] = (items[-1][1] + " " + line.strip()).strip()
        elif in_section and line.startswith("  "):
            items.append(split_item(line))
        else:
            if not blocks or blocks[-1][0] != "text":
                blocks.append(("text", []))
            blocks[-1][1].append(line)
        previous = line
    return usage, blocks


def command_paths(top_help):
    _, blocks = parse_help(top_help)
    for block in blocks:
        if block[0] == "section" and block[1] == "Commands" and block[2]:
            return [term.split() for term, _ in block[2]]
    sys.exit("help_docs.py: the top-level --help lists no 'Commands:' section")


# ---------------------------------------------------------------- roff

def esc(text):
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + text if text.startswith((".", "'")) else text


def roff_term(term):
    """Options bold, their value names italic, command words bold."""
    out = []
    for word in term.split(" "):
        bare = word.rstrip(",")
        if bare.startswith("-") or re.fullmatch(r"[a-z][a-z0-9-]*", bare):
            out.append("\\fB" + esc(bare) + "\\fR" + word[len(bare):])
        else:
            out.append("\\fI" + esc(word) + "\\fR")
    return " ".join(out)


def roff_text(lines):
    out, para = [], False
    for line in lines:
        if not line.strip():
            para = True
            continue
        if para and out:
            out.append(".PP")
        para = False
        out.append(esc(line.strip()))
    return out


def roff_items(title, items):
    out = []
    for term, text in items:
        # Positional arguments are placeholders (italic), even in lower case.
        shown = "\\fI" + esc(term) + "\\fR" if title == "Arguments" else roff_term(term)
        out += [".TP", shown, esc(text)]
    return out


def roff_usage(usage, words):
    # QCommandLineParser names the program by the path it was started with.
    first, _, rest = usage.partition(" ")
    if os.path.basename(first) == words[0]:
        usage = (words[0] + " " + rest).strip()
    head = " ".join(words)
    rest = usage[len(head):].strip() if usage.startswith(head) else usage
    return "\\fB" + esc(head) + "\\fR " + esc(rest)


def name_line(program, blocks):
    """NAME section: the program and the first clause of its description."""
    for block in blocks:
        if block[0] == "text":
            first = " ".join(l.strip() for l in block[1] if l.strip())
            if first:
                return esc(program) + " \\- " + esc(re.split(r"[:.]", first)[0].strip())
    return esc(program)


def man_header(program, version, date):
    return [f'.\\" Generated from "{program} --help" by packaging/tools/help_docs.py; do not edit.',
            f'.TH {program.upper()} 1 "{date}" "{esc(version)}" "User Commands"',
            ".nh"]  # no hyphenation: option names and file names stay whole


def man_page(program, version, date, top_help, commands):
    """commands: [(words, help_text)] documented one subsection each."""
    usage, blocks = parse_help(top_help)
    out = man_header(program, version, date)
    out += [".SH NAME", name_line(program, blocks), ".SH SYNOPSIS", roff_usage(usage, [program])]
    out.append(".SH DESCRIPTION")
    for block in blocks:
        if block[0] == "text":
            text = roff_text(block[1])
            out += [".PP"] + text if text else []
        else:
            out += [".SH " + block[1].upper()] + roff_items(block[1], block[2])
    if commands:
        out.append('.SH "COMMAND REFERENCE"')
    for words, text in commands:
        cmd_usage, cmd_blocks = parse_help(text)
        path = [program] + words
        out += [".SS " + '"' + esc(" ".join(path)) + '"', ".PP", roff_usage(cmd_usage, path)]
        for block in cmd_blocks:
            if block[0] == "text":
                text = roff_text(block[1])
                out += [".PP"] + text if text else []
            else:
                out += [".PP", "\\fB" + esc(block[1]) + ":\\fR", ".RS 4"]
                out += roff_items(block[1], block[2]) + [".RE"]
    other = "foresight-workbench" if program == "foresight" else "foresight"
    out += [".SH \"SEE ALSO\"", f"\\fB{esc(other)}\\fR(1)"]
    return "\n".join(out) + "\n"


def version_of(binary):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([binary, "--version"], capture_output=True, text=True, env=env, timeout=60)
    line = done.stdout.strip().splitlines()
    if done.returncode != 0 or not line:
        sys.exit(f"help_docs.py: '{binary} --version' failed (exit {done.returncode})")
    return line[0]


# ---------------------------------------------------------------- bash completion

def choices_in(help_text):
    """The words of a list of choices in an option's help, e.g. 'revenue, cost,
    quantity, orders or amount', or 'Date format: iso, dmy (...), mdy'."""
    text = re.sub(r"\([^)]*\)", "", help_text)
    text = re.sub(r"\s+,", ",", re.sub(r"\s+", " ", text)).strip()
    found = (re.search(r"(?:^|: | per )((?:[\w-]+, )+[\w-]+,? or [\w-]+)", text) or
             re.search(r"(?:^|: )((?:[\w-]+, ){2,}[\w-]+)(?=,? ?\.\.\.|[;.]|$)", text))
    return re.split(r",? or |, ", found.group(1)) if found else []


def value_words(value_name, help_text):
    """How to complete an option's value: 'dirs', 'files', a word list, or ''."""
    if "|" in value_name:  # literal words only: CURRENT in CURRENT|none is a placeholder
        return " ".join(w for w in value_name.split("|") if not w.isupper())
    if "DIR" in value_name:
        return "dirs"
    if re.search(r"FILE|SOURCE|PATH|CSV|JSON|\.(csv|json|db)$", value_name, re.I):
        return "files"
    return " ".join(choices_in(help_text))


def completion_script(binary, top_help, commands):
    groups = {}
    for words, _ in commands:
        groups.setdefault(words[0], []).append(" ".join(words[1:]))
    _, top_blocks = parse_help(top_help)
    top_options = [t.split()[0] for b in top_blocks if b[0] == "section" and "ption" in b[1]
                   for t, _ in b[2]]
    lines = [
        "# bash completion for foresight: commands, subcommands, options and their values.",
        f"# Generated from the output of '{os.path.basename(binary)} --help' by",
        "# packaging/tools/help_docs.py at build time; do not edit.",
        "_foresight() {",
        "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}",
        "  local cmd=${COMP_WORDS[1]} words=\"\" positional=\"\"",
        "  COMPREPLY=()",
        "  if ((COMP_CWORD == 1)); then",
        f"    COMPREPLY=($(compgen -W \"{' '.join(sorted(groups))} {' '.join(top_options)}\" -- \"$cur\"))",
        "    return",
        "  fi",
        "  case $cmd in",
    ]
    for group, subs in sorted(groups.items()):
        if any(subs):
            lines += [f"    {group})",
                      "      if ((COMP_CWORD == 2)); then",
                      f"        COMPREPLY=($(compgen -W \"{' '.join(s for s in subs if s)}\" -- \"$cur\"))",
                      "        return",
                      "      fi",
                      "      cmd=\"$cmd ${COMP_WORDS[2]}\" ;;"]
    lines += ["  esac", "  case \"$cmd|$prev\" in"]
    per_command = []
    for words, text in commands:
        key = " ".join(words)
        _, blocks = parse_help(text)
        options, file_args = [], False
        for block in blocks:
            if block[0] != "section":
                continue
            for term, help_text in block[2]:
                parts = term.split()
                if parts[0].startswith("--"):
                    options.append(parts[0])
                    kind = value_words(parts[1], help_text) if len(parts) > 1 else None
                    if kind is not None:
                        action = {"dirs": "COMPREPLY=($(compgen -d -- \"$cur\"))",
                                  "files": "COMPREPLY=($(compgen -f -- \"$cur\"))",
                                  "": "COMPREPLY=()"}.get(kind, f"COMPREPLY=($(compgen -W \"{kind}\" -- \"$cur\"))")
                        lines.append(f"    \"{key}|{parts[0]}\") {action}; return ;;")
                elif block[1] == "Arguments" and value_words(parts[0], help_text) == "files":
                    file_args = True
        per_command.append(f"    \"{key}\") words=\"{' '.join(options)}\"; positional={'files' if file_args else 'none'} ;;")
    lines += ["  esac", "  case $cmd in"] + per_command + [
        "  esac",
        "  if [[ $cur == -* || $positional == none ]]; then",
        "    COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))",
        "  else",
        "    COMPREPLY=($(compgen -f -- \"$cur\"))",
        "  fi",
        "}",
        "complete -o filenames -F _foresight foresight",
    ]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- main

def write(path, text):
    data = text.encode("utf-8")
    if path.endswith(".gz"):  # man pages ship compressed; mtime 0 keeps rebuilds identical
        data = gzip.compress(data, compresslevel=9, mtime=0)
    with open(path, "wb") as f:
        f.write(data)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("what", choices=["man-cli", "man-workbench", "bash-completion"])
    ap.add_argument("binary")
    ap.add_argument("out")
    ap.add_argument("--date", default="")
    a = ap.parse_args()
    program = os.path.basename(a.binary)
    top = run_help(a.binary)
    if a.what == "man-workbench":
        write(a.out, man_page(program, version_of(a.binary), a.date, top, []))
        return
    commands = [(words, run_help(a.binary, *words)) for words in command_paths(top)]
    if a.what == "man-cli":
        write(a.out, man_page(program, version_of(a.binary), a.date, top, commands))
    else:
        write(a.out, completion_script(a.binary, top, commands))


if __name__ == "__main__":
    main()
