"""The pupil dossier: sections with a sensitivity level (general / support / care), their
history, and conflict-safe editing."""
