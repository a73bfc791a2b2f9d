"""The OSO standard (gegevensset 2019.1): the only app that knows OSO XML.

Public API: `services` (import), `validation` (schema and business rules), `mapping` (the
table of OSO elements and our fields, as data), `selectors` (received dossiers).
"""
