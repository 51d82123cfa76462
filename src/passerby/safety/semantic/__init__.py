"""The semantic tier: grooming-like messages found by meaning, not by keywords.

Each message a person sends is embedded (a multilingual sentence encoder)
and compared with the nearest harmful and safe examples of an index; a
speaker's scores over a conversation, and over a device's chats, make a
*pattern*; a pattern strong enough becomes the ``semantic`` signal, which
raises the conversation's risk and may open a review case through the
rules engine. It never holds, ends or bans on its own.

Glossary (one word per concept):

* **example**: a labelled sentence of the index (``harmful`` or ``safe``,
  with a category); shipped in ``examples.jsonl``, extended by an operator
  with ``passerby index add``.
* **index**: the examples' unit vectors, harmful and safe apart.
* **score**: one message's affinity to the harmful examples (0: none).
* **pattern**: a speaker's scores taken together (:mod:`.pattern`), kept
  per speaker-in-chat and per device by the worker (:mod:`.speakers`).
* **backlog**: messages waiting for the worker, bounded (:mod:`.backlog`).
* **window**: the time messages gather before they leave as one batch.
* **worker**: the process that embeds, scores and reads the patterns, off
  the relay's event loop (:mod:`.worker`); **tier**: the server's side of
  it (:mod:`.tier`); **tap**: one connection's way into the tier.

Modules: :mod:`.examples` (the data), :mod:`.embedder` (the model, checked
by hash), :mod:`.scorer` (pure scoring), :mod:`.pattern`, :mod:`.speakers`,
:mod:`.backlog`, :mod:`.frames` (the worker's wire, no numpy: the server's
process never loads the model or numpy), :mod:`.worker`, :mod:`.tier`.
Nothing here logs message text.
"""
