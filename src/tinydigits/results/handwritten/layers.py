"""A hand-in's model classes read from their source with `ast`: the layers `__init__` builds (nn.Conv2d, pools,
BatchNorm2d, Linear, Dropout, inside nn.Sequential or as `self.x = ...`), their parameters and the receptive field at
the head. The code is parsed, never run: a student's file may do anything when imported.

The layers are taken in the order `forward` first uses them where it is a plain chain of `self.x(...)` calls (pools
called as `F.max_pool2d(x, 2)` included), else in the order `__init__` writes them; `unsure` says what could not be
read (a helper that builds a block, a channel count held in a variable), and `params` is None then."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field

# a model class as students name it: Model_1, Model1, Net, Net2, MyModel, S7Model3 ...
MODEL_NAME = re.compile(r"(?:model|net)", re.I)
INPUT_SIZE = 28  # MNIST's side: where feature-map sizes start
KINDS = {"Conv2d": "conv", "MaxPool2d": "maxpool", "AvgPool2d": "avgpool", "AdaptiveAvgPool2d": "gap",
         "AdaptiveMaxPool2d": "gap", "BatchNorm2d": "batchnorm", "Linear": "linear", "Dropout": "dropout",
         "Dropout2d": "dropout", "ReLU": "activation", "ReLU6": "activation", "LeakyReLU": "activation",
         "GELU": "activation", "SiLU": "activation", "Tanh": "activation", "Sigmoid": "activation",
         "Flatten": "shape", "LogSoftmax": "output", "Softmax": "output", "Identity": "shape",
         "GroupNorm": "groupnorm", "LayerNorm": "layernorm", "InstanceNorm2d": "instancenorm"}
FUNCTIONAL_POOLS = {"max_pool2d": "maxpool", "avg_pool2d": "avgpool", "adaptive_avg_pool2d": "gap",
                    "adaptive_max_pool2d": "gap"}
CONV_ARGS = ("in_channels", "out_channels", "kernel_size", "stride", "padding", "dilation", "groups", "bias")
POOL_ARGS = ("kernel_size", "stride", "padding")
UNCOUNTED = " (parameters not counted)"


@dataclass(frozen=True)
class Layer:
    """One module of the model in forward order: its kind (conv, maxpool, avgpool, gap, batchnorm, linear, dropout,
    activation ...), the call as written, what it was given, its parameters, and the receptive field, jump and
    feature-map side after it (from a 28x28 input)."""

    kind: str
    text: str
    in_channels: int | None = None
    out_channels: int | None = None
    kernel: int | None = None
    stride: int = 1
    padding: int = 0
    bias: bool = True
    params: int | None = 0
    rf: int | None = None
    jump: int | None = None
    size: int | None = None


@dataclass(frozen=True)
class Model:
    """A model class as its code writes it: where it was read (a file, a notebook cell, a README block), its layers in
    forward order, their parameters (None where any could not be counted) and the receptive field at the head."""

    name: str
    source: str
    layers: list[Layer] = field(default_factory=list)
    params: int | None = None
    rf: int | None = None
    order: str = "__init__"  # "forward" where forward's chain of calls gave the order
    unsure: list[str] = field(default_factory=list)
    doc: str = ""  # the class's docstring: where a model file's Target / Result / Analysis may be written


def _int(node: ast.AST | None, names: dict[str, object]) -> int | None:
    value = _value(node, names)
    if isinstance(value, tuple) and value and all(isinstance(v, int) for v in value):
        return int(value[0])  # a square kernel written (3, 3): MNIST's convnets have no other
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _value(node: ast.AST | None, names: dict[str, object]) -> object:
    """A constant as written, or a name bound to one in __init__ or its defaults; None where it is computed."""
    if node is None:
        return None
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        return names.get(node.id)
    if isinstance(node, ast.Tuple):
        return tuple(_value(e, names) for e in node.elts)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _value(node.operand, names)
        return -inner if isinstance(inner, int | float) else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult | ast.Add | ast.Sub | ast.FloorDiv):
        left, right = _value(node.left, names), _value(node.right, names)
        if isinstance(left, int) and isinstance(right, int):
            return {ast.Mult: left * right, ast.Add: left + right, ast.Sub: left - right,
                    ast.FloorDiv: left // right if right else None}[type(node.op)]
    return None


def _callee(node: ast.Call) -> str:
    """`nn.Conv2d(...)`, `torch.nn.Conv2d(...)`, `Conv2d(...)` -> "Conv2d"."""
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _args(node: ast.Call, order: tuple[str, ...]) -> dict[str, ast.AST]:
    given = dict(zip(order, node.args, strict=False))
    given.update({k.arg: k.value for k in node.keywords if k.arg})
    return given


def _conv(node: ast.Call, names: dict[str, object], unsure: list[str], text: str) -> Layer:
    """An nn.Conv2d as written: its channels, kernel (a dilated one by its reach), stride, padding, bias, params."""
    a = _args(node, CONV_ARGS)
    cin, cout, k = _int(a.get("in_channels"), names), _int(a.get("out_channels"), names), _int(a.get("kernel_size"), names)
    stride, padding = _int(a.get("stride"), names) or 1, a.get("padding")
    groups = _int(a.get("groups"), names) or 1
    pad = _int(padding, names)
    if isinstance(_value(padding, names), str):  # padding="same"
        pad = (k - 1) // 2 if k and _value(padding, names) == "same" else 0
    bias = _value(a.get("bias"), names) is not False
    dilation = _int(a.get("dilation"), names) or 1
    params = None
    if cin is None or cout is None or k is None:
        unsure.append(f"{text}: channels or kernel not constants")
    else:
        params = cin * cout * k ** 2 // groups + (cout if bias else 0)
    if dilation != 1 and k:
        k = dilation * (k - 1) + 1  # a dilated kernel reaches as far as a wider one
        unsure.append(f"{text}: dilated, its reach counted as a {k}x{k} kernel")
    return Layer("conv", text, cin, cout, k, stride, pad or 0, bias, params)


def _layer(node: ast.Call, names: dict[str, object], unsure: list[str]) -> Layer | None:
    """The module a call builds, or None for a call that is not one (its unknown name noted in `unsure`)."""
    name = _callee(node)
    kind = KINDS.get(name)
    text = ast.unparse(node)
    if kind is None:
        unsure.append(f"{text[:60]}: not a layer this reader knows{UNCOUNTED}")
        return None
    if kind == "conv":
        return _conv(node, names, unsure, text)
    if kind in ("maxpool", "avgpool"):
        a = _args(node, POOL_ARGS)
        k = _int(a.get("kernel_size"), names)
        stride = _int(a.get("stride"), names) or k or 1
        return Layer(kind, text, kernel=k, stride=stride, padding=_int(a.get("padding"), names) or 0)
    if kind == "gap":
        return Layer(kind, text, kernel=None, stride=1)
    if kind == "batchnorm":
        n = _int(node.args[0] if node.args else dict(_args(node, ("num_features",))).get("num_features"), names)
        affine = _value(_args(node, ("num_features", "eps", "momentum", "affine")).get("affine"), names) is not False
        if n is None:
            unsure.append(f"{text}: features not a constant")
        return Layer(kind, text, n, n, params=(2 * n if affine else 0) if n is not None else None)
    if kind == "linear":
        a = _args(node, ("in_features", "out_features", "bias"))
        fin, fout = _int(a.get("in_features"), names), _int(a.get("out_features"), names)
        bias = _value(a.get("bias"), names) is not False
        if fin is None or fout is None:
            unsure.append(f"{text}: features not constants")
        return Layer(kind, text, fin, fout, bias=bias,
                     params=fin * fout + (fout if bias else 0) if fin is not None and fout is not None else None)
    if kind in ("groupnorm", "layernorm", "instancenorm"):
        unsure.append(f"{text}: its parameters are not counted")
        return Layer(kind, text, params=None)
    return Layer(kind, text)


def _modules(node: ast.AST, names: dict[str, object], unsure: list[str]) -> list[Layer]:
    """The layers an expression builds: a single module, or an nn.Sequential's (nested ones flattened)."""
    if isinstance(node, ast.Call) and _callee(node) == "Sequential":
        out = []
        for arg in node.args:
            if isinstance(arg, ast.Starred):
                unsure.append(f"{ast.unparse(arg)[:60]}: a Sequential built from a list{UNCOUNTED}")
                continue
            out += _modules(arg, names, unsure)
        return out
    if isinstance(node, ast.Call):
        layer = _layer(node, names, unsure)
        return [layer] if layer is not None else []
    return []


