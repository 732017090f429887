#!/usr/bin/env python3
"""PyTorch exposes most Tensor methods also as torch functions (torch.asin(x) is x.asin()), many functional ops
too (torch.dropout, torch.conv1d, torch.pdist), and copying forms of the view ops (torch.expand_copy). This writes
dev/jgrad/FunctionForms.java with, for every such name real PyTorch has and Torch itself lacks: static forms of all
of the Tensor method's overloads (the tensor first, named self), the F method's overloads, or the view followed by
a clone. Torch extends FunctionForms, so Torch.asin(x) and static imports of Torch.* find them.

Each form carries its source's documentation: parameter names, description and @param/@return/@throws tags are
read from the Javadoc of the Tensor (or F) method in the sources, with "this tensor" becoming self; so document
the method there and run this again.

Run from the repository root after `./jgrad mvn -o -q compile -pl library`, with PyTorch installed:
    /usr/bin/python3 tools/codegen/function_forms.py
"""
import pathlib, re, subprocess, textwrap
import torch

ROOT = pathlib.Path(__file__).resolve().parents[2]
CLASSES = ROOT / "library/target/classes"
SRC = ROOT / "library/src/main/java/dev/jgrad"
OUT = SRC / "FunctionForms.java"


def camel(name):
    trail = "_" if name.endswith("_") else ""
    parts = (name[:-1] if trail else name).split("_")
    return parts[0] + "".join(p[:1].upper() + p[1:] for p in parts[1:]) + trail


def own_names(cls):
    """The public method names a compiled class declares (Torch's own, which need no generated form)."""
    out = subprocess.run(["javap", "-public", "-cp", str(CLASSES), cls], capture_output=True, text=True,
                         check=True).stdout
    return {m.group(1) for m in re.finditer(r"^\s+public [^(]*?(\w+)\(", out, re.M)}


def split_params(params):
    parts, depth, cur = [], 0, ""
    for ch in params:
        depth += ch == "<"
        depth -= ch == ">"
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    return [tuple(p.strip().rsplit(" ", 1)) for p in parts if p.strip()]


class Method:
    """One public method of a source file: its signature and its Javadoc split into body and block tags."""

    def __init__(self, static, ret, name, params, doc):
        simple = lambda t: re.sub(r"\bdev\.jgrad\.(?=[A-Z])", "", t)  # the generated class lives in dev.jgrad
        self.static, self.ret, self.name = static, simple(ret), name
        self.params = [(simple(t), n) for t, n in split_params(params)]
        lines = [re.sub(r"^\s*\*( |$)", "", l) for l in doc.strip().split("\n")] if doc else []
        text = "\n".join(lines).strip()
        cut = re.search(r"^@(param|return|throws)\b", text, re.M)
        self.body = (text[:cut.start()] if cut else text).strip()
        self.tags = []  # (kind, name or None, text)
        for t in re.split(r"\n(?=@(?:param|return|throws)\b)", text[cut.start():]) if cut else []:
            t = " ".join(t.split())
            kind, rest = t.split(" ", 1)
            if kind in ("@param", "@throws"):
                n, _, rest = rest.partition(" ")
                self.tags.append((kind, n, rest))
            else:
                self.tags.append((kind, None, rest))

    def link_types(self):
        return ", ".join(re.sub(r"<.*>", "", t) for t, _ in self.params)

    def tag(self, kind, name=None):
        return next((t for k, n, t in self.tags if k == kind and n == name), None)


def methods(path):
    src = path.read_text()
    pat = re.compile(r"(?:/\*\*((?:(?!\*/).)*?)\*/\s*\n)?    public (static )?(?:final )?([\w.<>\[\], ?]+?) (\w+)\(([^)]*)\)", re.S)
    return [Method(bool(m.group(2)), m.group(3), m.group(4), m.group(5), m.group(1)) for m in pat.finditer(src)
            if m.group(4) != m.group(3)]


def as_function(text, owner):
    """A method comment's text read from the function's side: this tensor is self, links name their class."""
    text = re.sub(r"\{@link(plain)? #", lambda m: "{@link" + (m.group(1) or "") + " " + owner + "#", text)
    text = re.sub(r"\bthis tensor's\b", "self's", text)
    return re.sub(r"\bthis tensor\b", "self", text)


def comment(lines, tags):
    out = ["    /**"] + ["     * " + l if l else "     *" for l in lines] + ["     *"]
    for t in tags:
        out += ["     * " + w for w in textwrap.wrap(t, 112, subsequent_indent="    ", break_long_words=False,
                                                      break_on_hyphens=False)]
    return "\n".join(out + ["     */"])


def body_lines(m):
    out = []
    for l in m.body.split("\n") if m.body else []:
        out += textwrap.wrap(l, 112, break_long_words=False, break_on_hyphens=False) if len(l) > 112 else [l.rstrip()]
    return out


