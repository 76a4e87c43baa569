"""Use cases over exercise documents, one transaction each; callers get frozen read models."""
