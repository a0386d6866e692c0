#!/usr/bin/python3
"""Our comparison statistics beside independent references, on the same fold numbers.

    bench/stats_reference.py              # scipy always; Weka's PairedStatsCorrected/PairedCorrectedTTester too
    bench/stats_reference.py --no-weka    # skip Weka (it needs the Debian packages weka + a JDK)

Ours: bench/stats/StatsDump (a console over MLPipelines.Results.Statistics) run on the fixtures in
bench/stats/fixtures/. References, written here from the formulas and scipy, not from our C#:
  * corrected resampled t-test (Nadeau & Bengio 2003): numpy + scipy.stats.t; Weka 3.6's own
    weka.experiment.PairedStatsCorrected (via bench/stats/WekaCorrectedTTest.java) and the v/* marks of
    weka.experiment.PairedCorrectedTTester on an ARFF of the same folds;
  * Holm step-down adjusted p-values (a direct implementation; statsmodels too when installed);
  * corrected 95% intervals: scipy.stats.t.ppf;
  * Friedman: scipy.stats.friedmanchisquare (tie-corrected) and Demšar's uncorrected chi2_F, Iman-Davenport F
    with scipy.stats.f; Nemenyi q_alpha and pair p-values with scipy.stats.studentized_range(k, df=inf);
  * distribution functions on a grid: scipy, and mpmath for the t quantile (scipy's t.ppf is only good to
    ~1e-10 relative, e.g. t.ppf(0.975, 9) = 2.2621571627409915 while the true value is 2.26215716279820...).
Prints each figure with ours beside the references and the largest relative difference; exits 1 if any
figure differs beyond its tolerance or any significance decision differs.
"""
import argparse
import json
import math
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "bench" / "stats" / "fixtures"
DUMP_PROJECT = ROOT / "bench" / "stats" / "StatsDump"
WEKA_HELPER = ROOT / "bench" / "stats" / "WekaCorrectedTTest.java"
WEKA_JAR = pathlib.Path("/usr/share/java/weka.jar")


def apt_install(*packages):
    print(f"installing {' '.join(packages)} with apt-get ...", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", *packages], check=True, env=env,
                   stdout=subprocess.DEVNULL)


sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peers  # noqa: E402

peers.reexec_without_handicaps()  # numpy/scipy load OpenBLAS into this process: with its own kernel, as every peer

try:
    import numpy as np
    import scipy
    import scipy.stats as ss
except ImportError:
    # Debian's python3-scipy lives in the system interpreter; another python3 on PATH (pyenv, venv) cannot see it.
    SYSTEM_PYTHON = "/usr/bin/python3"
    if os.environ.get("STATS_REFERENCE_REEXEC"):
        sys.exit("scipy/numpy still missing after apt-get install python3-scipy python3-numpy")
    if os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PYTHON):
        probe = subprocess.run([SYSTEM_PYTHON, "-c", "import scipy, numpy"], capture_output=True)
        if probe.returncode != 0:
            apt_install("python3-scipy", "python3-numpy")
    else:
        apt_install("python3-scipy", "python3-numpy")
    os.environ["STATS_REFERENCE_REEXEC"] = "1"
    os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON, *sys.argv])

try:
    import mpmath
except ImportError:  # the high-precision ground truth for the distribution checks; small Debian package
    try:
        apt_install("python3-mpmath")
        import mpmath
    except (subprocess.CalledProcessError, ImportError):
        mpmath = None


class Checker:
    """Collects comparisons of ours against a reference and counts the ones out of tolerance."""

    def __init__(self):
        self.failures = []
        self.worst = {}

    def number(self, label, ours, reference, source, rel=1e-9, abs_tol=1e-12):
        if ours is None or reference is None:
            ok = ours is None and reference is None
            diff = 0.0 if ok else math.inf
        else:
            diff = abs(ours - reference)
            ok = diff <= max(abs_tol, rel * abs(reference))
        # Relative difference, except against references that are zero to rounding (|ref| < 1e-15), where the
        # absolute difference is what means something (scipy's t.ppf(0.5) is 7e-17, ours exactly 0).
        if reference is None or ours is None:
            relative = diff
        elif abs(reference) >= 1e-15:
            relative = diff / abs(reference)
        else:
            relative = diff if diff > 1e-15 else 0.0
        self.worst[source] = max(self.worst.get(source, 0.0), relative)
        if not ok:
            self.failures.append(f"{label}: ours {ours!r} vs {source} {reference!r}")
        return ok

    def same(self, label, ours, reference, source):
        if ours != reference:
            self.failures.append(f"{label}: ours {ours!r} vs {source} {reference!r}")
            return False
        return True


