"""The data folder holds every article's text: other users of the machine may neither read it nor take its write lock.

A security test found, under the usual umask 022, the data folder, chroma/chroma.sqlite3 and retrieval/ 0755/0644
(any local user grepped uploaded text out of the sqlite file) and write.lock 0644 (any local user could flock it
and stall every ingest). Real folders, a real index, and for the other user a real other uid when run as root.
"""

from __future__ import annotations

import logging
import os
import shutil
import stat
import subprocess
import tempfile
from pathlib import Path

import pytest

from ingest.pipeline import WRITE_LOCK_FILE, Index, private_data_folder
from ingest.settings import IngestSettings
from tests.conftest import SEED_FILE


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def open_umask():
    """The usual umask (022), whatever the test runner's: files are made 0644 and folders 0755 unless asked."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_data_folder_byline_makes_is_0700_and_its_lock_0600(open_umask, make_assistant, tmp_path):
    data = tmp_path / "new" / "data"
    bot = make_assistant(data)
    assert bot.add([SEED_FILE]).added == 1
    assert mode(data) == 0o700
    lock = data / WRITE_LOCK_FILE
    if lock.exists():  # filelock may remove it on release; made again 0600 on the next write
        assert mode(lock) == 0o600
    with bot.index.write_lock:
        assert mode(lock) == 0o600


def test_a_lock_file_left_0644_by_an_earlier_version_is_made_0600(open_umask, embedding, tmp_path):
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    lock = data / WRITE_LOCK_FILE
    lock.touch()
    os.chmod(lock, 0o644)
    index = Index.open(IngestSettings(data_dir=data), embedding=embedding)
    with index.write_lock:
        assert mode(lock) == 0o600


def test_a_strict_umask_does_not_lock_the_user_out(make_assistant, tmp_path):
    old = os.umask(0o777)
    try:
        folder = private_data_folder(tmp_path / "data")
    finally:
        os.umask(old)
    assert mode(folder) == 0o700


def test_an_open_existing_folder_is_left_as_is_with_one_warning(open_umask, embedding, tmp_path, caplog):
    data = tmp_path / "shared-data"
    data.mkdir()
    os.chmod(data, 0o755)
    caplog.set_level(logging.WARNING, logger="ingest.pipeline")
    Index.open(IngestSettings(data_dir=data), embedding=embedding)
    Index.open(IngestSettings(data_dir=data), embedding=embedding)
    warnings = [r.getMessage() for r in caplog.records if "chmod 700" in r.getMessage()]
    assert len(warnings) == 1, warnings
    assert str(data.resolve()) in warnings[0] and f"chmod 700 {data.resolve()}" in warnings[0]
    assert mode(data) == 0o755  # the user's folder: never changed behind their back


def test_a_private_existing_folder_gives_no_warning(open_umask, embedding, tmp_path, caplog):
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    caplog.set_level(logging.WARNING, logger="ingest.pipeline")
    Index.open(IngestSettings(data_dir=data), embedding=embedding)
    assert not [r for r in caplog.records if "chmod 700" in r.getMessage()]


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("setpriv"), reason="needs root to act as another user")
def test_another_user_can_neither_read_the_index_nor_hold_the_lock(open_umask, make_assistant):
    # the other user may reach the parent, as they may reach /tmp or a 0755 home (pytest's tmp_path is 0700)
    parent = Path(tempfile.mkdtemp(prefix="byline-perm-"))
    os.chmod(parent, 0o755)
    try:
        _another_user_is_shut_out(make_assistant, parent / "data")
    finally:
        shutil.rmtree(parent, ignore_errors=True)


def _another_user_is_shut_out(make_assistant, data: Path) -> None:
    bot = make_assistant(data)
    bot.add([SEED_FILE])
    phrase = "Ilham Aliyev conveyed his willingness"
    sqlite = data / "chroma" / "chroma.sqlite3"
    assert phrase.encode() in sqlite.read_bytes()  # the text is there: only the folder keeps it in
    as_nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    read = subprocess.run([*as_nobody, "grep", "-a", "-c", phrase, str(sqlite)], capture_output=True, text=True)
    assert read.returncode != 0 and "Permission denied" in read.stderr, read
    lock = subprocess.run(
        [*as_nobody, "flock", "-x", "-w", "1", str(data / WRITE_LOCK_FILE), "true"], capture_output=True, text=True
    )
    assert lock.returncode != 0, lock
