#!/usr/bin/env python3
"""Measures how much of PyTorch's user-facing API jgrad covers, per area.

Run from the repository root after a build (it reads library/target/classes with javap):
    /usr/bin/python3 tools/coverage/api_coverage.py [--missing AREA] [--usage DIR]

The PyTorch side is enumerated from the installed torch (1.13 here): public callables of torch, public
methods and properties of torch.Tensor, nn.Module subclasses in torch.nn, torch.nn.functional's own
functions, optimizers, LR schedulers, nn.init, nn.utils, distributions, torch.linalg, torch.special and torch.fft.
torch.special and torch.linalg names count as covered when dev.jgrad.Special / dev.jgrad.Linalg have them. A name counts as covered when
jgrad's public API has its camelCase form (trailing underscore kept) in the matching place.
With --usage DIR, every area is also weighted by how often Python files under DIR call each name.
"""
import argparse, collections, json, inspect, os, re, subprocess, sys
import torch, torch.nn, torch.nn.functional as F, torch.optim, torch.optim.lr_scheduler as lrs
import torch.distributions, torch.nn.init, torch.nn.utils, torch.linalg, torch.special, torch.fft

CLASSES = "library/target/classes"


def camel(name):
    trail = "_" if name.endswith("_") and not name.endswith("__") else ""
    core = name[:-1] if trail else name
    parts = core.split("_")
    return parts[0] + "".join(p[:1].upper() + p[1:] for p in parts[1:]) + trail


# PyTorch names whose Java spelling is not their camelCase (java-api.md: Java keywords, the array bridge).
JAVA_SPELLING = {"float": "toFloat", "double": "toDouble", "long": "toLong", "int": "toInt", "bool": "toBool",
                 "half": "toHalf", "byte": "toByte", "char": "toChar", "short": "toShort", "bfloat16": "toBfloat16",
                 "numpy": "toFloatArray", "from_numpy": "fromArray", "tolist": "toList", "type": "type"}


def spelled(name):
    return JAVA_SPELLING.get(name, camel(name))


def javap(cls):
    out = subprocess.run(["javap", "-public", "-cp", CLASSES, cls], capture_output=True, text=True).stdout
    return {m.group(1) for m in re.finditer(r"\s([A-Za-z_$][\w$]*)\(", out)}


def java_classes(pkg):
    d = os.path.join(CLASSES, pkg.replace(".", "/"))
    return {f[:-6] for f in os.listdir(d) if f.endswith(".class") and "$" not in f} if os.path.isdir(d) else set()


def public(names):
    return sorted(n for n in names if not n.startswith("_"))


def torch_functions():
    out = []
    for n in public(dir(torch)):
        v = getattr(torch, n)
        if callable(v) and not inspect.isclass(v) and not inspect.ismodule(v):
            out.append(n)
    return out


def tensor_methods():
    return [n for n in public(dir(torch.Tensor))]


def subclasses(module, base):
    return [n for n in public(dir(module))
            if inspect.isclass(getattr(module, n)) and issubclass(getattr(module, n), base) and getattr(module, n) is not base]


def functional():
    out = []
    for n in public(dir(F)):
        v = getattr(F, n)
        if callable(v) and not inspect.isclass(v) and not inspect.ismodule(v) and \
                (getattr(v, "__module__", None) in ("torch.nn.functional", "torch._C._nn", None)
                 or type(v).__name__ == "builtin_function_or_method"):
            out.append(n)
    return out


def module_functions(mod):
    return [n for n in public(dir(mod)) if inspect.isfunction(getattr(mod, n))
            and getattr(mod, n).__module__.startswith(mod.__name__)]


def areas():
    tensor = javap("dev.jgrad.Tensor")
    torchm = javap("dev.jgrad.Torch") | javap("dev.jgrad.FunctionForms")
    fm = javap("dev.jgrad.nn.functional.F")
    init = javap("dev.jgrad.nn.init.Init")
    utils = set(torchm)
    for cls in ("ClipGrad", "ConvertParameters", "WeightNorm", "SpectralNorm", "Rnn"):
        if os.path.exists(os.path.join(CLASSES, "dev/jgrad/nn/utils", cls + ".class")):
            utils |= javap("dev.jgrad.nn.utils." + cls)
    special = javap("dev.jgrad.Special") if os.path.exists(os.path.join(CLASSES, "dev/jgrad/Special.class")) else set()
    linalg = javap("dev.jgrad.Linalg") if os.path.exists(os.path.join(CLASSES, "dev/jgrad/Linalg.class")) else set()
    nn = java_classes("dev.jgrad.nn")
    optim = java_classes("dev.jgrad.optim")
    lr = java_classes("dev.jgrad.optim.lr")
    dist = java_classes("dev.jgrad.distributions")
    sched_base = getattr(lrs, "_LRScheduler")
    return {
        "torch.*": (torch_functions(), lambda n: spelled(n) in torchm or n in torchm),
        "Tensor methods": (tensor_methods(), lambda n: spelled(n) in tensor or n in tensor),
        "nn modules": (subclasses(torch.nn, torch.nn.Module), lambda n: n in nn),
        "nn.functional": (functional(), lambda n: camel(n) in fm or n in fm),
        "nn.init": (module_functions(torch.nn.init), lambda n: camel(n) in init),
        "nn.utils": (["clip_grad_norm_", "clip_grad_value_", "parameters_to_vector", "vector_to_parameters",
                      "weight_norm", "remove_weight_norm", "spectral_norm", "remove_spectral_norm", "skip_init",
                      "pack_padded_sequence", "pad_packed_sequence", "pad_sequence", "pack_sequence"],
                     lambda n: camel(n) in utils),
        "optim": (subclasses(torch.optim, torch.optim.Optimizer)
                  + subclasses(lrs, sched_base) + ["ReduceLROnPlateau"],
                  lambda n: n in optim or n in lr),
        "distributions": (subclasses(torch.distributions, torch.distributions.Distribution),
                          lambda n: n in dist),
        "torch.linalg": ([n for n in public(dir(torch.linalg)) if callable(getattr(torch.linalg, n))],
                         lambda n: camel(n) in linalg),
        "torch.special": ([n for n in public(dir(torch.special)) if callable(getattr(torch.special, n))],
                          lambda n: camel(n) in special),
        "torch.fft": ([n for n in public(dir(torch.fft)) if callable(getattr(torch.fft, n))], lambda n: False),
    }


