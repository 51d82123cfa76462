"""Adapters that move bytes: the HTTP server, the WebSocket endpoint, metrics.

Nothing here decides what is allowed; :mod:`passerby.core` does. An adapter
reads a frame, hands it to the core, and carries out the effects it returns.
"""
