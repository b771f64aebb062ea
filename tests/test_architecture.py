"""The layout is a rule, not a wish: imports run down the pipeline, writers see only
the model, no cycle, few loose modules, and the packaged list matches the tree.

The modules are read with `ast`, never imported, so a broken module still gets a
clear message here and the check costs nothing.
"""

from __future__ import annotations

import ast
import tomllib
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src"
PACKAGE = SOURCE / "policygen"

# Lowest first: a module may import its own package and lower ranks only. The loose
# modules of the first rank share the top package, so they may import one another
# (the cycle check still applies to them).
PIPELINE = [("diagnostics", "french", "resources"), ("orgfile",), ("library",), ("model",), ("assembly",),
            ("writers",), ("publishing",), ("review",), ("cli",), ("__main__",)]
RANK = {name: rank for rank, names in enumerate(PIPELINE) for name in names}
# The model's nodes, not its transforms: writers never typeset, number or label.
WRITERS_MAY_IMPORT = ("policygen.model.nodes", "policygen.french", "policygen.resources", "policygen.writers")
MAX_LOOSE_MODULES = 8
# The command surface: it parses options, calls a service, prints. No stage's machinery
# (planning, assembly, the cache, installing, the severity of findings) is the CLI's.
CLI_MAY_IMPORT = ("policygen.cli", "policygen.diagnostics", "policygen.resources", "policygen.writers",
                  "policygen.publishing.service", "policygen.publishing.register", "policygen.publishing.legal",
                  "policygen.review.explain", "policygen.review.compare", "policygen.library.coverage",
                  "policygen.orgfile.jsonschema", "policygen.orgfile.questionnaire", "policygen.orgfile.migrate",
                  "policygen.orgfile.confirm")


def module_name(path: Path) -> str:
    parts = path.relative_to(SOURCE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def is_package(name: str) -> bool:
    return modules()[name].name == "__init__.py"


def resolve(importer: str, node: ast.ImportFrom) -> str:
    """The absolute module name of `from <dots><module> import …` written in `importer`."""
    if not node.level:
        return node.module or ""
    base = importer.split(".")
    if not is_package(importer):
        base = base[:-1]  # a module's relative imports start from its package
    base = base[:len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


@cache
def imports() -> dict[str, list[tuple[str, int]]]:
    """{module: [(imported policygen module, line)]}, every import statement, lazy ones included.

    `from package import name` counts as importing the submodule when `name` is one."""
    known = modules()
    found: dict[str, list[tuple[str, int]]] = {}
    for name, path in known.items():
        edges = []
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                origin = resolve(name, node)
                targets = [f"{origin}.{a.name}" if f"{origin}.{a.name}" in known else origin for a in node.names]
            else:
                continue
            edges += [(target, node.lineno) for target in targets if target.split(".")[0] == "policygen"]
        found[name] = edges
    return found


def where(module: str, line: int) -> str:
    return f"{modules()[module].relative_to(ROOT)}:{line}"


def stage(module: str) -> str:
    """The pipeline stage a module belongs to: its first name under policygen."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_every_module_is_in_a_ranked_stage():
    unranked = sorted(m for m in modules() if m != "policygen" and stage(m) not in RANK)
    assert unranked == [], f"modules outside the pipeline's stages (add them to PIPELINE or move them): {unranked}"


def test_every_import_names_a_module_that_exists():
    missing = [f"{where(m, line)}: {m} imports {target}, which is not a module of src/policygen"
               for m, edges in imports().items() for target, line in edges
               if target not in modules() and target.rpartition(".")[0] not in modules()]
    assert missing == [], "\n".join(missing)


def test_there_is_no_import_cycle():
    graph = {m: sorted({t if t in modules() else t.rpartition(".")[0] for t, _ in edges} - {m})
             for m, edges in imports().items()}
    done: set[str] = set()
    cycles: list[str] = []

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            cycles.append(" → ".join(path[path.index(module):] + [module]))
            return
        if module in done:
            return
        for target in graph.get(module, ()):
            visit(target, path + [module])
        done.add(module)

    for module in graph:
        visit(module, [])
    assert cycles == [], "import cycles:\n" + "\n".join(cycles)


def test_imports_run_down_the_pipeline():
    upward = []
    for module, edges in imports().items():
        if module == "policygen":
            continue
        own = stage(module)
        for target, line in edges:
            theirs = stage(target)
            if target != "policygen" and theirs != own and RANK.get(theirs, -1) >= RANK[own]:
                upward.append(f"{where(module, line)}: {module} ({own}) imports {target} ({theirs or '?'}), "
                              f"which is not a lower stage")
    order = " < ".join("(" + ", ".join(names) + ")" if len(names) > 1 else names[0] for names in PIPELINE)
    assert upward == [], f"imports must run down the pipeline {order}:\n" + "\n".join(upward)


def test_writers_see_only_the_model():
    leaks = [f"{where(module, line)}: {module} imports {target}; writers import only "
             f"{', '.join(WRITERS_MAY_IMPORT)} (and their submodules)"
             for module, edges in imports().items() if stage(module) == "writers"
             for target, line in edges
             if not any(target == allowed or target.startswith(allowed + ".") for allowed in WRITERS_MAY_IMPORT)]
    assert leaks == [], "\n".join(leaks)


def test_the_cli_is_the_command_surface_only():
    """`policygen.writers` itself (the table of formats) may be imported, not a writer module."""
    leaks = [f"{where(module, line)}: {module} imports {target}; the CLI imports only "
             f"{', '.join(CLI_MAY_IMPORT)}: build logic belongs to publishing.service"
             for module, edges in imports().items() if stage(module) == "cli"
             for target, line in edges
             if not any(target == allowed or (target.startswith(allowed + ".") and allowed != "policygen.writers")
                        for allowed in CLI_MAY_IMPORT)]
    assert leaks == [], "\n".join(leaks)


def test_few_loose_modules_at_the_top():
    loose = sorted(p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py")
    assert len(loose) <= MAX_LOOSE_MODULES, (
        f"{len(loose)} loose modules at the top of src/policygen (at most {MAX_LOOSE_MODULES}): {loose}")


def test_pyproject_lists_every_package():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = config["tool"]["setuptools"]["packages"]
    found = sorted(m for m in modules() if is_package(m)) + ["policygen.templates"]
    assert sorted(listed) == sorted(found), (
        f"pyproject.toml [tool.setuptools] packages: missing {sorted(set(found) - set(listed))}, "
        f"not in src/policygen {sorted(set(listed) - set(found))}")
    assert len(listed) == len(set(listed)), "pyproject.toml lists a package twice"


@pytest.mark.parametrize("importer, statement, expected", [
    ("policygen.writers.docx.document", "from ...model.nodes import Document", "policygen.model.nodes"),
    ("policygen.writers.docx", "from .document import write_docx", "policygen.writers.docx.document"),
    ("policygen.writers.html", "from . import notes", "policygen.writers"),
    ("policygen.cli.main", "from policygen.french import Name", "policygen.french"),
])
def test_relative_imports_resolve(importer, statement, expected):
    assert resolve(importer, ast.parse(statement).body[0]) == expected
