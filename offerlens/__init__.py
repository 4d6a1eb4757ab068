"""OfferLens: decide between job offers with cited market benchmarks."""

__version__ = "0.1.0"
