"""The event stage stays readable: small modules, no import cycles, no reaching into private
members of other objects, constructions in an ordered registry, words in data."""

from __future__ import annotations

import ast
from pathlib import Path

from eventwire.events.rules import load_rules

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "eventwire" / "events"
MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


def _name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return "eventwire." + ".".join(parts)


def _runtime_imports(path: Path) -> set[str]:
    """Modules of eventwire.events imported at run time (not under TYPE_CHECKING)."""
    tree = ast.parse(path.read_text("utf-8"))
    here = _name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    found: set[str] = set()

    def visit(nodes: list[ast.stmt]) -> None:
        for node in nodes:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                continue
            if isinstance(node, ast.ImportFrom):
                base = package[: len(package) - node.level + 1] if node.level else []
                module = ".".join([*base, *(node.module.split(".") if node.module else [])])
                for alias in node.names:
                    candidate = f"{module}.{alias.name}"
                    found.add(candidate if candidate in NAMES else module)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names)
            for field in ("body", "orelse", "finalbody", "handlers"):
                inner = getattr(node, field, None)
                if isinstance(inner, list):
                    visit([n for n in inner if isinstance(n, ast.stmt)])

    visit(tree.body)
    return {m for m in found if m in NAMES}


NAMES = {_name(p) for p in MODULES}


def test_no_module_is_over_400_lines() -> None:
    long = {p.name: n for p in MODULES if (n := len(p.read_text("utf-8").splitlines())) > 400}
    assert long == {}


def test_no_import_cycle_inside_events() -> None:
    graph = {_name(p): _runtime_imports(p) for p in MODULES}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def walk(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in graph.get(node, ()):
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt) :], nxt] if nxt in path else [node, nxt])
            elif nxt not in state:
                walk(nxt, [*path, nxt])
        state[node] = 2

    for node in graph:
        if node not in state:
            walk(node, [node])
    # a package importing its own submodules is not a cycle; a submodule importing the package is
    cycles = [c for c in cycles if not all(c[0].startswith(x) or x.startswith(c[0]) for x in c)]
    assert cycles == []


def test_no_helper_reaches_into_another_objects_private_members() -> None:
    offenders: list[str] = []
    for path in MODULES:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
                and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))
            ):
                offenders.append(f"{path.name}:{node.lineno} .{node.attr}")
    assert offenders == []


def test_rules_are_an_ordered_registry_of_documented_modules() -> None:
    rules = load_rules()
    names = [r.name for r in rules]
    assert names[:3] == ["ultimatum", "operations", "content"] and names[-2:] == ["keep", "answers"]
    assert [r.order for r in rules] == sorted(r.order for r in rules)
    for rule in rules:
        module = PACKAGE / "rules" / f"{rule.name}.py"
        assert ast.get_docstring(ast.parse(module.read_text("utf-8"))), f"{rule.name} has no docstring"
