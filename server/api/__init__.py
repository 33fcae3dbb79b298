"""HTTP layer: routers, request/response schemas, error handlers and the version middleware."""
