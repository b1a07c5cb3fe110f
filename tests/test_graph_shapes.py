"""The ontology, the SHACL shapes, their examples and the JSON-LD context agree with each other.

Adding an example file under ontology/examples/ adds a test case; adding a gk: term without
English and German labels and comments, or using one that the ontology does not define, fails.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyshacl
import pytest
from rdflib import Graph, Literal, Node, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD

from geokg.errors import ShapeViolation
from geokg.graph.validate import (
    ONTOLOGY_DIR,
    SHAPES_PATH,
    _results,
    check,
    load_shapes,
    validate,
)
from geokg.vocab import GK, NIF

ONTOLOGY_IRI = URIRef("https://w3id.org/geokg/ontology")
VALID = sorted((ONTOLOGY_DIR / "examples" / "valid").glob("*.ttl"))
INVALID = sorted((ONTOLOGY_DIR / "examples" / "invalid").glob("*.ttl"))
DECLARATIONS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
                RDF.Property, OWL.NamedIndividual}
GK_TERM = re.compile(r"\bgk:([A-Za-z][A-Za-z0-9_]*)")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "geokg.ttl", format="turtle")


def _expected_message(path: Path) -> str:
    """The `# expect: …` first line of an invalid example: part of the message it must raise."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.match(r"#\s*expect:\s*(.+)", first)
    assert match, f"{path.name} must start with '# expect: <part of the sh:message>'"
    return match.group(1).strip()


def _languages(graph: Graph, subject: Node, predicate: URIRef) -> set[str | None]:
    return {o.language for o in graph.objects(subject, predicate) if isinstance(o, Literal)}


def _declared_gk_terms(ontology: Graph) -> set[URIRef]:
    return {s for s, _, o in ontology.triples((None, RDF.type, None))
            if o in DECLARATIONS and isinstance(s, URIRef) and s.startswith(str(GK))}


# --- examples --------------------------------------------------------------------------------

def test_examples_exist() -> None:
    assert VALID, "no valid example"
    assert len(INVALID) >= 10, "expected one invalid example per rule"


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_example_conforms(path: Path) -> None:
    result = validate(Graph().parse(path, format="turtle"))
    assert result.conforms, result.report_text
    assert result.results == []


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_example_is_rejected_with_its_message(path: Path) -> None:
    expected = _expected_message(path)
    with pytest.raises(ShapeViolation) as raised:
        check(Graph().parse(path, format="turtle"))
    messages = [r["message"] for r in raised.value.results]
    assert any(expected in m for m in messages), f"{expected!r} not in {messages}"
    assert raised.value.report, "the pySHACL report text is kept for the API"


def test_result_rows_and_summary_name_the_focus_node() -> None:
    path = ONTOLOGY_DIR / "examples" / "invalid" / "call-one-participant.ttl"
    with pytest.raises(ShapeViolation) as raised:
        check(Graph().parse(path, format="turtle"))
    row = raised.value.results[0]
    assert set(row) == {"focus", "path", "message", "severity", "value"}
    assert row == {**row, "focus": "http://localhost:5000/event/call",
                   "path": str(GK.participant), "severity": "Violation"}
    assert "http://localhost:5000/event/call" in str(raised.value)


