"""Our own checks, beyond frictionless. Each check yields problems and never writes."""
