#!/usr/bin/python3
"""CNN training throughput: our engine (bench verb `cnn-train --throughput`, Release) beside PyTorch, same network,
same batch, same optimizer, same data, in the same run.

Networks (--arch, CnnPresets in src/MLPipelines.Neural/Networks; conv 3x3 pad 1, BN = BatchNorm2d):
- default (the `trainer: cnn` default, the default of --arch): input 1x28x28 -> [Conv2d(32, no bias) + BN + ReLU]
  -> MaxPool 2 -> [Conv2d(64, no bias) + BN + ReLU] -> [Conv2d(64, no bias) + BN + ReLU] -> MaxPool 2 -> Flatten
  -> Linear(3136, 256) + ReLU -> Dropout(0.3) -> Linear(256, 10);
- reference (the issue's example network): [Conv2d(32) + BN + ReLU + MaxPool 2] -> [Conv2d(64) + BN + ReLU + MaxPool 2]
  -> Flatten -> Linear(3136, 128) + ReLU -> Linear(128, 10).
Batch 128, AdamW (lr 1e-3, weight decay 0.01), softmax cross-entropy, on the first --rows Fashion-MNIST training
images (standardized pixels), shuffled mini-batches, no augmentation.

PyTorch (Debian python3-torch 1.13 with oneDNN, OpenBLAS from libopenblas0-pthread) runs under every thread setting
(torch.set_num_threads 1/2 x OPENBLAS_NUM_THREADS 1/2) and its best setting is the peer; ours runs with 2 threads (and
1: --ours-threads 1,2, the default). Other processes share the cores, so the two sides alternate for --rounds rounds
(default 3) and each keeps its best reading; each reading is itself the best of 3 timed epochs after a warm-up.
Also prints images per CPU-second of the main thread for the single-thread runs of both (ours threads=1, torch 1/1):
all their work runs on that thread, so other processes on the machine cannot depress that figure.

Usage: bench/cnn_vs_torch.py [--arch default|reference] [--rounds R] [--rows N] [--ours-threads 1,2] [--dataset DIR]
Last line: cnn-vs-torch arch=A ours=X ... torch_best=Y torch_best_setting=... ratio=X/Y ... cpu_ratio_1thread=...
Installs python3-torch, python3-numpy and libopenblas0-pthread with apt-get when missing.
"""
import gzip
import os
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(REPO, "bench", "MLPipelines.Bench")
SETTINGS = [(1, 1), (1, 2), (2, 1), (2, 2)]  # (torch threads, OpenBLAS threads)
BATCH = 128


def arg(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def ensure_packages():
    missing = [p for p in ("python3-torch", "python3-numpy", "libopenblas0-pthread")
               if subprocess.run(["dpkg", "-s", p], capture_output=True).returncode != 0]
    if missing:
        print(f"# installing {' '.join(missing)} with apt-get", flush=True)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, env=env)


def load_fashion(dataset, rows):
    """The first `rows` training images as float32 [rows, 1, 28, 28], standardized as the C# bench does."""
    import numpy as np
    with gzip.open(os.path.join(dataset, "train-images-idx3-ubyte.gz")) as f:
        pixels = np.frombuffer(f.read(), np.uint8, offset=16)
    with gzip.open(os.path.join(dataset, "train-labels-idx1-ubyte.gz")) as f:
        labels = np.frombuffer(f.read(), np.uint8, offset=8)
    scaled = pixels.astype(np.float64) / 255.0
    mean, std = scaled.mean(), scaled.std()
    x = ((pixels[:rows * 784].astype(np.float32) / 255.0 - mean) / std).astype(np.float32).reshape(-1, 1, 28, 28)
    return x, labels[:rows].astype(np.int64)


def torch_worker(args):
    """Runs in a child so OPENBLAS_NUM_THREADS is set before torch loads OpenBLAS."""
    import torch
    torch_threads, rows, dataset, arch = int(args[0]), int(args[1]), args[2], args[3]
    budget = 30.0  # seconds per timed epoch, checked between batches: oversubscribed settings are very slow
    torch.set_num_threads(torch_threads)
    torch.manual_seed(1)
    x_np, y_np = load_fashion(dataset, rows)
    x, y = torch.from_numpy(x_np), torch.from_numpy(y_np)
    n = x.shape[0]

    def model():
        nn = torch.nn
        if arch == "reference":
            return nn.Sequential(
                nn.Conv2d(1, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(3136, 128), nn.ReLU(), nn.Linear(128, 10))
        return nn.Sequential(
            nn.Conv2d(1, 32, 3, padding=1, bias=False), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1, bias=False), nn.BatchNorm2d(64), nn.ReLU(),
            nn.Conv2d(64, 64, 3, padding=1, bias=False), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(3136, 256), nn.ReLU(), nn.Dropout(0.3), nn.Linear(256, 10))

    def epoch(limit):
        net = model()
        net.train()
        opt = torch.optim.AdamW(net.parameters(), lr=1e-3, weight_decay=0.01)
        loss_fn = torch.nn.CrossEntropyLoss()
        perm = torch.randperm(n)
        start, cpu0, seen = time.perf_counter(), time.thread_time(), 0
        for i in range(0, min(n, limit), BATCH):
            idx = perm[i:i + BATCH]
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(net(x[idx]), y[idx])
            loss.backward()
            opt.step()
            seen += len(idx)
            if time.perf_counter() - start > budget:
                break
        return seen / (time.perf_counter() - start), seen / (time.thread_time() - cpu0)

    epoch(20 * BATCH)  # warm-up
    runs = [epoch(n) for _ in range(3)]
    print(f"{max(r[0] for r in runs):.0f} {max(r[1] for r in runs):.0f}")


