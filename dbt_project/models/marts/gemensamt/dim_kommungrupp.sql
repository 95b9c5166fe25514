-- One row per Kolada municipality group (G…): "Liknande kommuner …", the SKR
-- kommungrupper "(ovägt medel)" and others. Values of a group (kommun_kod = G… in
-- fct_kolada_varde) point here; its members are in brygga_kommungrupp.
select
    cast(grupp_id as varchar)               as grupp_id,
    cast(grupp_namn as varchar)             as grupp_namn,
    cast(grupptyp as varchar)               as grupptyp,
    cast(tema as varchar)                   as tema,
    cast(avser_kommun_kod as varchar)       as avser_kommun_kod,
    cast(avser_ar as integer)               as avser_ar,
    cast(antal_medlemmar as integer)        as antal_medlemmar,
    cast(i_metadata as boolean)             as i_metadata
from {{ ref('int_kolada__kommungrupper') }}
