"""Care routing: referrals to the care team (IZO), escalation to the care advisory team
(ZAT, only with consent) and to the partnership (SWV), the care team's agenda, and the
development plan (OPP). Care data: the highest sensitivity."""
