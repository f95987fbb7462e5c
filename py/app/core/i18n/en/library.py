"""The library's tiles and toolbar."""

from __future__ import annotations

from app.core.i18n.catalogue import Message

MESSAGES: dict[str, Message] = {
    "units.seconds_short": "{seconds} s",
    "tile.action.play": "Play",
    "tile.action.open": "Open details",
    "tile.action.download": "Download",
    "tile.action.rename": "Rename",
    "tile.action.delete": "Delete",
    "tile.missing": "The video file is missing from this browser",
    "tile.remix": "A remix of another video",
    "tile.no_price": "No published price for this size",
    "tile.label": {"one": "{title}, {count} second", "other": "{title}, {count} seconds"},
    "tile.select": "Select {title}",
    "toolbar.find": "Find videos",
    "toolbar.search": "Search",
    "toolbar.search.hint": "Prompt, title or tag:name",
    "toolbar.model": "Filter by model",
    "toolbar.all_models": "All models",
    "toolbar.provider": "Provider",
    "toolbar.all_providers": "All providers",
    "toolbar.shape": "Shape",
    "toolbar.aspect.all": "Any shape",
    "toolbar.aspect.landscape": "Landscape",
    "toolbar.aspect.portrait": "Portrait",
    "toolbar.aspect.square": "Square",
    "toolbar.from": "From",
    "toolbar.to": "To",
    "toolbar.sort": "Sort by",
    "toolbar.sort.date_desc": "Newest first",
    "toolbar.sort.date_asc": "Oldest first",
    "toolbar.sort.cost_desc": "Most expensive",
    "toolbar.sort.cost_asc": "Cheapest",
    "toolbar.sort.length_desc": "Longest",
    "toolbar.sort.length_asc": "Shortest",
    "files.downloading": {"one": "Downloading {count} video.", "other": "Downloading {count} videos."},
    "files.saved": "Saved {name}.",
    "files.copied": "The video is on the clipboard.",
    "files.no_folder": "This browser cannot write to a local folder (the File System Access API is missing). "
    "Use Download instead: the files go to your downloads folder.",
    "files.to_folder": {
        "one": "Saved {count} video to the folder “{folder}”.",
        "other": "Saved {count} videos to the folder “{folder}”.",
    },
    "files.other_ways": "Other ways to save",
}
