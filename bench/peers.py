"""Running peers (numpy/OpenBLAS, PyTorch, XGBoost, scikit-learn) at their best, for every script in bench/.

One module so the rules live in one place:
- a peer never inherits OPENBLAS_CORETYPE or OPENBLAS_L2_SIZE (this machine exports OPENBLAS_CORETYPE=Haswell in
  some shells, which forces OpenBLAS onto its AVX2 kernels on an AVX-512 CPU): `peer_env` removes them;
- each peer worker prints the kernels it actually ran (`kernel_report`: threadpoolctl's view of OpenBLAS / OpenMP,
  PyTorch's ATen CPU capability and oneDNN), and the parent prints the peer's environment (`describe_env`);
- both sides are timed the same way and alternate rounds, each keeping its best reading (`alternate`);
- every figure is printed with the machine, the date, the commit and the load average (`header`, `footer`), and
  kernel figures as a fraction of the machine's FMA peak (`peak`, bench verb `peak`);
- timing runs hold /tmp/mlpipe-measure.lock (`measure_lock`), so lanes sharing the 2 cores do not measure at once;
- missing Debian peers are installed with apt-get (`ensure_packages`).
Scripts import it as `import peers` (bench/ is the script's own folder) and run under Debian's /usr/bin/python3.
"""
import contextlib
import datetime
import fcntl
import os
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(REPO, "bench", "MLPipelines.Bench")
BENCH_DLL = os.path.join(BENCH, "bin", "Release", "net10.0", "MLPipelines.Bench.dll")
CLI = os.path.join(REPO, "src", "MLPipelines.Cli")
MLPIPE = os.path.join(CLI, "bin", "Release", "net10.0", "mlpipe")
PYTHON = "/usr/bin/python3"  # Debian's python, where the apt-installed peers live (a pyenv python3 on PATH has none)
HANDICAPS = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
SHOWN = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "OMP_WAIT_POLICY", "GOMP_SPINCOUNT",
         "ATEN_CPU_CAPABILITY", "DNNL_MAX_CPU_ISA", "ONEDNN_MAX_CPU_ISA", "OPENBLAS_VERBOSE")
LOCK = "/tmp/mlpipe-measure.lock"
LOCK_HELD = "MLPIPE_MEASURE_LOCK_HELD"
# PyTorch thread settings tried for every torch figure: (torch.set_num_threads, OPENBLAS_NUM_THREADS).
TORCH_THREADS = [(1, 1), (1, 2), (2, 1), (2, 2)]
# ATen's CPU dispatch: Debian's PyTorch 1.13 picks AVX2 on this CPU by default; avx512 is tried as well.
ATEN_CAPABILITIES = ["default", "avx512"]
# OpenMP wait policy of PyTorch's intra-op threads (only with set_num_threads(2)): libgomp's default spins, which is
# best on an idle machine and collapses when other processes share the cores; PASSIVE sleeps.
WAIT_POLICIES = ["default", "PASSIVE"]


def ensure_packages(packages):
    """Installs the Debian packages that are missing (we are root on the bench machine)."""
    missing = [p for p in packages if subprocess.run(["dpkg", "-s", p], capture_output=True).returncode != 0]
    if missing:
        print(f"# installing {' '.join(missing)} with apt-get", flush=True)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, env=env)


def peer_env(blas_threads=None, omp_threads=None, **extra):
    """The environment a peer runs in: ours minus the OpenBLAS handicaps (and minus any OMP_WAIT_POLICY the scripts
    set for mlpipe), with its thread counts set.

    `extra` sets more variables (None or "default" removes one), e.g. ATEN_CPU_CAPABILITY="avx512".
    """
    env = {k: v for k, v in os.environ.items() if k not in HANDICAPS and k != "OMP_WAIT_POLICY"}
    if blas_threads is not None:
        env["OPENBLAS_NUM_THREADS"] = str(blas_threads)
    if omp_threads is not None:
        env["OMP_NUM_THREADS"] = str(omp_threads)
    for key, value in extra.items():
        if value is None or value == "default":
            env.pop(key, None)
        else:
            env[key] = str(value)
    return env


def reexec_without_handicaps():
    """For a script that loads numpy/scipy/xgboost in its own process: restart it without the OpenBLAS handicaps
    (they must be gone before OpenBLAS loads), under Debian's python, keeping an OMP_WAIT_POLICY the user set.
    Call before importing numpy."""
    if any(k in os.environ for k in HANDICAPS):
        os.execve(PYTHON, [PYTHON, *sys.argv], peer_env(OMP_WAIT_POLICY=os.environ.get("OMP_WAIT_POLICY")))


def describe_env(env):
    """One line with the variables that decide a peer's kernels and threads (unset handicaps named as such)."""
    parts = [f"{k} unset" + (f" (shell has {os.environ[k]})" if k in os.environ else "") for k in HANDICAPS if k not in env]
    parts += [f"{k}={env[k]}" for k in HANDICAPS + SHOWN if k in env]
    return "env: " + ", ".join(parts)


