"""The `coherence` command line."""
