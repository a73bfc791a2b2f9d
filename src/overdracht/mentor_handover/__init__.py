"""The handover from this year's mentor to next year's, for every pupil whose mentor changes."""
