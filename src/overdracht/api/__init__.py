"""The REST API for the systems around the product (a school administration, an MBO's
intake system, a regional dashboard): read-only, per school, with revocable tokens that
carry scopes; OpenAPI 3 at /api/schema/ and its docs page at /api/docs/."""
