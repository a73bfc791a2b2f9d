"""A school's API tokens: the token itself is shown once; only its hash is kept."""

from __future__ import annotations

from django.db import models

from overdracht.schools.models import School


class ApiToken(models.Model):
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    scopes = models.JSONField(default=list)
    token_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)  # the first characters, to tell tokens apart
    created_by_id = models.BigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"api token {self.prefix}… of {self.school_id}"
