"""The event stage: PLOVER events from the parse, the lexicon and a learned model.

    lexicon = Lexicon.load(options)            # once per process
    coder = EventCoder(lexicon, options)
    events, skipped = coder.code(doc, article, layer, statements)

How a sentence is coded, one module per step:

- :mod:`.grammar` and :mod:`.modality` read the parse (eventwire relations, :mod:`eventwire.nlp.doc`)
  with one language's word lists (:mod:`.words`, ``data/<lang>/words.toml``): subjects, objects,
  prepositional phrases, negation, future, conditions, the speech verb a clause is reported by;
- :mod:`.match` matches the lexicon (``data/<lang>/lexicon.tsv``) against it, purely;
- :mod:`.find` holds the constructions that find drafts at words (verbs, light verbs and event
  nouns, frames, judgements, obligations), :mod:`.participants` who takes part;
- :mod:`.rules` is an ordered registry of small rules over drafts (ultimatums, operations,
  recipients from content, the codebook's future and negation rules, ...);
- :mod:`.record` turns drafts into :class:`~eventwire.records.Event` records with dates
  (:mod:`.dates`), places (:mod:`.places`) and confidence.

The ontology (``data/plover.json``, ``data/cameo.tsv``) is language-neutral data. A new language is
a parser adapter (:mod:`eventwire.nlp`) plus ``data/<lang>/words.toml`` and ``lexicon.tsv``;
``docs/events.md`` says how.
"""

from __future__ import annotations

from .coder import EventCoder
from .lexicon import Lexicon, Pattern
from .ontology import Ontology
from .words import Words

__all__ = ["EventCoder", "Lexicon", "Ontology", "Pattern", "Words"]
