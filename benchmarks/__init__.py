"""OfferLens performance benchmarks: ``uv run python -m benchmarks`` (``--quick`` for a smoke run).

Each figure is the median of several runs with min and max; results are printed as a table and
written as JSON to ``benchmarks/results/latest.json`` (git-ignored). See ``benchmarks/README``
in the project README's "Performance" section for what each figure means.
"""
