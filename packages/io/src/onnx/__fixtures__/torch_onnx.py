"""ONNX files from PyTorch, and onnx.checker on nagare's own exports (for from-pytorch.test.ts).

    python3 torch_onnx.py export OUT_DIR    For each model defined below and opsets 13 and 17, writes
                                            OUT_DIR/<model>-opset<N>.onnx (torch.onnx.export) and
                                            OUT_DIR/<model>.json: the input and PyTorch's output.
    python3 torch_onnx.py check FILE...     Runs onnx.checker.check_model(full_check=True) on each
                                            file; prints one JSON line per file: its error, or null.
"""
import json
import os
import sys

import warnings

import onnx
import torch
from torch import nn


class Mlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(12, 16), nn.ReLU(), nn.Linear(16, 8), nn.Tanh(), nn.Linear(8, 3))

    def forward(self, x):
        return self.layers(x)


class CnnBatchNorm(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 8, 3, padding=1),
            nn.BatchNorm2d(8),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(8, 8, 3, stride=2, padding=1, bias=False),
            nn.BatchNorm2d(8),
            nn.ReLU(),
            nn.AvgPool2d(2),
        )
        self.head = nn.Linear(8 * 2 * 2, 5)

    def forward(self, x):
        return self.head(torch.flatten(self.features(x), 1))


class LstmModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(6, 10, num_layers=2, batch_first=True)
        self.head = nn.Linear(10, 4)

    def forward(self, x):
        output, _ = self.lstm(x)
        return self.head(output[:, -1])


class ResidualBlock(nn.Module):
    """A small ResNet basic block with a projection shortcut, then pooling and a classifier."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(4, 8, 3, stride=2, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(8)
        self.conv2 = nn.Conv2d(8, 8, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(8)
        self.shortcut = nn.Sequential(nn.Conv2d(4, 8, 1, stride=2, bias=False), nn.BatchNorm2d(8))
        self.fc = nn.Linear(8, 3)

    def forward(self, x):
        out = self.bn2(self.conv2(torch.relu(self.bn1(self.conv1(x)))))
        out = torch.relu(out + self.shortcut(x))
        return self.fc(torch.mean(out, dim=(2, 3)))


MODELS = {
    "mlp": (Mlp, (2, 12)),
    "cnn-batchnorm": (CnnBatchNorm, (2, 3, 16, 16)),
    "lstm": (LstmModel, (2, 5, 6)),
    "resnet-block": (ResidualBlock, (2, 4, 8, 8)),
}


def export(out_dir):
    torch.manual_seed(0)
    for name, (make, shape) in MODELS.items():
        model = make()
        # A few training-mode passes so BatchNorm's running statistics are not the identity.
        with torch.no_grad():
            for _ in range(3):
                model(torch.randn(*shape) * 2 + 0.5)
        model.eval()
        x = torch.randn(*shape)
        with torch.no_grad():
            y = model(x)
        for opset in (13, 17):
            path = os.path.join(out_dir, f"{name}-opset{opset}.onnx")
            torch.onnx.export(model, x, path, opset_version=opset, input_names=["input"], output_names=["output"])
        with open(os.path.join(out_dir, f"{name}.json"), "w", encoding="utf-8") as file:
            json.dump({"input": x.flatten().tolist(), "inputShape": list(x.shape), "output": y.flatten().tolist(), "outputShape": list(y.shape)}, file)


def check(files):
    for path in files:
        try:
            onnx.checker.check_model(onnx.load(path), full_check=True)
            error = None
        except Exception as caught:  # the checker raises ValidationError and InferenceError
            error = f"{type(caught).__name__}: {caught}"
        print(json.dumps({"file": os.path.basename(path), "error": error}), flush=True)


if __name__ == "__main__":
    torch.set_num_threads(1)
    warnings.filterwarnings("ignore")  # torch.onnx.export's shape-inference notes are not findings
    if sys.argv[1] == "export":
        export(sys.argv[2])
    else:
        check(sys.argv[2:])
