"""Silence one known, harmless fontTools record about the shipped Lato files, and only it.

The Lato 2.0 files store head.created as a Unix time instead of seconds since 1904; fontTools
corrects it on reading and logs « 'created' timestamp seems very low ». The files stay as
published, so the embedded fonts (PDF, standalone HTML) keep their bytes.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

HEAD = logging.getLogger("fontTools.ttLib.tables._h_e_a_d")


def _not_lato_created_stamp(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("'created' timestamp seems very low")


@contextmanager
def lato_stamp_quiet() -> Iterator[None]:
    HEAD.addFilter(_not_lato_created_stamp)
    try:
        yield
    finally:
        HEAD.removeFilter(_not_lato_created_stamp)
