"""The bootstrap installs Chromium for the browser tours, as it installs PostgreSQL.

`.ci/dev.sh browser` runs here with a PATH holding only the basic tools and a recording
stand-in for `apt-get` (the package manager is the external system; the script is real).
"""

import os
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ("bash", "dirname", "id", "cat", "chmod", "sed", "sort", "tail", "ls", "mkdir")


def _bin_without_chromium(tmp_path, apt_get_body):
    folder = tmp_path / "bin"
    folder.mkdir()
    for tool in TOOLS:
        found = shutil.which(tool)
        assert found, f"{tool} is a basic tool of the machine"
        (folder / tool).symlink_to(found)
    apt_get = folder / "apt-get"
    apt_get.write_text("#!" + shutil.which("bash") + "\n" + textwrap.dedent(apt_get_body))
    apt_get.chmod(0o755)
    return folder


def _run_browser_step(folder):
    env = {"PATH": str(folder), "HOME": os.environ.get("HOME", "/root")}
    return subprocess.run(
        [str(folder / "bash"), str(ROOT / ".ci/dev.sh"), "browser"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.skipif(os.geteuid() != 0, reason="the bootstrap installs packages as root only")
def test_missing_chromium_is_installed_with_apt(tmp_path):
    calls = tmp_path / "apt-calls"
    folder = _bin_without_chromium(
        tmp_path,
        f"""
        echo "$*" >> {calls}
        if [ "$1" = install ]; then
            printf '#!/bin/sh\\necho chromium\\n' > {tmp_path}/bin/chromium
            chmod +x {tmp_path}/bin/chromium
        fi
        """,
    )
    done = _run_browser_step(folder)
    assert done.returncode == 0, done.stderr
    assert calls.read_text().splitlines() == ["update -qq", "install -y -qq chromium"]
    assert "Installing Chromium" in done.stderr


def test_present_chromium_installs_nothing(tmp_path):
    calls = tmp_path / "apt-calls"
    folder = _bin_without_chromium(tmp_path, f'echo "$*" >> {calls}\n')
    (folder / "chromium").symlink_to(folder / "cat")
    done = _run_browser_step(folder)
    assert done.returncode == 0, done.stderr
    assert not calls.exists()


@pytest.mark.skipif(os.geteuid() != 0, reason="the bootstrap installs packages as root only")
def test_failed_install_stops_the_bootstrap(tmp_path):
    folder = _bin_without_chromium(tmp_path, "exit 0\n")
    done = _run_browser_step(folder)
    assert done.returncode != 0
    assert "no 'chromium' command" in done.stderr
