#!/usr/bin/env python3
"""Generates the PyTorch reference fixtures of apps/pytorch-reference (float64, JSON).

Run with Debian's PyTorch: /usr/bin/python3 scripts/generate_fixtures.py (or `npm run fixtures`).
The TypeScript suite only reads the committed fixtures; it never needs Python.
"""

import json
import warnings
import os
import sys

try:
    import torch
except ImportError:
    sys.exit(
        "generate_fixtures.py: PyTorch is not installed for this Python (%s).\n"
        "Install Debian's: apt-get install -y python3-torch libopenblas0-pthread, "
        "then run /usr/bin/python3 scripts/generate_fixtures.py" % sys.executable
    )

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from reference import activations, layers, losses, optimizers  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures")


def write(name, cases):
    path = os.path.join(OUT, name + ".json")
    document = {"generator": "scripts/generate_fixtures.py", "torch": torch.__version__, "cases": cases}
    with open(path, "w") as f:
        json.dump(document, f, separators=(",", ":"))
        f.write("\n")
    print("%-12s %4d cases  %7.1f kB" % (name, len(cases), os.path.getsize(path) / 1024))


def main():
    torch.set_default_dtype(torch.float64)
    torch.set_num_threads(1)
    # kl_div warns that reduction "mean" will change; the fixtures record 1.13's behaviour on purpose.
    warnings.filterwarnings("ignore", message="reduction: .mean. divides")
    os.makedirs(OUT, exist_ok=True)
    write("activations", activations.generate())
    write("losses", losses.generate())
    write("layers", layers.generate())
    write("optimizers", optimizers.generate())


if __name__ == "__main__":
    main()
