"""Guardians and pupils in the loop: the guardians' review (inzage) before a dossier is sent,
their statement (zienswijze) and the school's reply, consent per purpose with the 16/18 age
rules, correction requests."""
