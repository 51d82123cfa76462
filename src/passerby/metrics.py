"""A small Prometheus registry, one per server (no global state).

Counters and histograms are updated on the hot path, so they are plain
attribute increments; gauges are read from callbacks only when scraped.
"""

from __future__ import annotations

import bisect
from collections.abc import Awaitable, Callable


class Counter:
    __slots__ = ("help", "name", "value")

    def __init__(self, name: str, help: str) -> None:
        self.name = name
        self.help = help
        self.value = 0

    def inc(self, amount: int = 1) -> None:
        self.value += amount

    def render(self) -> str:
        head = f"# HELP {self.name} {self.help}\n# TYPE {self.name} counter\n"
        return f"{head}{self.name} {self.value}\n"


class LabelledCounter:
    """A counter per combination of label values (few: say, actor kind and action)."""

    __slots__ = ("help", "labels", "name", "values")

    def __init__(self, name: str, help: str, labels: tuple[str, ...]) -> None:
        self.name = name
        self.help = help
        self.labels = labels
        self.values: dict[tuple[str, ...], int] = {}

    def inc(self, *values: str, amount: int = 1) -> None:
        self.values[values] = self.values.get(values, 0) + amount

    def render(self) -> str:
        lines = [f"# HELP {self.name} {self.help}", f"# TYPE {self.name} counter"]
        for values, count in sorted(self.values.items()):
            pairs = ",".join(
                f'{label}="{value}"' for label, value in zip(self.labels, values, strict=True)
            )
            lines.append(f"{self.name}{{{pairs}}} {count}")
        return "\n".join(lines) + "\n"


class Histogram:
    __slots__ = ("buckets", "count", "counts", "help", "name", "sum")

    def __init__(self, name: str, help: str, buckets: tuple[float, ...]) -> None:
        self.name = name
        self.help = help
        self.buckets = buckets
        self.counts = [0] * (len(buckets) + 1)
        self.count = 0
        self.sum = 0.0

    def observe(self, value: float) -> None:
        self.counts[bisect.bisect_left(self.buckets, value)] += 1
        self.count += 1
        self.sum += value

    def render(self) -> str:
        lines = [f"# HELP {self.name} {self.help}", f"# TYPE {self.name} histogram"]
        cumulative = 0
        for bound, n in zip(self.buckets, self.counts, strict=False):
            cumulative += n
            lines.append(f'{self.name}_bucket{{le="{bound:g}"}} {cumulative}')
        lines.append(f'{self.name}_bucket{{le="+Inf"}} {self.count}')
        lines.append(f"{self.name}_sum {self.sum:.6f}")
        lines.append(f"{self.name}_count {self.count}")
        return "\n".join(lines) + "\n"


GaugeReader = Callable[[], Awaitable[float]]
# A family of gauges read together: (label values) -> value, one call per scrape.
FamilyReader = Callable[[], Awaitable[dict[tuple[str, ...], float]]]


def render_family(
    name: str, help: str, labels: tuple[str, ...], values: dict[tuple[str, ...], float]
) -> str:
    lines = [f"# HELP {name} {help}", f"# TYPE {name} gauge"]
    for key, value in sorted(values.items()):
        pairs = ",".join(f'{label}="{_escape(v)}"' for label, v in zip(labels, key, strict=True))
        lines.append(f"{name}{{{pairs}}} {value:g}" if pairs else f"{name} {value:g}")
    return "\n".join(lines) + "\n"


def _escape(value: str) -> str:
    """A label value as the exposition format wants it (a moderator's name is text)."""
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


class Metrics:
    def __init__(self) -> None:
        self.connections = 0
        self.messages_relayed = Counter(
            "passerby_messages_relayed_total", "Chat messages delivered to a partner."
        )
        self.matches = Counter("passerby_matches_total", "Pairs of strangers matched.")
        self.protocol_errors = Counter(
            "passerby_protocol_errors_total", "Client frames refused with an error."
        )
        self.refused_connections = Counter(
            "passerby_refused_connections_total",
            "WebSocket connections closed at once: the server, an address or a device was full.",
        )
        self.work_pauses = Counter(
            "passerby_work_pauses_total",
            "Times a connection was paused for using more than its share of the event loop.",
        )
        self.safety_actions = LabelledCounter(
            "passerby_safety_actions_total",
            "Safety actions taken on this node, by kind of actor (rule, mod, system) and action.",
            ("actor", "action"),
        )
        self.time_to_match = Histogram(
            "passerby_time_to_match_seconds",
            "Seconds a user waited from start to being matched.",
            (0.005, 0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 15, 30, 60, 120),
        )
        # The semantic tier (safety/semantic): messages scored, not scored
        # (reason: "ordinary"/"priority" dropped from a full backlog, "down"
        # lost with a worker, "off" while the tier is off), review cases it
        # asked for, and how far behind the chat its scores arrive.
        self.semantic_scored = Counter(
            "passerby_semantic_scored_total", "Messages the semantic tier scored."
        )
        self.semantic_skipped = LabelledCounter(
            "passerby_semantic_skipped_total",
            "Messages the semantic tier did not score, by reason.",
            ("reason",),
        )
        self.semantic_reviews = Counter(
            "passerby_semantic_reviews_total", "Review cases opened on a semantic signal."
        )
        self.semantic_lag = Histogram(
            "passerby_semantic_lag_seconds",
            "Seconds from a batch's oldest message being sent to its semantic scores"
            " arriving, once per batch.",
            (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
        )
        self._gauges: list[tuple[str, str, GaugeReader]] = []
        self._families: list[tuple[str, str, tuple[str, ...], FamilyReader]] = []
        self._collectors: list[Callable[[], None]] = []

    def gauge(self, name: str, help: str, reader: GaugeReader) -> None:
        self._gauges.append((name, help, reader))

    def gauge_family(
        self, name: str, help: str, labels: tuple[str, ...], reader: FamilyReader
    ) -> None:
        """Gauges with labels, read on scrape (``labels=()``: one unlabelled value)."""
        self._families.append((name, help, labels, reader))

    def collector(self, collect: Callable[[], None]) -> None:
        """Call ``collect`` before each scrape: for counts kept elsewhere on a
        hot path and moved into a counter here only when someone reads them."""
        self._collectors.append(collect)

    async def render(self) -> str:
        for collect in self._collectors:
            collect()
        parts = [
            "# HELP passerby_connections Open WebSocket connections on this node.\n"
            f"# TYPE passerby_connections gauge\npasserby_connections {self.connections}\n"
        ]
        for name, help, reader in self._gauges:
            value = await reader()
            parts.append(f"# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value:g}\n")
        for name, help, labels, family in self._families:
            parts.append(render_family(name, help, labels, await family()))
        for item in (
            self.messages_relayed,
            self.matches,
            self.protocol_errors,
            self.refused_connections,
            self.work_pauses,
            self.safety_actions,
            self.time_to_match,
            self.semantic_scored,
            self.semantic_skipped,
            self.semantic_reviews,
            self.semantic_lag,
        ):
            parts.append(item.render())
        return "".join(parts)
