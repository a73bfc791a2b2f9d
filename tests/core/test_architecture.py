"""The apps import each other exactly as docs/architecture.md says: the table of who calls
whom is read from that page, so the page and the code cannot drift apart."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "overdracht"
DOC = ROOT / "docs" / "architecture.md"
ROW = re.compile(r"^\| `(\w+)` \| ([a-z_, —]+) \|$")


def _apps() -> set[str]:
    return {p.name for p in SRC.iterdir() if (p / "__init__.py").exists()}


def _documented() -> dict[str, set[str]]:
    text = DOC.read_text()
    table = text[text.index("| app | calls |") :].split("\n\n", 1)[0]
    rows: dict[str, set[str]] = {}
    for line in table.splitlines():
        found = ROW.match(line)
        if found:
            callees = found.group(2).strip()
            rows[found.group(1)] = set() if callees == "—" else set(callees.split(", "))
    return rows


def _imported_modules(path: Path) -> Iterator[str]:
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


def _actual() -> dict[str, set[str]]:
    apps = _apps()
    graph: dict[str, set[str]] = {app: set() for app in apps}
    for path in SRC.rglob("*.py"):
        parts = path.relative_to(SRC).parts
        if len(parts) < 2 or "migrations" in parts:
            continue
        for module in _imported_modules(path):
            names = module.split(".")
            if names[0] == "overdracht" and len(names) > 1 and names[1] in apps - {parts[0]}:
                graph[parts[0]].add(names[1])
    return graph


def test_every_app_has_a_row_and_every_row_an_app() -> None:
    assert set(_documented()) == _apps()


def test_apps_import_only_what_the_architecture_page_allows() -> None:
    documented = _documented()
    extra = {
        f"{app} → {callee}"
        for app, callees in _actual().items()
        for callee in callees - documented.get(app, set())
    }
    assert extra == set(), "an import the architecture page does not name"


def test_the_page_names_no_import_that_is_not_there() -> None:
    actual = _actual()
    stale = {
        f"{app} → {callee}"
        for app, callees in _documented().items()
        for callee in callees - actual.get(app, set())
    }
    assert stale == set(), "the architecture page names an import the code does not have"


def test_there_are_no_cycles_between_apps() -> None:
    graph = _actual()
    done: set[str] = set()

    def visit(app: str, path: list[str]) -> list[str] | None:
        if app in path:
            return [*path[path.index(app) :], app]
        if app in done:
            return None
        for callee in sorted(graph[app]):
            cycle = visit(callee, [*path, app])
            if cycle:
                return cycle
        done.add(app)
        return None

    cycles = [cycle for app in sorted(graph) if (cycle := visit(app, []))]
    assert cycles == []
