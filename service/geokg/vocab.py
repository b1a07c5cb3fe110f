"""Namespaces of the ontology and the vocabularies it reuses. No logic here."""

from rdflib import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, Namespace
from rdflib.namespace import DefinedNamespace

GK = Namespace("https://w3id.org/geokg/ontology#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
WD = Namespace("http://www.wikidata.org/entity/")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
SCHEMA = Namespace("https://schema.org/")
QB = Namespace("http://purl.org/linked-data/cube#")

PREFIXES: dict[str, Namespace | type[DefinedNamespace]] = {
    "gk": GK,
    "sem": SEM,
    "nif": NIF,
    "wd": WD,
    "geo": GEO,
    "schema": SCHEMA,
    "qb": QB,
    "prov": PROV,
    "dcterms": DCTERMS,
    "skos": SKOS,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
}

__all__ = ["GK", "SEM", "NIF", "WD", "GEO", "SCHEMA", "QB", "PROV", "DCTERMS", "SKOS", "OWL", "RDF",
           "RDFS", "XSD", "PREFIXES"]
