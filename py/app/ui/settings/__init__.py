"""The sections of the Settings view, one module each."""
