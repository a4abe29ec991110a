"""How long the offline gazetteer takes to build (once, at setup) and to load (every process).

    .venv/bin/python bench/gazetteer.py

Builds the index into a temporary cache folder, then times a cold load (a fresh process
opening the cache and answering a first lookup) and repeated lookups. Target: load < 2 s.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RESULTS = Path(__file__).parent / "results" / "gazetteer.json"
LOAD = ("import time; t=time.perf_counter(); from eventwire.gazetteer import load_gazetteer; "
        "g=load_gazetteer(); g.resolve('Pyongyang'); print(time.perf_counter()-t)")


def _timed_process(env: dict) -> float:
    out = subprocess.run([sys.executable, "-c", LOAD], env=env, capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> int:
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "XDG_CACHE_HOME": cache}
        started = time.perf_counter()
        build = _timed_process(env)
        build_wall = time.perf_counter() - started
        loads = sorted(_timed_process(env) for _ in range(5))
    from eventwire.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    names = ["Moscow", "Pyongyang", "Washington", "Cambridge", "Kyiv", "Odesa", "Gaza", "Lagos"] * 50
    t = time.perf_counter()
    for name in names:
        gazetteer.resolve(name)
    per_lookup_ms = (time.perf_counter() - t) / len(names) * 1000
    result = {"build_s": round(build, 2), "build_wall_s": round(build_wall, 2),
              "load_median_s": round(loads[len(loads) // 2], 3), "load_max_s": round(loads[-1], 3),
              "lookup_ms": round(per_lookup_ms, 3), "places": len(gazetteer)}
    print(json.dumps(result, indent=2))
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
