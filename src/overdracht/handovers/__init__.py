"""The handover work hung on a transition: warm handover meetings between the sending and
the receiving school, their agreements (which become tasks), and calendar invitations."""