def fmt(x, digits=6):
    if x is None:
        return "null"
    if isinstance(x, bool):
        return "yes" if x else "no"
    if x == 0 or 1e-4 <= abs(x) < 1e6:
        return f"{x:.{digits}f}"
    return f"{x:.{digits - 1}e}"


def build_ours():
    subprocess.run(["dotnet", "build", str(DUMP_PROJECT), "-c", "Release", "-nologo", "-v", "q"], check=True,
                   stdout=subprocess.DEVNULL)
    return DUMP_PROJECT / "bin" / "Release" / "net10.0" / "stats-dump.dll"


def ours(dll, verb, path):
    out = subprocess.run(["dotnet", str(dll), verb, str(path)], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


# ---------------------------------------------------------------- reference computations (independent of ours)

def design_of(evaluation):
    if evaluation["method"] == "holdout":
        f = evaluation["test_fraction"]
        return evaluation["repeats"], f / (1 - f)
    k = evaluation["folds"]
    return k * evaluation["repeats"], 1 / (k - 1)


def corrected_ttest(a, b, ratio):
    """Nadeau & Bengio's corrected resampled t-test with Weka's zero-variance rules."""
    a, b = np.asarray(a, float), np.asarray(b, float)
    d = a - b
    n = len(d)
    if n < 2:
        return None, None
    sd = d.std(ddof=1)
    tol = 1e-12 * max(np.abs(a).max(), np.abs(b).max())
    if sd <= tol:
        return (0.0, 1.0) if np.all(np.abs(d) <= tol) else (None, 0.0)
    t = d.mean() / math.sqrt((1 / n + ratio) * sd ** 2)
    return t, float(2 * ss.t.sf(abs(t), n - 1))


def holm(pvalues):
    order = sorted(range(len(pvalues)), key=lambda i: (pvalues[i], i))
    m, running, out = len(pvalues), 0.0, [None] * len(pvalues)
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * pvalues[i]))
        out[i] = running
    return out


def friedman(values, lower_is_better):
    x = np.asarray(values, float)
    n, k = x.shape
    ranks = np.array([ss.rankdata(row if lower_is_better else -row) for row in x])
    r = ranks.mean(axis=0)
    chi2 = 12 * n / (k * (k + 1)) * (np.sum(r ** 2) - k * (k + 1) ** 2 / 4)
    f = (n - 1) * chi2 / (n * (k - 1) - chi2)
    tie_corrected = ss.friedmanchisquare(*x.T)
    q05 = ss.studentized_range.ppf(0.95, k, np.inf) / math.sqrt(2)
    se = math.sqrt(k * (k + 1) / (6 * n))
    pairs = []
    for i in range(k):
        for j in range(i + 1, k):
            diff = abs(r[i] - r[j])
            pairs.append((diff, float(ss.studentized_range.sf(diff / se * math.sqrt(2), k, np.inf))))
    return {"ranks": r, "chi2": chi2, "chi2_p": ss.chi2.sf(chi2, k - 1), "chi2_tc": tie_corrected.statistic,
            "chi2_tc_p": tie_corrected.pvalue, "f": f, "f_p": ss.f.sf(f, k - 1, (k - 1) * (n - 1)),
            "q05": q05, "cd05": q05 * se, "q10": ss.studentized_range.ppf(0.90, k, np.inf) / math.sqrt(2),
            "bd_cd": ss.norm.ppf(1 - 0.05 / (2 * (k - 1))) * se, "pairs": pairs}


# ---------------------------------------------------------------- Weka

def weka_available(allow_install):
    if WEKA_JAR.exists() and shutil.which("javac"):
        return True
    if not allow_install:
        return False
    try:
        apt_install("weka", "default-jdk-headless")
    except subprocess.CalledProcessError as error:
        print(f"Weka not installed ({error}); continuing without it")
        return False
    return WEKA_JAR.exists() and shutil.which("javac") is not None


