"""The app wheel holds exactly py/app and is reproducible."""

from __future__ import annotations

import io
import zipfile

from tools import appwheel


def test_wheel_contains_the_app_package_and_metadata() -> None:
    data = appwheel.build_wheel()
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert "app/__init__.py" in names
    assert "app/core/capabilities.py" in names
    assert f"{appwheel.DIST_NAME}-{appwheel.VERSION}.dist-info/RECORD" in names
    assert not any("__pycache__" in n or n.startswith("main") for n in names)


def test_wheel_is_reproducible() -> None:
    assert appwheel.build_wheel() == appwheel.build_wheel()


def test_the_page_names_the_version_the_wheel_is_built_with() -> None:
    # The page writes APP_VERSION into export bundles without reading the wheel's metadata.
    from app.core.version import APP_VERSION

    assert appwheel.VERSION == APP_VERSION
    assert (
        f"Version: {APP_VERSION}\n"
        in zipfile.ZipFile(io.BytesIO(appwheel.build_wheel()))
        .read(f"sora_renderer_app-{APP_VERSION}.dist-info/METADATA")
        .decode()
    )
