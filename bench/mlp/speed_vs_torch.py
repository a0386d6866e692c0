#!/usr/bin/python3
"""Training speed of `mlpipe run` with the engine benchmark's fixed MLP, beside PyTorch on the same rows.

Usage: bench/mlp/speed_vs_torch.py [--csv datasets/letter.csv --label lettr] [--rounds 2] [--epochs 10]

Network (both sides): inputs -> 3 x 256 ReLU -> classes, batch 256, AdamW (lr 1e-3, weight decay 0.01), constant
learning rate, softmax cross-entropy, no dropout, no label smoothing, no validation split, `--epochs` epochs.
Ours: a pipeline with `trainer: mlp` and exactly those options (input_scaling: standard) goes through
`mlpipe run` (Release build, 5 stratified folds, seed 42); the fit time of each fold is read from results.json.
It covers the whole ML.NET fit (reading the rows out of the IDataView, scaling statistics, training, ONNX export,
building the scoring transforms), so it is a conservative figure for us.
PyTorch: the identical network and training loop on the same training rows (fold 1's, read from the run's
out-of-fold predictions), standardized, timed from the first to the last optimizer step, in each thread setting
(torch.set_num_threads 1/2 x OPENBLAS_NUM_THREADS 1/2, each in a fresh process); its best setting is the peer.
Both sides alternate `--rounds` times and keep their best reading (other processes share the cores).
Prints samples/s (training rows x epochs / seconds) for both and the ratio ours / torch best; for ours also the
training loop alone (the trainer's own samples/s, results.json training_log), which is what the torch figure times.
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLI = os.path.join(ROOT, "src", "MLPipelines.Cli")
SETTINGS = [(1, 1), (1, 2), (2, 1), (2, 2)]  # (torch threads, OpenBLAS threads)
MISSING = {"", "NA", "?"}


def ensure_packages():
    missing = [p for p in ("python3-torch", "python3-numpy", "libopenblas0-pthread")
               if subprocess.run(["dpkg", "-s", p], capture_output=True).returncode != 0]
    if missing:
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, env=env)


def run_ours(csv_path, label, epochs, work):
    spec = os.path.join(work, "speed.yaml")
    with open(spec, "w") as f:
        f.write(f"""name: mlp-speed
data: {{path: {csv_path}, label: {label}, task: multiclass}}
evaluation: {{method: kfold, folds: 5, seed: 42}}
preprocessing: []
models:
  - name: mlp
    trainer: mlp
    options: {{hidden_layers: [256, 256, 256], activation: relu, dropout: 0, numeric_embedding: none, optimizer: adamw, learning_rate: 0.001,
              weight_decay: 0.01, schedule: constant, batch_size: 256, epochs: {epochs}, label_smoothing: 0,
              validation_fraction: 0, early_stopping: false, input_scaling: standard}}
