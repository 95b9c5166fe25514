"""Intake: the inbox scan, and the reports' part of the raw layer (files, sightings, extractions)."""