MODULE_PREFIXES = {"torch", "F", "functional", "nn", "init", "optim", "lr_scheduler", "np", "numpy", "os", "math",
                   "sys", "random", "time", "json", "re", "argparse", "parser", "self", "super", "utils", "datasets",
                   "transforms", "str", "path", "plt", "logging", "io", "data", "distributions", "inspect"}
AREA_PATTERNS = {
    "torch.*": [r"\btorch\.(\w+)\s*\("],
    "nn modules": [r"\bnn\.(\w+)\s*\("],
    "nn.functional": [r"\bF\.(\w+)\s*\(", r"\bfunctional\.(\w+)\s*\("],
    "nn.init": [r"\binit\.(\w+)\s*\("],
    "nn.utils": [r"\butils\.(\w+)\s*\("],
    "optim": [r"\boptim\.(\w+)\s*\(", r"\blr_scheduler\.(\w+)\s*\("],
    "distributions": [r"\b([A-Z]\w+)\s*\("],
    "torch.linalg": [r"\blinalg\.(\w+)\s*\("],
    "torch.special": [r"\bspecial\.(\w+)\s*\("],
    "torch.fft": [r"\bfft\.(\w+)\s*\("],
}


def notebook_code(path):
    try:
        nb = json.load(open(path, errors="replace"))
    except ValueError:
        return ""
    return "\n".join("".join(c.get("source", [])) for c in nb.get("cells", []) if c.get("cell_type") == "code")


def usage_counts(root):
    """Per area, how often code under root calls each name, counted where the call's prefix names the area
    (torch.x(...), nn.X(...), F.x(...)); Tensor methods are .x(...) calls on anything that is not a module,
    plus attribute reads of Tensor properties."""
    counts = collections.defaultdict(collections.Counter)
    for dirpath, _, files in os.walk(root):
        for f in files:
            if f.endswith(".py"):
                text = open(os.path.join(dirpath, f), errors="replace").read()
            elif f.endswith(".ipynb"):
                text = notebook_code(os.path.join(dirpath, f))
            else:
                continue
            for area, patterns in AREA_PATTERNS.items():
                for pat in patterns:
                    counts[area].update(re.findall(pat, text))
            for prefix, name in re.findall(r"(\w+|\)|\])\.(\w+)\s*\(", text):
                if prefix not in MODULE_PREFIXES:
                    counts["Tensor methods"][name] += 1
            counts["Tensor methods"].update(
                re.findall(r"\.(T|mT|H|shape|grad|data|requires_grad|is_leaf|dtype|device|ndim)\b(?!\s*\()", text))
    return counts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--missing", help="list the missing names of an area (or 'all')")
    ap.add_argument("--usage", help="directory of Python code to weight names by call counts")
    args = ap.parse_args()
    counts = usage_counts(args.usage) if args.usage else None
    total = covered = weighted = weighted_hit = 0
    print(f"PyTorch {torch.__version__}")
    for area, (names, has) in areas().items():
        hit = [n for n in names if has(n)]
        total += len(names); covered += len(hit)
        line = f"{area:16s} {len(hit):4d} / {len(names):4d}  ({100 * len(hit) / max(1, len(names)):5.1f}%)"
        if counts is not None:
            c = counts[area]
            w = sum(c[n] for n in names); wh = sum(c[n] for n in hit)
            line += f"   usage-weighted {100 * wh / max(1, w):5.1f}% of {w} calls"
        print(line)
        if args.missing in (area, "all"):
            miss = [n for n in names if not has(n)]
            if counts is not None:
                miss.sort(key=lambda n: -counts[area][n])
                print("  missing:", ", ".join(f"{n}({counts[area][n]})" for n in miss))
            else:
                print("  missing:", ", ".join(miss))
    print(f"{'total':16s} {covered:4d} / {total:4d}  ({100 * covered / max(1, total):5.1f}%)")


if __name__ == "__main__":
    sys.exit(main())
