#!/usr/bin/python3
"""Our MLP, LightGBM and FastTree (one `mlpipe run` per example pipeline) beside Python peers on the same folds.

Usage: bench/mlp_vs_peers.py [--pipelines letter,telco_churn,credit,diamonds] [--peers xgboost,torch,sklearn]
                             [--models mlp] [--runs DIR] [--reuse] [--rounds 2] [--aten default,avx512]

For each pipelines/<name>-mlp.yaml it runs `mlpipe run` (Release build; with --models only the named models of the
spec, e.g. `--models mlp` to re-measure our MLP beside the peers without refitting the boosted trees), reads the
metrics and per-fold fit times from results.json, and takes the fold of every row from the run's out-of-fold
predictions (predictions/mlp.csv: file row, repeat, fold), so the peers train and test on exactly the same rows:
  - xgboost: XGBoost hist, 300 rounds, eta 0.1, max depth 6 (numbers as they are, NaN = missing, text one-hot);
  - torch:   a PyTorch MLP with the recipe of our defaults (median fill, robust scaling + smooth clipping, one-hot,
             periodic (PLR) embeddings of the numeric inputs (16 frequencies ~ N(0, 0.1^2) -> 16 values per input),
             3 x 256 SELU, AdamW lr 2e-3 wd 0.02, batch 256, warm-up + cosine, 15% validation split with best-epoch
             restore and patience 20, at most 100 epochs; classification: label smoothing 0.1 and our automatic dropout
             (0, and 0.15 too when that network overfits, the lower validation loss kept); regression: standardized target, no dropout);
  - sklearn: sklearn MLPClassifier / MLPRegressor, 3 x 256 ReLU, adam, batch 256, early stopping on 15% of the rows,
             on median-filled, standardized, one-hot inputs.
Peers at their best: every peer fit runs in a worker process with the environment of bench/peers.py (OpenBLAS with
its auto-detected kernel, printed), and before the folds each peer's thread settings are probed on the first fold
(torch: set_num_threads 1/2 x OPENBLAS_NUM_THREADS 1/2 x ATen capability x OpenMP wait policy, 3 epochs;
xgboost: nthread 1/2 x OpenMP wait policy, a whole fit; sklearn: OPENBLAS_NUM_THREADS 1/2, 3 iterations), alternating --rounds times (default 2), and the fastest
setting fits every fold. Our MLP runs with its default threads (all cores).
Columns as the run inferred them (results.json dataset.columns): numeric -> float, categorical/boolean text ->
one-hot of the training fold's values; ignored, constant and text columns are left out. A log label transform is
applied as in the run (metrics on the log scale). Prints one table: metric mean +- std over the folds, the
difference to the better of LightGBM and FastTree (n/a when the run had neither), the mean fit seconds per fold,
and each peer's thread setting; each dataset holds the measurement lock and prints its machine line and load.
Installs python3-xgboost, python3-torch, python3-sklearn, python3-threadpoolctl and libopenblas0-pthread with
apt-get when missing.
"""
import argparse
import csv
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peers  # noqa: E402

# The whole script, and every peer worker it starts, runs without OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE (AVX2 kernels
# forced on this AVX-512 CPU); its workers also get peers.peer_env / peers.torch_env.
peers.reexec_without_handicaps()

# mlpipe's LightGBM and FastTree use OpenMP; spinning OpenMP threads collapse under load (mlpipe sets the same).
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
MISSING = {"", "NA", "?"}
PACKAGES = ["python3-xgboost", "python3-torch", "python3-sklearn", "python3-numpy", "python3-threadpoolctl",
            "libopenblas0-pthread"]


