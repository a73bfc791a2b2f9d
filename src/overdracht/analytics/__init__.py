"""The yearly evaluation of the transitions, per school and for the region: aggregates only,
kept in pre-aggregated figures that a nightly job refreshes."""
