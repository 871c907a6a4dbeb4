"""kg: a knowledge graph of German parliamentary papers. The public API lives in kg.api."""

__version__ = "0.1.0"
