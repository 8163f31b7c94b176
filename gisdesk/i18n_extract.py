"""Find every translatable text in gisdesk's Python code, with the context Qt will look it up under.

``pyside6-lupdate`` files a call ``tr("…")`` under the class it is written in, but gisdesk's
modules call a module-level helper with a *fixed* context (``def tr(text): return
QCoreApplication.translate("TasksPanel", text)``), so lupdate's contexts would not match
what runs. This extractor reads the code's syntax tree and understands:

- ``QCoreApplication.translate("Context", "text"[, "disambiguation"])`` (or ``QApplication.``);
- calls of a helper that returns ``QCoreApplication.translate("Context", <its argument>)``,
  defined in the module or imported from another scanned module; where all helpers of the
  scanned code share one context (a plugin), a ``tr`` passed in as an argument uses it too;
- ``self.tr("text")``: the context is the enclosing class (the test suite checks that no
  scanned class subclasses such a class, since Qt would then look under the subclass's name);
- ``QT_TRANSLATE_NOOP("Context", "text")`` / ``translate_noop("Context", "text")``: texts that
  are translated later from a variable (status names, table labels);
- the window's command table: ``Command(id, menu, "text", …, tip="…")`` under ``Commands``.

Standard library only.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

from gisdesk.i18n_catalogue import Message

TRANSLATE_CALLS = {"translate"}  # QCoreApplication.translate / QApplication.translate
NOOP_CALLS = {"QT_TRANSLATE_NOOP", "translate_noop"}
#: Constructors whose literal arguments are texts shown later: name -> (context, positions, keywords)
DATA_CALLS = {"Command": ("Commands", (2,), ("text", "tip"))}


@dataclass
class Extraction:
    """What :func:`extract` found: the messages, helper contexts, classes using ``self.tr`` and
    calls whose text is not a literal (translated at run time from a registered list, or not at all)."""

    messages: dict[tuple[str, str, str], Message] = field(default_factory=dict)
    helpers: dict[str, dict[str, str]] = field(default_factory=dict)  # module -> {helper name: context}
    tr_classes: dict[str, str] = field(default_factory=dict)  # class name -> module
    literal_contexts: set[str] = field(default_factory=set)  # contexts written in translate() calls
    bases: dict[str, set[str]] = field(default_factory=dict)  # class name -> base class names
    dynamic: list[str] = field(default_factory=list)  # "path:line" of non-literal texts

    def add(self, context: str, source: str, comment: str, where: str) -> None:
        key = (context, source, comment)
        msg = self.messages.get(key)
        if msg is None:
            msg = self.messages[key] = Message(context, source, comment)
        msg.locations.append(where)


def _literal(node: ast.AST | None) -> str | None:
    """The string value of a literal (or of literals joined with ``+``), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal(node.left), _literal(node.right)
        if left is not None and right is not None:
            return left + right
    return None


def _call_name(func: ast.AST) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _is_translate(call: ast.Call) -> bool:
    f = call.func
    return (isinstance(f, ast.Attribute) and f.attr in TRANSLATE_CALLS and isinstance(f.value, ast.Name)
            and f.value.id in ("QCoreApplication", "QApplication", "QGuiApplication"))


def _helper_context(fn: ast.FunctionDef) -> str | None:
    """The fixed context of a module-level helper ``def tr(text): return QCoreApplication.translate("Ctx", text)``."""
    if not fn.args.args:
        return None
    param = fn.args.args[0].arg
    for node in ast.walk(fn):
        if isinstance(node, ast.Call) and _is_translate(node) and len(node.args) >= 2:
            ctx = _literal(node.args[0])
            if ctx is not None and isinstance(node.args[1], ast.Name) and node.args[1].id == param:
                return ctx
    return None


