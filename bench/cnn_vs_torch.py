#!/usr/bin/python3
"""CNN training throughput: our engine (bench verb `cnn-train --throughput`, Release) beside PyTorch, same network,
same batch, same optimizer, same data, in the same run.

Networks (--arch, CnnPresets in src/MLPipelines.Neural/Networks; conv 3x3 pad 1, BN = BatchNorm2d):
- default (the `trainer: cnn` default): input 1x28x28 -> [Conv2d(32, no bias) + BN + ReLU] -> MaxPool 2
  -> [Conv2d(64, no bias) + BN + ReLU] -> [Conv2d(64, no bias) + BN + ReLU] -> MaxPool 2 -> Flatten
  -> Linear(3136, 256) + ReLU -> Dropout(0.3) -> Linear(256, 10);
- reference (issue 5's example network): [Conv2d(32) + BN + ReLU + MaxPool 2] -> [Conv2d(64) + BN + ReLU + MaxPool 2]
  -> Flatten -> Linear(3136, 128) + ReLU -> Linear(128, 10).
Batch 128, AdamW (lr 1e-3, weight decay 0.01), softmax cross-entropy, on the first --rows Fashion-MNIST training
images (standardized pixels), shuffled mini-batches, no augmentation.

Both sides: a warm-up (ours: two fits of 20 batches, so tiered JIT settles; PyTorch: the same two), then 3 timed
epochs over the rows, each on a fresh network, the best counts. PyTorch runs in every setting of bench/peers.py
(set_num_threads 1/2 x OPENBLAS_NUM_THREADS 1/2 x ATen CPU capability default/avx512 x OpenMP wait policy; oneDNN convolutions as
PyTorch chooses, and with --mkldnn on,off also without) and its best setting is the peer; ours runs with 1 and 2
threads. The sides alternate for --rounds rounds (default 3) and each keeps its best reading. GFLOP/s counts the
convolution and dense work of a training step (forward, weight gradient, input gradient but the first layer's) and
is stated as a fraction of the FMA peak at the same thread count (bench verb `peak`).

Usage: bench/cnn_vs_torch.py [--arch default|reference] [--rounds R] [--rows N] [--aten default,avx512] [--mkldnn on[,off]]
Last line: cnn-vs-torch arch=A ours=X ... torch_best=Y torch_best_setting=... ratio=X/Y ...
Fetches Fashion-MNIST with datasets/fashion-mnist/fetch.sh (Debian's dataset-fashion-mnist) when missing; installs
python3-torch, python3-threadpoolctl and libopenblas0-pthread with apt-get when missing.
"""
import argparse
import gzip
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peers  # noqa: E402

# The whole script, and every peer worker it starts, runs without OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE (AVX2 kernels
# forced on this AVX-512 CPU); its workers also get peers.peer_env / peers.torch_env.
peers.reexec_without_handicaps()

DATASET = os.path.join(peers.REPO, "datasets", "fashion-mnist", "full")
BATCH = 128
BUDGET = 30.0  # seconds per timed epoch, checked between batches: oversubscribed settings are very slow
# (kind, in_channels, out_channels, output side) for conv, (kind, inputs, outputs) for dense; 28x28 inputs.
LAYERS = {
    "default": [("conv", 1, 32, 28), ("conv", 32, 64, 14), ("conv", 64, 64, 14), ("dense", 3136, 256), ("dense", 256, 10)],
    "reference": [("conv", 1, 32, 28), ("conv", 32, 64, 14), ("dense", 3136, 128), ("dense", 128, 10)],
}


def training_flops(arch):
    """GEMM-shaped flops of one training image: 2 per multiply-add, forward + weight gradient + input gradient
    (not for the first layer, whose input needs none). Pooling, batch norm and activations are not counted."""
    macs = [(l[1] * l[2] * 9 * l[3] * l[3]) if l[0] == "conv" else l[1] * l[2] for l in LAYERS[arch]]
    return 2 * (2 * sum(macs) + sum(macs[1:]))


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


def torch_worker(argv):
    """Child process: thread and kernel variables are in its environment before torch loads."""
    import torch
    threads, rows, dataset, arch, mkldnn = int(argv[0]), int(argv[1]), argv[2], argv[3], argv[4] == "on"
    torch.set_num_threads(threads)
    torch.backends.mkldnn.enabled = mkldnn
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
            loss_fn(net(x[idx]), y[idx]).backward()
            opt.step()
            seen += len(idx)
            if time.perf_counter() - start > BUDGET:
                break
        return seen / (time.perf_counter() - start), seen / (time.thread_time() - cpu0)

    epoch(20 * BATCH)  # warm-up, as ours: two short fits
    epoch(20 * BATCH)
    runs = [epoch(n) for _ in range(3)]
    print(peers.kernel_report())
    print(f"{max(r[0] for r in runs):.0f} {max(r[1] for r in runs):.0f}")


