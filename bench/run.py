"""Run every benchmark as its own process, collect the figures in bench/results/latest.json, print a summary.

Each benchmark runs with settings that keep the whole run to a few minutes on a 2-core machine
(`--full` runs the benchmarks' own defaults instead). Exits 1 if any benchmark fails, including one
that cannot be imported. This module imports nothing of the bot: the benchmarks do, in their own process.

    .venv/bin/python -m bench.run [--full] [--only search turns ...] [--timeout 600]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
LATEST = RESULTS / "latest.json"


@dataclass(frozen=True)
class Benchmark:
    """One module of bench/, how to run it quickly, and which of its figures make the headline."""

    name: str
    quick_args: tuple[str, ...]
    headline: tuple[str, ...]

    @property
    def results_file(self) -> Path:
        """Where the module writes its figures (each module's RESULTS constant)."""
        return RESULTS / f"{self.name}.json"


# Quick settings: about 1.5 minutes in all on 2 cores, against 3.5 for the modules' own defaults (`--full`).
# Fan-out keeps its 500 channels (one seed instead of three); the others run fewer requests or services.
BENCHMARKS = (
    Benchmark(
        "search",
        ("--services", "5000", "--rounds", "3"),
        ("knowledge_base", "analyzer", "services", "load_s", "index_s", "p50_ms", "p99_ms"),
    ),
    Benchmark(
        "turns",
        ("--requests", "600"),
        ("concurrency", "floor_rps", "stock_echo_rps", "finder_rps", "finder_p99_ms", "help_rps", "help_p99_ms"),
    ),
    Benchmark(
        "votes",
        ("--requests", "600"),
        ("concurrency", "vote_rps", "vote_p50_ms", "vote_p99_ms", "bare_rps", "stock_echo_rps"),
    ),
    Benchmark(
        "referral_report",
        ("--referrals", "20000", "--searches", "4000", "--runs", "3"),
        ("referrals", "year_report_s", "all_report_s", "year_csv_s", "year_chart_s"),
    ),
    Benchmark(
        "referrals",
        ("--requests", "400", "--concurrency", "16"),
        ("concurrency", "referral_rps", "referral_p99_ms", "stock_echo_rps", "referrals_logged"),
    ),
    Benchmark(
        "fanout",
        ("--channels", "500", "--runs", "1"),
        ("channels", "median_seconds", "theoretical_minimum_seconds", "worst_ratio_to_minimum", "duplicates", "losses"),
    ),
)


@dataclass
class Outcome:
    """What one benchmark run gave: its figures, or why it failed."""

    name: str
    args: list[str]
    seconds: float
    figures: Any = None
    error: str | None = None
    output_tail: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the benchmark ran and wrote fresh figures."""
        return self.error is None


def machine_facts() -> dict[str, Any]:
    """What the figures depend on: cores, CPU model, memory, Python, OS, the commit measured."""
    facts: dict[str, Any] = {
        "cpu_count": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu_model": _proc_field("/proc/cpuinfo", "model name") or platform.processor() or None,
        "memory_total": _proc_field("/proc/meminfo", "MemTotal"),
        "python": platform.python_version(),
        "python_implementation": platform.python_implementation(),
        "platform": platform.platform(),
    }
    facts.update(_git_facts())
    return facts


def _proc_field(path: str, key: str) -> str | None:
    """The value of the first `key: value` line of a /proc file (None off Linux)."""
    with contextlib.suppress(OSError):
        for line in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
            name, _, value = line.partition(":")
            if name.strip() == key:
                return value.strip()
    return None


def _git_facts() -> dict[str, Any]:
    """The commit measured and whether the tree differs from it (read-only: no index refresh)."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=REPO_ROOT, capture_output=True, text=True, check=True, timeout=10
        ).stdout.strip()
        changes = subprocess.run(
            ["git", "--no-optional-locks", "status", "--porcelain", "--untracked-files=no"],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {"git_commit": None}
    return {"git_commit": commit, "git_uncommitted_changes": bool(changes.strip())}


def run_benchmark(benchmark: Benchmark, full: bool, timeout: float) -> Outcome:
    """Run `python -m bench.NAME` in its own process group; its fresh results file is the outcome."""
    args = [] if full else list(benchmark.quick_args)
    command = [sys.executable, "-m", f"bench.{benchmark.name}", *args]
    began_wall, began = time.time(), time.perf_counter()
    # A group of its own, so a timeout also ends the servers a benchmark starts (bench.votes does).
    with subprocess.Popen(
        command,
        cwd=REPO_ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    ) as process:
        try:
            output, _ = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _stop_group(process)
            output, _ = process.communicate()
            return _failed(benchmark, args, began, output, f"timed out after {timeout:.0f} s")
    if process.returncode != 0:
        return _failed(benchmark, args, began, output, _failure_reason(output, process.returncode))
    results = benchmark.results_file
    if not results.is_file() or results.stat().st_mtime < began_wall:
        return _failed(benchmark, args, began, output, f"exited 0 but wrote no fresh {results.relative_to(REPO_ROOT)}")
    try:
        figures = json.loads(results.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        return _failed(benchmark, args, began, output, f"unreadable {results.name}: {error}")
    return Outcome(benchmark.name, args, round(time.perf_counter() - began, 1), figures=figures)


def _stop_group(process: subprocess.Popen[str]) -> None:
    """SIGTERM the benchmark's process group, SIGKILL it if it lingers."""
    for sig, grace in ((signal.SIGTERM, 10.0), (signal.SIGKILL, 5.0)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(grace)
            return
        except subprocess.TimeoutExpired:
            continue


def _failed(benchmark: Benchmark, args: list[str], began: float, output: str, reason: str) -> Outcome:
    tail = [line for line in (output or "").splitlines() if line.strip()][-15:]
    return Outcome(benchmark.name, args, round(time.perf_counter() - began, 1), error=reason, output_tail=tail)


def _failure_reason(output: str, returncode: int) -> str:
    """One line: an import failure said as such (the bot's modules move), else the exception or exit code."""
    lines = [line for line in (output or "").splitlines() if line.strip()]
    last = lines[-1].strip() if lines else ""
    if last.startswith(("ModuleNotFoundError", "ImportError")):
        return f"could not import its modules ({last}); the bot's import paths may have moved"
    if last and not last.startswith(" "):
        return f"exited {returncode}: {last}"
    return f"exited {returncode}"


def _records(figures: Any) -> list[dict[str, Any]]:
    """The rows worth a headline: a `summary` if the benchmark wrote one, else its list of results."""
    if isinstance(figures, dict) and "summary" in figures:
        figures = figures["summary"]
    if isinstance(figures, dict):
        return [figures]
    if isinstance(figures, list):
        return [row for row in figures if isinstance(row, dict)]
    return []


def summary_lines(outcomes: list[Outcome]) -> list[str]:
    """A few lines per benchmark: ok or why not, time taken, headline figures."""
    headlines = {benchmark.name: benchmark.headline for benchmark in BENCHMARKS}
    lines = []
    for outcome in outcomes:
        status = "ok" if outcome.ok else "FAILED"
        settings = " ".join(outcome.args) or "(defaults)"
        lines.append(f"{outcome.name:<7} {status:<6} {outcome.seconds:6.1f} s  {settings}")
        if not outcome.ok:
            lines.append(f"        {outcome.error}")
            lines.extend(f"        | {line}" for line in outcome.output_tail[-8:])
            continue
        for row in _records(outcome.figures):
            shown = [f"{key} {row[key]}" for key in headlines.get(outcome.name, ()) if key in row]
            if shown:
                lines.append("        " + ", ".join(shown))
    return lines


def write_latest(outcomes: list[Outcome], full: bool, facts: dict[str, Any], began: datetime) -> dict[str, Any]:
    """bench/results/latest.json: when, where, with what settings, and each benchmark's figures."""
    benchmarks: dict[str, dict[str, Any]] = {}
    for outcome in outcomes:
        entry: dict[str, Any] = {"ok": outcome.ok, "args": outcome.args, "seconds": outcome.seconds}
        if outcome.ok:
            entry["figures"] = outcome.figures
        else:
            entry.update(error=outcome.error, output=outcome.output_tail)
        benchmarks[outcome.name] = entry
    report = {
        "date": began.isoformat(timespec="seconds"),
        "settings": "full (module defaults)" if full else "quick (bench/run.py)",
        "machine": facts,
        "all_ok": all(outcome.ok for outcome in outcomes),
        "benchmarks": benchmarks,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    LATEST.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return report


def main(argv: list[str] | None = None) -> int:
    """Run the chosen benchmarks one after another; 1 if any failed."""
    names = [benchmark.name for benchmark in BENCHMARKS]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="the benchmarks' own defaults (much longer)")
    parser.add_argument("--only", nargs="+", choices=names, metavar="NAME", help=f"some of: {', '.join(names)}")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds allowed per benchmark")
    args = parser.parse_args(argv)
    chosen = [benchmark for benchmark in BENCHMARKS if not args.only or benchmark.name in args.only]
    began = datetime.now(UTC)
    outcomes = []
    for benchmark in chosen:
        print(f"running bench.{benchmark.name} ...", flush=True)
        outcomes.append(run_benchmark(benchmark, args.full, args.timeout))
    facts = machine_facts()
    write_latest(outcomes, args.full, facts, began)
    print(f"\n{facts['cpu_count']} CPUs, Python {facts['python']}, commit {str(facts.get('git_commit'))[:10]}")
    print("\n".join(summary_lines(outcomes)))
    failed = [outcome.name for outcome in outcomes if not outcome.ok]
    total = sum(outcome.seconds for outcome in outcomes)
    verdict = f"{len(failed)} of {len(outcomes)} failed: {', '.join(failed)}" if failed else "all ok"
    print(f"{verdict}; {total:.0f} s; figures in {LATEST.relative_to(REPO_ROOT)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