def kernel_report():
    """Inside a peer worker, after it has loaded its libraries: which BLAS / OpenMP / ATen kernels run, one line."""
    parts = []
    try:
        from threadpoolctl import threadpool_info
        for lib in threadpool_info():
            name = lib.get("internal_api") or lib.get("prefix")
            arch = lib.get("architecture")
            layer = lib.get("threading_layer")
            parts.append(f"{name} {lib.get('version') or ''}".strip()
                         + (f" kernel={arch}" if arch else "") + (f" {layer}" if layer else "")
                         + f" threads={lib.get('num_threads')}")
    except ImportError:
        parts.append("threadpoolctl missing (apt-get install python3-threadpoolctl)")
    torch = sys.modules.get("torch")
    if torch is not None:
        capability = next((line.split(":", 1)[1].strip() for line in torch.__config__.show().splitlines()
                           if "CPU capability usage" in line), "?")
        parts.append(f"torch {torch.__version__} aten={capability} mkldnn={torch.backends.mkldnn.enabled}"
                     f" threads={torch.get_num_threads()}")
    xgb = sys.modules.get("xgboost")
    if xgb is not None:
        parts.append(f"xgboost {xgb.__version__}")
    handicaps = [f"{k}={os.environ[k]}" for k in HANDICAPS if k in os.environ]
    if handicaps:
        parts.append("HANDICAPPED: " + " ".join(handicaps))
    return "# kernel: " + "; ".join(parts)


def run_worker(argv, env, timeout=None):
    """Runs `PYTHON argv` in `env`; returns (last stdout line, kernel line or None). Fails loudly with stderr."""
    out = subprocess.run([PYTHON, *argv], env=env, capture_output=True, text=True, timeout=timeout)
    if out.returncode != 0:
        raise RuntimeError(f"peer worker {' '.join(argv)} failed ({out.returncode}):\n{out.stderr[-3000:]}")
    lines = out.stdout.strip().splitlines()
    kernel = next((line for line in lines if line.startswith("# kernel:")), None)
    if kernel and "HANDICAPPED" in kernel:
        raise RuntimeError(f"peer ran with a handicapped OpenBLAS: {kernel}")
    return lines[-1], kernel


def alternate(sides, rounds, report=None):
    """Runs each (key, measure) of `sides` in turn, `rounds` times, and keeps each key's best reading.

    A measure returns a number or a tuple whose first element is the figure to maximize; `report(round, best)`
    is called after every round. Other processes share the cores, so a single reading can be low for either side:
    alternating spreads the disturbance over both, and the best reading is the least disturbed one.
    """
    best = {}
    for r in range(rounds):
        for key, measure in sides:
            value = measure()
            first = value[0] if isinstance(value, tuple) else value
            old = best.get(key)
            if old is None or first > (old[0] if isinstance(old, tuple) else old):
                best[key] = value
        if report:
            report(r + 1, best)
    return best


def machine():
    """CPU model, cores, UTC time, load average and commit, for the line printed beside every figure."""
    model = "unknown CPU"
    with contextlib.suppress(OSError):
        model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), model)
    flags = ""
    with contextlib.suppress(OSError):
        flags = next((line for line in open("/proc/cpuinfo") if line.startswith("flags")), "")
    isa = "avx512" if " avx512f" in flags else "avx2" if " avx2" in flags else "sse"
    commit = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", REPO, "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.strip()
    return {"cpu": model, "cores": os.cpu_count(), "isa": isa,
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "load": "%.2f %.2f %.2f" % os.getloadavg(), "commit": commit + ("+dirty" if dirty else "")}


_started = {}


def header(title):
    m = machine()
    _started.update(m)
    print(f"# {title}")
    print(f"# machine: {m['cpu']}, {m['cores']} cores, {m['isa']}; {m['date']}; commit {m['commit']}; "
          f"load average {m['load']} (1/5/15 min) at start", flush=True)


def footer():
    print(f"# load average {'%.2f %.2f %.2f' % os.getloadavg()} at end", flush=True)


def record(name, figures):
    """Writes the figures of a script as $MLPIPE_BENCH_OUT/NAME.json (set by bench/measure.sh), with the machine
    line from `header` and the load average now; bench/summarize.py turns a folder of them into the Markdown tables
    of docs/benchmarks.md. Does nothing when the variable is unset."""
    folder = os.environ.get("MLPIPE_BENCH_OUT")
    if not folder:
        return
    import json
    os.makedirs(folder, exist_ok=True)
    payload = {"machine": dict(_started), "load_at_end": "%.2f %.2f %.2f" % os.getloadavg(), **figures}
    with open(os.path.join(folder, f"{name}.json"), "w") as f:
        json.dump(payload, f, indent=1, default=str)