def ensure_dataset(dataset):
    if not os.path.exists(os.path.join(dataset, "train-images-idx3-ubyte.gz")):
        if dataset != DATASET:
            sys.exit(f"no Fashion-MNIST IDX files in {dataset}")
        subprocess.run(["bash", os.path.join(peers.REPO, "datasets", "fashion-mnist", "fetch.sh")], check=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--arch", choices=sorted(LAYERS), default="default")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--rows", type=int, default=6400)
    parser.add_argument("--dataset", default=DATASET)
    parser.add_argument("--aten", default=",".join(peers.ATEN_CAPABILITIES), help="ATen capabilities to try")
    parser.add_argument("--mkldnn", default="on", help="oneDNN convolutions: on (PyTorch's default), off, or on,off")
    args = parser.parse_args()
    peers.ensure_packages(["python3-torch", "python3-numpy", "python3-threadpoolctl", "libopenblas0-pthread"])
    ensure_dataset(args.dataset)
    settings = [(s, m) for m in args.mkldnn.split(",") for s in peers.torch_settings(args.aten.split(","))]
    flops = training_flops(args.arch)
    with peers.measure_lock():
        peers.header(f"CNN training ({args.arch}), ours (cnn-train --throughput) vs PyTorch; batch {BATCH}, AdamW, "
                     f"{args.rows} Fashion-MNIST images per epoch")
        peers.build(peers.BENCH)
        peak = peers.peak()
        print(f"# {flops / 1e6:.1f} MFLOP of convolution/dense work per training image; best of {args.rounds} alternating rounds", flush=True)
        kernels = {}

        def ours(threads):
            fields, _ = peers.bench_verb(["cnn-train", "--throughput", "--arch", args.arch, "--dataset", args.dataset,
                                          "--rows", str(args.rows), "--batch", str(BATCH), "--threads", str(threads), "--repeats", "3"])
            return float(fields["images_per_sec"]), float(fields["cpu_images_per_sec"])

        def torch_side(setting):
            s, mkldnn = setting
            env = peers.torch_env(s)
            line, kernel = peers.run_worker([os.path.abspath(__file__), "--torch-worker", str(s[0]), str(args.rows),
                                             args.dataset, args.arch, mkldnn], env)
            kernels[setting] = (kernel, peers.describe_env(env))
            wall, cpu = line.split()
            return float(wall), float(cpu)

        def name(setting):
            return f"{peers.setting_name(setting[0])} mkldnn={setting[1]}"

        sides = [(("ours", t), (lambda t=t: ours(t))) for t in (1, 2)]
        sides += [(s, (lambda s=s: torch_side(s))) for s in settings]

        def report(r, best):
            print(f"# round {r}: " + ", ".join(f"ours {k[1]}t {v[0]:.0f}" if k[0] == "ours" else f"{name(k)} {v[0]:.0f}"
                                             for k, v in best.items()), flush=True)

        best = peers.alternate(sides, args.rounds, report)
        torch_best = {s: best[s] for s in settings}
        top = max(torch_best, key=lambda s: torch_best[s][0])
        print(f"# peer best: {name(top)}")
        print(f"#   {kernels[top][1]}")
        print(f"#   {kernels[top][0]}")
        header = f"{'runner':<66} {'images/s':>9} {'GFLOP/s':>8} {'of peak':>8} {'vs torch best':>14}"
        print(header)
        print("-" * len(header))
        ref = torch_best[top][0]

        def row(label, rate, threads):
            gflops = rate * flops / 1e9
            print(f"{label:<66} {rate:>9.0f} {gflops:>8.1f} {peers.of_peak(gflops, peak[threads]):>8} {rate / ref:>14.2f}")

        for s in settings:
            row(name(s), torch_best[s][0], max(s[0][0], s[0][1]))
        for t in (1, 2):
            row(f"ours (MLPipelines.Neural) threads={t}", best[("ours", t)][0], t)
        ours_cpu = best[("ours", 1)][1]
        torch_cpu = max(torch_best[s][1] for s in settings if s[0][:2] == (1, 1))
        print(f"single thread, images per CPU-second: ours {ours_cpu:.0f}, pytorch {torch_cpu:.0f}, ratio {ours_cpu / torch_cpu:.2f}")
        t_ours = max((1, 2), key=lambda t: best[("ours", t)][0])
        o = best[("ours", t_ours)][0]
        peers.footer()
        peers.record(f"cnn_{args.arch}", {"arch": args.arch, "peak": peak, "flops_per_image": flops, "rounds": args.rounds,
                                         "rows": args.rows, "ours": {t: best[("ours", t)][0] for t in (1, 2)},
                                         "torch": {name(s): torch_best[s][0] for s in settings}, "torch_best": name(top),
                                         "torch_threads": max(top[0][0], top[0][1]),
                                         "peer_env": kernels[top][1], "peer_kernel": kernels[top][0],
                                         "cpu_1thread": {"ours": ours_cpu, "torch": torch_cpu}})
        print(f"cnn-vs-torch arch={args.arch} ours={o:.0f} ours_threads={t_ours} ours_2threads={best[('ours', 2)][0]:.0f} "
              f"torch_best={ref:.0f} torch_best_setting={peers.setting_key(top[0])}_mkldnn{top[1]} "
              f"ratio={o / ref:.2f} ratio_2threads={best[('ours', 2)][0] / ref:.2f} "
              f"ours_of_peak={peers.of_peak(o * flops / 1e9, peak[t_ours])} "
              f"torch_of_peak={peers.of_peak(ref * flops / 1e9, peak[max(top[0][0], top[0][1])])} "
              f"cpu_ratio_1thread={ours_cpu / torch_cpu:.2f}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--torch-worker":
        torch_worker(sys.argv[2:])
    else:
        main()
