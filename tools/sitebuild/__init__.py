"""The static site build: the app, its pinned runtime and wheels in one folder any static host serves.

``tools/build_site.py`` is the command; the steps live here, one module each:
``layout`` (which files go in), ``wheels`` (the app and simulator wheels), ``page``
(what a static ``index.html`` adds), ``manifest`` (``site.json``: the file list with
hashes, the build's version), ``limits`` (GitHub Pages' size limits) and ``build``
(putting it together). See docs/static-site.md.
"""
