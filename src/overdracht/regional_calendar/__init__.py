"""The region's calendar: the milestones a region agrees per school year, which set the due
dates of the steps, their checklists and reminders, and each school's progress."""
