"""Service-finder speed: knowledge-base load time and search latency (p50/p99).

Measured on the bundled knowledge base and on a generated one of 10,000 services (the bundled
services repeated with varied ids, names, keywords and areas), with Voikko and without it.

    .venv/bin/python -m bench.search [--services 10000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

import tomli_w

from knowledge.finder import Finder
from knowledge.loader import KnowledgeBase, load_knowledge_base
from knowledge.text import create_analyzer
from knowledge.vocab import MUNICIPALITY_CODES

BUNDLED = Path(__file__).resolve().parent.parent / "knowledge" / "data"
RESULTS = Path(__file__).parent / "results" / "search.json"

QUESTIONS = [
    "2 hengen kahvila Juvalla tarvitsee rahoitusta ja ensimmäisen työntekijän",
    "Aloittava yrittäjä tarvitsee pankkilainaan takauksen",
    "starttiraha Mikkelissä",
    "juvalainen rakennusliike ei löydä kirvesmiehiä",
    "palkkatukea savonlinnalaiselle yritykselle",
    "sukupolven vaihdos maatilalla",
    "yrityksen myynti eläköityvältä yrittäjältä",
    "kehittamisavustusta ely keskuksesta",
    "tyontekijoita ulkomailta",
    "vientiin tähtäävä pk-yritys tarvitsee rahoitusta kansainvälistymiseen",
    "alkuperätodistus ja ATA carnet",
    "maksuvaikeuksissa oleva kuljetusyritys",
    "yrittäjä uupunut, tarvitsee vertaistukea",
    "verkkokaupan kehittäminen ja digitalisaatio",
    "aurinkopaneelit ja energiatehokkuus",
    "matkailuyritys Puumalassa tarvitsee investointitukea",
    "tuotekehitys yhteistyössä ammattikorkeakoulun kanssa",
    "toimitiloja Pieksämäeltä",
    "oppisopimuksella uusi työntekijä",
    "We need a bank guarantee for a business loan",
    "rahoitusta",
    "hyvää huomenta",
    "Business Finlandin energiatuki",
    "mentori aloittelevalle yrittäjälle",
]


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "p50_ms": round(statistics.median(ordered) * 1000, 3),
        "p99_ms": round(ordered[max(0, int(len(ordered) * 0.99) - 1)] * 1000, 3),
        "max_ms": round(ordered[-1] * 1000, 3),
    }


def _time_searches(finder: Finder, rounds: int) -> dict[str, float]:
    for question in QUESTIONS:  # warm the analyser's cache as a running bot would be
        finder.search(question)
    samples = []
    for _ in range(rounds):
        for question in QUESTIONS:
            began = time.perf_counter()
            finder.search(question)
            samples.append(time.perf_counter() - began)
    return {"searches": len(samples), **_percentiles(samples)}


def _generate(folder: Path, base: KnowledgeBase, count: int, seed: int = 7) -> None:
    """Write `count` services as provider files, varying the bundled ones."""
    rng = random.Random(seed)
    codes = sorted(MUNICIPALITY_CODES)
    words = sorted({word for service in base.services for word in service.keywords_fi})
    services = base.services
    per_file = 50
    for file_number in range(count // per_file):
        area = ["all"] if file_number % 3 == 0 else rng.sample(codes, rng.randint(1, 6))
        provider = {
            "id": f"gen-{file_number}",
            "name": f"Generoitu palveluntarjoaja {file_number}",
            "kind": "regional",
            "municipalities": area,
            "web": f"https://gen{file_number}.example.fi",
        }
        entries = []
        for index in range(per_file):
            template = services[(file_number * per_file + index) % len(services)]
            data = template.model_dump(mode="python", exclude={"provider"}, exclude_none=True)
            data["id"] = f"gen-{file_number}-{index}"
            data["name_fi"] = f"{template.name_fi} {file_number}-{index}"
            data["keywords_fi"] = list(template.keywords_fi) + rng.sample(words, min(3, len(words)))
            data["municipalities"] = []
            data = {key: value for key, value in data.items() if value not in ("", None)}
            entries.append(data)
        with open(folder / f"gen-{file_number}.toml", "wb") as handle:
            tomli_w.dump({"provider": provider, "service": entries}, handle)


def _measure(folder: Path, use_voikko: bool, rounds: int) -> dict:
    began = time.perf_counter()
    kb = load_knowledge_base(folder)
    loaded = time.perf_counter() - began
    began = time.perf_counter()
    finder = Finder(kb, create_analyzer(use_voikko=use_voikko))
    indexed = time.perf_counter() - began
    return {
        "services": kb.service_count,
        "analyzer": finder.analyzer.name,
        "load_s": round(loaded, 3),
        "index_s": round(indexed, 3),
        **_time_searches(finder, rounds),
    }


def main() -> None:
    """Run the measurements and write bench/results/search.json."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--services", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    results = []
    for use_voikko in (True, False):
        results.append({"knowledge_base": "bundled", **_measure(BUNDLED, use_voikko, args.rounds * 4)})
    base = load_knowledge_base(BUNDLED)
    with tempfile.TemporaryDirectory() as folder:
        _generate(Path(folder), base, args.services)
        for use_voikko in (True, False):
            results.append({"knowledge_base": "generated", **_measure(Path(folder), use_voikko, args.rounds)})
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for result in results:
        print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
