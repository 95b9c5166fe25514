"""What analysts take away from the warehouse: query results as files Swedish Excel opens
(csv-sv), parquet, and the Excel workbook of the analyst answers (``kommunlager export``).

Everything here is written by our Python code from query results; nothing runs a
statement that writes on the analysts' read-only connection."""