def _constants(func: ast.FunctionDef) -> dict[str, object]:
    """Names __init__ binds to constants (its defaults, `DROP = 0.01`, `c = 8`): what its layers' arguments may be."""
    names: dict[str, object] = {}
    defaults = func.args.defaults
    for arg, default in zip(func.args.args[len(func.args.args) - len(defaults):], defaults, strict=False):
        names[arg.arg] = _value(default, names)
    for node in ast.walk(func):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            value = _value(node.value, names)
            if value is not None:
                names[node.targets[0].id] = value
    return names


def _init_attrs(init: ast.FunctionDef, unsure: list[str]) -> dict[str, list[Layer]]:
    """`self.x = ...` in __init__, in the order written: each attribute's layers."""
    names = _constants(init)
    attrs: dict[str, list[Layer]] = {}
    for node in ast.walk(init):
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1):
            continue
        target = node.targets[0]
        if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self" \
                and isinstance(node.value, ast.Call):
            attrs[target.attr] = _modules(node.value, names, unsure)
    # ast.walk goes breadth first: put the attributes back in the order the source writes them
    lines = {n.targets[0].attr: n.lineno for n in ast.walk(init) if isinstance(n, ast.Assign) and len(n.targets) == 1
             and isinstance(n.targets[0], ast.Attribute)}
    return dict(sorted(attrs.items(), key=lambda item: lines.get(item[0], 0)))


