"""Which of the app's stores a bundle carries, and the app's own check of each record.

The same validators run on export (a stored record the app cannot read is left out and
counted, so a bundle never carries what its import would refuse) and on import (every
record of the bundle, before anything is written).

Imported files must be of a type the app itself stores (videos and images): a file
claiming ``text/html`` would become a same-origin ``blob:`` page if it were ever opened.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.core.bundle.export import FILE_EXTENSIONS
from app.core.bundle.validate import Record, RecordValidator, model_record
from app.core.i18n import tr
from app.core.job_record import AssetRecord, JobRecord
from app.core.preset_record import PresetRecord
from app.core.settings import Settings
from app.core.stores import ASSETS, JOBS, PRESETS, SETTINGS

BUNDLED_STORES = (SETTINGS, JOBS, ASSETS, PRESETS)  # in an "everything" export, presets even when empty
SELECTION_STORES = (JOBS, ASSETS)
_asset_record = model_record(AssetRecord)


def _asset(record: Record) -> Record:
    checked = _asset_record(record)
    mime = checked["mime"]
    if mime not in FILE_EXTENSIONS:
        allowed = ", ".join(sorted(FILE_EXTENSIONS))
        raise ValueError(tr("bchk.check.file_type", mime=repr(mime), allowed=allowed))
    return checked


VALIDATORS: Mapping[str, RecordValidator] = {
    SETTINGS: model_record(Settings),
    JOBS: model_record(JobRecord),
    ASSETS: _asset,
    PRESETS: model_record(PresetRecord),
}


def readable(store: str, records: list[Record]) -> tuple[list[Record], int]:
    """The records of ``store`` the app can read, as it stores them, and how many it cannot."""
    validate = VALIDATORS[store]
    kept: list[Record] = []
    for record in records:
        try:
            kept.append(validate(record))
        except (ValueError, TypeError):  # pydantic's ValidationError is a ValueError
            continue
    return kept, len(records) - len(kept)
