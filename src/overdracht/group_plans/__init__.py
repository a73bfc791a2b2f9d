"""The group plan (groepsplan) of a class per period: goals, clusters of pupils with similar
needs and the approach per cluster, and the evaluation; the next mentor starts from it."""
