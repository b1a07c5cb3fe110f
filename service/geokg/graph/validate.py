"""The SHACL gate: an article graph is stored only if it conforms to ontology/shapes.

Ingest calls `check` once per article, so the shapes are parsed once and cached, and pySHACL
runs without inference (the article graph carries the types it needs; the shapes target every
event class explicitly instead of relying on rdfs:subClassOf).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pyshacl
import pyshacl.shape
from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS, CONSTRAINT_PARAMETERS_MAP
from pyshacl.graph_abstraction import DataGraph
from rdflib import Graph, Literal, Node, URIRef
from rdflib.namespace import SH

from geokg.errors import ShapeViolation
from geokg.resources import ONTOLOGY_DIR, SHAPES_FILE

SHAPES_PATH: Path = SHAPES_FILE

#: How many violations the ShapeViolation message lists before "and N more".
_SUMMARY_LIMIT = 3


@dataclass(frozen=True)
class ValidationResult:
    """What the gate found: `results` holds one dict per SHACL result, ready for JSON APIs."""

    conforms: bool
    report_text: str
    results: list[dict[str, str]] = field(default_factory=list)


_OPTIONS = {"inference": "none", "advanced": False, "allow_warnings": True,
            "abort_on_first": False, "inplace": True}


_LOCAL = threading.local()

# pySHACL looks up every predicate of every shape, on every validation, in a *list* of the
# constraint parameters (it caches that list in this module attribute). The same lookups in
# a frozenset took a quarter off the validation of an article graph (bench/ingest.py:
# 11.0 -> 8.3 ms); the order of the constraints comes from the shapes graph, not from this
# collection, so results are unchanged (tests/test_graph_shapes.py validates every example
# both ways). If a pySHACL release drops the attribute, this line only loses its effect.
pyshacl.shape.CONSTRAINT_PARAMS = (frozenset(ALL_CONSTRAINT_PARAMETERS),  # type: ignore[attr-defined]
                                   CONSTRAINT_PARAMETERS_MAP)


def _shapes_graph() -> pyshacl.ShapesGraph:
    """One parsed ShapesGraph per thread: pySHACL fills its caches lazily while validating,
    so sharing one between request threads failed now and then ("SHACL PropertyShape not
    found", seen under 16 concurrent clients)."""
    shapes = getattr(_LOCAL, "shapes", None)
    if shapes is None:
        # rdflib's SimpleMemory store: pySHACL reads the shapes graph hundreds of times per
        # article, and the default store's bookkeeping of contexts (which a shapes graph has
        # none of) made those reads a fifth of the validation time (9.2 -> 7.2 ms per graph).
        graph = Graph(store="SimpleMemory").parse(SHAPES_PATH, format="turtle")
        shapes = _LOCAL.shapes = pyshacl.ShapesGraph(targeted_property_shapes(graph))
    return shapes


_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


def targeted_property_shapes(shapes: Graph) -> Graph:
    """The same shapes, with each property shape of a targeted node shape given the node
    shape's targets instead of hanging from it (changes `shapes` in place, returns it).

    Why: pySHACL validates a property shape reached through sh:property once per focus
    node, but a targeted one once for all its focus nodes; an article has a dozen entities
    and sentences, so this took a fifth off validating it (6.7 -> 5.2 ms per graph). SHACL
    gives both forms the same focus nodes and the same results (tested on every example).
    Node shapes that other shapes refer to (sh:node, sh:and, …) keep their properties.
    """
    for node, _, prop in list(shapes.triples((None, SH.property, None))):
        targets = [(p, o) for p in _TARGETS for o in shapes.objects(node, p)]
        referenced = any(True for _ in shapes.subjects(None, node))
        if targets and not referenced:
            for predicate, target in targets:
                shapes.add((prop, predicate, target))
            shapes.remove((node, SH.property, prop))
    return shapes


@cache
def load_shapes() -> Graph:
    """Parse the shapes once per process; ingest validates every article against them.

    Callers must not modify the returned graph, since it is shared.
    """
    return Graph().parse(SHAPES_PATH, format="turtle")


def validate(graph: Graph) -> ValidationResult:
    """Validate one article graph against the shapes without changing it.

    The parsed shapes (pySHACL's ShapesGraph with its node-shape cache) are built once and
    reused: rebuilding them took a third of the time of validating an article.
    """
    data = DataGraph.from_rdflib(graph)
    shapes = _shapes_graph()
    # pySHACL's Validator adds its system triples to the graph it is given: the thread's own
    # shapes graph, never the process-wide `load_shapes()` one (adding to that from several
    # request threads at once broke rdflib's store: a 500 under 16 concurrent ingests)
    validator = pyshacl.Validator(data, shacl_graph=shapes.graph, options=dict(_OPTIONS))
    validator.shacl_graph = shapes
    run: Callable[[], tuple[bool, Graph, str]] = validator.run  # pySHACL's run is untyped
    conforms, results_graph, report_text = run()
    return ValidationResult(
        conforms=bool(conforms),
        report_text=str(report_text),
        results=_results(results_graph),
    )


def check(graph: Graph) -> ValidationResult:
    """Validate and raise ShapeViolation if the graph does not conform, so nothing is stored."""
    result = validate(graph)
    if not result.conforms:
        raise ShapeViolation(_summary(result.results), result.report_text, result.results)
    return result


def _results(results_graph: Graph) -> list[dict[str, str]]:
    """One dict per sh:ValidationResult, sorted so that reports are stable across runs."""
    rows = [_result_row(results_graph, node)
            for node in results_graph.subjects(predicate=SH.resultSeverity)]
    return sorted(rows, key=lambda r: (r["severity"], r["focus"], r["path"], r["message"]))


def _result_row(results_graph: Graph, node: Node) -> dict[str, str]:
    """Flatten one result; blank nodes (complex paths, anonymous shapes) print as Turtle."""
    return {
        "focus": _text(results_graph.value(node, SH.focusNode)),
        "path": _text(results_graph.value(node, SH.resultPath), results_graph),
        "message": _message(results_graph, node),
        "severity": _local_name(results_graph.value(node, SH.resultSeverity)),
        "value": _text(results_graph.value(node, SH.value)),
    }


def _message(results_graph: Graph, node: Node) -> str:
    """The English sh:message (shapes carry @en and @de), else any, else the component name."""
    messages = [m for m in results_graph.objects(node, SH.resultMessage) if isinstance(m, Literal)]
    for preferred in ("en", None):
        for message in messages:
            if message.language == preferred:
                return str(message)
    if messages:
        return str(messages[0])
    return _local_name(results_graph.value(node, SH.sourceConstraintComponent))


def _text(term: Node | None, graph: Graph | None = None) -> str:
    """A term as a plain string: IRIs and literals by value, other nodes in Turtle syntax."""
    if term is None:
        return ""
    if isinstance(term, URIRef | Literal):
        return str(term)
    return term.n3(graph.namespace_manager) if graph is not None else term.n3()


def _local_name(term: Node | None) -> str:
    """sh:Violation -> "Violation": short enough for logs and JSON."""
    if term is None:
        return ""
    text = str(term)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _summary(results: list[dict[str, str]]) -> str:
    """A one-line message naming the first few violations and their focus nodes."""
    violations = [r for r in results if r["severity"] == "Violation"] or results
    shown = "; ".join(f"{r['focus']}: {r['message']}" for r in violations[:_SUMMARY_LIMIT])
    more = len(violations) - _SUMMARY_LIMIT
    suffix = f" (and {more} more)" if more > 0 else ""
    return f"graph does not conform to the geokg shapes, {len(violations)} violation(s): " \
           f"{shown}{suffix}"


__all__ = ["ONTOLOGY_DIR", "SHAPES_PATH", "ValidationResult", "load_shapes", "validate", "check"]