def weka_pvalues(cases, workdir):
    """cases: list of (id, alpha, ratio, a, b) -> {id: (probability, sigflag)} from Weka's PairedStatsCorrected."""
    subprocess.run(["javac", "-d", str(workdir), "-cp", str(WEKA_JAR), str(WEKA_HELPER)], check=True)
    lines = []
    for case_id, alpha, ratio, a, b in cases:
        lines.append(f"case {case_id} {alpha!r} {ratio!r}")
        lines += [f"{x!r} {y!r}" for x, y in zip(a, b)]
        lines.append("end")
    out = subprocess.run(["java", "-cp", f"{workdir}:{WEKA_JAR}", "WekaCorrectedTTest"], input="\n".join(lines) + "\n",
                         check=True, capture_output=True, text=True).stdout
    result = {}
    for line in out.splitlines():
        case_id, probability, flag, _, _ = line.split()
        result[case_id] = (float(probability), int(flag))
    return result


def weka_marks(fixture, metric, baseline_index, workdir, train_rows, test_rows):
    """Runs weka.experiment.PairedCorrectedTTester on an ARFF of the folds; returns its mark per model."""
    names = [m["name"] for m in fixture["models"]]
    evaluation = fixture["evaluation"]
    per_run = evaluation.get("folds", 1) if evaluation["method"] == "kfold" else 1
    arff = workdir / f"{fixture['name']}-{metric}.arff"
    lines = ["@relation results", "@attribute Key_Dataset {d}", "@attribute Key_Run numeric",
             "@attribute Key_Fold numeric", "@attribute Key_Scheme {" + ",".join(names) + "}",
             "@attribute Key_Scheme_options {none}", "@attribute Key_Scheme_version_ID {1}",
             "@attribute Number_of_training_instances numeric", "@attribute Number_of_testing_instances numeric",
             f"@attribute {metric} numeric", "@data"]
    for model in fixture["models"]:
        for i, value in enumerate(model["metrics"][metric]["folds"]):
            lines.append(f"d,{i // per_run + 1},{i % per_run + 1},{model['name']},none,1,{train_rows},{test_rows},{value!r}")
    arff.write_text("\n".join(lines) + "\n")
    out = subprocess.run(["java", "-cp", str(WEKA_JAR), "weka.experiment.PairedCorrectedTTester", "-t", str(arff),
                          "-c", "9", "-b", str(baseline_index + 1), "-D", "1", "-R", "2", "-F", "3", "-G", "4,5,6",
                          "-S", "0.05", "-csv"], check=True, capture_output=True, text=True).stdout
    row = next(line for line in out.splitlines() if line.startswith("d,"))
    cells = row.split(",")[2:]  # after the dataset name and the baseline's mean: (mean, mark) per other model
    others = [n for i, n in enumerate(names) if i != baseline_index]
    return {name: cells[2 * j + 1].strip("'").strip() for j, name in enumerate(others)}


# ---------------------------------------------------------------- sections

