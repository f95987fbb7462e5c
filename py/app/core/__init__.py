"""Pure-Python core: runs unchanged under CPython (tests) and Pyodide (the page).

Nothing in this package may import ``js``, ``pyodide`` or ``pyscript``; a test enforces it.
"""
