#!/usr/bin/python3
"""Training speed of `mlpipe run` with the engine benchmark's fixed MLP, beside PyTorch on the same rows.

Usage: bench/mlp/speed_vs_torch.py [--csv datasets/letter.csv --label lettr] [--rounds 2] [--epochs 10] [--aten default,avx512]

Network (both sides): inputs -> 3 x 256 ReLU -> classes, batch 256, AdamW (lr 1e-3, weight decay 0.01), constant
learning rate, softmax cross-entropy, no dropout, no label smoothing, no validation split, `--epochs` epochs,
standardized inputs, `numeric_embedding: none`.
Ours, through the product as users meet it (Release `mlpipe run`, figures read from results.json):
  - cold: a holdout run (80/20, seed 42): one fit in a fresh process, so it pays the JIT and every per-fit cost;
    the training loop's samples/s (the trainer's own clock) and the whole ML.NET fit (reading the rows out of the
    IDataView, scaling statistics, training, ONNX export, building the scoring transforms);
  - warm: a 5-fold run (seed 42): the same per fold; folds 2-5 run in a process that has already fitted once.
PyTorch: the identical network and loop on the holdout run's training rows, in a fresh process per reading: three
warm-up epochs, then three timed runs of `--epochs` epochs on a fresh network (the best counts), timed from the
first to the last optimizer step, in every setting of bench/peers.py (set_num_threads 1/2 x OPENBLAS_NUM_THREADS
1/2 x ATen CPU capability x OpenMP wait policy); its best setting is the peer. Both sides alternate `--rounds` times and keep their best.
Prints samples/s (training rows x epochs / seconds), the ratios, the cold whole fit against PyTorch's loop time,
and GFLOP/s as a fraction of the FMA peak (bench verb `peak`).
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import peers  # noqa: E402

# The whole script, and every peer worker it starts, runs without OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE (AVX2 kernels
# forced on this AVX-512 CPU); its workers also get peers.peer_env / peers.torch_env.
peers.reexec_without_handicaps()

MISSING = {"", "NA", "?"}


def write_spec(path, csv_path, label, epochs, evaluation):
    with open(path, "w") as f:
        f.write(f"""name: mlp-speed
data: {{path: {csv_path}, label: {label}, task: multiclass}}
evaluation: {evaluation}
preprocessing: []
models:
  - name: mlp
    trainer: mlp
    options: {{hidden_layers: [256, 256, 256], activation: relu, dropout: 0, numeric_embedding: none, optimizer: adamw,
              learning_rate: 0.001, weight_decay: 0.01, schedule: constant, batch_size: 256, epochs: {epochs},
              label_smoothing: 0, validation_fraction: 0, early_stopping: false, input_scaling: standard}}
