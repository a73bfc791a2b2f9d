"""Single sign-on for staff over OpenID Connect, configured per school board or region."""
