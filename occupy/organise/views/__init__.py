"""Organiser pages, one module per part of the workspace."""
