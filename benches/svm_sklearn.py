"""Peer for the native SVM benchmark: scikit-learn's SVC (libsvm) on the same
fixtures and parameters. Prints {fixture: median ms} as JSON."""
import json
import sys
import time

import numpy as np
from sklearn.svm import SVC

directory, names = sys.argv[1], sys.argv[2:]
out = {}
for name in names:
    f = json.load(open(f"{directory}/{name}.json"))
    X, y, p = np.array(f["X"]), np.array(f["y"]), f["params"]
    runs = 15 if len(X) > 500 else 41
    times = []
    for i in range(runs + 1):
        clf = SVC(C=p["C"], kernel="rbf", gamma=p["gamma"], tol=p["tol"], cache_size=200)
        t0 = time.perf_counter()
        clf.fit(X, y)
        if i:
            times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    out[name] = times[len(times) // 2]
print(json.dumps(out))
