// Python source of the small classes model.py defines for nagare modules that have no torch.nn
// layer of their own. Each takes its child modules as arguments, so their attribute names (and
// with them the state dict's keys) are the nagare model's, and its forward is the nagare forward.

/** The helper classes by the name the generated code calls them. */
export const HELPER_CLASSES: Readonly<Record<string, string>> = {
  Step: `class Step(nn.Module):
    """Heaviside step: 1 where x > 0, else 0 (NaN stays NaN)."""

    def forward(self, x):
        return torch.where(torch.isnan(x), x, (x > 0).to(x.dtype))`,

  Cos: `class Cos(nn.Module):
    """cos(x), elementwise."""

    def forward(self, x):
        return torch.cos(x)`,

  GlobalAvgPool: `class GlobalAvgPool(nn.Module):
    """The mean over every axis after the channel axis: [N, C, ...] -> [N, C]."""

    def forward(self, x):
        return x.mean(dim=tuple(range(2, x.dim())))`,

  Residual: `class Residual(nn.Module):
    """block(x) + shortcut(x), with the identity as the default shortcut."""

    def __init__(self, block, shortcut=None):
        super().__init__()
        self.block = block
        self.shortcut = shortcut

    def forward(self, x):
        skip = x if self.shortcut is None else self.shortcut(x)
        return self.block(x) + skip`,

  ZeroPadShortcut: `class ZeroPadShortcut(nn.Module):
    """ResNet's parameter-free shortcut (option A): every stride-th pixel, zero channels appended."""

    def __init__(self, stride, extra_channels):
        super().__init__()
        self.stride = stride
        self.extra_channels = extra_channels

    def forward(self, x):
        sampled = x[:, :, :: self.stride, :: self.stride]
        return F.pad(sampled, (0, 0, 0, 0, 0, self.extra_channels))`,

  BasicBlock: `class BasicBlock(nn.Module):
    """ResNet's basic block: relu(bn2(conv2(relu(bn1(conv1(x))))) + shortcut(x))."""

    def __init__(self, conv1, bn1, conv2, bn2, downsample=None):
        super().__init__()
        self.conv1 = conv1
        self.bn1 = bn1
        self.conv2 = conv2
        self.bn2 = bn2
        self.downsample = downsample

    def forward(self, x):
        out = self.bn2(self.conv2(F.relu(self.bn1(self.conv1(x)))))
        skip = x if self.downsample is None else self.downsample(x)
        return F.relu(out + skip)`,

  InceptionBlock: `class InceptionBlock(nn.Module):
    """GoogLeNet's Inception module: four branches over the same input, concatenated on channels."""

    def __init__(self, branch1, branch2, branch3, branch4):
        super().__init__()
        self.branch1 = branch1
        self.branch2 = branch2
        self.branch3 = branch3
        self.branch4 = branch4

    def forward(self, x):
        branches = (self.branch1, self.branch2, self.branch3, self.branch4)
        return torch.cat([branch(x) for branch in branches], dim=1)`,

  CharRNN: `class CharRNN(nn.Module):
    """Character language model: embedding -> recurrent layers -> linear head to the vocabulary.
    forward(tokens [N, T], state=None) returns (logits [N, T, vocab], state)."""

    def __init__(self, embedding, rnn, head):
        super().__init__()
        self.embedding = embedding
        self.rnn = rnn
        self.head = head

    def forward(self, tokens, state=None):
        output, state = self.rnn(self.embedding(tokens.long()), state)
        return self.head(output), state`,
};

/**
 * Reading and writing safetensors without the safetensors package (Debian's PyTorch 1.13 has none):
 * the format is an 8-byte little-endian header length, a JSON header and the raw tensor bytes.
 */
export const SAFETENSORS_SOURCE = `_DTYPES = {
    "F64": torch.float64,
    "F32": torch.float32,
    "F16": torch.float16,
    "BF16": torch.bfloat16,
    "I64": torch.int64,
    "I32": torch.int32,
    "I16": torch.int16,
    "I8": torch.int8,
    "U8": torch.uint8,
    "BOOL": torch.bool,
}
_DTYPE_NAMES = {dtype: name for name, dtype in _DTYPES.items()}


def load_safetensors(path):
    """Reads a safetensors file: returns (tensors by name, metadata dict)."""
    if sys.byteorder != "little":
        raise RuntimeError("safetensors holds little-endian data; this reader needs a little-endian machine")
    with open(path, "rb") as file:
        data = file.read()
    (header_size,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + header_size])
    metadata = header.pop("__metadata__", {})
    start = 8 + header_size
    tensors = {}
    for name, entry in header.items():
        begin, end = entry["data_offsets"]
        dtype = _DTYPES[entry["dtype"]]
        # A bytearray copy: torch.frombuffer warns about (and must not share) read-only bytes.
        raw = bytearray(data[start + begin : start + end])
        flat = torch.frombuffer(raw, dtype=dtype) if raw else torch.empty(0, dtype=dtype)
        tensors[name] = flat.reshape(entry["shape"])
    return tensors, metadata


def save_safetensors(tensors, path, metadata=None):
    """Writes tensors (a dict, e.g. a state dict) to a safetensors file, with optional string metadata."""
    header = {"__metadata__": dict(metadata)} if metadata else {}
    chunks = []
    offset = 0
    for name, tensor in tensors.items():
        tensor = tensor.detach().cpu().contiguous()
        raw = tensor.reshape(-1).view(torch.uint8).numpy().tobytes()
        header[name] = {
            "dtype": _DTYPE_NAMES[tensor.dtype],
            "shape": list(tensor.shape),
            "data_offsets": [offset, offset + len(raw)],
        }
        chunks.append(raw)
        offset += len(raw)
    encoded = json.dumps(header, separators=(",", ":")).encode("utf-8")
    encoded += b" " * (-len(encoded) % 8)  # the data starts 8-byte aligned
    temporary = f"{path}.tmp"
    with open(temporary, "wb") as file:
        file.write(struct.pack("<Q", len(encoded)))
        file.write(encoded)
        for raw in chunks:
            file.write(raw)
    os.replace(temporary, path)  # never leaves a half-written file under the real name`;
