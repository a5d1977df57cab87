#!/usr/bin/env python3
"""Checks the relative links of every Markdown file in the repository: each points to a file or
folder that exists, and a `#fragment` to a heading of the target file (GitHub's anchor rules:
lower case, punctuation dropped, spaces to hyphens). External links (http, mailto) are not
followed: the tests make no network traffic. Prints every broken link as file:line; exit 1 if any.

  tests/support/check_md_links.py REPO_ROOT
"""
import os
import re
import subprocess
import sys

LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)|!\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")


def anchors(path, cache={}):
    if path not in cache:
        found, in_code = set(), False
        counts = {}
        for line in open(path, encoding="utf-8"):
            if line.startswith("```"):
                in_code = not in_code
            m = None if in_code else HEADING.match(line)
            if not m:
                continue
            text = re.sub(r"`", "", m.group(1)).strip().lower()
            slug = re.sub(r"[^\w\- ]", "", text).replace(" ", "-")
            n = counts.get(slug, 0)
            counts[slug] = n + 1
            found.add(slug if n == 0 else f"{slug}-{n}")
        cache[path] = found
    return cache[path]


def main():
    root = os.path.abspath(sys.argv[1])
    files = subprocess.run(["git", "-C", root, "ls-files", "*.md"], capture_output=True,
                           text=True, check=True).stdout.split()
    broken = 0
    for rel in files:
        path = os.path.join(root, rel)
        if not os.path.exists(path):
            continue
        in_code = False
        for n, line in enumerate(open(path, encoding="utf-8"), 1):
            if line.startswith("```"):
                in_code = not in_code
            if in_code:
                continue
            for m in LINK.finditer(line):
                target = m.group(1) or m.group(2)
                if re.match(r"^[a-z]+:", target):
                    continue
                file_part, _, fragment = target.partition("#")
                dest = path if not file_part else os.path.normpath(
                    os.path.join(os.path.dirname(path), file_part))
                if not os.path.exists(dest):
                    print(f"{rel}:{n}: {target}: no such file")
                    broken += 1
                elif fragment and dest.endswith(".md") and fragment not in anchors(dest):
                    print(f"{rel}:{n}: {target}: no heading #{fragment} in "
                          f"{os.path.relpath(dest, root)}")
                    broken += 1
    print(f"{len(files)} Markdown files, {broken} broken links")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
