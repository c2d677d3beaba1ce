"""The generator's packages follow the pipeline in layers (ARCHITECTURE.md): each imports only the
layers below it, and page modules do not import each other. Read from the code's own imports."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import REPO

GENERATOR = REPO / "generator"
LAYERS = {"__init__": 0, "text": 0, "schema": 1, "model": 2, "checks": 3, "map": 3, "pages": 4, "commands": 5, "cli": 6,
          "__main__": 7}
"""Each package (or top module) and its layer: a module may import a package only of a lower layer
(and its own package). ``checks`` and ``map`` share a layer and do not import each other; the
package's own ``__init__`` imports nothing."""
PAGE_HELPERS = {"environment", "bytecode", "card_image"}
"""The modules of pages/ that the page modules share; every other page module stands alone."""


def _modules(generator: Path = GENERATOR) -> dict[str, list[str]]:
    """Each module (``pages.places``) and the generator modules it imports (``model.site``)."""
    found = {}
    for path in sorted(generator.rglob("*.py")):
        name = ".".join(path.relative_to(generator).with_suffix("").parts)
        package = name.split(".")[:-1]
        imported = []
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join([*base, *(node.module.split(".") if node.module else [])])
                imported += [target] if node.module else [".".join([*base, alias.name]) for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("generator."):
                imported.append(node.module.removeprefix("generator."))
        found[name] = imported
    return found


def _layer(module: str) -> tuple[str, int]:
    top = module.split(".")[0]
    return top, LAYERS[top]


def test_the_layers_are_the_packages_there_are() -> None:
    tops = {path.stem if path.is_file() else path.name for path in GENERATOR.iterdir()
            if (path.suffix == ".py" and path.stem != "__init__") or (path / "__init__.py").is_file()}
    assert tops == set(LAYERS) - {"__init__"}


def _upward(generator: Path = GENERATOR) -> list[str]:
    """Every import of a module of the same layer or a higher one, but for its own package's."""
    upward = []
    for module, imported in _modules(generator).items():
        package, layer = _layer(module)
        for target in imported:
            other, other_layer = _layer(target)
            if other != package and other_layer >= layer:
                upward.append(f"{module} imports {target}")
    return upward


def test_each_module_imports_only_the_layers_below_it() -> None:
    assert _upward() == []


def test_page_modules_do_not_import_each_other() -> None:
    shared = []
    for module, imported in _modules().items():
        parts = module.split(".")
        if parts[0] != "pages" or parts[-1] in PAGE_HELPERS | {"__init__"}:
            continue
        shared += [f"{module} imports {target}" for target in imported
                   if target.startswith("pages.") and target.split(".")[1] not in PAGE_HELPERS]
    assert shared == []


def test_the_check_sees_an_import_that_runs_upward(tmp_path: Path) -> None:
    """The check fails when a lower layer imports a higher one (here: the model importing pages), or
    when checks and map import each other."""
    fake = tmp_path / "generator"
    for path in GENERATOR.rglob("*.py"):
        target = fake / path.relative_to(GENERATOR)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    for module, line in (("model/site.py", "from ..pages.environment import render_page"),
                         ("checks/rules.py", "from ..map.svg import preview")):
        (fake / module).write_text((fake / module).read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    assert _upward(fake) == ["checks.rules imports map.svg", "model.site imports pages.environment"]