def run_torch(torch_threads, blas_threads, rows, dataset, arch):
    env = dict(os.environ, OPENBLAS_NUM_THREADS=str(blas_threads), OMP_NUM_THREADS=str(torch_threads))
    out = subprocess.run([sys.executable, os.path.abspath(__file__), "--torch-worker", str(torch_threads), str(rows), dataset, arch],
                         env=env, capture_output=True, text=True, check=True)
    wall, cpu = out.stdout.strip().splitlines()[-1].split()
    return float(wall), float(cpu)


def run_ours(threads, rows, dataset, arch):
    cmd = ["dotnet", "run", "-c", "Release", "--no-build", "--project", BENCH, "--",
           "cnn-train", "--throughput", "--arch", arch, "--dataset", dataset, "--rows", str(rows), "--batch", str(BATCH),
           "--threads", str(threads), "--repeats", "3"]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=REPO)
    fields = dict(f.split("=", 1) for f in out.stdout.strip().splitlines()[-1].split() if "=" in f)
    return float(fields["images_per_sec"]), float(fields["cpu_images_per_sec"])


def main():
    arch = arg("--arch", "default")
    if arch not in ("default", "reference"):
        sys.exit(f"--arch must be default or reference, got {arch}")
    rounds = int(arg("--rounds", 3))
    rows = int(arg("--rows", 12800))
    dataset = arg("--dataset", "/usr/share/datasets/fashion-mnist")
    ours_threads = [int(t) for t in arg("--ours-threads", "1,2").split(",")]
    ensure_packages()
    import torch  # noqa: F401  (fail early if the install did not work)
    print("# building bench (Release)", flush=True)
    subprocess.run(["dotnet", "build", "-c", "Release", "-v", "q", "-nologo", BENCH], check=True, cwd=REPO,
                   stdout=subprocess.DEVNULL)
    net = ("conv32-bn-relu-pool, conv64-bn-relu, conv64-bn-relu-pool, dense 256, dropout 0.3, 10" if arch == "default"
           else "conv32-bn-relu-pool, conv64-bn-relu-pool, dense 128, 10")
    print(f"# CNN {arch}: {net}; batch {BATCH}, AdamW; "
          f"{rows} Fashion-MNIST images per epoch; best of {rounds} alternating rounds", flush=True)
    ours = {t: 0.0 for t in ours_threads}
    torch_best = {s: 0.0 for s in SETTINGS}
    ours_cpu = torch_cpu = 0.0
    for r in range(rounds):
        for t in ours:
            wall, cpu = run_ours(t, rows, dataset, arch)
            ours[t] = max(ours[t], wall)
            if t == 1:
                ours_cpu = max(ours_cpu, cpu)
        for s in SETTINGS:
            wall, cpu = run_torch(s[0], s[1], rows, dataset, arch)
            torch_best[s] = max(torch_best[s], wall)
            if s == (1, 1):
                torch_cpu = max(torch_cpu, cpu)
        print(f"# round {r + 1}: ours {', '.join(f'{t}t {v:.0f}' for t, v in ours.items())}; torch "
              f"{', '.join(f'{a}/{b} {v:.0f}' for (a, b), v in torch_best.items())}", flush=True)
    best_setting = max(torch_best, key=torch_best.get)
    best = torch_best[best_setting]
    header = f"{'runner':<40} {'images/s':>10} {'vs torch best':>14}"
    print(header)
    print("-" * len(header))
    for (tt, bt), v in torch_best.items():
        print(f"{f'pytorch set_num_threads({tt}) OPENBLAS={bt}':<40} {v:>10.0f} {v / best:>14.2f}")
    for t, v in ours.items():
        print(f"{f'ours (MLPipelines.Neural) threads={t}':<40} {v:>10.0f} {v / best:>14.2f}")
    top = max(ours, key=ours.get)
    # Single-thread runs do all their work on the main thread: images per CPU-second of it is load-independent.
    cpu_ratio = ours_cpu / torch_cpu if ours_cpu > 0 and torch_cpu > 0 else float("nan")
    print(f"single thread, images per CPU-second: ours {ours_cpu:.0f}, pytorch {torch_cpu:.0f}, ratio {cpu_ratio:.2f}")
    two = f" ours_2threads={ours[2]:.0f} ratio_2threads={ours[2] / best:.2f}" if 2 in ours else ""
    print(f"cnn-vs-torch arch={arch} ours={ours[top]:.0f} ours_threads={top} torch_best={best:.0f} "
          f"torch_best_setting=threads{best_setting[0]}_openblas{best_setting[1]} ratio={ours[top] / best:.2f}{two} "
          f"cpu_ratio_1thread={cpu_ratio:.2f}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--torch-worker":
        torch_worker(sys.argv[2:])
    else:
        main()
