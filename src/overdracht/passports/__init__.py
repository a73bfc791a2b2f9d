"""The pupil passport: what every teacher of the pupil must know, in versions with read
receipts; the class overview that gathers the passports of a class; reminders to read."""
