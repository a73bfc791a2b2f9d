"""The audit trail: one event model and the one function that records events.

See docs/developers/audit.md.
"""
