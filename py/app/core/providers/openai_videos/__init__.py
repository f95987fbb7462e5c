"""The OpenAI Videos API (Sora 2) contract: the app's first provider.

This package's ``__init__`` stays import-light: the simulator (CPython, standard
library only) imports :mod:`.capabilities` without pulling in pydantic.
"""
