"""The Library view's parts: toolbar, virtual grid and tiles, detail drawer, spend panel."""
