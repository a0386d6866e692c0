#!/usr/bin/env python3
"""Writes a synthetic table with a known signal for the scale benchmarks (issue 14).

    bench/scale/make_table.py --rows 1000000 --out /tmp/mlpipe-scale/table-1m.csv [--task binary|regression] [--seed 1]

Columns: x01..x16 numeric (standard normal, x13..x16 pure noise), c1 (8 levels) and c2 (40 levels) categorical,
then `label`. About 2% of the feature cells are empty (missing), independently per cell. The signal:

    score = 1.0*x01 - 0.8*x02 + 0.6*x03*x04 + 0.5*sin(2*x05) + 0.4*|x06| - 0.3*x07^2 + 0.2*(x08+x09+x10+x11+x12)
            + effect(c1) + effect(c2),   effects fixed by the seed
    binary:     label = 1 when score + logistic noise > median-ish threshold (0), else 0  (about half positive)
    regression: label = score + N(0, 0.5)

Missing cells are drawn after the label, so the label depends on the complete values (a model sees the gap).
The file is written in blocks of 100,000 rows: memory stays small whatever --rows is. The same seed and rows give
the same bytes (numpy's PCG64 when numpy is importable, else the standard library's Mersenne Twister: the two
differ, and the header comment of the output does not say which; pass --no-numpy to force the stdlib path).
Never commit the output: write it under /tmp (or bench/results/, which is git-ignored).
"""
import argparse
import math
import os
import random
import sys

NUMERIC = 16
BLOCK = 100_000
LEVELS = (("c1", 8), ("c2", 40))
WEIGHTS_LINEAR = 0.2
MISSING = 0.02


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rows", type=lambda s: int(float(s)), required=True, help="data rows (1e6, 3000000, ...)")
    p.add_argument("--out", required=True, help="output CSV path")
    p.add_argument("--task", choices=("binary", "regression"), default="binary")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--no-numpy", action="store_true", help="use the standard library generator")
    return p.parse_args()


def header():
    return ",".join([f"x{i:02d}" for i in range(1, NUMERIC + 1)] + [name for name, _ in LEVELS] + ["label"]) + "\n"


def effects(rng_float):
    return [[round(rng_float() * 2 - 1, 3) for _ in range(levels)] for _, levels in LEVELS]


def write_numpy(args, out):
    import numpy as np
    rng = np.random.default_rng(args.seed)
    eff = [rng.uniform(-1, 1, levels).round(3) for _, levels in LEVELS]
    done = 0
    while done < args.rows:
        n = min(BLOCK, args.rows - done)
        x = rng.standard_normal((n, NUMERIC))
        cats = [rng.integers(0, levels, n) for _, levels in LEVELS]
        score = (1.0 * x[:, 0] - 0.8 * x[:, 1] + 0.6 * x[:, 2] * x[:, 3] + 0.5 * np.sin(2 * x[:, 4])
                 + 0.4 * np.abs(x[:, 5]) - 0.3 * x[:, 6] ** 2 + WEIGHTS_LINEAR * x[:, 7:12].sum(axis=1))
        score += eff[0][cats[0]] + eff[1][cats[1]]
        if args.task == "binary":
            u = rng.uniform(1e-12, 1 - 1e-12, n)
            label = ((score + np.log(u / (1 - u))) > 0).astype(np.int8)
        else:
            label = score + rng.normal(0, 0.5, n)
        miss = rng.uniform(0, 1, (n, NUMERIC + len(LEVELS))) < MISSING
        xs = np.char.mod("%.4f", x)
        xs[miss[:, :NUMERIC]] = ""
        c1 = np.char.add("a", cats[0].astype(str))
        c2 = np.char.add("k", cats[1].astype(str))
        c1[miss[:, NUMERIC]] = ""
        c2[miss[:, NUMERIC + 1]] = ""
        ls = label.astype(str) if args.task == "binary" else np.char.mod("%.4f", label)
        cols = np.column_stack([xs, c1, c2, ls])
        out.write("\n".join(",".join(row) for row in cols.tolist()))
        out.write("\n")
        done += n


def write_stdlib(args, out):
    rng = random.Random(args.seed)
    eff = effects(rng.random)
    for _ in range(args.rows):
        x = [rng.gauss(0, 1) for _ in range(NUMERIC)]
        cats = [rng.randrange(levels) for _, levels in LEVELS]
        score = (1.0 * x[0] - 0.8 * x[1] + 0.6 * x[2] * x[3] + 0.5 * math.sin(2 * x[4]) + 0.4 * abs(x[5])
                 - 0.3 * x[6] ** 2 + WEIGHTS_LINEAR * sum(x[7:12]) + eff[0][cats[0]] + eff[1][cats[1]])
        if args.task == "binary":
            u = min(max(rng.random(), 1e-12), 1 - 1e-12)
            label = "1" if score + math.log(u / (1 - u)) > 0 else "0"
        else:
            label = f"{score + rng.gauss(0, 0.5):.4f}"
        cells = [f"{v:.4f}" for v in x] + [f"a{cats[0]}", f"k{cats[1]}"]
        cells = ["" if rng.random() < MISSING else c for c in cells]
        out.write(",".join(cells + [label]) + "\n")


def main():
    args = parse_args()
    if args.rows < 1:
        sys.exit("--rows must be at least 1")
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    use_numpy = not args.no_numpy
    if use_numpy:
        try:
            import numpy  # noqa: F401
        except ImportError:
            use_numpy = False
    tmp = args.out + ".tmp"
    with open(tmp, "w", newline="\n", buffering=1 << 20) as out:
        out.write(header())
        (write_numpy if use_numpy else write_stdlib)(args, out)
    os.replace(tmp, args.out)
    print(f"{args.out}: {args.rows} rows, {os.path.getsize(args.out) / 1e6:.1f} MB, "
          f"{'numpy' if use_numpy else 'stdlib'} generator, seed {args.seed}, {args.task}")


if __name__ == "__main__":
    main()
