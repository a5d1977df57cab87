#!/usr/bin/env python3
"""Checks that relative links in the repository's Markdown files resolve.

For every tracked *.md file, each [text](target) whose target is not a URL must name an
existing file or directory (relative to the Markdown file), and a #fragment must match a
heading of the target file (GitHub's anchor rules: lower case, punctuation dropped, spaces
to '-'). Prints one line per broken link and exits 1 if there is any.

  tests/support/check_md_links.py [REPO_ROOT]
"""
import os
import re
import subprocess
import sys

LINK = re.compile(r'(?<!!)\[[^\]]*\]\(([^)\s]+)\)')
HEADING = re.compile(r'^#{1,6}\s+(.*?)\s*#*\s*$')


def anchors(path):
    out, in_code = set(), False
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.startswith('```'):
                in_code = not in_code
            m = None if in_code else HEADING.match(line)
            if m:
                text = re.sub(r'[^\w\- ]', '', m.group(1).replace('`', '').lower())
                out.add(text.replace(' ', '-'))
    return out


def links(path):
    in_code = False
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            if line.startswith('```'):
                in_code = not in_code
                continue
            if in_code:
                continue
            line = re.sub(r'`[^`]*`', '', line)
            for m in LINK.finditer(line):
                yield number, m.group(1)


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                           os.path.join(os.path.dirname(__file__), '..', '..'))
    files = subprocess.run(['git', '-C', root, 'ls-files', '*.md'], check=True,
                           capture_output=True, text=True).stdout.split()
    broken = 0
    for rel in files:
        md = os.path.join(root, rel)
        for number, target in links(md):
            if re.match(r'^[a-z][a-z0-9+.-]*:', target):
                continue  # http:, https:, mailto:, file:
            file_part, _, fragment = target.partition('#')
            dest = md if not file_part else os.path.normpath(
                os.path.join(os.path.dirname(md), file_part))
            if not os.path.exists(dest):
                print(f'{rel}:{number}: {target}: no such file')
                broken += 1
            elif fragment and dest.endswith('.md') and fragment not in anchors(dest):
                print(f'{rel}:{number}: {target}: no heading #{fragment}')
                broken += 1
    print(f'{len(files)} Markdown files, {broken} broken links')
    return 1 if broken else 0


if __name__ == '__main__':
    sys.exit(main())