report: {{formats: [json], feature_importance: false}}
""")
    out = os.path.join(work, "run")
    exe = os.path.join(CLI, "bin", "Release", "net10.0", "mlpipe")
    subprocess.run([exe, "run", spec, "--out", out, "--force", "--quiet"], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    results = json.load(open(os.path.join(out, "results.json")))
    folds = results["models"][0]["folds"]
    rates = [f["train_rows"] * epochs / f["fit_seconds"] for f in folds]
    loop = [f["training_log"]["values"]["samples_per_second"] for f in folds]
    return max(rates), sorted(rates)[len(rates) // 2], max(loop), out


def fold_rows(run_dir):
    """1-based file rows of fold 1's training rows (every labelled row not in fold 1's test set)."""
    test, all_rows = set(), []
    with open(os.path.join(run_dir, "predictions", "mlp.csv"), newline="") as f:
        for rec in csv.DictReader(f):
            all_rows.append(int(rec["row"]))
            if int(rec["fold"]) == 0:
                test.add(int(rec["row"]))
    return sorted(r for r in all_rows if r not in test)


def torch_worker(argv):
    """Runs in a child so OPENBLAS_NUM_THREADS is set before torch loads OpenBLAS."""
    import numpy as np
    import torch
    csv_path, label, rows_file, threads, epochs = argv[0], argv[1], argv[2], int(argv[3]), int(argv[4])
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    keep = set(int(r) for r in open(rows_file).read().split())
    with open(csv_path, newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        y_col = header.index(label)
        data = [r for n, r in enumerate(reader, start=1) if n in keep and r[y_col].strip() not in MISSING]
    classes = sorted({r[y_col] for r in data})
    y = np.array([classes.index(r[y_col]) for r in data], dtype=np.int64)
    x = np.array([[float(v) for i, v in enumerate(r) if i != y_col] for r in data], dtype=np.float32)
    std = x.std(axis=0)
    x = ((x - x.mean(axis=0)) / np.where(std > 0, std, 1)).astype(np.float32)
    xt, yt = torch.from_numpy(x), torch.from_numpy(y)
    n, batch = len(x), 256
    model = torch.nn.Sequential(
        torch.nn.Linear(x.shape[1], 256), torch.nn.ReLU(),
        torch.nn.Linear(256, 256), torch.nn.ReLU(),
        torch.nn.Linear(256, 256), torch.nn.ReLU(),
        torch.nn.Linear(256, len(classes)))
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.01)
    loss_fn = torch.nn.CrossEntropyLoss()
    start, seen = time.perf_counter(), 0
    for epoch in range(epochs):
        if epoch > 0 and time.perf_counter() - start > 30:
            break  # oversubscribed settings can be ~50x slower; the rate so far is what counts
        perm = torch.randperm(n)
        for i in range(0, n, batch):
            idx = perm[i:i + batch]
            opt.zero_grad(set_to_none=True)
            loss_fn(model(xt[idx]), yt[idx]).backward()
            opt.step()
            seen += len(idx)
    print(f"{seen / (time.perf_counter() - start):.0f}")


def run_torch(csv_path, label, rows_file, setting, epochs):
    env = dict(os.environ, OPENBLAS_NUM_THREADS=str(setting[1]), OMP_NUM_THREADS=str(setting[0]))
    out = subprocess.run([sys.executable, os.path.abspath(__file__), "--torch-worker", csv_path, label, rows_file,
                          str(setting[0]), str(epochs)], env=env, capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--csv", default=os.path.join(ROOT, "datasets", "letter.csv"))
    parser.add_argument("--label", default="lettr")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=10)
    args = parser.parse_args()
    ensure_packages()
    print("# building mlpipe (Release)", flush=True)
    subprocess.run(["dotnet", "build", "-c", "Release", "-v", "q", "-nologo", CLI], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    work = tempfile.mkdtemp(prefix="mlp-speed-")
    csv_path = os.path.abspath(args.csv)
    ours_best, ours_median, ours_loop, torch_best = 0.0, 0.0, 0.0, {s: 0.0 for s in SETTINGS}
    rows_file = os.path.join(work, "rows.txt")
    for r in range(args.rounds):
        best, median, loop, out = run_ours(csv_path, args.label, args.epochs, work)
        ours_best, ours_median, ours_loop = max(ours_best, best), max(ours_median, median), max(ours_loop, loop)
        if r == 0:
            rows = fold_rows(out)
            open(rows_file, "w").write("\n".join(map(str, rows)))
            print(f"# {len(rows)} training rows per fold, {args.epochs} epochs", flush=True)
        print(f"# round {r + 1}: mlpipe best fold {best:.0f} samples/s (median fold {median:.0f}; training loop only {loop:.0f})", flush=True)
        for s in SETTINGS:
            torch_best[s] = max(torch_best[s], run_torch(csv_path, args.label, rows_file, s, args.epochs))
            print(f"#   torch threads={s[0]} openblas={s[1]}: {torch_best[s]:.0f} samples/s", flush=True)
    setting = max(torch_best, key=torch_best.get)
    best = torch_best[setting]
    header = f"{'runner':<46} {'samples/s':>10} {'vs torch best':>14}"
    print(header)
    print("-" * len(header))
    for (tt, bt), v in torch_best.items():
        print(f"{f'pytorch set_num_threads({tt}) OPENBLAS={bt}':<46} {v:>10.0f} {v / best:>14.2f}")
    print(f"{'mlpipe run, trainer: mlp (best fold)':<46} {ours_best:>10.0f} {ours_best / best:>14.2f}")
    print(f"{'mlpipe run, trainer: mlp (median fold)':<46} {ours_median:>10.0f} {ours_median / best:>14.2f}")
    print(f"{'mlpipe run, training loop only (best fold)':<46} {ours_loop:>10.0f} {ours_loop / best:>14.2f}")
    print(f"mlp-speed ours_best={ours_best:.0f} ours_median={ours_median:.0f} torch_best={best:.0f} "
          f"torch_setting=threads{setting[0]}_openblas{setting[1]} ratio={ours_best / best:.2f} ratio_median={ours_median / best:.2f} ratio_loop={ours_loop / best:.2f}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--torch-worker":
        torch_worker(sys.argv[2:])
    else:
        main()
