"""The ZIP records both the writer and the reader use (PKWARE APPNOTE 6.3, little-endian)."""

from __future__ import annotations

import math
import struct
import time

LOCAL_SIGNATURE = 0x04034B50
CENTRAL_SIGNATURE = 0x02014B50
END_SIGNATURE = 0x06054B50
ZIP64_END_SIGNATURE = 0x06064B50
ZIP64_LOCATOR_SIGNATURE = 0x07064B50

LOCAL = struct.Struct("<IHHHHHIIIHH")  # sig, needed, flags, method, time, date, crc, csize, usize, nlen, xlen
CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")  # + made-by first; + clen, disk, iattr, xattr, offset last
END = struct.Struct("<IHHHHIIH")  # sig, disk, cd disk, entries here, entries, cd size, cd offset, comment len
ZIP64_END = struct.Struct("<IQHHIIQQQQ")  # sig, record size, made-by, needed, disk, cd disk, n here, n, size, off
ZIP64_LOCATOR = struct.Struct("<IIQI")  # sig, disk of the ZIP64 end record, its offset, number of disks
EXTRA_HEADER = struct.Struct("<HH")  # id, data size
ZIP64_EXTRA_ID = 0x0001

MAX_U16 = 0xFFFF
MAX_U32 = 0xFFFFFFFF  # also the "see the ZIP64 extra field" marker
MAX_COMMENT = MAX_U16

STORED = 0
DEFLATED = 8
METHOD_NAMES = {1: "Shrink", 6: "Implode", 9: "Deflate64", 12: "bzip2", 14: "LZMA", 93: "Zstandard", 98: "PPMd"}
FLAG_ENCRYPTED = 0x0001
FLAG_DATA_DESCRIPTOR = 0x0008
FLAG_STRONG_ENCRYPTION = 0x0040
FLAG_UTF8 = 0x0800

VERSION_DEFAULT = 20  # 2.0: STORED/DEFLATE files and folders
VERSION_ZIP64 = 45  # 4.5: ZIP64 extensions
MADE_BY_UNIX = 3 << 8
UNIX_FILE_ATTRIBUTES = 0o100644 << 16  # a regular file, rw-r--r--

DOS_EPOCH = (1980, 1, 1, 0, 0, 0)
DOS_LAST = (2107, 12, 31, 23, 59, 58)
_LAST_SECOND = 4_354_819_198  # 2107-12-31 23:59:58 UTC


def dos_time(epoch_seconds: float) -> tuple[int, int]:
    """``(time, date)`` DOS fields of a UTC timestamp, clamped to 1980–2107 (2-second steps)."""
    seconds = min(max(0, int(epoch_seconds)), _LAST_SECOND) if math.isfinite(epoch_seconds) else 0
    moment = time.gmtime(seconds)
    fields = (moment.tm_year, moment.tm_mon, moment.tm_mday, moment.tm_hour, moment.tm_min, moment.tm_sec)
    year, month, day, hour, minute, second = min(max(fields, DOS_EPOCH), DOS_LAST)
    return (hour << 11) | (minute << 5) | (second // 2), ((year - 1980) << 9) | (month << 5) | day