report: {{formats: [json], feature_importance: false}}
""")


def run_ours(csv_path, label, epochs, work, evaluation, tag):
    spec = os.path.join(work, f"{tag}.yaml")
    write_spec(spec, csv_path, label, epochs, evaluation)
    out = os.path.join(work, tag)
    subprocess.run([peers.MLPIPE, "run", spec, "--out", out, "--force", "--quiet"], check=True, cwd=peers.REPO,
                   stdout=subprocess.DEVNULL)
    folds = json.load(open(os.path.join(out, "results.json")))["models"][0]["folds"]
    fits = [(f["train_rows"] * epochs / f["fit_seconds"], f["fit_seconds"],
             f["training_log"]["values"]["samples_per_second"]) for f in folds]
    return fits, out


def train_rows(run_dir, csv_path, label):
    """1-based file rows of the first split's training rows: every labelled row of the file not in its test set
    (the predictions file holds the test rows only)."""
    with open(os.path.join(run_dir, "predictions", "mlp.csv"), newline="") as f:
        test = {int(rec["row"]) for rec in csv.DictReader(f) if int(rec["fold"]) == 0}
    with open(csv_path, newline="") as f:
        reader = csv.reader(f)
        y_col = next(reader).index(label)
        labelled = [n for n, r in enumerate(reader, start=1) if r and r[y_col].strip() not in MISSING]
    return [n for n in labelled if n not in test]


def torch_worker(argv):
    """Child process: thread and kernel variables are in its environment before torch loads."""
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

    def train(num_epochs):
        model = torch.nn.Sequential(
            torch.nn.Linear(x.shape[1], 256), torch.nn.ReLU(),
            torch.nn.Linear(256, 256), torch.nn.ReLU(),
            torch.nn.Linear(256, 256), torch.nn.ReLU(),
            torch.nn.Linear(256, len(classes)))
        opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.01)
        loss_fn = torch.nn.CrossEntropyLoss()
        start, seen = time.perf_counter(), 0
        for epoch in range(num_epochs):
            if epoch > 0 and time.perf_counter() - start > 30:
                break  # oversubscribed settings can be ~50x slower; the rate so far is what counts
            perm = torch.randperm(n)
            for i in range(0, n, batch):
                idx = perm[i:i + batch]
                opt.zero_grad(set_to_none=True)
                loss_fn(model(xt[idx]), yt[idx]).backward()
                opt.step()
                seen += len(idx)
        return seen / (time.perf_counter() - start)

    train(3)  # warm-up
    best = max(train(epochs) for _ in range(3))
    print(peers.kernel_report())
    print(f"{best:.0f} {n}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--csv", default=os.path.join(peers.REPO, "datasets", "letter.csv"))
    parser.add_argument("--label", default="lettr")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--aten", default=",".join(peers.ATEN_CAPABILITIES), help="ATen capabilities to try")
    args = parser.parse_args()
    peers.ensure_packages(["python3-torch", "python3-numpy", "python3-threadpoolctl", "libopenblas0-pthread"])
    settings = peers.torch_settings(args.aten.split(","))
    work = tempfile.mkdtemp(prefix="mlp-speed-")
    csv_path = os.path.abspath(args.csv)
    rows_file = os.path.join(work, "rows.txt")
    with peers.measure_lock():
        peers.header(f"MLP training, `mlpipe run` vs PyTorch: inputs -> 3x256 ReLU -> classes, batch 256, AdamW, "
                     f"{args.epochs} epochs, {os.path.relpath(csv_path, peers.REPO)}")
        peers.build(peers.CLI)
        peers.build(peers.BENCH)
        peak = peers.peak()
        # Fix the training rows once (the holdout split is the same in every round: same seed).
        _, first = run_ours(csv_path, args.label, args.epochs, work, "{method: holdout, test_fraction: 0.2, seed: 42}", "probe")
        rows = train_rows(first, csv_path, args.label)
        open(rows_file, "w").write("\n".join(map(str, rows)))
        features = len(next(csv.reader(open(csv_path)))) - 1
        classes = len(json.load(open(os.path.join(first, "results.json")))["dataset"]["classes"])
        print(f"# {len(rows)} training rows, {args.epochs} epochs; best of {args.rounds} alternating rounds", flush=True)
        kernels = {}

        def cold():
            fits, _ = run_ours(csv_path, args.label, args.epochs, work, "{method: holdout, test_fraction: 0.2, seed: 42}", "cold")
            rate, seconds, loop = fits[0]
            return loop, seconds, rate

        def warm():
            fits, _ = run_ours(csv_path, args.label, args.epochs, work, "{method: kfold, folds: 5, seed: 42}", "warm")
            later = fits[1:]
            return max(f[2] for f in later), min(f[1] for f in later), max(f[0] for f in later)

        def torch_side(setting):
            env = peers.torch_env(setting)
            line, kernel = peers.run_worker([os.path.abspath(__file__), "--torch-worker", csv_path, args.label, rows_file,
                                             str(setting[0]), str(args.epochs)], env)
            kernels[setting] = (kernel, peers.describe_env(env))
            return float(line.split()[0])

        sides = [("cold", cold), ("warm", warm)] + [(s, (lambda s=s: torch_side(s))) for s in settings]

        def report(r, best):
            print(f"# round {r}: mlpipe cold loop {best['cold'][0]:.0f}, warm loop {best['warm'][0]:.0f}; "
                  + ", ".join(f"{peers.setting_key(s)} {best[s]:.0f}" for s in settings), flush=True)

        best = peers.alternate(sides, args.rounds, report)
        top = max(settings, key=lambda s: best[s])
        ref = best[top]
        torch_seconds = len(rows) * args.epochs / ref
        print(f"# peer best: {peers.setting_name(top)}")
        print(f"#   {kernels[top][1]}")
        print(f"#   {kernels[top][0]}")
        sizes = [features, 256, 256, 256, classes]
        flops = peers.dense_training_flops(sizes)
        header = f"{'runner':<52} {'samples/s':>10} {'GFLOP/s':>8} {'of peak':>8} {'vs torch best':>14}"
        print(header)
        print("-" * len(header))

        def row(label, rate, threads):
            gflops = rate * flops / 1e9
            print(f"{label:<52} {rate:>10.0f} {gflops:>8.1f} {peers.of_peak(gflops, peak[threads]):>8} {rate / ref:>14.2f}")

        for s in settings:
            row(peers.setting_name(s), best[s], max(s[0], s[1]))
        cold_loop, cold_fit, cold_rate = best["cold"]
        warm_loop, warm_fit, warm_rate = best["warm"]
        row("mlpipe run, cold (holdout), training loop", cold_loop, 2)
        row("mlpipe run, cold (holdout), whole ML.NET fit", cold_rate, 2)
        row("mlpipe run, warm (k-fold folds 2-5), training loop", warm_loop, 2)
        row("mlpipe run, warm (k-fold folds 2-5), whole fit", warm_rate, 2)
        print(f"cold whole fit {cold_fit:.2f} s vs PyTorch's loop {torch_seconds:.2f} s: {cold_fit / torch_seconds:.2f}x its time")
        peers.footer()
        peers.record("mlp_cold", {"peak": peak, "flops_per_sample": flops, "rounds": args.rounds, "epochs": args.epochs,
                                  "rows": len(rows), "cold_loop": cold_loop, "cold_fit_s": cold_fit, "cold_fit_rate": cold_rate,
                                  "warm_loop": warm_loop, "warm_fit_s": warm_fit, "warm_fit_rate": warm_rate,
                                  "torch": {peers.setting_key(s): best[s] for s in settings}, "torch_best": peers.setting_key(top),
                                  "torch_threads": max(top[0], top[1]), "torch_loop_s": torch_seconds,
                                  "peer_env": kernels[top][1], "peer_kernel": kernels[top][0]})
        print(f"mlp-speed cold_loop={cold_loop:.0f} cold_fit_s={cold_fit:.2f} warm_loop={warm_loop:.0f} warm_fit={warm_rate:.0f} "
              f"torch_best={ref:.0f} torch_loop_s={torch_seconds:.2f} torch_setting={peers.setting_key(top)} "
              f"ratio_cold_loop={cold_loop / ref:.2f} fit_over_torch_loop={cold_fit / torch_seconds:.2f} "
              f"ratio_warm_loop={warm_loop / ref:.2f} ratio_warm_fit={warm_rate / ref:.2f} "
              f"cold_loop_of_peak={peers.of_peak(cold_loop * flops / 1e9, peak[2])} "
              f"torch_of_peak={peers.of_peak(ref * flops / 1e9, peak[max(top[0], top[1])])}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--torch-worker":
        torch_worker(sys.argv[2:])
    else:
        main()
