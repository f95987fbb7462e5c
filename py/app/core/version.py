"""The app's version, written into export bundles: a constant, so the start does not look
it up in the installed packages' metadata (pydantic's plugin search, the other reader of
that metadata at the start, is switched off in ``app.core.model_base``).
``tools/appwheel.py`` builds the wheel with the same number (a unit test keeps them equal)."""

APP_VERSION = "0.1.0"
