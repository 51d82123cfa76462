"""The chat service every door shares: connections, sessions and the safety around them."""
