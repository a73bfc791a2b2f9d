"""Users, login, two-step verification (TOTP with recovery codes) and sessions."""