def mlpipe_run(spec, out, reuse, models):
    if reuse and os.path.exists(os.path.join(out, "results.json")):
        print(f"# reusing {os.path.relpath(out, peers.REPO)}", flush=True)
        return
    run_spec = spec
    if models:
        run_spec = os.path.join(os.path.dirname(spec), ".peers-" + os.path.basename(spec))  # same folder: ../datasets resolves
        with open(run_spec, "w") as f:
            f.write(select_models(open(spec).read(), models))
    print(f"# mlpipe run {os.path.relpath(spec, peers.REPO)}" + (f" (models: {','.join(models)})" if models else ""), flush=True)
    try:
        subprocess.run([peers.MLPIPE, "run", run_spec, "--out", out, "--force", "--quiet"], check=True, cwd=peers.REPO)
    finally:
        if run_spec != spec:
            os.remove(run_spec)


def select_models(text, models):
    """The spec with only the named models (one `- {name: ...}` line each) and a JSON-only report."""
    head, rest = text.split("\nmodels:\n", 1)
    lines = rest.splitlines()
    kept = [l for l in lines if re.match(r"\s*- \{name: ([\w-]+)", l) and re.match(r"\s*- \{name: ([\w-]+)", l).group(1) in models]
    if not kept:
        sys.exit(f"none of the models {models} is in the spec (one `- {{name: ...}}` line per model expected)")
    return head + "\nmodels:\n" + "\n".join(kept) + "\nreport: {formats: [json], feature_importance: false}\n"


def read_table(path, results):
    """Rows of the file keyed by 1-based data row number, features as the run saw them, and the label."""
    ds = results["dataset"]
    with open(path, newline="", encoding="utf-8-sig") as f:
        sample = f.readline()
        f.seek(0)
        sep = max([",", "\t", ";"], key=sample.count)
        rows = list(csv.reader(f, delimiter=sep))
    header, rows = rows[0], rows[1:]
    label = header.index(ds["label"])
    kinds = {c["name"]: c["kind"] for c in ds["columns"]}
    numeric = [i for i, h in enumerate(header) if kinds.get(h) == "numeric"
               or (kinds.get(h) == "boolean" and all(_number(r[i]) is not None or r[i].strip() in MISSING for r in rows))]
    categorical = [i for i, h in enumerate(header) if kinds.get(h) in ("categorical", "boolean") and i not in numeric]
    data = {}
    for n, r in enumerate(rows, start=1):
        if not r or r[label].strip() in MISSING:
            continue
        num = [_number(r[i]) for i in numeric]
        data[n] = ([math.nan if v is None else v for v in num], [r[i].strip() for i in categorical], r[label].strip())
    return data


def _number(text):
    text = text.strip()
    if text in MISSING:
        return None
    try:
        return float(text)
    except ValueError:
        return None


def fold_plan(run_dir):
    folds = {}
    with open(os.path.join(run_dir, "predictions", "mlp.csv"), newline="") as f:
        for rec in csv.DictReader(f):
            folds.setdefault((int(rec["repeat"]), int(rec["fold"])), []).append(int(rec["row"]))
    return [folds[k] for k in sorted(folds)]


def matrices(np, data, train_rows, test_rows, task, classes, log_label):
    """Numeric block (NaN kept) + one-hot of the training rows' categories; labels as class index or float."""
    cats = len(data[train_rows[0]][1])
    values = [sorted({data[r][1][j] for r in train_rows if data[r][1][j] not in MISSING}) for j in range(cats)]
    index = [{v: k for k, v in enumerate(vs)} for vs in values]

    def block(rows):
        num = np.array([data[r][0] for r in rows], dtype=np.float32).reshape(len(rows), -1)
        hot = np.zeros((len(rows), sum(len(v) for v in values)), dtype=np.float32)
        for i, r in enumerate(rows):
            offset = 0
            for j in range(cats):
                k = index[j].get(data[r][1][j])
                if k is not None:
                    hot[i, offset + k] = 1
                offset += len(values[j])
        return num, hot

    def labels(rows):
        if task == "regression":
            y = np.array([float(data[r][2]) for r in rows], dtype=np.float64)
            return np.log(y) if log_label else y
        return np.array([classes.index(data[r][2]) for r in rows], dtype=np.int64)

    return block(train_rows), labels(train_rows), block(test_rows), labels(test_rows)


