"""Import the matplotlib pieces the charts draw with (Figure and the Agg canvas), quickly.

Never pyplot. Two costs of a cold ``import matplotlib.figure`` are not needed to draw:

- every Artist subclass writes a docstring for its ``set`` method listing all its properties
  (``matplotlib.artist.kwdoc``, ≈0.1 s over the hundred-odd classes); while the modules load,
  that listing is left empty (only ``help()`` texts of this process are shorter);
- the cyclic garbage collector runs dozens of times while the modules create their objects,
  each time scanning the whole heap (Qt, pydantic and the engine already live in it);
- ``matplotlib.projections`` imports the 3-D toolkit to register the "3d" projection, which
  no OfferLens chart uses (≈20 ms); it is left out, so "3d" is not registered in a process
  whose matplotlib was loaded here (importing ``mpl_toolkits.mplot3d`` later still works).
"""

from __future__ import annotations

import gc
import sys
import warnings

MODULES = ("matplotlib.figure", "matplotlib.backends.backend_agg")
TOOLKIT_3D = "mpl_toolkits.mplot3d"


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
        skip_3d = TOOLKIT_3D not in sys.modules and "matplotlib.projections" not in sys.modules
        if skip_3d:
            sys.modules[TOOLKIT_3D] = None  # type: ignore[assignment] # import fails at once
        try:
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message="Unable to import Axes3D")
                import matplotlib.backends.backend_agg  # noqa: F401
                import matplotlib.figure  # noqa: F401
        finally:
            if kwdoc is not None:
                artist.kwdoc = kwdoc
            if skip_3d and sys.modules.get(TOOLKIT_3D, 0) is None:
                del sys.modules[TOOLKIT_3D]
    finally:
        if collecting:
            gc.enable()
