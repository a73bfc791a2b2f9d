"""Settings: `base` reads the environment; `dev`, `test` and `production` are small overlays."""
