"""Pure types and the rules that the engine and the analysis share; no I/O."""
