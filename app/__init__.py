"""E-city counter desktop."""

__version__ = "0.1.0"
