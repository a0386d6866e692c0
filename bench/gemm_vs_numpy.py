#!/usr/bin/python3
"""GEMM GFLOP/s: our Gemm.Multiply (bench verb `gemm`, Release) beside numpy + OpenBLAS sgemm, same shapes, same run.

Usage: bench/gemm_vs_numpy.py [--rounds R] [--quick]

For each shape and thread count (1 and 2) it alternates ours and numpy R times (default 3) and keeps each
side's best, because other processes share the cores and a single reading can be low for either side.
Each single reading is itself the fastest call of about a second (3 s for 1024) of separately timed calls after
half a second of warm-up, on both sides (see GemmCommand.cs and numpy_worker below). Threads: `--threads T` for ours, OPENBLAS_NUM_THREADS=T for numpy.
Installs python3-numpy and libopenblas0-pthread with apt-get when missing (without OpenBLAS numpy falls
back to the reference BLAS, ~15x slower, which would make the comparison meaningless).
"""
import os
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(REPO, "bench", "MLPipelines.Bench")

# (label, m, n, k, transA, transB): square sizes from the issue, then the MLP's GEMMs (batch 256, 256 wide):
# forward X*W, input gradient dY*W^T, weight gradient X^T*dY, and the 26-class output layer.
SHAPES = [
    ("128", 128, 128, 128, False, False),
    ("256", 256, 256, 256, False, False),
    ("512", 512, 512, 512, False, False),
    ("1024", 1024, 1024, 1024, False, False),
    ("mlp fwd 256x256x256", 256, 256, 256, False, False),
    ("mlp dX 256x256x256 B^T", 256, 256, 256, False, True),
    ("mlp dW 256x256x256 A^T", 256, 256, 256, True, False),
    ("mlp out 256x26x256", 256, 26, 256, False, False),
]


def ensure_packages():
    missing = [p for p in ("python3-numpy", "libopenblas0-pthread")
               if subprocess.run(["dpkg", "-s", p], capture_output=True).returncode != 0]
    if missing:
        print(f"# installing {' '.join(missing)} with apt-get", flush=True)
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True)


def numpy_worker(args):
    """Runs in a child process so OPENBLAS_NUM_THREADS is set before numpy loads OpenBLAS."""
    import numpy as np
    m, n, k, ta, tb = int(args[0]), int(args[1]), int(args[2]), args[3] == "1", args[4] == "1"
    window = float(args[5])
    rng = np.random.default_rng(42)
    a = rng.uniform(-1, 1, (k, m) if ta else (m, k)).astype(np.float32)
    b = rng.uniform(-1, 1, (n, k) if tb else (k, n)).astype(np.float32)
    a = a.T if ta else a
    b = b.T if tb else b
    c = np.empty((m, n), dtype=np.float32)
    flops = 2.0 * m * n * k
    start = time.perf_counter()
    while time.perf_counter() - start < 0.5:  # warm-up, as on our side
        np.matmul(a, b, out=c)
    times = []
    start = time.perf_counter()
    while len(times) < 20 or time.perf_counter() - start < window:
        t0 = time.perf_counter()
        np.matmul(a, b, out=c)
        times.append(time.perf_counter() - t0)
    best = flops / min(times) / 1e9
    print(f"{best:.1f}")


def window(m, n, k):
    """Seconds of timed calls per reading: longer for big shapes, whose ~10 ms calls are rarely left undisturbed."""
    return 3.0 if 2.0 * m * n * k >= 1e9 else 1.0


def run_numpy(m, n, k, ta, tb, threads):
    env = dict(os.environ, OPENBLAS_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads))
    out = subprocess.run([sys.executable, os.path.abspath(__file__), "--numpy-worker",
                          str(m), str(n), str(k), "1" if ta else "0", "1" if tb else "0", str(window(m, n, k))],
                         env=env, capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def run_ours(m, n, k, ta, tb, threads):
    cmd = ["dotnet", "run", "-c", "Release", "--no-build", "--project", BENCH, "--",
           "gemm", "--m", str(m), "--n", str(n), "--k", str(k), "--threads", str(threads), "--seconds", str(window(m, n, k))]
    cmd += ["--transA"] if ta else []
    cmd += ["--transB"] if tb else []
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=REPO)
    last = out.stdout.strip().splitlines()[-1]
    return float(last.split("gflops=")[1])


def main():
    rounds = 3
    if "--rounds" in sys.argv:
        rounds = int(sys.argv[sys.argv.index("--rounds") + 1])
    shapes = SHAPES[:4] if "--quick" in sys.argv else SHAPES
    ensure_packages()
    import numpy as np  # noqa: F401  (fail early if the install did not work)
    print("# building bench (Release)", flush=True)
    subprocess.run(["dotnet", "build", "-c", "Release", "-v", "q", "-nologo", BENCH], check=True, cwd=REPO,
                   stdout=subprocess.DEVNULL)
    print(f"# best of {rounds} alternating rounds per cell; each reading = fastest of ~1 s of timed calls after warm-up")
    header = f"{'shape':<24} {'threads':>7} {'ours GFLOP/s':>13} {'numpy GFLOP/s':>14} {'ratio':>6}"
    print(header)
    print("-" * len(header), flush=True)
    for label, m, n, k, ta, tb in shapes:
        for threads in (1, 2):
            ours = numpy_best = 0.0
            for _ in range(rounds):
                ours = max(ours, run_ours(m, n, k, ta, tb, threads))
                numpy_best = max(numpy_best, run_numpy(m, n, k, ta, tb, threads))
            print(f"{label:<24} {threads:>7} {ours:>13.1f} {numpy_best:>14.1f} {ours / numpy_best:>6.2f}", flush=True)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--numpy-worker":
        numpy_worker(sys.argv[2:])
    else:
        main()