def check_run(dll, path, check, weka_dir):
    fixture = json.loads(path.read_text())
    mine = ours(dll, "run", path)
    runs, ratio = design_of(fixture["evaluation"])
    print(f"\n== {path.name}: {mine['design']['Description']}, n = {runs}, n_test/n_train = {ratio:.6g} ==")
    check.number(f"{path.name} ratio", mine["design"]["TestTrainRatio"], ratio, "formula")

    models = {m["name"]: m["metrics"] for m in fixture["models"]}
    print("95% corrected interval (mean +- t_{n-1,0.975} s sqrt(1/n + ratio)); ours vs scipy:")
    for name, metrics in models.items():
        for metric, values in metrics.items():
            v = np.asarray(values["folds"], float)
            half = ss.t.ppf(0.975, len(v) - 1) * v.std(ddof=1) * math.sqrt(1 / len(v) + ratio)
            s = mine["summaries"][name][metric]
            check.number(f"{path.name} {name} {metric} std", s["std"], float(v.std(ddof=1)), "numpy", rel=1e-12)
            # scipy's t.ppf carries ~1e-10 relative error, hence the looser tolerance on the interval.
            check.number(f"{path.name} {name} {metric} ci_low", s["ci_low"], v.mean() - half, "scipy intervals", rel=1e-9)
            check.number(f"{path.name} {name} {metric} ci_high", s["ci_high"], v.mean() + half, "scipy intervals", rel=1e-9)
            print(f"  {name:10} {metric:9} mean {fmt(s['mean'])}  ours [{fmt(s['ci_low'])}, {fmt(s['ci_high'])}]"
                  f"  scipy [{fmt(v.mean() - half)}, {fmt(v.mean() + half)}]")

    weka = {}
    cases = []
    for section in ("baseline", "all_pairs"):
        for c in mine[section]:
            cases.append((f"{c['a']}|{c['b']}|{c['metric']}", 0.05, ratio, models[c["a"]][c["metric"]]["folds"],
                          models[c["b"]][c["metric"]]["folds"]))
    if weka_dir is not None:
        weka = weka_pvalues(cases, weka_dir)

    for section in ("baseline", "all_pairs"):
        print(f"{'vs baseline ' + fixture['report']['baseline'] if section == 'baseline' else 'all pairs, Holm within metric'}:")
        print(f"  {'a':10} {'b':10} {'metric':9} {'mean_diff':>10} {'t ours':>10} {'t scipy':>10} {'p ours':>12} "
              f"{'p scipy':>12} {'p weka':>12} {'p_holm ours':>12} {'p_holm ref':>12}  significant ours/ref/weka"
              + (" (weka: unadjusted p)" if section == "all_pairs" else ""))
        comparisons = mine[section]
        reference_p = {}
        for c in comparisons:
            key = f"{c['a']}|{c['b']}|{c['metric']}"
            t, p = corrected_ttest(models[c["a"]][c["metric"]]["folds"], models[c["b"]][c["metric"]]["folds"], ratio)
            reference_p[key] = p
            check.number(f"{key} t", c["t"], t, "scipy t-test")
            check.number(f"{key} p", c["p_value"], p, "scipy t-test")
        holm_ref = {}
        if section == "all_pairs":
            for metric in {c["metric"] for c in comparisons}:
                keys = [f"{c['a']}|{c['b']}|{c['metric']}" for c in comparisons if c["metric"] == metric]
                holm_ref.update(zip(keys, holm([reference_p[k] for k in keys])))
        for c in comparisons:
            key = f"{c['a']}|{c['b']}|{c['metric']}"
            t, p = corrected_ttest(models[c["a"]][c["metric"]]["folds"], models[c["b"]][c["metric"]]["folds"], ratio)
            decisive = holm_ref.get(key, p)
            sig_ref = decisive is not None and decisive <= 0.05
            check.same(f"{key} significant", c["significant"], sig_ref, "scipy")
            if section == "all_pairs":
                check.number(f"{key} p_holm", c.get("p_value_holm"), holm_ref[key], "holm")
            weka_text, weka_sig = "-", "-"
            if key in weka:
                probability, flag = weka[key]
                check.number(f"{key} p", c["p_value"], probability, "weka", rel=1e-9)
                sign = 0 if not (c["p_value"] is not None and c["p_value"] <= 0.05) else (1 if c["mean_diff"] > 0 else -1)
                check.same(f"{key} weka sigflag", sign, flag, "weka")
                weka_text, weka_sig = fmt(probability), "yes" if flag != 0 else "no"
            print(f"  {c['a']:10} {c['b']:10} {c['metric']:9} {fmt(c['mean_diff']):>10} {fmt(c['t']):>10} {fmt(t):>10} "
                  f"{fmt(c['p_value']):>12} {fmt(p):>12} {weka_text:>12} {fmt(c.get('p_value_holm')):>12} "
                  f"{fmt(holm_ref.get(key)):>12}  {fmt(c['significant'])}/{fmt(sig_ref)}/{weka_sig}")

    if weka_dir is not None:
        names = list(models)
        baseline = fixture["report"]["baseline"]
        rows = 1000
        if fixture["evaluation"]["method"] == "holdout":
            test_rows = round(rows * fixture["evaluation"]["test_fraction"])
        else:
            test_rows = rows // fixture["evaluation"]["folds"]
        for metric in dict.fromkeys(c["metric"] for c in mine["baseline"]):
            marks = weka_marks(fixture, metric, names.index(baseline), weka_dir, rows - test_rows, test_rows)
            ours_marks = {}
            for c in mine["baseline"]:
                if c["metric"] == metric:
                    ours_marks[c["a"]] = "" if not c["significant"] else ("v" if c["mean_diff"] > 0 else "*")
            check.same(f"{path.name} {metric} PairedCorrectedTTester marks", ours_marks, marks, "weka tester")
            print(f"  PairedCorrectedTTester v/* vs {baseline} on {metric}: weka {marks}  ours {ours_marks}")


