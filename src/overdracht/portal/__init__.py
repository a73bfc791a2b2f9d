"""The portal for guardians and pupils: their children, the dossier that will be sent, their
statement, consents, a PDF copy, correction requests, and who looked at the dossier."""
