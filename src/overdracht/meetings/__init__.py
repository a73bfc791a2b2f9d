"""Warm handover meetings between the sending and the receiving school (or, inside a school,
between mentors): their participants, minutes, agreements with an owner and a due date, and
the calendar invitation."""
