"""Everything PySide6: windows, dialogs, Qt item models and workers."""
