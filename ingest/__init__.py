"""Byline ingestion: sources → articles → chunks → the Chroma index.

This package owns the index and the schema of what a chunk carries. It imports
nothing from `assistant/` or `ui/`.
"""