def tensor_form(torch_name, m, view=None):
    """The static form of Tensor method m (or, for a *_copy name, of view m followed by a clone)."""
    decl = ", ".join(["Tensor self"] + [f"{t} {n}" for t, n in m.params])
    call = ", ".join(n for _, n in m.params)
    link = f"{{@link Tensor#{m.name}({m.link_types()})}}"
    if view is None:
        head = textwrap.wrap(f"{{@code torch.{torch_name}}}: {link} as a function, {{@code self}} standing for the tensor "
                             "the method is called on ({@code this} below):", 112, break_long_words=False, break_on_hyphens=False) + [""]
        text = head + [as_function(l, "Tensor") for l in body_lines(m)]
        ret = as_function(m.tag("@return") or "the result", "Tensor")
        body = f"self.{m.name}({call})"
    else:
        text = textwrap.wrap(f"{{@code torch.{torch_name}}}: {link} of {{@code self}} copied out of the view: the same values "
                             "in new storage, so writes to either leave the other alone.", 112, break_long_words=False,
                             break_on_hyphens=False)
        ret = ("new tensors (not views) with the parts' shapes and values" if m.ret.startswith("java.util.List")
               else "a new tensor (not a view) with the view's shape and values")
        body = (f"self.{m.name}({call}).clone()" if m.ret == "Tensor"
                else f"self.{m.name}({call}).stream().map(Tensor::clone).toList()")
    tags = ["@param self the tensor the method form is called on ({@code input} in PyTorch's signature)"]
    tags += [f"@param {n} " + as_function(m.tag("@param", n) or f"as for {link}", "Tensor") for _, n in m.params]
    if m.ret != "void":
        tags.append("@return " + ret)
    tags += [f"@throws {n} " + as_function(t, "Tensor") for k, n, t in m.tags if k == "@throws"]
    name = camel(torch_name)
    ret_kw = "return " if m.ret != "void" else ""
    return comment(text, tags) + f"\n    public static {m.ret} {name}({decl}) {{ {ret_kw}{body}; }}\n"


def functional_form(torch_name, m):
    """torch.NAME as the F method m: the same arguments, the same comment."""
    decl = ", ".join(f"{t} {n}" for t, n in m.params)
    call = ", ".join(n for _, n in m.params)
    link = f"{{@link dev.jgrad.nn.functional.F#{m.name}({m.link_types()})}}"
    text = textwrap.wrap(f"{{@code torch.{torch_name}}}: the same as {link}:", 112, break_long_words=False,
                         break_on_hyphens=False) + [""]
    text += [re.sub(r"\{@link(plain)? #", lambda x: "{@link" + (x.group(1) or "") + " dev.jgrad.nn.functional.F#", l)
             for l in body_lines(m)]
    fix = lambda t: re.sub(r"\{@link(plain)? #", lambda x: "{@link" + (x.group(1) or "") + " dev.jgrad.nn.functional.F#", t)
    tags = [f"@param {n} " + fix(m.tag("@param", n) or f"as for {link}") for _, n in m.params]
    if m.ret != "void":
        tags.append("@return " + fix(m.tag("@return") or f"what {link} returns"))
    tags += [f"@throws {n} " + fix(t) for k, n, t in m.tags if k == "@throws"]
    return comment(text, tags) + f"\n    public static {m.ret} {camel(torch_name)}({decl}) {{ return dev.jgrad.nn.functional.F.{m.name}({call}); }}\n"


def main():
    torch_names = {n for n in dir(torch) if not n.startswith("_") and callable(getattr(torch, n))}
    by_camel = {camel(n): n for n in torch_names}
    own = own_names("dev.jgrad.Torch")
    tensor = [m for m in methods(SRC / "Tensor.java") if not m.static]
    tensor_names = {m.name for m in tensor}
    wanted = sorted(set(by_camel) & tensor_names - own)
    forms = [tensor_form(by_camel[name], m) for name in wanted for m in tensor if m.name == name]
    done = set(wanted)
    functional = [m for m in methods(SRC / "nn/functional/F.java") if m.static]
    f_wanted = sorted(set(by_camel) & {m.name for m in functional} - own - done)
    forms += [functional_form(by_camel[name], m) for name in f_wanted for m in functional if m.name == name]
    done |= set(f_wanted)
    copies = sorted(n for n in torch_names if n.endswith("_copy") and camel(n[:-5]) in tensor_names
                    and camel(n) not in own and camel(n) not in done)
    for n in copies:
        for m in tensor:
            if m.name == camel(n[:-5]) and (m.ret == "Tensor" or m.ret == "java.util.List<Tensor>"):
                forms.append(tensor_form(n, m, view=True))
                done.add(camel(n))
    OUT.write_text(
        "package dev.jgrad;\n\n"
        "/**\n"
        " * Generated by tools/codegen/function_forms.py: torch-function forms of Tensor methods ({@code torch.asin(x)}\n"
        " * is {@code x.asin()}), of functional ops ({@code torch.dropout}) and copying forms of view ops\n"
        " * ({@code torch.expand_copy}), for every such name PyTorch 1.13 has; {@link Torch} extends this class, so\n"
        " * {@code Torch.asin(x)} and static imports of {@code Torch.*} find them. Each form's comment comes from its\n"
        " * method's.\n"
        " */\n"
        "public abstract class FunctionForms {\n"
        "    FunctionForms() {}\n\n" + "\n".join(forms) + "}\n")
    print(f"{len(done)} names, {len(forms)} overloads -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
