"""The daily journal: check-ins and activities, saved and read as plain records."""