def metric(np, task, y, pred):
    if task == "regression":
        return float(np.sqrt(np.mean((pred - y) ** 2)))
    return float(np.mean(pred == y))


def run_xgboost(np, task, k, train, ytr, test, threads, seed, probe=False):
    import xgboost as xgb
    x = np.hstack(train)
    xt = np.hstack(test)
    common = dict(n_estimators=300, learning_rate=0.1, max_depth=6, tree_method="hist", n_jobs=threads, random_state=seed)
    if task == "regression":
        model = xgb.XGBRegressor(**common)
    else:
        model = xgb.XGBClassifier(**common, objective="multi:softprob" if k > 2 else "binary:logistic")
    start = time.perf_counter()
    model.fit(x, ytr)
    seconds = time.perf_counter() - start
    return model.predict(xt), seconds


def robust_clip_stats(np, num):
    median = np.nanmedian(num, axis=0)
    q75, q25 = np.nanpercentile(num, 75, axis=0), np.nanpercentile(num, 25, axis=0)
    spread = q75 - q25
    half_range = 0.5 * (np.nanmax(num, axis=0) - np.nanmin(num, axis=0))
    spread = np.where(spread == 0, half_range, spread)
    scale = np.where(spread > 0, 1 / np.where(spread > 0, spread, 1), 0)
    return median, scale


def robust_clip(np, num, median, scale):
    filled = np.where(np.isnan(num), median, num)
    z = (filled - median) * scale
    return (z / np.sqrt(1 + (z / 3) ** 2)).astype(np.float32)


