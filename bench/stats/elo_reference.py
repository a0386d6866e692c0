#!/usr/bin/python3
"""Reference Elo values for tests/MLPipelines.Core.Tests/Statistics/AggregateViewsTests.cs.

    /usr/bin/python3 bench/stats/elo_reference.py      # needs python3-scipy, python3-sklearn (Debian)

TabArena's Elo (Bradley-Terry MLE over per-dataset battles, ties as half a win, ridge 0.5/(1e6 ln(10)^2) on the
natural-log strengths, 400*log10 scale, a reference model fixed at 1000) computed two independent ways: scipy
minimizing the penalized negative log-likelihood, and scikit-learn's LogisticRegression on the battle table as
TabArena's battle path does (C=1e6; its ridge differs by a factor of 2, negligible unless a model wins everything).
Our C# solves the same problem by Newton steps; the test pins these numbers.
"""
import math, numpy as np
from scipy.optimize import minimize
from sklearn.linear_model import LogisticRegression

RIDGE = 0.5 / (1e6 * math.log(10) ** 2)

def wins_of(rows, higher=True):
    rows = np.asarray(rows, float); k = rows.shape[1]; W = np.zeros(k)
    for r in rows:
        for i in range(k):
            for j in range(k):
                if i != j:
                    W[i] += 0.5 if r[i] == r[j] else (1.0 if ((r[i] > r[j]) == higher) else 0.0)
    return W, rows.shape[0]

def scipy_elo(rows, ref, higher=True):
    W, N = wins_of(rows, higher); k = len(W)
    def f(t):
        ll = W @ t
        for i in range(k):
            for j in range(i + 1, k):
                ll -= N * np.logaddexp(t[i], t[j])
        return -ll + RIDGE * (t @ t)
    res = minimize(f, np.zeros(k), method="BFGS", options={"gtol": 1e-12, "maxiter": 100000})
    t = res.x
    return 1000 + 400 / math.log(10) * (t - t[ref])

def sklearn_elo(rows, ref, higher=True):
    rows = np.asarray(rows, float); k = rows.shape[1]; X = []; Y = []
    for r in rows:
        for i in range(k):
            for j in range(i + 1, k):
                x = np.zeros(k); x[i] = math.log(10); x[j] = -math.log(10)
                if r[i] == r[j]:
                    X += [x, x]; Y += [1, 0]
                else:
                    w = 1 if ((r[i] > r[j]) == higher) else 0
                    X += [x, x]; Y += [w, w]
    lr = LogisticRegression(fit_intercept=False, C=1e6, tol=1e-12, max_iter=100000).fit(np.array(X), np.array(Y))
    e = 400 * lr.coef_[0]
    return 1000 + e - e[ref]

A = [[0.80, 0.82, 0.79, 0.81], [0.90, 0.88, 0.91, 0.90], [0.70, 0.75, 0.72, 0.71], [0.60, 0.61, 0.61, 0.58], [0.95, 0.93, 0.94, 0.96], [0.85, 0.86, 0.84, 0.87]]
print("A scipy  ", list(scipy_elo(A, 0)))
print("A sklearn", list(sklearn_elo(A, 0)))
B = [[0.9, 0.8, 0.7], [0.95, 0.85, 0.9], [0.7, 0.6, 0.65]]


def newton_elo(rows, ref, higher=True):
    """Plain Newton on the same objective: for a separable field the objective is flat near its maximum, where BFGS
    stops early (it gives 3552.8 for x below, at an objective 1.5e-10 worse than Newton's 3550.71)."""
    W, N = wins_of(rows, higher); k = len(W); t = np.zeros(k)
    for _ in range(200):
        P = 1 / (1 + np.exp(t[None, :] - t[:, None]))
        np.fill_diagonal(P, 0)
        g = W - N * P.sum(1) - 2 * RIDGE * t
        C = N * P * P.T
        t = t - np.linalg.solve(-np.diag(C.sum(1) + 2 * RIDGE) + C, g)
    e = 400 / math.log(10) * t
    return 1000 + e - e[ref]


print("B newton ", list(newton_elo(B, 2)))
