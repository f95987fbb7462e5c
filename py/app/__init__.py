"""Sora Renderer: a local-first studio for AI video APIs, in Python that runs in the browser.

Layers (dependencies point inward):

- ``app.core``     pure Python: data shapes, capabilities, prices, job lifecycle,
                   API mapping, errors, backoff, library queries. No browser imports.
- ``app.services`` orchestration over interfaces (stores, vault, transport, clock).
- ``app.browser``  the only package that touches ``js`` / ``pyodide`` / ``pyscript``.
- ``app.ui``       views that render state and dispatch intents.
"""
