"""Export/import bundles: one ZIP holding a versioned ``manifest.json`` and the stored files.

Layout of a bundle (every entry STORED, CRC-32 and sizes known up front, UTF-8 names)::

    manifest.json            first entry: format, version, records by store, file list
    files/<asset_id>.<ext>   one entry per stored Blob, in manifest order

The pure core decides every byte of the ZIP's structure and every check on import; the
browser only hashes Blobs chunk by chunk, assembles the planned parts into a Blob, and
reads byte ranges of the user's File. Modules, in the order data flows:

- ``digest``: CRC-32 and SHA-256 fed chunk by chunk (one read per file)
- ``zip_format`` / ``zip_write``: the records, headers, end records and the part plan (ZIP64 aware)
- ``export``: which records and files go in, the manifest, the ordered parts
- ``ranges``: parsers as read steps, driven by a sync or an async range reader
- ``zip_end`` / ``zip_read`` / ``names`` / ``inflate``: range-read parsing with hostile-input checks
- ``limits``: the bounds (entries, sizes, ratios) that stop zip bombs
- ``manifest``: the strict pydantic manifest and its version migrations
- ``validate`` / ``file_check``: the whole bundle checked before anything is written
- ``plan``: what an import adds, merges and skips, and the all-or-nothing writes
- ``errors``: ``ZipError`` (with a ``ZipFault``), ``ManifestError``, ``ExportError``, ``Problem``, ``Refusal``
"""
