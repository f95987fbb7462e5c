"""Google's Gemini API for video: Gemini Omni Flash over the Interactions API.

- ``capabilities``: the models as dated data (life cycles, frames, durations, images,
  extend rules), the provider's operations and settings; standard library only.
- ``prices``: dated per-second estimates, and the cost computed from a job's usage.
- ``codec``: :class:`~.codec.GeminiOmniProvider`, the ``VideoProvider``; its parts:
  ``inputs`` (the create body and image tags), ``objects`` (answers as pydantic shapes),
  ``interaction`` (status, output and usage as a ``RemoteJob``), ``files`` (download
  URLs and where the key may go), ``errors`` (Google's error answers as app errors).

This ``__init__`` stays import-light: importing ``capabilities`` pulls in no pydantic.
"""
