"""Paths, logging and crash handling shared by the command line and the app."""
