"""Who may read the minutes of a warm handover."""

from __future__ import annotations

from overdracht.accounts.models import User
from overdracht.core.sensitivity import Sensitivity
from overdracht.meetings.models import HandoverMeeting


def may_read_minutes(user: User, meeting: HandoverMeeting, level: Sensitivity | None) -> bool:
    """Minutes discuss the pupil's support: they follow the dossier's rules. Staff invited
    to the meeting read them; others only where their relation to the pupil gives support
    data (the mentor of the pupil's class, the guiding roles), not every mentor of a school."""
    if level is not None and level >= Sensitivity.SUPPORT:
        return True
    return meeting.participants.filter(user=user).exists()