def _ancestor_holds_lock():
    """True when the script runs under `flock /tmp/mlpipe-measure.lock ...` (taking it again would wait forever)."""
    pid = os.getppid()
    while pid > 1:
        try:
            args = open(f"/proc/{pid}/cmdline", "rb").read().split(b"\0")
            stat = open(f"/proc/{pid}/stat").read()
        except OSError:
            return False
        if args and os.path.basename(args[0].decode(errors="replace")) == "flock" and LOCK.encode() in args:
            return True
        pid = int(stat.rsplit(")", 1)[1].split()[1])
    return False


@contextlib.contextmanager
def measure_lock():
    """Holds /tmp/mlpipe-measure.lock (flock) unless a parent already holds it (bench/measure.sh, or
    `flock /tmp/mlpipe-measure.lock SCRIPT`)."""
    if os.environ.get(LOCK_HELD) or _ancestor_holds_lock():
        yield
        return
    with open(LOCK, "a") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"# waiting for {LOCK} (another lane is measuring)", flush=True)
            fcntl.flock(f, fcntl.LOCK_EX)
        os.environ[LOCK_HELD] = "1"
        try:
            yield
        finally:
            os.environ.pop(LOCK_HELD, None)
            fcntl.flock(f, fcntl.LOCK_UN)


def build(project):
    """Release build of a project (quiet); bench scripts then run its output directly."""
    print(f"# building {os.path.relpath(project, REPO)} (Release)", flush=True)
    subprocess.run(["dotnet", "build", "-c", "Release", "-v", "q", "-nologo", project], check=True, cwd=REPO,
                   stdout=subprocess.DEVNULL)


def bench_verb(args, env=None):
    """Runs a verb of the Release bench (`build(BENCH)` first); returns its last line's key=value pairs and all lines."""
    out = subprocess.run(["dotnet", BENCH_DLL, *args], capture_output=True, text=True, cwd=REPO, env=env)
    if out.returncode != 0:
        raise RuntimeError(f"bench {' '.join(args)} failed ({out.returncode}):\n{out.stdout[-2000:]}{out.stderr[-2000:]}")
    lines = out.stdout.strip().splitlines()
    return dict(f.split("=", 1) for f in lines[-1].split() if "=" in f), lines


def peak(seconds=1.0, threads=(1, 2)):
    """The FMA peak used for fractions: {threads: per-core peak x threads} in GFLOP/s (bench verb `peak`).

    The per-core peak is the fastest single-thread burst; the bound for T threads is T times that, which the verb's
    own T-thread reading matches on a quiet machine (both cores are real cores) but under-reads on a busy one, so
    the product is the conservative denominator. The measured readings are printed too.
    """
    fields, lines = bench_verb(["peak", "--seconds", str(seconds)])
    for line in lines[:-1]:
        print(f"# peak {line.lstrip('# ')}")
    per_core = float(fields["per_core"])
    result = {t: per_core * t for t in threads}
    _started["peak_measured"] = {k: float(v) for k, v in fields.items() if k.startswith("threads") or k == "per_core"}
    print(f"# FMA peak ({fields['width']}-bit): {per_core:.1f} GFLOP/s per core; fractions below use "
          + ", ".join(f"{g:.1f} for {t} thread{'s' if t > 1 else ''}" for t, g in sorted(result.items())), flush=True)
    return result


def of_peak(gflops, peak_gflops):
    """A figure as a fraction of the FMA peak, e.g. '0.87'."""
    return f"{gflops / peak_gflops:.2f}" if peak_gflops else "nan"


def dense_training_flops(sizes):
    """Flops of one training sample through Dense layers of `sizes` (inputs, hidden..., outputs): the forward GEMM
    (2 flops per weight), the weight gradient (2 per weight) and the input gradient of every layer but the first
    (2 per weight). Element-wise work (activations, loss, optimizer) is not counted: this is the GEMM work the
    peak bounds, so samples/s x flops / peak is the fraction of peak the training step reaches."""
    weights = [a * b for a, b in zip(sizes, sizes[1:])]
    return 2 * (2 * sum(weights) + sum(weights[1:]))


def torch_settings(capabilities=None):
    """Every (torch threads, OpenBLAS threads, ATen capability, OpenMP wait policy) a torch figure is measured at."""
    return [(t, b, c, w) for c in (capabilities or ATEN_CAPABILITIES) for t, b in TORCH_THREADS
            for w in (WAIT_POLICIES if t > 1 else ["default"])]


def torch_env(setting):
    threads, blas, capability, wait = setting
    return peer_env(blas_threads=blas, omp_threads=threads, ATEN_CPU_CAPABILITY=capability, OMP_WAIT_POLICY=wait)


def setting_name(setting):
    threads, blas, capability, wait = setting
    return f"torch threads={threads} openblas={blas} aten={capability}" + (f" omp_wait={wait}" if wait != "default" else "")


def setting_key(setting):
    """The setting as one token for a key=value line, e.g. threads1_openblas1_atendefault."""
    threads, blas, capability, wait = setting
    return f"threads{threads}_openblas{blas}_aten{capability}" + (f"_wait{wait.lower()}" if wait != "default" else "")
