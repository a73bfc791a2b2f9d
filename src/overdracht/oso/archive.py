"""Collect OSO files from paths, folders and zip archives, refusing unsafe archives.

A zip is refused whole when it has a path that leaves the archive (`../`, absolute paths),
too many entries, or unpacks to more than the caps allow (a zip bomb). Nested archives are
not opened. Public API: `files_from_paths`, `files_from_upload`, `InputFile`.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.conf import settings

from overdracht.oso.problems import OsoFileError, Problem


@dataclass(frozen=True)
class InputFile:
    name: str
    data: bytes


def _unsafe_member(name: str) -> bool:
    path = PurePosixPath(name.replace("\\", "/"))
    return path.is_absolute() or ".." in path.parts or (len(name) > 1 and name[1] == ":")


def files_from_zip(data: bytes, *, name: str) -> list[InputFile]:
    """Every XML file in the archive, read whole before any is returned: an archive that
    turns out to be unsafe halfway yields nothing at all."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise OsoFileError([Problem("Het zip-bestand is beschadigd.", file=name)]) from exc
    members = [m for m in archive.infolist() if not m.is_dir()]
    if len(members) > settings.OSO_MAX_ZIP_ENTRIES:
        raise OsoFileError(
            [
                Problem(
                    f"Het zip-bestand bevat te veel bestanden ({len(members)}; maximaal "
                    f"{settings.OSO_MAX_ZIP_ENTRIES}).",
                    file=name,
                )
            ]
        )
    for member in archive.infolist():
        if _unsafe_member(member.filename):
            raise OsoFileError(
                [
                    Problem(
                        f"Het zip-bestand bevat een pad buiten het archief: {member.filename!r}.",
                        file=name,
                    )
                ]
            )
    declared = sum(m.file_size for m in members)
    if declared > settings.OSO_MAX_ZIP_TOTAL_BYTES:
        raise OsoFileError(
            [
                Problem(
                    "Het zip-bestand pakt uit tot meer dan toegestaan (mogelijk een zip-bom).",
                    file=name,
                )
            ]
        )
    total = 0
    found: list[InputFile] = []
    for member in members:
        if not member.filename.lower().endswith(".xml"):
            continue
        with archive.open(member) as handle:
            # Read at most one byte over the cap, whatever the header claims.
            content = handle.read(settings.OSO_MAX_FILE_BYTES + 1)
        total += len(content)
        if total > settings.OSO_MAX_ZIP_TOTAL_BYTES or len(content) > settings.OSO_MAX_FILE_BYTES:
            raise OsoFileError(
                [
                    Problem(
                        "Het zip-bestand pakt uit tot meer dan toegestaan (mogelijk een zip-bom).",
                        file=f"{name}/{member.filename}",
                    )
                ]
            )
        found.append(InputFile(name=f"{name}/{member.filename}", data=content))
    return found


def files_from_upload(name: str, data: bytes) -> list[InputFile]:
    if data[:4] == b"PK\x03\x04" or name.lower().endswith(".zip"):
        return files_from_zip(data, name=name)
    return [InputFile(name=name, data=data)]


def files_from_paths(paths: list[str]) -> Iterator[InputFile | OsoFileError]:
    """Each XML file found, or the error for a path or archive that cannot be used."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            candidates = sorted(p for p in path.rglob("*") if p.suffix.lower() in {".xml", ".zip"})
        elif path.exists():
            candidates = [path]
        else:
            yield OsoFileError([Problem("Dit bestand of deze map bestaat niet.", file=raw)])
            continue
        for candidate in candidates:
            if candidate.stat().st_size > settings.OSO_MAX_ZIP_TOTAL_BYTES:
                yield OsoFileError([Problem("Het bestand is te groot.", file=str(candidate))])
                continue
            try:
                yield from files_from_upload(str(candidate), candidate.read_bytes())
            except OsoFileError as exc:
                yield exc
