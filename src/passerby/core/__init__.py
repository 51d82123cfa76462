"""The pure core: protocol messages, chat sessions, matchmaking, rate limits.

Nothing in this package touches a socket, a file or the event loop. It is fed
events and returns effects; tests drive it directly.
"""
