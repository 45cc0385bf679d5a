"""Peers for `npm run bench`: the same workloads in numpy (and torch when it imports), float64.

A line server driven by bench/run.ts, so that each peer's chunks run interleaved with Relief's on the
same shared machine: one JSON request per stdin line, one JSON reply per stdout line.
  {"op": "init", "x", "y", "tasks"}            -> {"numpy": version, "torch": version or null, "threads"}
  {"op": "gd", "lib", "task", "steps"}         -> {"ms", "bestMs"}  more GD steps on that task's state
  {"op": "loss", "lib", "task"}                -> {"loss"}           current full-batch loss
  {"op": "grid", "lib", "task", "row"}         -> {"ms", "bestMs", "values"}   one row of a loss grid
Every step and every grid point is timed on its own; bestMs is the fastest one (see bench/run.ts).
Tasks: {"kind": "gd", "H", "lr", "params"} (full-batch GD on MSE, 1-H-1 ReLU) or {"kind": "grid", "H",
"center", "d1", "d2", "alphas", "betas"}. Parameters use Relief's flat layout: W1 [1 x H], b1 [H],
W2 [H x 1], b2 [1]. The numpy code preallocates its N x H buffers, as a careful user would; the torch
code is ordinary autograd + torch.optim.SGD. Only the work itself is timed (perf_counter).
"""
import json
import sys
import time

import numpy as np


def split(p, H):
    p = np.asarray(p, dtype=np.float64)
    return p[0:H].copy(), p[H:2 * H].copy(), p[2 * H:3 * H].copy(), float(p[3 * H])


class NumpyGd:
    def __init__(self, x, y, t):
        self.x, self.y, self.lr, self.H = x, y, t["lr"], t["H"]
        self.w, self.b, self.v, self.c = split(t["params"], self.H)
        N = x.shape[0]
        self.Z, self.A, self.G = (np.empty((N, self.H)) for _ in range(3))
        self.xc = x[:, None]

    def steps(self, n):
        x, y, lr, Z, A, G, w, b, v = self.x, self.y, self.lr, self.Z, self.A, self.G, self.w, self.b, self.v
        N = x.shape[0]
        for _ in range(n):
            np.multiply(self.xc, w, out=Z)
            np.add(Z, b, out=Z)
            np.maximum(Z, 0.0, out=A)
            e = A @ v
            e += self.c - y
            g = (2.0 / N) * e
            gv = A.T @ g
            gc = g.sum()
            np.multiply(g[:, None], v, out=G)
            np.multiply(G, Z > 0, out=G)
            gw = x @ G
            gb = G.sum(axis=0)
            w -= lr * gw
            b -= lr * gb
            v -= lr * gv
            self.c -= lr * gc

    def loss(self):
        f = np.maximum(np.multiply(self.xc, self.w) + self.b, 0.0) @ self.v + self.c
        return float(np.mean((f - self.y) ** 2))


class NumpyGrid:
    def __init__(self, x, y, t):
        self.x, self.y, self.t, self.H = x, y, t, t["H"]
        self.center, self.d1, self.d2 = (np.asarray(t[k], dtype=np.float64) for k in ("center", "d1", "d2"))
        self.Z = np.empty((x.shape[0], self.H))
        self.xc = x[:, None]

    def row(self, i):
        H, Z, N, beta = self.H, self.Z, self.x.shape[0], self.t["betas"][i]
        out, times = [], []
        for alpha in self.t["alphas"]:
            t0 = time.perf_counter()
            p = self.center + alpha * self.d1 + beta * self.d2
            np.multiply(self.xc, p[0:H], out=Z)
            np.add(Z, p[H:2 * H], out=Z)
            np.maximum(Z, 0.0, out=Z)
            e = Z @ p[2 * H:3 * H]
            e += p[3 * H] - self.y
            out.append(float(e @ e) / N)
            times.append(1000 * (time.perf_counter() - t0))
        return out, times


def torch_classes():
    import torch

    torch.set_default_dtype(torch.float64)

    class TorchGd:
        def __init__(self, x, y, t):
            H = t["H"]
            self.x = torch.tensor(x).reshape(-1, 1)
            self.y = torch.tensor(y).reshape(-1, 1)
            p = torch.tensor(t["params"])
            self.W1 = p[0:H].reshape(1, H).clone().requires_grad_()
            self.b1 = p[H:2 * H].clone().requires_grad_()
            self.W2 = p[2 * H:3 * H].reshape(H, 1).clone().requires_grad_()
            self.b2 = p[3 * H:].clone().requires_grad_()
            self.opt = torch.optim.SGD([self.W1, self.b1, self.W2, self.b2], lr=t["lr"])

        def _loss(self):
            return torch.mean((torch.relu(self.x @ self.W1 + self.b1) @ self.W2 + self.b2 - self.y) ** 2)

        def steps(self, n):
            for _ in range(n):
                self.opt.zero_grad()
                self._loss().backward()
                self.opt.step()

        def loss(self):
            with torch.no_grad():
                return self._loss().item()

    class TorchGrid:
        def __init__(self, x, y, t):
            self.x = torch.tensor(x).reshape(-1, 1)
            self.y = torch.tensor(y).reshape(-1, 1)
            self.t, self.H = t, t["H"]
            self.center, self.d1, self.d2 = (torch.tensor(t[k]) for k in ("center", "d1", "d2"))

        def row(self, i):
            H, beta, out, times = self.H, self.t["betas"][i], [], []
            with torch.no_grad():
                for alpha in self.t["alphas"]:
                    t0 = time.perf_counter()
                    p = self.center + alpha * self.d1 + beta * self.d2
                    z = torch.relu(self.x @ p[0:H].reshape(1, H) + p[H:2 * H])
                    e = z @ p[2 * H:3 * H].reshape(H, 1) + p[3 * H] - self.y
                    out.append(float((e * e).mean()))
                    times.append(1000 * (time.perf_counter() - t0))
            return out, times

    return torch, TorchGd, TorchGrid


def main():
    state = {}
    for line in sys.stdin:
        req = json.loads(line)
        op = req["op"]
        if op == "init":
            x = np.asarray(req["x"], dtype=np.float64)
            y = np.asarray(req["y"], dtype=np.float64)
            libs = {"numpy": (NumpyGd, NumpyGrid)}
            reply = {"numpy": np.__version__, "torch": None}
            try:
                torch, TorchGd, TorchGrid = torch_classes()
                libs["torch"] = (TorchGd, TorchGrid)
                reply["torch"] = torch.__version__
                reply["threads"] = torch.get_num_threads()
            except ImportError as err:
                reply["torchError"] = str(err)
            for lib, (Gd, Grid) in libs.items():
                state[lib] = [(Gd if t["kind"] == "gd" else Grid)(x, y, t) for t in req["tasks"]]
        elif op == "gd":
            job = state[req["lib"]][req["task"]]
            times = []
            for _ in range(req["steps"]):
                t0 = time.perf_counter()
                job.steps(1)
                times.append(1000 * (time.perf_counter() - t0))
            reply = {"ms": sum(times), "bestMs": min(times)}
        elif op == "loss":
            reply = {"loss": state[req["lib"]][req["task"]].loss()}
        elif op == "grid":
            job = state[req["lib"]][req["task"]]
            values, times = job.row(req["row"])
            reply = {"ms": sum(times), "bestMs": min(times), "values": values}
        elif op == "exit":
            break
        else:
            reply = {"error": f"unknown op {op}"}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
