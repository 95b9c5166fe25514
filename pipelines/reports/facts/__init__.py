"""From tables and sentences to facts: column meanings, row roles, cell rules, checks,
status rows, key sentences, document metadata and the privacy filter."""
