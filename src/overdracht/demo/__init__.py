"""The demo region: deterministic, realistic data for `make demo` and the browser tests."""