def test_fast_constraint_lookup_reports_what_pyshacl_itself_reports(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """validate.py swaps pySHACL's list of constraint parameters for a frozenset (speed);
    every example must give the same conformance and the same results both ways."""
    import pyshacl.shape
    from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS, CONSTRAINT_PARAMETERS_MAP

    assert isinstance(pyshacl.shape.CONSTRAINT_PARAMS[0], frozenset), "the speed-up is not in effect"
    graphs = [Graph().parse(path, format="turtle") for path in VALID + INVALID]
    fast = [validate(graph) for graph in graphs]
    monkeypatch.setattr(pyshacl.shape, "CONSTRAINT_PARAMS",
                        (list(ALL_CONSTRAINT_PARAMETERS), CONSTRAINT_PARAMETERS_MAP))
    plain = [validate(graph) for graph in graphs]
    assert [(r.conforms, r.results) for r in fast] == [(r.conforms, r.results) for r in plain]


def test_targeted_property_shapes_report_what_the_shapes_as_written_report() -> None:
    """The gate validates with property shapes that carry their node shape's targets
    (speed); on every example the shapes as written must give the same results."""
    as_written = pyshacl.ShapesGraph(Graph().parse(SHAPES_PATH, format="turtle"))
    for path in VALID + INVALID:
        graph = Graph().parse(path, format="turtle")
        conforms, report, _ = pyshacl.validate(graph, shacl_graph=as_written.graph,
                                               inference="none", advanced=False)
        expected = sorted(_comparable(r) for r in _results(report))
        result = validate(graph)
        assert (result.conforms, sorted(_comparable(r) for r in result.results)) == \
            (conforms, expected), path.name


def _comparable(row: dict[str, str]) -> tuple[str, str, str]:
    """A result row without blank node labels, which differ between two parses."""
    path = "_:complex-path" if row["path"].startswith("_:") else row["path"]
    return row["focus"], path, row["message"]


def test_validation_does_not_change_the_graph() -> None:
    graph = Graph().parse(VALID[0], format="turtle")
    before = len(graph)
    check(graph)
    assert len(graph) == before


# --- shapes ----------------------------------------------------------------------------------

def test_shapes_are_parsed_once() -> None:
    assert load_shapes() is load_shapes()


def test_validating_leaves_the_shared_shapes_graph_alone() -> None:
    """Request threads validate at once: none may write into the graph they share."""
    load_shapes.cache_clear()
    before = set(load_shapes())
    validate(Graph().parse(VALID[0], format="turtle"))
    assert set(load_shapes()) == before


def test_every_shape_message_is_in_english_and_german() -> None:
    shapes = load_shapes()
    missing = [s for s in set(shapes.subjects(SH.message, None))
               if not {"en", "de"} <= _languages(shapes, s, SH.message)]
    assert not missing, f"sh:message without @en and @de: {missing}"


def test_every_event_class_is_targeted() -> None:
    """No inference runs, so each event class must be a target of the common event shape."""
    targets = set(load_shapes().objects(None, SH.targetClass))
    for name in ("Call", "Meeting", "Demand", "TerritorialClaim", "Agreement", "Support"):
        assert GK[name] in targets


# --- ontology --------------------------------------------------------------------------------

def test_ontology_has_a_version(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) is not None
    assert isinstance(ontology.value(ONTOLOGY_IRI, OWL.versionIRI), URIRef)


def test_ontology_and_terms_have_english_and_german_label_and_comment(ontology: Graph) -> None:
    terms = _declared_gk_terms(ontology)
    assert len(terms) > 30
    missing = [f"{term} {prop.n3()}" for term in sorted({*terms, ONTOLOGY_IRI})
               for prop in (RDFS.label, RDFS.comment)
               if not {"en", "de"} <= _languages(ontology, term, prop)]
    assert not missing, "terms without @en and @de:\n" + "\n".join(missing)


def test_event_classes_specialise_sem_event(ontology: Graph) -> None:
    sem_event = URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/Event")
    assert (GK.Event, RDFS.subClassOf, sem_event) in ontology
    for name in ("Call", "Meeting", "Demand", "TerritorialClaim", "Agreement", "Support"):
        assert (GK[name], RDFS.subClassOf, GK.Event) in ontology


def _gk_terms_in_graph(graph: Graph) -> set[URIRef]:
    return {n for triple in graph for n in triple
            if isinstance(n, URIRef) and n.startswith(str(GK))}


def _gk_terms_in_model_md() -> set[URIRef]:
    text = (ONTOLOGY_DIR / "MODEL.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```turtle\n(.*?)```", text, flags=re.S)
    assert blocks, "MODEL.md has no turtle block"
    return {GK[name] for block in blocks for name in GK_TERM.findall(block)}


def test_every_gk_term_used_is_defined(ontology: Graph) -> None:
    declared = _declared_gk_terms(ontology)
    used = _gk_terms_in_graph(load_shapes()) | _gk_terms_in_model_md()
    for path in VALID:
        used |= _gk_terms_in_graph(Graph().parse(path, format="turtle"))
    assert not sorted(used - declared), f"undefined gk terms: {sorted(used - declared)}"


# --- JSON-LD context -------------------------------------------------------------------------

def test_context_reads_a_compact_document() -> None:
    context = json.loads((ONTOLOGY_DIR / "context.jsonld").read_text(encoding="utf-8"))
    doc = {
        **context,
        "@graph": [
            {"id": "http://localhost:5000/event/1", "type": "Call",
             "participant": ["http://localhost:5000/entity/russia"],
             "datePrecision": "Day", "earliestBegin": "2025-07-01"},
            {"id": "http://localhost:5000/article/1#char=0,5", "type": "Sentence",
             "beginIndex": "0", "confidence": "0.5"},
        ],
    }
    graph = Graph().parse(data=json.dumps(doc), format="json-ld")
    event = URIRef("http://localhost:5000/event/1")
    sentence = URIRef("http://localhost:5000/article/1#char=0,5")
    assert (event, RDF.type, GK.Call) in graph
    assert (event, GK.participant, URIRef("http://localhost:5000/entity/russia")) in graph
    assert (event, GK.datePrecision, GK.Day) in graph
    assert (sentence, RDF.type, NIF.Sentence) in graph
    begin = graph.value(sentence, NIF.beginIndex)
    assert isinstance(begin, Literal) and begin.datatype == XSD.integer
