"""Numbers, units and periods as printed in Swedish reports."""
