"""Developer tools: code generation from the ontology."""
