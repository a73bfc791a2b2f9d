"""Small shared pieces with no dependency on any other app of the product."""
