"""Google's Gemini Omni Flash video models (Interactions API): dated price estimates now.

Import-light like the other provider packages: pure standard library below it.
"""
