#!/usr/bin/env python3
"""Compares two run folders of the same spec and seed figure by figure, exactly.

    python3 bench/same_figures_compare.py RUN_A RUN_B [TREE_A TREE_B]

Equal means: results.json equal after dropping what depends on the clock (timings, start time), resolved.yaml
equal (with the checkout folders TREE_A and TREE_B, which it names in absolute paths, read as one), and every
predictions/*.csv byte for byte equal (every out-of-fold prediction). Prints each difference
(up to 20) and exits 1 when there is one; prints one OK line and exits 0 otherwise. Used by bench/same_figures.sh.
"""
import json
import math
import pathlib
import sys

# Keys whose values are wall-clock measurements or dates: never equal between two runs.
CLOCK_KEYS = {
    "fit_seconds", "predict_seconds", "final_fit_seconds", "predict_rows_per_second",
    "duration_seconds", "started_utc", "seconds",
    "finished_at",  # a tuning trial's clock reading (seconds into its split's search)
}


def is_clock(key):
    # Any other "*_seconds" or "*_per_second" is a timing too (a trainer's booster_seconds or samples_per_second in
    # its training log).
    return key in CLOCK_KEYS or key.endswith("_seconds") or key.endswith("_per_second")


def strip_clock(value):
    if isinstance(value, dict):
        stripped = {k: strip_clock(v) for k, v in value.items() if not is_clock(k)}
        if isinstance(stripped.get("trial_log"), list):
            # The log is in finishing order, a clock order when trials run in parallel; the trials themselves are figures.
            stripped["trial_log"] = sorted(stripped["trial_log"], key=lambda t: (t.get("trial", 0), t.get("key", "")))
        return stripped
    if isinstance(value, list):
        return [strip_clock(v) for v in value]
    return value


def differences(a, b, path="$"):
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a:
                yield f"{path}.{key}: only in B ({json.dumps(b[key])[:80]})"
            elif key not in b:
                yield f"{path}.{key}: only in A ({json.dumps(a[key])[:80]})"
            else:
                yield from differences(a[key], b[key], f"{path}.{key}")
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            yield f"{path}: {len(a)} items in A, {len(b)} in B"
        for i, (x, y) in enumerate(zip(a, b)):
            yield from differences(x, y, f"{path}[{i}]")
    elif a != b and not (isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b)):
        yield f"{path}: A {a!r} != B {b!r}"


def main():
    if len(sys.argv) not in (3, 5):
        sys.exit(__doc__)
    run_a, run_b = (pathlib.Path(p) for p in sys.argv[1:3])
    trees = sys.argv[3:5] or ["", ""]
    found = []
    results = [strip_clock(json.loads((run / "results.json").read_text())) for run in (run_a, run_b)]
    found += differences(*results)
    resolved = [(run / "resolved.yaml").read_text() for run in (run_a, run_b)]
    resolved = [text.replace(tree, "TREE") if tree else text for text, tree in zip(resolved, trees)]
    if resolved[0] != resolved[1]:
        found.append("resolved.yaml differs")
    files_a = sorted(p.relative_to(run_a) for p in (run_a / "predictions").glob("*.csv"))
    files_b = sorted(p.relative_to(run_b) for p in (run_b / "predictions").glob("*.csv"))
    if files_a != files_b:
        found.append(f"predictions files differ: A {[str(f) for f in files_a]} B {[str(f) for f in files_b]}")
    for relative in set(files_a) & set(files_b):
        if (run_a / relative).read_bytes() != (run_b / relative).read_bytes():
            found.append(f"{relative} differs")

    models = len(results[0].get("models", []))
    if found:
        print(f"DIFFERENT {run_a.name}: {len(found)} difference(s)")
        for line in found[:20]:
            print("  " + line)
        sys.exit(1)
    metrics = sum(len(m.get("metrics", {})) for m in results[0].get("models", []))
    print(f"same {run_a.name}: {models} model(s), {metrics} metric summaries, every fold and prediction equal")


if __name__ == "__main__":
    main()