def _table_texts(value: ast.AST) -> list[str]:
    """The shown texts of a constant table: a flat tuple/list of strings -> all of them; a dict -> its
    string values; a tuple of tuples -> the last string of each (``(("24h", "Last 24 hours", …), …)``)."""
    if (t := _literal(value)) is not None:
        return [t]
    if isinstance(value, ast.Dict):
        return [t for v in value.values if (t := _literal(v))]
    if isinstance(value, (ast.Tuple, ast.List)):
        out = []
        for el in value.elts:
            if (t := _literal(el)) is not None:
                out.append(t)
            elif isinstance(el, (ast.Tuple, ast.List)):
                strings = [t for e in el.elts if (t := _literal(e)) is not None]
                if strings:
                    out.append(strings[-1])
        return out
    return []


def _tables(tree: ast.Module) -> dict[str, list[str]]:
    """Module-level UPPER_CASE constants that are tables of texts."""
    found = {}
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        value = getattr(node, "value", None)
        for t in targets:
            if isinstance(t, ast.Name) and t.id.isupper() and value is not None and (texts := _table_texts(value)):
                found[t.id] = texts
    return found


def module_name(path: Path, roots: list[Path]) -> str:
    """The dotted import name of ``path`` under one of ``roots`` (the folders on ``sys.path``)."""
    for root in roots:
        try:
            rel = path.resolve().relative_to(root.resolve())
        except ValueError:
            continue
        parts = list(rel.with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        return ".".join(parts)
    return path.stem


def _resolve(module: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")[: -node.level] if node.level else []
    return ".".join(base + ([node.module] if node.module else []))


class _Visitor(ast.NodeVisitor):
    def __init__(self, out: Extraction, where: str, helpers: dict[str, str], tables: dict[str, list[str]],
                 module: str = "") -> None:
        self.out, self.where, self.helpers, self.tables, self.module = out, where, helpers, tables, module
        self.classes: list[str] = []
        self.loops: dict[str, str] = {}  # loop variable -> the table it runs over
        self.noops = set(NOOP_CALLS)
        self.fallback = ""  # the context of a ``tr`` passed as an argument, when the code has only one

    def _loop(self, target: ast.AST, iterable: ast.AST) -> None:
        table = next((n.id if isinstance(n, ast.Name) else n.attr for n in ast.walk(iterable)
                      if isinstance(n, (ast.Name, ast.Attribute)) and (n.id if isinstance(n, ast.Name) else n.attr)
                      in self.tables), None)
        if table:
            for n in ast.walk(target):
                if isinstance(n, ast.Name):
                    self.loops[n.id] = table

    def visit_For(self, node: ast.For) -> None:  # noqa: N802 (ast API)
        self._loop(node.target, node.iter)
        self.generic_visit(node)

    def visit_comprehension(self, node: ast.comprehension) -> None:
        self._loop(node.target, node.iter)
        self.generic_visit(node)

    def _dynamic(self, ctx: str, node: ast.AST, loc: str) -> None:
        """A text from a variable: register the table it comes from, if it is one."""
        names = {n.id if isinstance(n, ast.Name) else n.attr for n in ast.walk(node)
                 if isinstance(n, (ast.Name, ast.Attribute))}
        tables = {self.loops.get(n, n) for n in names} & set(self.tables)
        for table in sorted(tables):
            for text in self.tables[table]:
                self.out.add(ctx, text, "", self.where)
        if not tables:
            self.out.dynamic.append(loc)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:  # noqa: N802 (ast API)
        self.out.bases.setdefault(node.name, set()).update(_call_name(b) for b in node.bases)
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:  # noqa: N802 (ast API)
        if not self.classes and node.name in self.helpers and _helper_context(node) is not None:
            return  # the helper itself: its text is the caller's
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802 (ast API)
        name = _call_name(node.func)
        loc = f"{self.where}:{node.lineno}"
        ctx: str | None = None
        text_node: ast.AST | None = None
        comment = ""
        if _is_translate(node) and len(node.args) >= 2:
            ctx, text_node = _literal(node.args[0]), node.args[1]
            comment = _literal(node.args[2]) or "" if len(node.args) > 2 else ""
            if ctx is not None:
                self.out.literal_contexts.add(ctx)
        elif name in self.noops and len(node.args) >= 2:
            ctx, text_node = _literal(node.args[0]), node.args[1]
        elif isinstance(node.func, ast.Name) and name in self.helpers and node.args:
            ctx, text_node = self.helpers[name], node.args[0]
        elif isinstance(node.func, ast.Name) and name == "tr" and self.fallback and node.args:
            ctx, text_node = self.fallback, node.args[0]  # a ``tr`` handed in as an argument (wording tables)
        elif (isinstance(node.func, ast.Attribute) and name == "tr" and isinstance(node.func.value, ast.Name)
              and node.func.value.id == "self" and self.classes and node.args):
            ctx, text_node = self.classes[-1], node.args[0]
            self.out.tr_classes[ctx] = self.module
        elif isinstance(node.func, ast.Name) and name in DATA_CALLS:
            dctx, positions, keywords = DATA_CALLS[name]
            for i in positions:
                if i < len(node.args) and (text := _literal(node.args[i])):
                    self.out.add(dctx, text, "", self.where)
            for kw in node.keywords:
                if kw.arg in keywords and (text := _literal(kw.value)):
                    self.out.add(dctx, text, "", self.where)
        if ctx is not None and text_node is not None:
            text = _literal(text_node)
            if text is None:
                self._dynamic(ctx, text_node, loc)
            elif text.strip():
                self.out.add(ctx, text, comment, self.where)
        self.generic_visit(node)


def extract(files: list[Path], roots: list[Path], relative_to: Path) -> Extraction:
    """Extract the messages of ``files``; ``roots`` are the import roots (to resolve imported helpers),
    locations are written relative to ``relative_to``."""
    out = Extraction()
    trees: dict[Path, tuple[str, ast.Module]] = {}
    tables: dict[str, dict[str, list[str]]] = {}
    for path in files:
        tree = ast.parse(Path(path).read_text(encoding="utf-8"), str(path))
        mod = module_name(Path(path), roots)
        trees[Path(path)] = (mod, tree)
        tables[mod] = _tables(tree)
        out.helpers[mod] = {fn.name: ctx for fn in tree.body if isinstance(fn, ast.FunctionDef)
                            and (ctx := _helper_context(fn)) is not None}
    for path, (mod, tree) in trees.items():
        helpers = dict(out.helpers[mod])
        known = dict(tables[mod])
        for node in tree.body:
            if isinstance(node, ast.ImportFrom):
                source = out.helpers.get(_resolve(mod, node), {})
                for alias in node.names:
                    if alias.name in source:
                        helpers[alias.asname or alias.name] = source[alias.name]
                    if alias.name in tables.get(_resolve(mod, node), {}):
                        known[alias.asname or alias.name] = tables[_resolve(mod, node)][alias.name]
                    # "from tasks import wording" then wording.STATE_LABELS
                    sub = _resolve(mod, node) + "." + alias.name
                    for name, texts in tables.get(sub, {}).items():
                        known.setdefault(name, texts)
        try:
            where = Path(path).resolve().relative_to(relative_to.resolve()).as_posix()
        except ValueError:
            where = Path(path).as_posix()
        visitor = _Visitor(out, where, helpers, known, mod)
        contexts = {ctx for h in out.helpers.values() for ctx in h.values()}
        visitor.fallback = next(iter(contexts)) if len(contexts) == 1 else ""
        visitor.noops |= {a.asname for n in tree.body if isinstance(n, ast.ImportFrom) for a in n.names
                          if a.name in NOOP_CALLS and a.asname}
        for node in ast.walk(tree):  # loop variables first: a comprehension's element is visited before its loop
            if isinstance(node, (ast.For, ast.comprehension)):
                visitor._loop(node.target, node.iter)
        visitor.visit(tree)
    return out


def python_files(*folders: Path) -> list[Path]:
    """The ``.py`` files under ``folders``, leaving out tests."""
    found: list[Path] = []
    for folder in folders:
        for p in sorted(Path(folder).rglob("*.py")):
            if not any(part in ("tests", "__pycache__", "_shipped") for part in p.parts) and p.name != "conftest.py":
                found.append(p)
    return found
