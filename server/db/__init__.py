"""The server's database: declarative base, engine factory, tables and Alembic migrations."""
