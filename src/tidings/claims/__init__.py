"""Claims: who says what about which topic, for or against, read from the same parse as events.

In: a ``Document``, its spaCy ``Doc`` and the resolved mentions (inside ``Pipeline.process``).
Out: ``Claim`` records (speaker, relay, topic, stance toward the topic and toward a target actor,
reporting verb, character span, quoted or paraphrased), stored in the ``claims`` table.
``topics`` loads the topic book (``data/topics.yaml``); ``extract`` finds the claims.
"""

from tidings.claims.extract import ClaimExtractor
from tidings.claims.topics import Topic, TopicBook

__all__ = ["ClaimExtractor", "Topic", "TopicBook"]
