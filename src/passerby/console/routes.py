"""Mounting the console under ``/mod/``: every route with the role it needs.

The console is its own sub-application, so its headers apply to it alone,
after the main site's; each route is wrapped in the checks of the
:class:`~passerby.console.access.Guard` (no middleware, which aiohttp
would run around every route of the server). The table below is the one list of console routes
and who may use them; ``tests/console/test_routes.py`` tries every route
the router knows as nobody, as a moderator and as an admin.
"""

from __future__ import annotations

from collections.abc import Callable

from aiohttp import web

from passerby.clock import Clock
from passerby.cluster.limits import Limiter
from passerby.config import Settings
from passerby.console.access import PREFIX, Access, Guard
from passerby.console.accounts import AccountPolicy, AccountService
from passerby.console.admin import AdminPages
from passerby.console.credentials import Passwords
from passerby.console.dashboard import Dashboard
from passerby.console.lawreports import LawReports
from passerby.console.pages import Pages
from passerby.console.ports import AddressHasher, ConsoleStore
from passerby.console.render import STATIC, Renderer
from passerby.metrics import Metrics
from passerby.safety.lawreport import DEFAULT_INCIDENT, INCIDENT_TYPES, ReporterContact, Submitter
from passerby.safety.moderation_actions import Actions

CONSOLE = web.AppKey("passerby.console", web.Application)
GUARD = web.AppKey("passerby.console.guard", Guard)


def add_console(
    app: web.Application,
    *,
    store: ConsoleStore,
    actions: Actions,
    hasher: AddressHasher,
    clock: Clock,
    settings: Settings,
    passwords: Passwords | None = None,
    submitter: Submitter | None = None,
    metrics: Metrics | None = None,
    login_limit: Limiter | None = None,
    address_of: Callable[[web.Request], str] | None = None,
) -> web.Application:
    """Mount the console at ``/mod/`` on ``app``; the console's sub-application.

    ``submitter`` files law-enforcement report packages with an outside
    service; without one (the default) an admin downloads and files them.
    With ``metrics``, the dashboard's figures are gauges there too.
    ``login_limit`` limits login attempts per address (none without it),
    the address read by ``address_of`` (the door's rule for proxies).
    """
    accounts = AccountService(store, clock, AccountPolicy.from_settings(settings), passwords)
    guard = Guard(accounts, trust_forwarded_for=settings.trust_forwarded_for)
    renderer = Renderer(store, clock)
    pages = Pages(
        accounts=accounts,
        store=store,
        actions=actions,
        hasher=hasher,
        clock=clock,
        guard=guard,
        renderer=renderer,
        login_limit=login_limit,
        address_of=address_of,
    )
    admin = AdminPages(
        accounts=accounts,
        store=store,
        renderer=renderer,
        public_url=settings.public_url,
        actions=actions,
    )
    reports = LawReports(
        store=store,
        actions=actions,
        clock=clock,
        renderer=renderer,
        contact=ReporterContact(
            settings.report_contact_name,
            settings.report_contact_email,
            settings.report_contact_phone,
            url=settings.public_url.strip(),
        ),
        submitter=submitter,
    )
    dashboard = Dashboard(store, clock, renderer)
    if metrics is not None:
        dashboard.register(metrics)
    renderer.add_global("incident_types", INCIDENT_TYPES)
    renderer.add_global("default_incident", DEFAULT_INCIDENT)
    renderer.add_global("report_submitter", reports.submitter_name)
    console = web.Application()
    console.on_response_prepare.append(guard.headers_signal())
    console[GUARD] = guard
    router = console.router
    public, moderator, only_admin = Access.PUBLIC, Access.MODERATOR, Access.ADMIN

    for method, path, handler, access in (
        ("GET", "/login", pages.login_page, public),
        ("POST", "/login", pages.login, public),
        ("GET", "/setup", pages.setup_page, public),
        ("POST", "/setup", pages.setup, public),
        ("POST", "/logout", pages.logout, moderator),
        ("GET", "/", pages.queue, moderator),
        ("POST", "/break", pages.take_break, moderator),
        ("GET", "/case/{case_id}", pages.case_page, moderator),
        ("POST", "/case/{case_id}/claim", pages.handler(pages.claim), moderator),
        ("POST", "/case/{case_id}/release", pages.handler(pages.release), moderator),
        ("POST", "/case/{case_id}/dismiss", pages.handler(pages.dismiss), moderator),
        ("POST", "/case/{case_id}/warn", pages.handler(pages.warn), moderator),
        ("POST", "/case/{case_id}/ban", pages.handler(pages.ban), moderator),
        ("POST", "/case/{case_id}/end-matching", pages.handler(pages.end_matching), moderator),
        ("POST", "/case/{case_id}/low-trust", pages.handler(pages.low_trust), moderator),
        ("POST", "/case/{case_id}/escalate", pages.handler(pages.escalate), moderator),
        ("POST", "/case/{case_id}/child-safety", pages.handler(pages.child_safety), moderator),
        ("POST", "/case/{case_id}/appeal", pages.handler(pages.appeal), moderator),
        ("POST", "/case/{case_id}/confirm", pages.handler(reports.confirm), moderator),
        ("POST", "/ban/{ban_id}/lift", pages.lift_ban, moderator),
        ("GET", "/admin/moderators", admin.moderators, only_admin),
        ("POST", "/admin/moderators", admin.add, only_admin),
        ("POST", "/admin/moderators/{name}/disable", admin.disable, only_admin),
        ("POST", "/admin/moderators/{name}/reset", admin.reset, only_admin),
        ("GET", "/admin/audit", admin.audit, only_admin),
        ("GET", "/admin/dashboard", dashboard.page, only_admin),
        ("GET", "/admin/case/{case_id}/report", reports.download, only_admin),
        ("POST", "/admin/case/{case_id}/report/submit", reports.submit, only_admin),
    ):
        guard.add(router, method, path, handler, access)
    static = router.add_static("/static", STATIC, follow_symlinks=False, show_index=False)
    for route in static:
        guard.declare(route, public)
    guard.check_declared(router)  # a route added past the guard fails closed: no start
    app.add_subapp(PREFIX, console)
    app[CONSOLE] = console
    return console
