"""Names → codes through the Kolada metadata (municipalities, groups, KPIs) and aliases.

Deterministic rules only, no fuzzy matching: an exact title (case and spacing ignored), then
the rules in ``export_format.yml`` (a legacy ``U.`` prefix on U-KPIs, a discontinued
suffix such as ``(-2024)``, a ``kommun``/``stad`` suffix), then the analysts' aliases. A
title shared by several ids is resolved only when the unit type decides it (a kommun takes
a KPI of type K or A); otherwise it is reported as ambiguous, never picked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pyarrow as pa

from pipelines.kolada.kpi_set import GROUP_ID, KPI_ID

_SPACE = re.compile(r"\s+")
CODE = re.compile(r"^\d{1,4}$")


def norm(text: str) -> str:
    return _SPACE.sub(" ", text.replace("\u00a0", " ")).strip().casefold()


@dataclass
class Lookup:
    units: dict[str, set[str]] = field(default_factory=dict)        # normalised title → ids
    unit_ids: set[str] = field(default_factory=set)
    unit_type: dict[str, str] = field(default_factory=dict)         # id → K | L | G
    kpis: dict[str, set[str]] = field(default_factory=dict)
    kpi_ids: set[str] = field(default_factory=set)
    kpis_discontinued: dict[str, set[str]] = field(default_factory=dict)  # title without (-YYYY)
    kpi_type: dict[str, str] = field(default_factory=dict)          # id → K | L | A
    unit_suffixes: list[str] = field(default_factory=list)
    kpi_prefixes: dict[str, str] = field(default_factory=dict)      # prefix → id letter
    discontinued: re.Pattern | None = None
    unit_aliases: dict[str, str] = field(default_factory=dict)
    kpi_aliases: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, meta: dict[str, pa.Table | None], rules: dict) -> Lookup:
        lk = cls()
        munis = meta.get("municipality")
        if munis is not None:
            for i, t, ty in zip(*(munis.column(c).to_pylist() for c in ("id", "title", "type"))):
                if i:
                    lk.unit_ids.add(i)
                    lk.unit_type[i] = ty or ""
                    if t:
                        lk.units.setdefault(norm(t), set()).add(i)
        groups = meta.get("municipality_groups")
        if groups is not None:
            for g, t in zip(groups.column("group_id").to_pylist(), groups.column("group_title").to_pylist()):
                if g:
                    lk.unit_ids.add(g)
                    lk.unit_type[g] = "G"
                    if t:
                        lk.units.setdefault(norm(t), set()).add(g)
        kpi = meta.get("kpi")
        if kpi is not None:
            for i, t, ty in zip(*(kpi.column(c).to_pylist() for c in ("id", "title", "municipality_type"))):
                if i:
                    lk.kpi_ids.add(i)
                    lk.kpi_type[i] = ty or ""
                    if t:
                        lk.kpis.setdefault(norm(t), set()).add(i)
        lk.unit_suffixes = [norm(s) for s in rules.get("kommun_suffix", [])]
        lk.kpi_prefixes = {norm(p): str(letter) for p, letter in (rules.get("kpi_prefix") or {}).items()}
        if rules.get("kpi_upphord_suffix"):
            lk.discontinued = re.compile(rules["kpi_upphord_suffix"])
            for title, ids in lk.kpis.items():
                if lk.discontinued.search(title):
                    lk.kpis_discontinued.setdefault(lk.discontinued.sub("", title).strip(), set()).update(ids)
        aliases = rules.get("alias") or {}
        lk.unit_aliases = {norm(k): str(v) for k, v in (aliases.get("kommuner") or {}).items()}
        lk.kpi_aliases = {norm(k): str(v) for k, v in (aliases.get("kpier") or {}).items()}
        return lk

    @property
    def has_units(self) -> bool:
        return bool(self.unit_ids)

    @property
    def has_kpis(self) -> bool:
        return bool(self.kpi_ids)

    # --- units --------------------------------------------------------------------------
    def unit(self, text: str) -> tuple[str | None, str | None, str | None]:
        """(code, problem, note). A code given as 1–3 digits (a spreadsheet dropped the
        leading zeros) is padded only when the padded code exists; the note says so."""
        raw = text.strip()
        if CODE.match(raw):
            code = raw.zfill(4)
            if self.has_units and code not in self.unit_ids:
                return None, f"kommunkod {raw!r} finns inte i Koladas kommunlista", None
            if len(raw) < 4 and not self.has_units:
                return None, f"kommunkod {raw!r} har färre än 4 siffror och kommunlistan saknas", None
            return code, None, (f"kommunkod {raw} → {code} (inledande nolla saknades)" if code != raw else None)
        if GROUP_ID.match(raw):
            if self.has_units and raw not in self.unit_ids:
                return None, f"gruppen {raw!r} finns inte i Koladas kommungrupper", None
            return raw, None, None
        key = norm(raw)
        if not self.has_units and key not in self.unit_aliases:
            return None, f"kommun {raw!r}: namn kan inte mappas utan kommunlista (metadata saknas)", None
        candidates = [key] + [key[: -len(s)].strip() for s in self.unit_suffixes if s and key.endswith(s)]
        for cand in candidates:
            ids = self.units.get(cand)
            if ids and len(ids) == 1:
                return next(iter(ids)), None, None
            if ids:
                return None, f"kommun {raw!r} är tvetydig ({', '.join(sorted(ids))})", None
        if key in self.unit_aliases:
            return self.unit_aliases[key], None, None
        return None, f"kommun {raw!r} finns inte i Koladas kommunlista (lägg till ett alias i export_format.yml)", None

    # --- KPIs ---------------------------------------------------------------------------
    def kpi(self, text: str, unit: str | None = None) -> tuple[str | None, str | None]:
        raw = text.strip()
        if KPI_ID.match(raw.upper()):
            kid = raw.upper()
            if self.has_kpis and kid not in self.kpi_ids:
                return None, f"KPI {kid} finns inte i Koladas KPI-katalog"
            return kid, None
        key = norm(raw)
        if key in self.kpi_aliases:
            return self.kpi_aliases[key], None
        if not self.has_kpis:
            return None, f"nyckeltal {raw!r}: namn kan inte mappas utan KPI-katalog (metadata saknas)"
        ids = self._kpi_candidates(key)
        ids = self._by_unit_type(ids, unit)
        if len(ids) == 1:
            return next(iter(ids)), None
        if ids:
            return None, f"nyckeltal {raw!r} är tvetydigt ({', '.join(sorted(ids))})"
        return None, f"nyckeltal {raw!r} finns inte i Koladas KPI-katalog (lägg till ett alias i export_format.yml)"

    def _kpi_candidates(self, key: str) -> set[str]:
        if key in self.kpis:
            return set(self.kpis[key])
        for prefix, letter in self.kpi_prefixes.items():
            if key.startswith(prefix):
                rest = key[len(prefix):].strip()
                found = {i for i in self._kpi_candidates(rest) if i.startswith(letter)}
                if found:
                    return found
        return set(self.kpis_discontinued.get(key, ()))

    def _by_unit_type(self, ids: set[str], unit: str | None) -> set[str]:
        if len(ids) < 2 or not unit:
            return ids
        utype = self.unit_type.get(unit, "")
        want = {"K": {"K", "A"}, "L": {"L", "A"}}.get(utype)
        if unit == "0000" or not want:
            return ids
        narrowed = {i for i in ids if self.kpi_type.get(i) in want}
        return narrowed or ids
