#!/usr/bin/env python3
"""Writes the package's changelog.gz (Debian policy 12.7) from a template:
fills in @VERSION@, @MAINTAINER@ and @DATE@ (the release date in the RFC 2822
form the changelog format asks for) and compresses it with gzip -9 and no
timestamp, so rebuilding gives an identical file.

  debian_changelog.py TEMPLATE OUT.gz --version V --maintainer "N <E>" --date YYYY-MM-DD
"""
import argparse
import datetime
import email.utils
import gzip


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("template")
    ap.add_argument("out")
    ap.add_argument("--version", required=True)
    ap.add_argument("--maintainer", required=True)
    ap.add_argument("--date", required=True, type=datetime.date.fromisoformat)
    a = ap.parse_args()
    day = datetime.datetime.combine(a.date, datetime.time(), datetime.timezone.utc)
    with open(a.template, encoding="utf-8") as f:
        text = f.read()
    for key, value in (("VERSION", a.version), ("MAINTAINER", a.maintainer),
                       ("DATE", email.utils.format_datetime(day))):
        text = text.replace(f"@{key}@", value)
    with open(a.out, "wb") as f:
        f.write(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))


if __name__ == "__main__":
    main()
