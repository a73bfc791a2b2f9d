"""Sensitivity levels of personal data. Every dossier section carries one; every role has
the highest level it may see. Public API: `Sensitivity`."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sensitivity(models.IntegerChoices):
    GENERAL = 1, _("General")
    SUPPORT = 2, _("Support")
    CARE = 3, _("Care")
