"""Coherence: offline tabletop exercises for UN integrated missions."""

__version__ = "0.1.0"
