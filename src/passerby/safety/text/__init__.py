"""Text detectors: fold obfuscated chat text, then find risky patterns in it.

:mod:`.normalise` folds a message into forms that are easy to match,
:mod:`.detectors` turns one message into signals, :mod:`.toxicity` scores
insults with a bundled linear model. All of it is pure and per message: no
state between messages, no I/O after construction.
"""

from passerby.safety.text.detectors import TextAnalyser
from passerby.safety.text.normalise import Folded, fold
from passerby.safety.text.toxicity import ToxicityScorer

__all__ = ["Folded", "TextAnalyser", "ToxicityScorer", "fold"]
