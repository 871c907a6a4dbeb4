"""The web app over the built graph: a read-only SPARQL endpoint and pages for people."""

from kg.serve.app import Settings, create_app, get, serve

__all__ = ["Settings", "create_app", "get", "serve"]
