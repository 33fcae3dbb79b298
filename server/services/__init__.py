"""Server use cases. Each function takes a Session and the ServerContext, and commits its own transaction."""