def Periodic(torch, numeric, rest, k=16, d=16, sigma=0.1):
    """PLR embeddings of the first `numeric` columns (Gorishniy et al. 2022), the other `rest` columns passed on."""
    class Plr(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.c = torch.nn.Parameter(torch.randn(numeric, k) * sigma)
            bound = 1 / math.sqrt(2 * k)
            self.w = torch.nn.Parameter(torch.empty(numeric, 2 * k, d).uniform_(-bound, bound))
            self.b = torch.nn.Parameter(torch.empty(numeric, d).uniform_(-bound, bound))

        def forward(self, x):
            v = 2 * math.pi * self.c * x[:, :numeric, None]
            e = torch.relu(torch.einsum("nfk,fkd->nfd", torch.cat([torch.sin(v), torch.cos(v)], -1), self.w) + self.b)
            return torch.cat([e.flatten(1), x[:, numeric:]], 1)
    return Plr()


def run_torch(np, task, k, train, ytr, test, threads, seed, probe=False):
    import torch
    torch.set_num_threads(threads)  # OPENBLAS_NUM_THREADS and ATEN_CPU_CAPABILITY come with the worker's environment
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    median, scale = robust_clip_stats(np, train[0])
    x = np.hstack([robust_clip(np, train[0], median, scale), train[1]])
    xt = np.hstack([robust_clip(np, test[0], median, scale), test[1]])
    y = ytr.astype(np.float32)
    mean, std = (float(y.mean()), float(y.std()) or 1.0) if task == "regression" else (0.0, 1.0)
    # 15% validation split, stratified for classification.
    order = rng.permutation(len(x))
    if task == "regression":
        valid = order[: int(round(0.15 * len(x)))]
    else:
        valid = np.concatenate([order[ytr[order] == c][: int(round(0.15 * np.sum(ytr == c)))] for c in range(k)])
    mask = np.ones(len(x), bool)
    mask[valid] = False
    outputs = k if task == "multiclass" else 1
    numeric = train[0].shape[1]
    regression = task == "regression"
    xtr, xva = torch.from_numpy(x[mask]), torch.from_numpy(x[~mask])
    if task == "multiclass":
        ttr, tva = torch.from_numpy(ytr[mask]), torch.from_numpy(ytr[~mask])
        loss_fn = torch.nn.CrossEntropyLoss(label_smoothing=0.1)
    elif task == "binary":
        smooth = lambda t: torch.from_numpy(t.astype(np.float32) * 0.9 + 0.05).unsqueeze(1)
        ttr, tva = smooth(ytr[mask]), smooth(ytr[~mask])
        loss_fn = torch.nn.BCEWithLogitsLoss()
    else:
        ttr = torch.from_numpy(((y[mask] - mean) / std).astype(np.float32)).unsqueeze(1)
        tva = torch.from_numpy(((y[~mask] - mean) / std).astype(np.float32)).unsqueeze(1)
        loss_fn = torch.nn.MSELoss()

    def fit(dropout):
        torch.manual_seed(seed)
        layers = [Periodic(torch, numeric, x.shape[1] - numeric)] if numeric > 0 else []
        width = x.shape[1] + (numeric * 15 if layers else 0)
        for _ in range(3):
            layers += [torch.nn.Linear(width, 256), torch.nn.SELU()] + ([torch.nn.Dropout(dropout)] if dropout > 0 else [])
            width = 256
        model = torch.nn.Sequential(*layers, torch.nn.Linear(width, outputs))
        opt = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=0.02)
        epochs, batch, n = (3 if probe else 100), 256, len(xtr)
        steps = epochs * math.ceil(n / batch)
        warm = int(0.05 * steps)
        schedule = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: (s + 1) / max(1, warm) if s < warm
                                                     else 0.5 * (1 + math.cos(math.pi * (s - warm) / max(1, steps - warm))))
        best, best_state, since, best_epoch, run = math.inf, None, 0, 0, 0
        for epoch in range(epochs):
            run = epoch + 1
            model.train()
            perm = torch.randperm(n)
            for i in range(0, n, batch):
                idx = perm[i:i + batch]
                opt.zero_grad(set_to_none=True)
                loss_fn(model(xtr[idx]), ttr[idx]).backward()
                opt.step()
                schedule.step()
            model.eval()
            with torch.no_grad():
                vl = float(loss_fn(model(xva), tva))
            if vl < best:
                best, since, best_epoch = vl, 0, run
                best_state = {key: v.clone() for key, v in model.state_dict().items()}
            else:
                since += 1
                if since >= 20:
                    break
        model.load_state_dict(best_state)
        return model, best, best_epoch, run

    start = time.perf_counter()
    # Our default dropout (automatic): none for regression; for classification none unless that network overfits
    # (best epoch 20+ epochs before its last), then 0.15 too, keeping the lower validation loss.
    model, best, best_epoch, run = fit(0.0)
    if not regression and not probe and best_epoch <= run - 20:
        other = fit(0.15)
        if other[1] < best:
            model = other[0]
    seconds = time.perf_counter() - start
    model.eval()
    with torch.no_grad():
        out = model(torch.from_numpy(xt)).numpy()
    if task == "multiclass":
        return out.argmax(axis=1), seconds
    if task == "binary":
        return (out[:, 0] > 0).astype(np.int64), seconds
    return out[:, 0] * std + mean, seconds


def run_sklearn(np, task, k, train, ytr, test, threads, seed, probe=False):
    import warnings
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier, MLPRegressor
    warnings.filterwarnings("ignore", category=ConvergenceWarning)  # the probe's 3 iterations
    median = np.nanmedian(train[0], axis=0)
    filled = np.where(np.isnan(train[0]), median, train[0])
    mean, std = filled.mean(axis=0), filled.std(axis=0)
    std = np.where(std > 0, std, 1)
    def prep(block):
        return np.hstack([(np.where(np.isnan(block[0]), median, block[0]) - mean) / std, block[1]])
    common = dict(hidden_layer_sizes=(256, 256, 256), batch_size=256, max_iter=3 if probe else 100, early_stopping=True,
                  validation_fraction=0.15, n_iter_no_change=20, random_state=seed)
    model = MLPRegressor(**common) if task == "regression" else MLPClassifier(**common)
    start = time.perf_counter()
    model.fit(prep(train), ytr)
    seconds = time.perf_counter() - start
    return model.predict(prep(test)), seconds


