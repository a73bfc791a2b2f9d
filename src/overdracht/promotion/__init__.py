"""The end of the school year inside a secondary school: promotion decisions against the
school's norms, and the rollover into next year's classes."""
