"""Peers for `npm run bench`: the same workloads in numpy (and torch when it imports), float64.

Reads a task file written by bench/run.ts (argv[1]) and prints one JSON object on stdout:
{"numpy": {"version", "tasks": [...]}, "torch": {...} or null}. Each task is either
  {"kind": "gd", "H", "lr", "steps", "params"}   full-batch gradient descent on MSE, 1-H-1 ReLU;
  {"kind": "grid", "H", "center", "d1", "d2", "alphas", "betas", "rows"}   losses on a plane.
Parameters use Relief's flat layout: W1 [1 x H], b1 [H], W2 [H x 1], b2 [1]. Only the timed loops are
timed (data loading excluded). The numpy code preallocates its N x H buffers, as a careful user would.
"""
import json
import sys
import time

import numpy as np


def split(p, H):
    p = np.asarray(p, dtype=np.float64)
    return p[0:H].copy(), p[H:2 * H].copy(), p[2 * H:3 * H].copy(), float(p[3 * H])


def numpy_gd(x, y, t):
    H, lr, steps = t["H"], t["lr"], t["steps"]
    N = x.shape[0]
    w, b, v, c = split(t["params"], H)
    Z = np.empty((N, H))
    A = np.empty((N, H))
    G = np.empty((N, H))
    xc = x[:, None]
    t0 = time.perf_counter()
    for _ in range(steps):
        np.multiply(xc, w, out=Z)
        Z += b
        np.maximum(Z, 0.0, out=A)
        e = A @ v
        e += c - y
        g = (2.0 / N) * e
        gv = A.T @ g
        gc = g.sum()
        np.multiply(g[:, None], v, out=G)
        G *= Z > 0
        gw = x @ G
        gb = G.sum(axis=0)
        w -= lr * gw
        b -= lr * gb
        v -= lr * gv
        c -= lr * gc
    seconds = time.perf_counter() - t0
    f = np.maximum(np.multiply(xc, w) + b, 0.0) @ v + c
    return {"seconds": seconds, "steps": steps, "finalLoss": float(np.mean((f - y) ** 2))}


def numpy_grid(x, y, t):
    H = t["H"]
    N = x.shape[0]
    center, d1, d2 = (np.asarray(t[k], dtype=np.float64) for k in ("center", "d1", "d2"))
    alphas, betas = t["alphas"], t["betas"][: t["rows"]]
    Z = np.empty((N, H))
    xc = x[:, None]
    out = []
    t0 = time.perf_counter()
    for beta in betas:
        for alpha in alphas:
            p = center + alpha * d1 + beta * d2
            np.multiply(xc, p[0:H], out=Z)
            Z += p[H:2 * H]
            np.maximum(Z, 0.0, out=Z)
            e = Z @ p[2 * H:3 * H]
            e += p[3 * H] - y
            out.append(float(e @ e) / N)
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "points": len(out), "values": out}


def torch_tasks(x_np, y_np, tasks):
    import torch

    torch.set_default_dtype(torch.float64)
    x = torch.tensor(x_np).reshape(-1, 1)
    y = torch.tensor(y_np).reshape(-1, 1)
    results = []
    for t in tasks:
        H = t["H"]
        if t["kind"] == "gd":
            p = torch.tensor(t["params"])
            W1 = p[0:H].reshape(1, H).clone().requires_grad_()
            b1 = p[H:2 * H].clone().requires_grad_()
            W2 = p[2 * H:3 * H].reshape(H, 1).clone().requires_grad_()
            b2 = p[3 * H:].clone().requires_grad_()
            params = [W1, b1, W2, b2]
            opt = torch.optim.SGD(params, lr=t["lr"])
            t0 = time.perf_counter()
            for _ in range(t["steps"]):
                opt.zero_grad()
                loss = torch.mean((torch.relu(x @ W1 + b1) @ W2 + b2 - y) ** 2)
                loss.backward()
                opt.step()
            seconds = time.perf_counter() - t0
            with torch.no_grad():
                final = torch.mean((torch.relu(x @ W1 + b1) @ W2 + b2 - y) ** 2).item()
            results.append({"seconds": seconds, "steps": t["steps"], "finalLoss": final})
        else:
            center, d1, d2 = (torch.tensor(t[k]) for k in ("center", "d1", "d2"))
            out = []
            t0 = time.perf_counter()
            with torch.no_grad():
                for beta in t["betas"][: t["rows"]]:
                    for alpha in t["alphas"]:
                        p = center + alpha * d1 + beta * d2
                        z = torch.relu(x @ p[0:H].reshape(1, H) + p[H:2 * H])
                        e = z @ p[2 * H:3 * H].reshape(H, 1) + p[3 * H] - y
                        out.append(float((e * e).mean()))
            seconds = time.perf_counter() - t0
            results.append({"seconds": seconds, "points": len(out), "values": out})
    return {"version": torch.__version__, "threads": torch.get_num_threads(), "tasks": results}


def main():
    with open(sys.argv[1]) as f:
        spec = json.load(f)
    x = np.asarray(spec["x"], dtype=np.float64)
    y = np.asarray(spec["y"], dtype=np.float64)
    tasks = spec["tasks"]
    result = {
        "numpy": {
            "version": np.__version__,
            "tasks": [numpy_gd(x, y, t) if t["kind"] == "gd" else numpy_grid(x, y, t) for t in tasks],
        },
        "torch": None,
    }
    try:
        result["torch"] = torch_tasks(x, y, [dict(t, steps=t.get("torchSteps", t.get("steps"))) for t in tasks])
    except ImportError as err:
        result["torchError"] = str(err)
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
