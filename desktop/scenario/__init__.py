"""Loading and validating scenario packs and play scripts into domain objects."""
