"""From secondary school to MBO, HBO or WO: the pupil's choice, the registration and its
status, the skills a programme asks, the transfer dossier (doorstroomdossier), the receiving
institution's intake, and the first weeks."""
