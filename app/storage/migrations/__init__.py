"""Alembic migrations of the conversation database (shipped inside the package)."""
