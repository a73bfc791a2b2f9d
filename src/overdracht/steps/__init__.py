"""The steps of every transition, with their due and done dates, and each school's register
of which role owns which step."""
