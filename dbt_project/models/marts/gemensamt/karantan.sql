-- Rows held back from the marts by a row-level expectation, with the reason and lineage.
select * from {{ source('rapporter', 'karantan') }}
