"""The structure itself: no import cycles between the package's modules, and stages that meet through results.

Every ``import`` statement counts, wherever it stands (module level, inside a function, under
``TYPE_CHECKING``): a cycle hidden in a function is still two modules that each need the other.
"""

from __future__ import annotations

import ast
from pathlib import Path

import listenwell

PACKAGE = Path(listenwell.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The package modules ``path`` imports, by any statement."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name in modules)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            for alias in node.names:  # "from . import _results" imports the module _results
                if f"{target}.{alias.name}" in modules:
                    out.add(f"{target}.{alias.name}")
                elif target in modules:
                    out.add(target)
    out.discard(name)
    return out


def _graph() -> dict[str, set[str]]:
    files = sorted(PACKAGE.rglob("*.py"))
    modules = {_module_name(p) for p in files}
    # compiled modules (``_speedups``: its C source in a checkout, the built file in a wheel) import no module here
    compiled = [*PACKAGE.glob("*.c"), *PACKAGE.glob("*.so"), *PACKAGE.glob("*.pyd")]
    modules |= {f"{PACKAGE.name}.{p.name.split('.')[0]}" for p in compiled}
    graph = {_module_name(p): _imports(p, modules) for p in files}
    return {**dict.fromkeys(modules - graph.keys(), set()), **graph}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected group of modules (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return groups


def test_the_walker_sees_imports() -> None:
    graph = _graph()
    assert "listenwell._loading" in graph["listenwell._listener"]
    assert "listenwell._results" in graph["listenwell._parallel"]  # "from . import _results", inside a function
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycles() -> None:
    assert _cycles(_graph()) == []


def test_the_reviewer_never_sees_the_listener() -> None:
    graph = _graph()
    assert "listenwell._listener" not in graph["listenwell._review"]
    source = (PACKAGE / "_review.py").read_text(encoding="utf-8")
    assert "_listener" not in source and "listener." not in source


def test_the_component_uses_the_public_entry_point() -> None:
    source = (PACKAGE / "component.py").read_text(encoding="utf-8")
    assert "listen_doc(" in source
    assert "._analyze(" not in source and "._check(" not in source


def test_logic_the_issue_found_copied_is_written_once() -> None:
    """One helper each: dropping overlapping spans (``_matching.first_fit``), ending a sentence
    (``_pipeline.ends_sentence``, shared by the default pipeline and a user's), checking ``unless`` phrases
    (``RuleMatcher.cancelled``)."""
    sources = {p.name: p.read_text(encoding="utf-8") for p in sorted(PACKAGE.glob("*.py"))}
    overlap_loops = [name for name, source in sources.items() if "bytearray(" in source]
    assert overlap_loops == ["_matching.py"] and "def first_fit(" in sources["_matching.py"]
    for helper, home in (("def ends_sentence(", "_pipeline.py"), ("def cancelled(", "_matching.py")):
        assert [name for name, source in sources.items() if helper in source] == [home], helper


def test_every_layer_entry_point_has_a_docstring() -> None:
    """Rule tables -> loading -> matching -> analysis -> suggestion / review -> faces: what each layer offers the
    next says what it does."""
    from listenwell import _analysis, _gist, _listener, _loading, _matching, _pipeline, _review, _suggest, component

    entry_points = [
        _loading.load_rules, _loading.check_rules, _pipeline.default_nlp, _pipeline.prepare_tokenizer,
        _pipeline.DocMaker.__call__, _pipeline.DocMaker.pipe, _matching.RuleMatcher.__call__,
        _matching.first_fit, _analysis.Analyzer.analyze, _suggest.Suggester.suggest, _suggest.Suggester.mode,
        _gist.Gist, _review.Reviewer.review, _listener.Listener.analyze, _listener.Listener.analyze_doc,
        _listener.Listener.listen_doc, _listener.Listener.listen, _listener.Listener.listen_many,
        _listener.Listener.analyze_many, _listener.Listener.review, component.ListenwellComponent.__call__,
    ]  # fmt: skip
    # (a method of a mypyc-compiled class names its module through its class)
    modules = [getattr(f, "__module__", None) or f.__objclass__.__module__ for f in entry_points]
    undocumented = [f.__qualname__ for f, m in zip(entry_points, modules, strict=True)
                    if not _source_docstring(m, f.__qualname__)]  # fmt: skip
    assert undocumented == []


def _source_docstring(module: str, qualname: str) -> str:
    """The docstring of ``qualname`` as written in the module's source (a mypyc build of the module keeps no
    ``__doc__`` on its functions; see ``listenwell._compiled``)."""
    path = PACKAGE.parent.joinpath(*module.split(".")).with_suffix(".py")
    node: ast.AST = ast.parse(path.read_text(encoding="utf-8"))
    for name in qualname.split("."):
        node = [  # the last definition: an ``@overload``ed function's stubs come before it
            n for n in ast.iter_child_nodes(node)
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and n.name == name
        ][-1]  # fmt: skip
    assert isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
    return (ast.get_docstring(node) or "").strip()
