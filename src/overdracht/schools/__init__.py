"""The tenant: regions, partnerships, school boards, schools and locations, class groups,
and the memberships (user × school × role) that every permission starts from."""
