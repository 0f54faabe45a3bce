"""newskg: a knowledge graph of places, officials, organisations, deals and events from news.

>>> import kg
>>> graph = kg.build(["data/"])                                   # doctest: +SKIP
>>> graph.query("SELECT ?p ?t WHERE { ?p nkg:holdsPost/nkg:title ?t }")  # doctest: +SKIP
"""
from __future__ import annotations

from .build import build
from .errors import KGError
from .graph import KnowledgeGraph, Result, load
from .model import Article, Entity, Evidence, Extraction

__all__ = ["build", "load", "KnowledgeGraph", "Result", "KGError", "Article", "Entity", "Evidence",
           "Extraction"]
__version__ = "0.1.0"
