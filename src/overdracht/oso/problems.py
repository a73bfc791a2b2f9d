"""Problems found in an OSO file: a Dutch message, where it is, and how bad."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Problem:
    message: str
    file: str = ""
    line: int | None = None
    path: str = ""
    severity: str = "error"  # "error" rejects the file; "warning" is reported only

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f", regel {self.line}"
        if self.path:
            where += f" ({self.path})"
        return f"{where}: {self.message}" if where else self.message


class OsoFileError(Exception):
    """The file cannot be read as an OSO dossier; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems
