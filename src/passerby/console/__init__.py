"""The moderator console: a separate web UI under ``/mod/`` for the people
who review cases and act on them.

It is a door, like :mod:`passerby.transport`: it reads and changes nothing
itself but through the store (accounts and sessions) and the moderation
actions layer (every safety action). It never speaks to chat users.
"""
