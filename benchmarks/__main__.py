"""``python -m benchmarks [NAME ...]``: run the benchmarks and print their figures."""

from __future__ import annotations

import importlib
import sys
import time

from benchmarks.common import Figure, table

BENCHMARKS = {
    "first_paint": "benchmarks.first_paint",
    "input": "benchmarks.input_latency",
    "typing": "benchmarks.typing_latency",
    "reopen": "benchmarks.reopen",
    "tasks": "benchmarks.task_query",
    "timer": "benchmarks.timer_drift",
    "line": "benchmarks.line_parse",
    "rooms": "benchmarks.rooms",
    "tasks_1m": "benchmarks.task_scale",
}


def main(names: list[str]) -> int:
    unknown = [name for name in names if name not in BENCHMARKS]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
        return 2
    figures: list[Figure] = []
    for name in names or list(BENCHMARKS):
        began = time.perf_counter()
        print(f"running {name} ...", file=sys.stderr, flush=True)
        figures += importlib.import_module(BENCHMARKS[name]).run()
        print(f"  {name} took {time.perf_counter() - began:.1f} s", file=sys.stderr, flush=True)
    print(table(figures))
    missed = [figure.name for figure in figures if not figure.met]
    print(f"\ngoals missed: {'; '.join(missed)}" if missed else "\nall goals met")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
