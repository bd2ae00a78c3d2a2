"""Build each addon's README.rst from its readme/*.md fragments (what oca-gen-addon-readme does).

`--check` fails when a README.rst is missing or stale, so `make lint` keeps them in sync.
"""

import argparse
import ast
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SECTIONS = [
    ("DESCRIPTION", None),
    ("CONFIGURE", "Configuration"),
    ("USAGE", "Usage"),
    ("ROADMAP", "Known issues / Roadmap"),
]


def addons():
    return sorted(p.parent for p in ROOT.glob("chatwoot_ai_*/__manifest__.py"))


def render(addon):
    manifest = ast.literal_eval((addon / "__manifest__.py").read_text())
    title = manifest["name"]
    lines = [
        ".. !! This file is generated from readme/*.md by .ci/gen_readme.py !!",
        "",
        "=" * len(title),
        title,
        "=" * len(title),
        "",
        f"*{manifest['summary']}* — version {manifest['version']}, "
        f"license {manifest['license']}, depends on {', '.join(manifest['depends'])}.",
        "",
    ]
    for fragment, heading in SECTIONS:
        path = addon / "readme" / f"{fragment}.md"
        if not path.exists():
            continue
        if heading:
            lines += [heading, "=" * len(heading), ""]
        # Markdown fragments are kept as a literal-free text block: RST reads them fine.
        lines += [path.read_text().rstrip(), ""]
    lines += ["Authors", "=======", "", f"* {manifest['author']}", ""]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    stale = []
    for addon in addons():
        target = addon / "README.rst"
        text = render(addon)
        if args.check:
            if not target.exists() or target.read_text() != text:
                stale.append(str(target.relative_to(ROOT)))
        else:
            target.write_text(text)
    if stale:
        print("Stale README.rst (run `make readme`):", *stale, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
