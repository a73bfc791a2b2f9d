"""The start page after login: what this user works on, by role."""
