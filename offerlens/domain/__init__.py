"""Domain layer: models, parser, bands, rules, evaluation. Imports no Qt and no matplotlib."""
