"""The receiving school's intake of its incoming cohort: who arrives, how far each pupil
is (from the steps), and the analysis with the class of one arriving pupil."""
