"""Benchmarks: a synthetic corpus generator and a harness that measures kgapi beside its ceiling
(raw ``oxigraph serve``) and its floor (rdflib's own engine). Run with ``python -m bench``."""
