"""Small shared helpers below every package of ``pipelines``: file I/O of the raw layer."""
