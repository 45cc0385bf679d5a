"""The numpy side of `npm run bench`'s end-to-end section: a script a user would write and run the same
way as the CLI (`python3 bench/numpyGd.py FILE --out OUT`): read a Relief experiment file with explicit
training samples and a 1-H-1 ReLU model, run its first run's full-batch GD (MSE, lr, steps) with
preallocated float64 buffers (bench/peers.py's NumpyGd), write the loss curve as JSON.
Initial parameters: W ~ N(0, 1) in both layers, b = 0, as the experiment's init says (numpy's own
generator, so the loss values differ from Relief's run; the work per step is the same).
"""
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from peers import NumpyGd  # noqa: E402


def main():
    path = sys.argv[1]
    out = sys.argv[sys.argv.index("--out") + 1]
    with open(path, encoding="utf-8") as f:
        e = json.load(f)
    x = np.asarray(e["data"]["train"]["x"], dtype=np.float64)
    y = np.asarray(e["data"]["train"]["y"], dtype=np.float64)
    (H,) = e["model"]["hidden"]
    run = e["runs"][0]
    rng = np.random.default_rng(e.get("seed", 1))
    params = np.zeros(3 * H + 1)
    params[0:H] = rng.standard_normal(H)
    params[2 * H:3 * H] = rng.standard_normal(H)
    gd = NumpyGd(x, y, {"lr": run["optimizer"]["lr"], "H": H, "params": params})
    losses = [gd.loss()]
    gd.steps(run["steps"])
    losses.append(gd.loss())
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"name": run["name"], "steps": run["steps"], "loss": losses}, f)
    sys.stderr.write(f"wrote {out}\n")


if __name__ == "__main__":
    main()
