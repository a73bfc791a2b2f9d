"""The pupil's career dossier (loopbaandossier, LOB): owned by the pupil from the first year,
read and commented on by the mentor and the decaan, read by the parents."""