class _ForwardOrder(ast.NodeVisitor):
    """The order forward evaluates its calls: a call's arguments before the call (`self.pool(self.conv(x))` uses conv
    first), statements top to bottom; a loop or branch makes the order unsure."""

    def __init__(self) -> None:
        self.uses: list[tuple[str, ast.Call]] = []  # ("attr", call) or ("F.max_pool2d", call)
        self.branches = False

    def visit_Call(self, node: ast.Call) -> None:
        for arg in node.args:
            self.visit(arg)
        for keyword in node.keywords:
            self.visit(keyword.value)
        func = node.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "self":
            self.uses.append((func.attr, node))
        elif isinstance(func, ast.Attribute) and func.attr in FUNCTIONAL_POOLS:
            self.uses.append((f"F.{func.attr}", node))
        else:
            self.visit(func)

    def visit_For(self, node: ast.For) -> None:
        self.branches = True
        self.generic_visit(node)

    visit_While = visit_If = visit_For  # type: ignore[assignment]


def _functional_pool(call: ast.Call, kind: str) -> Layer:
    a = _args(call, ("input", "kernel_size", "stride", "padding"))
    k = _int(a.get("kernel_size"), {})
    if kind == "gap":
        return Layer("gap", ast.unparse(call))
    return Layer(kind, ast.unparse(call), kernel=k, stride=_int(a.get("stride"), {}) or k or 1,
                 padding=_int(a.get("padding"), {}) or 0)


def _with_rf(layers: list[Layer]) -> list[Layer]:
    """Each layer with the receptive field, jump and side after it: rf += (k - 1) * jump, jump *= stride; a global
    pool's kernel is the whole map it averages."""
    rf, jump, size = 1, 1, INPUT_SIZE
    out = []
    for layer in layers:
        k = layer.kernel
        if layer.kind == "gap":
            k = size
        if layer.kind in ("conv", "maxpool", "avgpool", "gap") and k is not None and size is not None:
            rf += (k - 1) * jump
            jump *= layer.stride
            size = (size + 2 * layer.padding - k) // layer.stride + 1
        elif layer.kind in ("conv", "maxpool", "avgpool"):
            rf = jump = size = None
        out.append(Layer(**{**layer.__dict__, "rf": rf, "jump": jump, "size": size}))
        if rf is None:
            return out + layers[len(out):]
        if layer.kind == "linear":
            size = None  # past a Linear the map is flat
    return out