PEERS = {"xgboost": run_xgboost, "torch": run_torch, "sklearn": run_sklearn}
LABELS = {"xgboost": "xgboost (hist, 300 rounds)", "torch": "pytorch MLP (our recipe)", "sklearn": "sklearn MLP (3x256 relu)"}


def settings_of(peer, aten):
    """(name, threads argument, environment) of every setting a peer is probed at."""
    if peer == "torch":
        return [(peers.setting_name(s), s[0], peers.torch_env(s)) for s in peers.torch_settings(aten)]
    if peer == "xgboost":
        return [(f"xgboost nthread={t}" + (f" omp_wait={w}" if w != "default" else ""), t,
                 peers.peer_env(blas_threads=1, omp_threads=t, OMP_WAIT_POLICY=w))
                for t in (1, 2) for w in (peers.WAIT_POLICIES if t > 1 else ["default"])]
    return [(f"sklearn openblas={t}", t, peers.peer_env(blas_threads=t, omp_threads=t)) for t in (1, 2)]


def worker(argv):
    """Child process: one peer fit on one fold (matrices in an .npz), predictions saved, fit seconds printed."""
    import numpy as np
    peer, path, out, threads, probe = argv[0], argv[1], argv[2], int(argv[3]), argv[4] == "probe"
    z = np.load(path)
    task, k, seed = str(z["task"]), int(z["k"]), int(z["seed"])
    pred, seconds = PEERS[peer](np, task, k, (z["train_num"], z["train_hot"]), z["ytr"], (z["test_num"], z["test_hot"]),
                                threads, seed, probe)
    np.save(out, pred)
    print(peers.kernel_report())
    print(f"{seconds:.3f}")


def run_peer(peer, setting, npz, work, probe):
    name, threads, env = setting
    out = os.path.join(work, "pred.npy")
    line, kernel = peers.run_worker([os.path.abspath(__file__), "--worker", peer, npz, out, str(threads),
                                     "probe" if probe else "fit"], env)
    return float(line), kernel, out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pipelines", default="letter,telco_churn,credit,diamonds")
    parser.add_argument("--peers", default="xgboost,torch,sklearn")
    parser.add_argument("--models", default="", help="comma-separated models of the spec to run (default: all)")
    parser.add_argument("--runs", default=os.path.join(peers.REPO, "bench", "mlp", "runs"))
    parser.add_argument("--reuse", action="store_true", help="reuse a finished run folder instead of running mlpipe again")
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds of the thread-setting probe")
    parser.add_argument("--aten", default=",".join(peers.ATEN_CAPABILITIES), help="ATen capabilities to try for torch")
    args = parser.parse_args()
    peers.ensure_packages(PACKAGES)
    import numpy as np
    peers.build(peers.CLI)
    models = [m for m in args.models.split(",") if m]
    work = tempfile.mkdtemp(prefix="mlp-vs-peers-")
    table = []
    for name in args.pipelines.split(","):
        with peers.measure_lock():
            table += compare(np, name, args, models, work)
    print()
    header = (f"{'dataset':<16} {'metric':<9} {'model':<30} {'mean':>8} {'std':>7} {'vs best GBDT':>13} {'fit s/fold':>10}"
              f"  setting")
    print(header)
    print("-" * (len(header) + 30))
    for name, pm, label, mean, std, delta, secs, setting in table:
        print(f"{name:<16} {pm:<9} {label:<30} {mean:>8.4f} {std:>7.4f} {delta:>13} {secs:>10.1f}  {setting}")


