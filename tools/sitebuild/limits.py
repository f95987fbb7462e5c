"""GitHub Pages' size limits, checked before anything is published.

GitHub refuses files over 100 MB and warns from 50 MB; a published Pages site may be at
most 1 GB (docs.github.com: "About large files on GitHub", "GitHub Pages limits"). The
site is about 17 MB today (the Pyodide wasm is the largest file, under 10 MB), so these
checks stop a mistake, such as a video left in ``static/``, before the deploy does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MB = 1024 * 1024
FILE_LIMIT = 100 * MB
FILE_WARNING = 50 * MB
SITE_LIMIT = 1024 * MB


@dataclass
class SizeReport:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _mb(size: int) -> str:
    return f"{size / MB:.1f} MB"


def check_sizes(sizes: dict[str, int]) -> SizeReport:
    """Errors for what GitHub Pages refuses, warnings for what it frowns on."""
    report = SizeReport()
    for path, size in sorted(sizes.items()):
        if size > FILE_LIMIT:
            report.errors.append(f"{path} is {_mb(size)}: GitHub refuses files over {_mb(FILE_LIMIT)}")
        elif size >= FILE_WARNING:
            report.warnings.append(f"{path} is {_mb(size)}: GitHub warns about files of {_mb(FILE_WARNING)} or more")
    total = sum(sizes.values())
    if total > SITE_LIMIT:
        report.errors.append(f"the site is {_mb(total)}: a GitHub Pages site may be at most {_mb(SITE_LIMIT)}")
    return report
