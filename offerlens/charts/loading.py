"""Import the matplotlib pieces the charts draw with (Figure and the Agg canvas), quickly.

Never pyplot. Two costs of a cold ``import matplotlib.figure`` are not needed to draw:

- every Artist subclass writes a docstring for its ``set`` method listing all its properties
  (``matplotlib.artist.kwdoc``, ≈0.1 s over the hundred-odd classes); while the modules load,
  that listing is left empty (only ``help()`` texts of this process are shorter);
- the cyclic garbage collector runs dozens of times while the modules create their objects,
  each time scanning the whole heap (Qt, pydantic and the engine already live in it).
"""

from __future__ import annotations

import gc
import sys

MODULES = ("matplotlib.figure", "matplotlib.backends.backend_agg")


def _no_kwdoc(artist: object) -> str:
    return ""


def load_matplotlib() -> None:
    """Import ``matplotlib.figure`` and ``backend_agg`` (a no-op once they are loaded)."""
    if all(name in sys.modules for name in MODULES):
        return
    collecting = gc.isenabled()
    gc.disable()
    try:
        import matplotlib.artist as artist

        kwdoc = getattr(artist, "kwdoc", None)
        if kwdoc is not None:
            artist.kwdoc = _no_kwdoc
        try:
            import matplotlib.backends.backend_agg  # noqa: F401
            import matplotlib.figure  # noqa: F401
        finally:
            if kwdoc is not None:
                artist.kwdoc = kwdoc
    finally:
        if collecting:
            gc.enable()
