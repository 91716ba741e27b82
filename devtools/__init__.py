"""Development tools shared by tests and benchmarks; not part of the shipped package."""
