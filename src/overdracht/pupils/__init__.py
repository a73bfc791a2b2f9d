"""Pupils, their guardians (with or without authority), enrolments per school year, and
invitations that give guardians and pupils an account."""
