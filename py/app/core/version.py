"""The app's version, written into export bundles: a constant, not read from the installed
wheel's metadata (importing ``importlib.metadata`` cost the page about 0.1 s of its start).
``tools/appwheel.py`` builds the wheel with the same number (a unit test keeps them equal)."""

APP_VERSION = "0.1.0"
