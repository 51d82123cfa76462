"""The broker: routes events between users and runs the matchmaker.

:mod:`passerby.cluster.broker` defines the interface; :mod:`.memory` is the
in-process engine used by a single node. An engine that spans nodes keeps
the same interface, so the transport layer never knows which one it talks to.
"""
