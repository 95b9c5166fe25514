-- Bridge: which kommuner (or regions) are members of which Kolada group.
-- "The municipalities like Ale": join dim_kommungrupp on avser_kommun_kod = '1440'.
select distinct
    cast(m.grupp_id as varchar)             as grupp_id,
    cast(m.kommun_kod as varchar)           as kommun_kod
from {{ ref('stg_kolada__kommungrupper') }} as m
-- a member code Kolada's municipality list does not know is left out, not invented
inner join {{ ref('stg_kolada__kommuner') }} as k on k.kommun_kod = m.kommun_kod
