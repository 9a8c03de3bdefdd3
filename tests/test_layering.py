"""Architecture rules that keep a later move to the Microsoft 365 Agents SDK small."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ALLOWED = {"bot", "dialogs"}
# bench/ is left out on purpose: it runs a stock botbuilder bot to compare against.
CHECKED = ["bot", "dialogs", "knowledge", "adaptive_cards", "app_manifest", "tests"]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_botbuilder_is_imported_only_in_bot_and_dialogs():
    offenders = []
    for folder in CHECKED:
        for path in (ROOT / folder).rglob("*.py"):
            if folder in ALLOWED and "domain" not in path.relative_to(ROOT).parts:
                continue
            found = _imports(path) & {"botbuilder", "botframework"}
            if found:
                offenders.append(f"{path.relative_to(ROOT)} imports {sorted(found)}")
    assert offenders == []


def test_the_domain_layer_has_no_botbuilder_import():
    for path in (ROOT / "bot" / "domain").rglob("*.py"):
        assert not _imports(path) & {"botbuilder", "botframework", "aiohttp"}, path
