"""The safety package: everything that decides whether a chat stays safe.

Detectors (:mod:`passerby.safety.text`) turn one message into
:class:`~passerby.core.signals.Signal` values; :mod:`passerby.safety.risk`
weighs signals over a conversation and a device; the rules engine, evidence,
reports and bans sit beside them and act on what the detectors found. Nothing
here opens a socket or reads a clock: time and text are passed in.
"""
