"""Architecture rules: botbuilder only at the edge, one clock, features that do not know each other's internals."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The Teams edge: moving to another Bot Framework SDK means rewriting these files (and dialogs/).
EDGE = {
    "bot/teams/adapter.py",
    "bot/teams/endpoint.py",
    "bot/teams/handler.py",
    "bot/teams/state_storage.py",
    "bot/teams/dialogs_host.py",
    "bot/teams/transport.py",
}
# bench/ is left out on purpose: it runs a stock botbuilder bot to compare against.
CHECKED = ["bot", "dialogs", "knowledge", "adaptive_cards", "app_manifest", "tests"]
CLOCK = "bot/common/clock.py"
# Reading the wall clock: only the clock module may, everything else is handed a Clock.
TIME_READS = {
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("date", "today"),
    ("time", "time"),
    ("time", "time_ns"),
    ("time", "localtime"),
    ("time", "gmtime"),
}


def _python_files(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_botbuilder_is_imported_only_at_the_edge():
    importing = set()
    for folder in CHECKED:
        for path in _python_files(folder):
            if _imports(path) & {"botbuilder", "botframework"}:
                importing.add(path.relative_to(ROOT).as_posix())
    outside = {name for name in importing - EDGE if not name.startswith("dialogs/")}
    assert outside == set(), "botbuilder imported outside the edge"
    assert len(EDGE) <= 6


def test_the_feature_layer_and_the_domain_know_nothing_of_http_or_botbuilder():
    plain = ["bot/domain", "bot/common", "bot/delivery", "bot/storage", "bot/features", "knowledge"]
    plain_files = [ROOT / "bot" / name for name in ("turn.py", "feature.py", "router.py", "activity.py")]
    for path in [*(p for folder in plain for p in _python_files(folder)), *plain_files]:
        assert not _imports(path) & {"botbuilder", "botframework", "aiohttp"}, path


def _time_reads(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            name = owner.id if isinstance(owner, ast.Name) else owner.attr if isinstance(owner, ast.Attribute) else ""
            if (name, node.func.attr) in TIME_READS:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}.{node.func.attr}()")
    return found


def test_no_module_outside_the_clock_reads_the_system_time():
    reads = [
        read
        for folder in ["bot", "dialogs", "knowledge", "adaptive_cards", "app_manifest"]
        for path in _python_files(folder)
        if path.relative_to(ROOT).as_posix() != CLOCK
        for read in _time_reads(path)
    ]
    assert reads == []


def test_the_time_check_would_notice_a_system_time_read(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import datetime\nx = datetime.datetime.now()\ny = datetime.date.today()\n", encoding="utf-8")
    assert len(_time_reads_at(sample)) == 2


def _time_reads_at(path: Path) -> list[str]:
    global ROOT
    saved, ROOT = ROOT, path.parent
    try:
        return _time_reads(path)
    finally:
        ROOT = saved