def check_experiment(dll, path, check, weka_dir):
    fixture = json.loads(path.read_text())
    mine = ours(dll, "experiment", path)
    metric, baseline = fixture["metric"], fixture["baseline"]
    names = [m["name"] for m in fixture["datasets"][0]["models"]]
    print(f"\n== {path.name}: {len(fixture['datasets'])} datasets x {len(names)} models, {metric}, baseline {baseline} ==")
    marks_ref, means = [], []
    for d, dataset in enumerate(fixture["datasets"]):
        folds = {m["name"]: m["metrics"][metric]["folds"] for m in dataset["models"]}
        _, ratio = design_of(dataset["evaluation"])
        row = []
        for name in names:
            if name == baseline:
                row.append("")
                continue
            _, p = corrected_ttest(folds[name], folds[baseline], ratio)
            diff = np.mean(folds[name]) - np.mean(folds[baseline])
            row.append("" if p is None or p > 0.05 else ("v" if diff > 0 else "*"))
        marks_ref.append(row)
        means.append([float(np.mean(folds[n])) for n in names])
        check.same(f"{path.name} {dataset['name']} marks", mine["marks"][d], row, "scipy")
    wtl_ref = {n: [sum(r[i] == "v" for r in marks_ref), sum(r[i] == "" for r in marks_ref), sum(r[i] == "*" for r in marks_ref)]
               for i, n in enumerate(names) if n != baseline}
    wtl_ours = {n: [v["wins"], v["ties"], v["losses"]] for n, v in mine["win_tie_loss"].items()}
    check.same(f"{path.name} win/tie/loss", wtl_ours, wtl_ref, "scipy")

    weka_rows = {}
    if weka_dir is not None:
        weka_rows = weka_experiment(fixture, weka_dir)
        for d, dataset in enumerate(fixture["datasets"]):
            check.same(f"{path.name} {dataset['name']} marks", mine["marks"][d][1:], weka_rows[dataset["name"]], "weka tester")
        check.same(f"{path.name} (v/ /*)", [wtl_ours[n] for n in names if n != baseline], weka_rows["[v/ /*]"], "weka tester")
    print(f"  {'dataset':14}" + "".join(f"{n:>14}" for n in names) + "   weka marks")
    for d, dataset in enumerate(fixture["datasets"]):
        cells = "".join(f"{mine['means'][d][i]:>12.4f} {mine['marks'][d][i] or ' ':1}" for i in range(len(names)))
        print(f"  {dataset['name']:14}{cells}   {weka_rows.get(dataset['name'], '-')}")
    print(f"  {'(v/ /*)':14}" + " " * 14 + "".join(f"{'/'.join(map(str, wtl_ours[n])):>14}" for n in names if n != baseline)
          + f"   {weka_rows.get('[v/ /*]', '-')}")
    ref = friedman(means, fixture.get("direction") == "lower")
    f = mine["friedman"]
    for label, value, reference in [("chi2_F", f["chi_square"], ref["chi2"]), ("Iman-Davenport F", f["iman_davenport_f"], ref["f"]),
                                    ("Iman-Davenport p", f["iman_davenport_p_value"], ref["f_p"]),
                                    ("Nemenyi CD", mine["nemenyi"]["critical_difference"], ref["cd05"])]:
        check.number(f"{path.name} {label}", value, float(reference), "scipy Friedman")
    print(f"  average ranks {dict(zip(names, np.round(f['average_ranks'], 4)))}; chi2_F {f['chi_square']:.6f} "
          f"(scipy {ref['chi2']:.6f}); F_F {f['iman_davenport_f']:.6f} p {f['iman_davenport_p_value']:.6f} "
          f"(scipy {ref['f']:.6f}, {ref['f_p']:.6f}); CD {mine['nemenyi']['critical_difference']:.6f}")