def _forward_layers(forward: ast.FunctionDef, attrs: dict[str, list[Layer]], unsure: list[str]) -> list[Layer] | None:
    """The layers in the order forward calls them (a module called twice, twice; a functional pool in its place), or
    None where forward is no plain chain (a loop or a branch) and the order is __init__'s."""
    visitor = _ForwardOrder()
    for stmt in forward.body:
        visitor.visit(stmt)
    if visitor.branches or not any(name in attrs for name, _ in visitor.uses):
        unsure.append("forward is no plain chain of self.x(...) calls: layers and rf in __init__'s order")
        return None
    unused = [name for name in attrs if attrs[name] and name not in {n for n, _ in visitor.uses}]
    if unused:
        unsure.append(f"forward never calls {', '.join(unused)}: counted in params (as model.parameters() does), "
                      "not in the rf")
    layers: list[Layer] = []
    for name, call in visitor.uses:
        if name in attrs:
            layers += attrs[name]
        elif name.startswith("F."):
            layers.append(_functional_pool(call, FUNCTIONAL_POOLS[name[2:]]))
    return layers


def read_class(node: ast.ClassDef, source: str) -> Model:
    unsure: list[str] = []
    methods = {f.name: f for f in node.body if isinstance(f, ast.FunctionDef)}
    init = methods.get("__init__")
    attrs = _init_attrs(init, unsure) if init else {}
    forward = methods.get("forward")
    in_forward = _forward_layers(forward, attrs, unsure) if forward is not None else None
    layers = in_forward if in_forward is not None else [layer for group in attrs.values() for layer in group]
    # parameters are what __init__ builds, each module once, whatever forward does with them (model.parameters())
    built = [layer for group in attrs.values() for layer in group]
    unread = any(u.endswith(UNCOUNTED) for u in unsure)
    params = None if unread or any(layer.params is None for layer in built) else sum(layer.params or 0 for layer in built)
    layers = _with_rf(layers)
    heads = [layer.rf for layer in layers if layer.rf is not None and layer.kind in ("conv", "maxpool", "avgpool", "gap")]
    return Model(node.name, source, layers, params, heads[-1] if heads else None,
                 "forward" if in_forward is not None else "__init__", unsure, ast.get_docstring(node) or "")


def is_model(node: ast.ClassDef) -> bool:
    """A class named like a model (Model_1, Net, Model1) or an nn.Module subclass with a forward."""
    bases = {ast.unparse(b) for b in node.bases}
    has_forward = any(isinstance(f, ast.FunctionDef) and f.name == "forward" for f in node.body)
    return has_forward and (bool(MODEL_NAME.search(node.name)) or bool(bases & {"nn.Module", "torch.nn.Module", "Module"}))


def parse(code: str) -> ast.Module | None:
    """The code's tree, or None where it is not Python: IPython's `%magic` and `!shell` lines are blanked first."""
    lines = ["" if line.lstrip().startswith(("%", "!", "?")) else line for line in code.splitlines()]
    try:
        return ast.parse("\n".join(lines))
    except (SyntaxError, ValueError):
        return None


def read_models(code: str, source: str = "code") -> list[Model]:
    """Every model class the code defines, read from its text (never imported or run); [] where it does not parse."""
    tree = parse(code)
    if tree is None:
        return []
    return [read_class(node, source) for node in ast.walk(tree) if isinstance(node, ast.ClassDef) and is_model(node)]


def file_text(code: str) -> str:
    """The strings a file holds at its top level (its docstring, a closing TARGET / RESULT / ANALYSIS string) and its
    comments: where "each file must have a target, result, analysis block" puts them in a .py file."""
    tree = parse(code)
    strings = [n.value.value for n in tree.body if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant)
               and isinstance(n.value.value, str)] if tree is not None else []
    comments = [line.strip().lstrip("#") for line in code.splitlines() if line.strip().startswith("#")]
    return "\n\n".join([*strings, "\n".join(comments)])


def instantiated(code: str, names: set[str]) -> list[str]:
    """The model classes among `names` the code calls (`model = Model_2().to(device)`, or `Model()` after
    `from models import Model2 as Model`), in the order it calls them."""
    tree = parse(code)
    if tree is None:
        return []
    aliases = {a.asname: a.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
               for a in node.names if a.asname and a.name in names}
    calls = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        called = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
        called = aliases.get(called, called)
        if called in names:
            calls.append((node.lineno, node.col_offset, called))
    return [name for _, _, name in sorted(calls)]
