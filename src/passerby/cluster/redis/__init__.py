"""The Redis engine: a shared matchmaker and node-to-node routing for many nodes."""
