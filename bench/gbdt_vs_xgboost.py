#!/usr/bin/python3
"""LightGBM (through `mlpipe run`) against XGBoost on the same CSV and the same folds.

Usage: bench/gbdt_vs_xgboost.py [--csv datasets/letter.csv --label lettr] [--folds 5] [--rounds 100] [--threads 2]
                                 [--repeats 2]

Runs a temporary pipeline with the Release `mlpipe run` (LightGBM, `rounds` boosting rounds, learning rate 0.1,
31 leaves, `--threads` threads), reads the fold of every row from the run's out-of-fold predictions, trains XGBoost
(hist, `rounds` rounds, learning rate 0.1 and XGBoost's default 0.3, max depth 6) on exactly those folds, and prints
the accuracies (mean and per fold) side by side with their ratio to LightGBM's, and the fit seconds summed over the
folds. XGBoost runs in a worker process with the environment of bench/peers.py (its kernel line printed) at
nthread 1 and 2 (and, at 2, with OpenMP's default spinning wait and OMP_WAIT_POLICY=PASSIVE); mlpipe and each XGBoost setting alternate `--repeats` times (default 2) and each keeps its fastest
total, so the XGBoost time is its best thread setting's.
Classification only. Numeric columns go to XGBoost as numbers (missing = NaN), text columns one-hot encoded.
Installs python3-xgboost and python3-threadpoolctl with apt-get when missing.
"""
import argparse
import csv
import json
import math
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peers  # noqa: E402

ROOT = peers.REPO
MISSING = {"", "NA", "?"}


def read_table(path, label):
    with open(path, newline="", encoding="utf-8-sig") as f:
        sample = f.readline()
        f.seek(0)
        sep = max([",", "\t", ";"], key=sample.count)
        rows = list(csv.reader(f, delimiter=sep))
    header, rows = rows[0], [r for r in rows[1:] if r]
    y_index = header.index(label)
    kept = [r for r in rows if r[y_index].strip() not in MISSING]
    columns = []
    for c, name in enumerate(header):
        if c == y_index:
            continue
        values = [r[c].strip() for r in kept]
        def number(v):
            try:
                return float(v)
            except ValueError:
                return None
        if all(v in MISSING or number(v) is not None for v in values):
            columns.append([math.nan if v in MISSING else float(v) for v in values])
        else:
            for category in sorted({v for v in values if v not in MISSING}):
                columns.append([1.0 if v == category else 0.0 for v in values])
    labels = [r[y_index].strip() for r in kept]
    return columns, labels


