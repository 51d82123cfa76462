"""The admins' dashboard: its figures on every engine, its charts, and the
same figures in /metrics."""

from __future__ import annotations

import re

from tests.console.support import ConsoleHarness

from passerby.console.dashboard import CACHE_SECONDS, Dashboard
from passerby.metrics import Metrics
from passerby.safety.moderation_actions import Actor

ANA, BEN = Actor.moderator("ana"), Actor.moderator("ben")


async def busy_day(harness: ConsoleHarness) -> dict[str, str]:
    """Three cases over two hours: one dismissed after 10 minutes (a claim
    first, which is no decision), one escalated after 30, one left open."""
    actions = harness.actions
    first = await harness.report("ann", "bob")
    harness.clock.advance(60)
    await actions.claim_case(ANA, first)
    harness.clock.advance(540)
    await actions.resolve_case(ANA, first, "dismiss")
    harness.clock.advance(3600)
    second = await harness.rule_case("cat", urgent=True)
    harness.clock.advance(1800)
    await actions.escalate_case(BEN, second)
    await actions.add_strike(Actor.rule("insults"), "device-cat", "harassment", "insults")
    third = await harness.report("eve", "fay")
    return {"first": first, "second": second, "third": third}


async def test_the_figures_of_the_last_day(harness: ConsoleHarness) -> None:
    # A case from two days ago counts in the backlog but not in the window.
    await harness.report("old", "older")
    harness.clock.advance(2 * 86400)
    await busy_day(harness)
    found = await harness.store.dashboard_figures(harness.now())
    assert sum(found.opened) == 3 and sum(found.closed) == 1
    assert found.opened[-1] == 2  # the rule's case and the last report, this hour
    assert found.closed[-2] == 1  # the dismissal, an hour and a half ago
    # Ten minutes and thirty: the claim did not count as the first decision.
    assert found.decided == 2 and found.median_first_action == (600 + 1800) / 2
    assert found.by_moderator == {"ana": 2, "ben": 1}  # claim and dismiss; escalate
    # The rule that opened the child-safety case, and the one that struck.
    assert found.by_rule == {"teens-adult-pattern": 1, "insults": 1}
    assert found.backlog == {("report", 1): 2, ("child_safety", 0): 1}


async def test_the_dashboard_page_draws_its_charts(harness: ConsoleHarness) -> None:
    await busy_day(harness)
    ada = await harness.login(await harness.account("ada", "admin"))
    status, text, resp = await ada.get("/mod/admin/dashboard")
    assert status == 200
    assert "script-src 'self'" in resp.headers["Content-Security-Policy"]
    assert "style=" not in text and "<script>" not in text  # nothing inline
    values = [
        (series, int(value))
        for series, value in re.findall(r'data-series="(\w+)" data-value="(\d+)"', text)
    ]
    assert len(values) == 48  # two bars an hour
    assert sum(v for s, v in values if s == "opened") == 3
    assert sum(v for s, v in values if s == "closed") == 1
    assert '<p class="big" id="median">20 min</p>' in text
    assert "priority 0 · child safety" in text and "insults" in text
    mona = await harness.login(await harness.account("mona"))
    assert (await mona.get("/mod/admin/dashboard"))[0] == 403


async def test_the_same_figures_in_metrics_read_at_most_every_few_seconds(
    harness: ConsoleHarness,
) -> None:
    await busy_day(harness)
    metrics = Metrics()
    Dashboard(harness.store, harness.clock, None).register(metrics)
    text = await metrics.render()
    assert 'passerby_mod_cases_last_hour{event="opened"} 2' in text
    assert 'passerby_mod_cases_last_hour{event="closed"} 0' in text
    assert "passerby_mod_median_first_action_seconds 1200" in text
    assert 'passerby_mod_actions_24h{actor="mod",name="ana"} 2' in text
    assert 'passerby_mod_actions_24h{actor="rule",name="insults"} 1' in text
    assert 'passerby_mod_backlog{kind="child_safety",priority="0"} 1' in text
    assert 'passerby_mod_backlog{kind="report",priority="1"} 1' in text
    # A new case shows after the cache's few seconds, not on every scrape.
    await harness.report("gil", "hal")
    assert 'passerby_mod_backlog{kind="report",priority="1"} 1' in await metrics.render()
    harness.clock.advance(CACHE_SECONDS)
    assert 'passerby_mod_backlog{kind="report",priority="1"} 2' in await metrics.render()