def compare(np, name, args, models, work):
    peers.header(f"{name}: mlpipe vs peers on the same folds")
    spec = os.path.join(peers.REPO, "pipelines", f"{name}-mlp.yaml")
    out = os.path.join(args.runs, name)
    mlpipe_run(spec, out, args.reuse, models)
    results = json.load(open(os.path.join(out, "results.json")))
    pm, task = results["primary_metric"], results["task"]
    lower_better = task == "regression"
    rows = []
    for m in results["models"]:
        rows.append((f"{m['name']} (mlpipe)", m["metrics"][pm]["folds"], m["fit_seconds"]["folds"], "threads: all (default)"))
    ds = results["dataset"]
    data = read_table(ds["path"], results)
    classes = ds.get("classes") or []
    if task == "binary":
        classes = [c for c in classes if c != ds["positive_class"]] + [ds["positive_class"]]
    plan = fold_plan(out)

    def fold_file(f):
        test_rows = plan[f]
        test_set = set(test_rows)
        train_rows = [r for r in data if r not in test_set]
        train, ytr, test, yte = matrices(np, data, train_rows, test_rows, task, classes, ds.get("label_transform") == "log")
        path = os.path.join(work, f"fold{f}.npz")
        np.savez(path, train_num=train[0], train_hot=train[1], ytr=ytr, test_num=test[0], test_hot=test[1],
                 task=task, k=len(classes), seed=42 + f)
        return path, yte

    probes = {}
    for peer in [p for p in args.peers.split(",") if p]:
        first, _ = fold_file(0)
        settings = settings_of(peer, args.aten.split(","))
        kernels = {}

        def probe(s):
            seconds, kernel, _ = run_peer(peer, s, first, work, probe=True)
            kernels[s[0]] = kernel
            return -seconds  # alternate() keeps the largest

        best = peers.alternate([(s[0], (lambda s=s: probe(s))) for s in settings], args.rounds)
        chosen = max(settings, key=lambda s: best[s[0]])
        print(f"# {name} {peer} probe (s, best of {args.rounds}): "
              + ", ".join(f"{s[0]} {-best[s[0]]:.2f}" for s in settings) + f" -> {chosen[0]}", flush=True)
        print(f"#   {peers.describe_env(chosen[2])}")
        print(f"#   {kernels[chosen[0]]}", flush=True)
        scores, seconds = [], []
        for f in range(len(plan)):
            path, yte = fold_file(f)
            s, _, pred_file = run_peer(peer, chosen, path, work, probe=False)
            scores.append(metric(np, task, yte, np.load(pred_file)))
            seconds.append(s)
            print(f"#   {name} {peer} fold {f + 1}/{len(plan)}: {pm} {scores[-1]:.4f} ({s:.1f} s)", flush=True)
        rows.append((LABELS[peer], scores, seconds, chosen[0]))
        probes[peer] = {"setting": chosen[0], "env": peers.describe_env(chosen[2]), "kernel": kernels[chosen[0]],
                        "probe_seconds": {s[0]: -best[s[0]] for s in settings}}
    peers.footer()
    gbdt = [np.mean(r[1]) for r in rows if r[0].startswith(("lightgbm", "fasttree"))]
    best_gbdt = (min(gbdt) if lower_better else max(gbdt)) if gbdt else None
    table = []
    for label, scores, seconds, setting in rows:
        mean = float(np.mean(scores))
        unit = "% rmse" if lower_better else " pp"
        if best_gbdt is None:
            delta = "n/a"
        else:
            delta = f"{(mean / best_gbdt - 1) * 100 if lower_better else (mean - best_gbdt) * 100:+.2f}{unit}"
        table.append((name, pm, label, mean, float(np.std(scores)), delta, float(np.mean(seconds)), setting))
    peers.record(f"accuracy_{name}", {"dataset": name, "metric": pm, "task": task, "run": os.path.relpath(out, peers.REPO),
                                      "peers": probes,
                                      "rows": [{"model": r[2], "mean": r[3], "std": r[4], "vs_best_gbdt": r[5],
                                                "fit_s": r[6], "setting": r[7]} for r in table]})
    return table


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(sys.argv[2:])
    else:
        main()