def xgboost_worker(argv):
    """Child process: XGBoost on every fold of the matrices in an .npz; prints accuracies and summed fit seconds."""
    import numpy as np
    import xgboost as xgb
    path, eta, nthread, rounds, seed = argv[0], float(argv[1]), int(argv[2]), int(argv[3]), int(argv[4])
    z = np.load(path)
    X, y, fold, classes = z["X"], z["y"], z["fold"], int(z["classes"])
    params = {"objective": "multi:softprob" if classes > 2 else "binary:logistic", "eta": eta, "max_depth": 6,
              "tree_method": "hist", "nthread": nthread, "seed": seed}
    if classes > 2:
        params["num_class"] = classes
    scores, seconds = [], 0.0
    for k in sorted(set(fold.tolist())):
        train, test = fold != k, fold == k
        dtrain = xgb.DMatrix(X[train], label=y[train], nthread=nthread)
        start = time.perf_counter()
        booster = xgb.train(params, dtrain, num_boost_round=rounds)
        seconds += time.perf_counter() - start
        p = booster.predict(xgb.DMatrix(X[test], nthread=nthread))
        predicted = p.argmax(axis=1) if p.ndim == 2 else (p > 0.5).astype(int)
        scores.append(float((predicted == y[test]).mean()))
    print(peers.kernel_report())
    print(f"{seconds:.3f} " + " ".join(f"{a:.6f}" for a in scores))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--csv", default=os.path.join(ROOT, "datasets", "letter.csv"))
    parser.add_argument("--label", default="lettr")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()
    peers.ensure_packages(["python3-xgboost", "python3-numpy", "python3-threadpoolctl"])
    import numpy as np

    work = tempfile.mkdtemp(prefix="gbdt-vs-xgb-")
    spec = os.path.join(work, "bench.yaml")
    with open(spec, "w") as f:
        f.write(f"""name: gbdt-vs-xgboost
data:
  path: {os.path.abspath(args.csv)}
  label: {args.label}
evaluation:
  method: kfold
  folds: {args.folds}
  seed: {args.seed}
preprocessing: []
models:
  - {{name: lightgbm, trainer: lightgbm, options: {{iterations: {args.rounds}, learning_rate: 0.1, num_leaves: 31, threads: {args.threads}}}}}
report:
  formats: [json]
""")
    out = os.path.join(work, "run")
    with peers.measure_lock():
        peers.header(f"LightGBM (mlpipe) vs XGBoost on {os.path.relpath(os.path.abspath(args.csv), ROOT)}, same folds")
        peers.build(peers.CLI)

        def lightgbm():
            subprocess.run([peers.MLPIPE, "run", spec, "--out", out, "--quiet", "--force"], check=True, stdout=subprocess.DEVNULL)
            model = json.load(open(os.path.join(out, "results.json")))["models"][0]
            return -sum(model["fit_seconds"]["folds"]), model

        _, lgbm = lightgbm()
        fold_of_row = {}
        with open(os.path.join(out, "predictions", "lightgbm.csv"), newline="") as f:
            for record in csv.DictReader(f):
                fold_of_row[int(record["row"])] = int(record["fold"])
        columns, labels = read_table(args.csv, args.label)
        X = np.array(columns, dtype=np.float32).T
        classes = sorted(set(labels))
        y = np.array([classes.index(v) for v in labels])
        # Rows with a label, in file order, numbered from 1 like mlpipe's "row" column (missing labels were dropped).
        with open(args.csv, newline="", encoding="utf-8-sig") as f:
            sample = f.readline(); f.seek(0)
            sep = max([",", "\t", ";"], key=sample.count)
            raw = [r for r in list(csv.reader(f, delimiter=sep))[1:] if r]
        header = next(csv.reader(open(args.csv, encoding="utf-8-sig"), delimiter=sep))
        y_index = header.index(args.label)
        file_rows = [i + 1 for i, r in enumerate(raw) if r[y_index].strip() not in MISSING]
        fold = np.array([fold_of_row[r] for r in file_rows])
        npz = os.path.join(work, "data.npz")
        np.savez(npz, X=X, y=y, fold=fold, classes=len(classes))
        kernels = {}

        def xgboost(eta, nthread, wait):
            env = peers.peer_env(blas_threads=1, omp_threads=nthread, OMP_WAIT_POLICY=wait)
            line, kernel = peers.run_worker([os.path.abspath(__file__), "--xgboost-worker", npz, str(eta), str(nthread),
                                             str(args.rounds), str(args.seed)], env)
            kernels[(eta, nthread, wait)] = (kernel, peers.describe_env(env))
            seconds, *scores = line.split()
            return -float(seconds), [float(a) for a in scores]

        settings = [(t, w) for t in (1, 2) for w in (peers.WAIT_POLICIES if t > 1 else ["default"])]
        sides = [("lightgbm", lightgbm)] + [((eta, t, w), (lambda eta=eta, t=t, w=w: xgboost(eta, t, w)))
                                            for eta in (0.1, 0.3) for t, w in settings]
        best = peers.alternate(sides, args.repeats)
        lgbm = best["lightgbm"][1]
        lgbm_folds = lgbm["metrics"]["accuracy"]["folds"]
        lgbm_mean = sum(lgbm_folds) / len(lgbm_folds)
        print(f"data: {args.csv} ({len(y)} rows, {X.shape[1]} features, {len(classes)} classes), {args.folds} folds, "
              f"{args.rounds} rounds; LightGBM {args.threads} threads; fit s = summed over folds, best of {args.repeats}")
        print(f"{'model':<44} {'accuracy':>9} {'ratio':>7} {'fit s':>7}  per fold")
        print(f"{'LightGBM via mlpipe (lr 0.1, 31 leaves)':<44} {lgbm_mean:9.4f} {1:7.4f} {-best['lightgbm'][0]:7.1f}  "
              f"{' '.join(f'{a:.4f}' for a in lgbm_folds)}")
        import xgboost as xgb
        line = ""
        xgb_rows = []
        for eta in (0.1, 0.3):
            t, w = max(settings, key=lambda s: best[(eta, *s)][0])
            seconds, scores = -best[(eta, t, w)][0], best[(eta, t, w)][1]
            mean = sum(scores) / len(scores)
            name = f"XGBoost {xgb.__version__} (eta {eta}, depth 6, nthread {t}" + (f", {w})" if w != "default" else ")")
            print(f"{name:<44} {mean:9.4f} {mean / lgbm_mean:7.4f} {seconds:7.1f}  {' '.join(f'{a:.4f}' for a in scores)}")
            xgb_rows.append({"eta": eta, "nthread": t, "omp_wait": w, "accuracy": mean, "folds": scores, "fit_s": seconds})
            line += f" xgb_eta{eta}={mean:.4f} xgb_eta{eta}_fit_s={seconds:.1f} xgb_eta{eta}_nthread={t} xgb_eta{eta}_omp_wait={w}"
        print("xgboost fit s per setting: " + ", ".join(f"eta {e} nthread {t} omp_wait {w} {-best[(e, t, w)][0]:.1f}"
                                                       for e in (0.1, 0.3) for t, w in settings))
        print(f"# {kernels[(0.1, 2, 'default')][1]}")
        print(f"# {kernels[(0.1, 2, 'default')][0]}")
        peers.footer()
        peers.record("gbdt", {"csv": os.path.relpath(os.path.abspath(args.csv), ROOT), "folds": args.folds,
                              "rounds": args.rounds, "threads": args.threads, "repeats": args.repeats,
                              "lightgbm": {"accuracy": lgbm_mean, "folds": lgbm_folds, "fit_s": -best["lightgbm"][0]},
                              "xgboost": xgb_rows, "xgboost_version": xgb.__version__,
                              "peer_env": kernels[(0.1, 2, "default")][1], "peer_kernel": kernels[(0.1, 2, "default")][0],
                              "xgboost_fit_s": {f"eta{e}_nthread{t}_{w}": -best[(e, t, w)][0] for e in (0.1, 0.3) for t, w in settings}})
        print(f"gbdt-vs-xgboost lightgbm={lgbm_mean:.4f} lightgbm_fit_s={-best['lightgbm'][0]:.1f}{line}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--xgboost-worker":
        xgboost_worker(sys.argv[2:])
    else:
        sys.exit(main())
