-- One row per Kolada geography: the 290 kommuner, the 21 regions and Riket (0000).
with kommuner as (
    select * from {{ ref('stg_kolada__kommuner') }}
)

select
    kommun_kod,
    namn,
    case
        when kommun_kod = '0000' then 'riket'
        when kolada_typ = 'L' then 'region'
        else 'kommun'
    end                                             as kommuntyp,
    case when kolada_typ = 'K' then substr(kommun_kod, 1, 2) end as lan_kod
from kommuner