def weka_experiment(fixture, workdir):
    """PairedCorrectedTTester over all datasets at once: {dataset: [marks of non-baseline models], '[v/ /*]': counts}."""
    names = [m["name"] for m in fixture["datasets"][0]["models"]]
    metric, baseline = fixture["metric"], fixture["baseline"]
    dataset_names = [d["name"] for d in fixture["datasets"]]
    lines = ["@relation experiment", "@attribute Key_Dataset {" + ",".join(dataset_names) + "}",
             "@attribute Key_Run numeric", "@attribute Key_Fold numeric", "@attribute Key_Scheme {" + ",".join(names) + "}",
             "@attribute Key_Scheme_options {none}", "@attribute Key_Scheme_version_ID {1}",
             "@attribute Number_of_training_instances numeric", "@attribute Number_of_testing_instances numeric",
             f"@attribute {metric} numeric", "@data"]
    for dataset in fixture["datasets"]:
        k = dataset["evaluation"]["folds"]
        for model in dataset["models"]:
            for i, value in enumerate(model["metrics"][metric]["folds"]):
                lines.append(f"{dataset['name']},{i // k + 1},{i % k + 1},{model['name']},none,1,{300 * (k - 1)},300,{value!r}")
    arff = workdir / "experiment.arff"
    arff.write_text("\n".join(lines) + "\n")
    out = subprocess.run(["java", "-cp", str(WEKA_JAR), "weka.experiment.PairedCorrectedTTester", "-t", str(arff), "-c", "9",
                          "-b", str(names.index(baseline) + 1), "-D", "1", "-R", "2", "-F", "3", "-G", "4,5,6", "-S", "0.05",
                          "-csv"], check=True, capture_output=True, text=True).stdout
    rows = {}
    for line in out.splitlines():
        cells = [c.strip("'").strip() for c in line.split(",")]
        if cells[0] in dataset_names:
            rows[cells[0]] = [cells[3 + 2 * j] for j in range(len(names) - 1)]
        elif cells[0] == "[v/ /*]":
            rows["[v/ /*]"] = [[int(x) for x in cells[3 + 2 * j].strip("[]").split("/")] for j in range(len(names) - 1)]
    return rows


def check_matrix(dll, path, check):
    fixture = json.loads(path.read_text())
    mine = ours(dll, "matrix", path)
    ref = friedman(fixture["values"], fixture["direction"] == "lower")
    f, nem = mine["friedman"], mine["nemenyi"]
    k, n = len(fixture["models"]), len(fixture["datasets"])
    print(f"\n== {path.name}: {k} models x {n} datasets, {fixture['metric']} ({fixture['direction']} is better) ==")
    rows = [("chi2_F (Demšar, no tie correction)", f["chi_square"], ref["chi2"]),
            ("  p", f["chi_square_p_value"], ref["chi2_p"]),
            ("chi2 tie-corrected (scipy.friedmanchisquare)", f["chi_square_tie_corrected"], ref["chi2_tc"]),
            ("  p", f["chi_square_tie_corrected_p_value"], ref["chi2_tc_p"]),
            ("Iman-Davenport F_F", f["iman_davenport_f"], ref["f"]),
            ("  p", f["iman_davenport_p_value"], ref["f_p"]),
            ("Nemenyi q_0.05", nem["q_alpha"], ref["q05"]),
            ("Nemenyi CD_0.05", nem["critical_difference"], ref["cd05"]),
            ("Nemenyi q_0.10", mine["nemenyi_0.10"]["q_alpha"], ref["q10"]),
            ("Bonferroni-Dunn CD_0.05", mine["bonferroni_dunn_cd"], ref["bd_cd"])]
    rows += [(f"average rank {m}", f["average_ranks"][i], ref["ranks"][i]) for i, m in enumerate(fixture["models"])]
    print(f"  {'figure':46} {'ours':>14} {'scipy':>14}")
    for label, mine_value, ref_value in rows:
        check.number(f"{path.name} {label}", mine_value, float(ref_value), "scipy Friedman", rel=1e-9)
        print(f"  {label:46} {fmt(mine_value, 8):>14} {fmt(float(ref_value), 8):>14}")
    for pair, (diff, p) in zip(nem["pairs"], ref["pairs"]):
        check.number(f"{path.name} nemenyi {pair['a']}-{pair['b']} p", pair["p_value"], p, "scipy Nemenyi p", rel=1e-7, abs_tol=1e-10)
        check.same(f"{path.name} nemenyi {pair['a']}-{pair['b']} sig", pair["significant"], diff >= ref["cd05"], "scipy")
    print(f"  Nemenyi pairs (|R_a - R_b|, p ours / scipy): " + "; ".join(
        f"{p['a']}-{p['b']} {p['rank_difference']:.3f} {fmt(p['p_value'], 4)}/{fmt(r[1], 4)}{' *' if p['significant'] else ''}"
        for p, r in zip(nem["pairs"], ref["pairs"])))
    print(f"  groups not significantly different: {[g['models'] for g in nem['groups']]}")
    if "paper" in fixture:
        paper = fixture["paper"]
        print(f"  Demšar's paper (voting tie broken): chi2_F {paper['chi_square']}, F_F {paper['iman_davenport_f']}, "
              f"CD {paper['critical_difference']} (ours on the tie-broken data: tests/.../FriedmanTestTests)")


