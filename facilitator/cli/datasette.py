"""``facilitator datasette``: the archive in Datasette, with our titles, views and queries.

Datasette is an optional extra (``pip install 'facilitator[datasette]'``): a
team that never browses its archive should not install a web framework.
Its metadata (``store/datasette.json``) is keyed by the database's name,
which Datasette takes from the file name, so it is written for the archive
being opened.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from importlib import resources
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import click

from facilitator.app.settings import Settings, shown
from facilitator.cli.common import command, fail
from facilitator.core.i18n import t

TEMPLATE_NAME = "archive"
"""The database name the packaged metadata is written for."""


def metadata_for(archive: Path) -> dict[str, Any]:
    """The packaged metadata, for the database Datasette names after ``archive``."""
    text = resources.files("store").joinpath("datasette.json").read_text("utf-8")
    metadata: dict[str, Any] = json.loads(text)
    databases = metadata["databases"]
    databases[archive.stem] = databases.pop(TEMPLATE_NAME)
    return metadata


def datasette_command() -> list[str] | None:
    """How to start Datasette here: this Python's module, else one on PATH."""
    if find_spec("datasette") is not None:
        return [sys.executable, "-m", "datasette"]
    found = shutil.which("datasette")
    return [found] if found else None


@command()
@click.option("--port", "datasette_port", type=int, default=8001, show_default=True)
@click.option("--print-metadata", "print_metadata", is_flag=True)
@click.pass_obj
def datasette(settings: Settings, datasette_port: int, print_metadata: bool) -> None:
    """Open the archive in Datasette: search box, views, canned queries."""
    from facilitator.cli.common import open_archive

    if not isinstance(settings.db, Path):
        fail(t("meetings.datasette_server", path=shown(settings.db)))
    path = settings.db.expanduser()
    open_archive(settings, read_only=True).close()  # a clear line if it cannot be used
    metadata = json.dumps(metadata_for(path), ensure_ascii=False, indent=2)
    if print_metadata:
        click.echo(metadata)
        return
    program = datasette_command()
    if program is None:
        fail(t("meetings.datasette_missing"))
    written = _metadata_file(path)
    written.write_text(metadata, encoding="utf-8")
    url = f"http://127.0.0.1:{datasette_port}/{path.stem}"
    click.echo(t("meetings.datasette_opening", url=url), err=True)
    # On this computer only, and without --create or plugins that write.
    arguments = [*program, "serve", str(path), "--metadata", str(written)]
    arguments += ["--host", "127.0.0.1", "--port", str(datasette_port)]
    sys.stdout.flush()
    sys.stderr.flush()
    # Datasette takes this process's place: Ctrl+C and a kill reach it directly.
    os.execv(arguments[0], arguments)


def _metadata_file(archive: Path) -> Path:
    """Where the metadata for ``archive`` is written (the user's cache, one per archive)."""
    from platformdirs import user_cache_path

    digest = hashlib.sha256(str(archive.resolve()).encode("utf-8")).hexdigest()[:12]
    folder = user_cache_path("facilitator") / "datasette"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{archive.stem}-{digest}.json"
