"""A school's pupils, guardians, classes and mentors from the school administration (LAS:
Magister, SOMtoday, ParnasSys, ESIS), read in from its CSV or XLSX export: columns mapped
once per school, a preview with every problem per row, then one transaction."""