def check_distributions(dll, check, workdir):
    grid = {
        "t_two_sided": [[t, df] for t in (0.0, 0.1, 0.5, 1, 2, 2.5, 3, 5, 10, 30) for df in (1, 2, 3, 4, 9, 19, 29, 99, 1000)],
        "t_quantile": [[p, df] for p in (1e-10, 1e-4, 0.001, 0.025, 0.05, 0.3, 0.5, 0.7, 0.95, 0.975, 0.999)
                       for df in (1, 2, 3, 4, 9, 19, 29, 99, 1000)],
        "chi2_sf": [[x, df] for x in (0.1, 1, 5, 9.857142857142857, 20, 50, 100) for df in (1, 2, 3, 5, 10, 30)],
        "f_sf": [[x, d1, d2] for x in (0.5, 1, 2.85, 3.9866666666666664, 10, 50)
                 for d1, d2 in ((1, 4), (3, 39), (5, 50), (9, 90), (2, 1000))],
        "norm_cdf": [[z] for z in (-20, -8, -3, -1, 0, 0.5, 2, 8)],
        "norm_quantile": [[p] for p in (1e-300, 1e-10, 0.01, 0.3, 0.5, 0.975, 1 - 1e-12)],
        "srange_sf": [[q, k] for q in (0.5, 1, 2, 3, 3.63, 5, 8) for k in (2, 3, 4, 5, 10, 20, 50)],
        "srange_quantile": [[p, k] for p in (0.90, 0.95, 0.99) for k in list(range(2, 21)) + [30, 50]],
    }
    probe = workdir / "probe.json"
    probe.write_text(json.dumps(grid))
    mine = ours(dll, "probe", probe)
    refs = {
        "t_two_sided": lambda t, df: 2 * ss.t.sf(t, df),
        "t_quantile": lambda p, df: ss.t.ppf(p, df),
        "chi2_sf": lambda x, df: ss.chi2.sf(x, df),
        "f_sf": lambda x, a, b: ss.f.sf(x, a, b),
        "norm_cdf": lambda z: ss.norm.cdf(z),
        "norm_quantile": lambda p: ss.norm.ppf(p),
        "srange_sf": lambda q, k: ss.studentized_range.sf(q, k, np.inf),
        "srange_quantile": lambda p, k: ss.studentized_range.ppf(p, k, np.inf),
    }
    # scipy's own error sets these: t.ppf is good to ~2e-9 relative, studentized_range.sf(df=inf) to ~1e-9
    # (both checked against mpmath below, where ours is held to 1e-12 and 1e-10).
    tolerance = {"t_quantile": 5e-9, "srange_sf": 1e-7, "srange_quantile": 1e-9}
    print("\n== distribution functions on a grid: largest relative difference, ours vs scipy ==")
    for name, points in grid.items():
        worst = 0.0
        for point, value in zip(points, mine[name]):
            reference = float(refs[name](*point))
            check.number(f"{name}{tuple(point)}", value, reference, "scipy distributions", rel=tolerance.get(name, 1e-11), abs_tol=1e-15)
            if abs(reference) >= 1e-15:
                worst = max(worst, abs(value - reference) / abs(reference))
            elif abs(value - reference) > 1e-15:
                worst = max(worst, abs(value - reference))
        print(f"  {name:16} {len(points):4} points  max rel diff {worst:.2e}")
    if mpmath is not None:
        mpmath.mp.dps = 40
        worst_ours = worst_scipy = 0.0
        for (p, df), value in zip(grid["t_quantile"], mine["t_quantile"]):
            if p == 0.5:
                continue
            nu = mpmath.mpf(df)
            tail = mpmath.mpf(min(p, 1 - p))
            # Solve I_{nu/(nu+t^2)}(nu/2, 1/2) / 2 = tail for x = nu/(nu+t^2), then t = sqrt(nu (1 - x) / x).
            low, high = mpmath.mpf(0), mpmath.mpf(1)
            for _ in range(160):  # bisection: slow but cannot miss; 2^-160 is far below double precision
                x = (low + high) / 2
                if mpmath.betainc(nu / 2, 0.5, 0, x, regularized=True) / 2 > tail:
                    high = x
                else:
                    low = x
            exact = float(mpmath.sqrt(nu * (1 - x) / x)) * (1 if p > 0.5 else -1)
            check.number(f"t_quantile{(p, df)} mpmath", value, exact, "mpmath", rel=1e-12)
            worst_ours = max(worst_ours, abs(value - exact) / abs(exact))
            worst_scipy = max(worst_scipy, abs(float(ss.t.ppf(p, df)) - exact) / abs(exact))
        print(f"  t_quantile vs mpmath (40 digits): ours max rel error {worst_ours:.2e}, scipy's {worst_scipy:.2e}")
        mpmath.mp.dps = 30
        worst_ours = worst_scipy = 0.0
        for (q, k), value in zip(grid["srange_sf"], mine["srange_sf"]):
            # P(R > q) = k * integral phi(z) (Phi(z)^(k-1) - (Phi(z) - Phi(z-q))^(k-1)) dz, by mpmath.quad.
            integrand = lambda z: k * mpmath.npdf(z) * (mpmath.ncdf(z) ** (k - 1) - (mpmath.ncdf(z) - mpmath.ncdf(z - q)) ** (k - 1))
            exact = float(mpmath.quad(integrand, [-mpmath.inf, -5, 0, 5, q, q + 5, mpmath.inf]))
            check.number(f"srange_sf{(q, k)} mpmath", value, exact, "mpmath", rel=1e-10, abs_tol=1e-15)
            worst_ours = max(worst_ours, abs(value - exact) / exact)
            worst_scipy = max(worst_scipy, abs(float(ss.studentized_range.sf(q, k, np.inf)) - exact) / exact)
        print(f"  srange_sf vs mpmath (30 digits): ours max rel error {worst_ours:.2e}, scipy's {worst_scipy:.2e}")
    demsar = {0.05: [1.960, 2.343, 2.569, 2.728, 2.850, 2.949, 3.031, 3.102, 3.164],
              0.10: [1.645, 2.052, 2.291, 2.459, 2.589, 2.693, 2.780, 2.855, 2.920]}
    print("  Nemenyi q_alpha = studentized range quantile(k, inf) / sqrt(2), ours vs Demšar's Table 5a (k = 2..10):")
    for alpha, table in demsar.items():
        values = [v / math.sqrt(2) for (p, k), v in zip(grid["srange_quantile"], mine["srange_quantile"])
                  if abs(p - (1 - alpha)) < 1e-12 and k <= 10]
        for k, (value, published) in enumerate(zip(values, table), start=2):
            check.number(f"q_{alpha} k={k} vs Demšar", round(value, 3), published, "Demšar", rel=0, abs_tol=1.5e-3)
        print(f"    alpha {alpha}: ours " + " ".join(f"{v:.3f}" for v in values) + "\n"
              f"               paper " + " ".join(f"{v:.3f}" for v in table))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-weka", action="store_true", help="skip Weka even if installed")
    args = parser.parse_args()
    print(f"scipy {scipy.__version__}, numpy {np.__version__}, mpmath {getattr(mpmath, '__version__', 'absent')}")
    print(peers.kernel_report())
    print(peers.describe_env(os.environ))
    dll = build_ours()
    check = Checker()
    use_weka = not args.no_weka and weka_available(allow_install=True)
    print(f"Weka: {WEKA_JAR.resolve() if use_weka else 'not used'}")
    with tempfile.TemporaryDirectory() as tmp:
        workdir = pathlib.Path(tmp)
        for path in sorted(FIXTURES.glob("run_*.json")):
            check_run(dll, path, check, workdir if use_weka else None)
        for path in sorted(FIXTURES.glob("matrix_*.json")):
            check_matrix(dll, path, check)
        for path in sorted(FIXTURES.glob("experiment_*.json")):
            check_experiment(dll, path, check, workdir if use_weka else None)
        check_distributions(dll, check, workdir)
    print("\n== summary ==")
    for source, worst in sorted(check.worst.items()):
        print(f"  ours vs {source:20} largest relative difference {worst:.2e}")
    if check.failures:
        print(f"{len(check.failures)} figure(s) out of tolerance:")
        for failure in check.failures[:40]:
            print("  " + failure)
    print(f"mismatches={len(check.failures)}")
    return 1 if check.failures else 0


if __name__ == "__main__":
    sys.exit(main())
