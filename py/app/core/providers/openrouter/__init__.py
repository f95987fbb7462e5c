"""OpenRouter's video API (``/videos``): catalogue prices now, the codec later.

Import-light like the other provider packages: pure standard library below it.
"""
