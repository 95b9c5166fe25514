"""Our own expectations: rules GX has no type for, written as vectorised pandas.

They are declared in a suite's ``meta.rules`` (same shape as GX expectations: ``type``,
``kwargs``, ``meta``) and run by ``gx_runner.run_suite`` beside the GX ones, so the
suite JSON stays the one place a rule is defined. Each rule gets the table as a
DataFrame (RangeIndex) and a ``CheckContext``, and returns a ``RuleOutcome``: failing
rows by position (row-level rules can quarantine them) and a per-row reason.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

# An operator who knows a drop in row counts is right (e.g. documents withdrawn) sets this
# for one run; the collapse rule then passes and says so.
ACCEPT_DROP_ENV = "KOMMUNLAGER_ACCEPT_ROW_DROP"
_MNKR = re.compile(r"(?i)^(mnkr|mkr|mn\s?kr|miljoner|mdkr)")


@dataclass
class RuleOutcome:
    success: bool
    row_level: bool = True
    index: list[int] = field(default_factory=list)
    reasons: dict[int, str] = field(default_factory=dict)
    observed: str | None = None


def _fmt(value: float) -> str:
    return f"{value:,.1f}".replace(",", " ").replace(".0", "") if abs(value) >= 1000 else f"{value:g}"


def _row_key(df: pd.DataFrame, document: str, row_key: list[str], fallback_key: list[str]) -> pd.Series:
    """One printed table row: document + (table_id, row) when the extractor set them, else
    document + (page, evidence)."""
    def joined(cols: list[str]) -> pd.Series:
        parts = [df[c].astype(str) if c in df.columns else pd.Series("", index=df.index) for c in cols]
        out = parts[0]
        for p in parts[1:]:
            out = out + "\x1f" + p
        return out

    has_row = df[row_key[0]].notna() if row_key[0] in df.columns else pd.Series(False, index=df.index)
    return df[document].astype(str) + "\x1e" + joined(row_key).where(has_row, "~" + joined(fallback_key))


def _rounding_step(raw_value: Any, raw_unit: Any) -> float:
    """The rounding unit (in tkr) of a printed number: '12,3' mnkr → 100, '1 234' tkr → 1."""
    text = str(raw_value or "").replace("\u00a0", " ").strip().rstrip("%").strip()
    decimals = 0
    m = re.search(r"[.,](\d+)\s*$", text)
    if m and not re.search(r"\d[ .]\d{3}$", text):
        decimals = len(m.group(1))
    step = 10.0 ** -decimals
    unit = str(raw_unit or "")
    if _MNKR.match(unit):
        step *= 1000.0
    elif unit.strip().lower() == "kr":
        step /= 1000.0
    return step


# --- row-level rules (may quarantine) --------------------------------------------------

def not_null_where(df: pd.DataFrame, context: Any, *, column: str, where_column: str, where_regex: str) -> RuleOutcome:
    """``column`` must be set on rows whose ``where_column`` matches ``where_regex``
    (a fact from a PDF must carry its page)."""
    applies = df[where_column].astype("string").str.contains(where_regex, regex=True, na=False)
    bad = df.index[applies & df[column].isna()].tolist()
    return RuleOutcome(not bad, index=bad, reasons={i: f"{column} saknas" for i in bad})


def not_1000x_off_row(df: pd.DataFrame, context: Any, *, value_column: str = "value", unit_column: str = "unit",
                      unit: str = "tkr", scenario_column: str = "scenario",
                      scenarios: tuple[str, ...] = ("utfall", "budget", "prognos", "bokslut"),
                      method_column: str = "method", method: str = "table", document_column: str = "dokument_id",
                      row_key: tuple[str, ...] = ("table_id", "row"), fallback_key: tuple[str, ...] = ("page", "evidence"),
                      factor: float = 1000.0, tolerance: float = 2.0, min_group_size: int = 3) -> RuleOutcome:
    """A level value (utfall, budget, prognos, bokslut) in tkr that is ~1000× off the median
    of its printed row (tkr/mnkr or kr/tkr confusion). Needs at least ``min_group_size``
    values in the row so the odd one out can be told; differences (avvikelse, förändring)
    are not compared. A value ~1000× too small is only suspect when it is printed as an
    mnkr figure is, with decimals (`13,8` among `13 800`): a small whole number is an early
    utfall against a full-year budget (Borås, February: `Feriearbeten … -13 800 … -18`)."""
    values = pd.to_numeric(df[value_column], errors="coerce")
    mask = (df[unit_column] == unit) & df[scenario_column].isin(list(scenarios)) & values.notna() & (values != 0)
    if method_column in df.columns:
        mask &= df[method_column] == method
    if not mask.any():
        return RuleOutcome(True)
    sub = df[mask]
    key = _row_key(sub, document_column, list(row_key), list(fallback_key))
    absval = values[mask].abs()
    size = absval.groupby(key).transform("size")
    median = absval.groupby(key).transform("median")
    ratio = absval / median
    small = (ratio * factor).between(1 / tolerance, tolerance)
    if "raw_value" in sub.columns:
        printed = sub["raw_value"]
        small &= printed.isna() | printed.astype(str).str.contains(r"\d[,.]\d{1,3}\s*%?\s*$", regex=True)
    big = (ratio / factor).between(1 / tolerance, tolerance)
    suspect = (size >= min_group_size) & (small | big)
    bad = suspect[suspect].index.tolist()
    reasons = {
        i: (f"{_fmt(values[i])} tkr är ~{factor:g}× {'mindre' if small[i] else 'större'} än radens övriga värden "
            f"(median {_fmt(median[i])}): tkr/mnkr-förväxling?")
        for i in bad
    }
    return RuleOutcome(not bad, index=bad, reasons=reasons)


def sentence_amount_within_document_scale(df: pd.DataFrame, context: Any, *, value_column: str = "value",
                                          unit_column: str = "unit", unit: str = "tkr",
                                          method_column: str = "method", method: str = "narrative",
                                          document_column: str = "dokument_id", scenario_column: str = "scenario",
                                          scenarios: tuple[str, ...] = ("utfall", "budget", "prognos", "bokslut"),
                                          factor: float = 5.0, min_levels: int = 5) -> RuleOutcome:
    """A money figure read from a sentence that is more than ``factor`` × the largest amount
    in its document's tables is suspect: a misprint (Simrishamn: ``överskott mot budget om
    1 262 mnkr`` in a nämnd whose largest figure is 73 300 tkr) or a misread unit. A sentence
    figure has no row neighbours to be compared with, so the document's tables are its scale
    (at least ``min_levels`` of their level values, else it is not judged)."""
    if method_column not in df.columns:
        return RuleOutcome(True)
    values = pd.to_numeric(df[value_column], errors="coerce").abs()
    money = (df[unit_column] == unit) & values.notna()
    levels = money & (df[method_column] != method) & df[scenario_column].isin(list(scenarios))
    stats = values[levels].groupby(df.loc[levels, document_column]).agg(["max", "size"])
    stats = stats[stats["size"] >= min_levels]
    sentence = money & (df[method_column] == method) & df[document_column].isin(stats.index)
    scale = df.loc[sentence, document_column].map(stats["max"])
    off = values[sentence] > factor * scale
    bad = off[off].index.tolist()
    reasons = {i: (f"{_fmt(values[i])} tkr i löptext är {values[i] / scale[i]:.0f}× dokumentets största tabellbelopp "
                   f"({_fmt(scale[i])} tkr): tryckfel eller fel enhet?") for i in bad}
    return RuleOutcome(not bad, index=bad, reasons=reasons)


# --- table-level rules (reported) ------------------------------------------------------

def area_sums_match_total(df: pd.DataFrame, context: Any, *, total_label_regex: str,
                          value_column: str = "value", unit: str = "tkr") -> RuleOutcome:
    """Within one table column, the verksamhetsområden (``area`` set) add up to the printed
    total row (``area`` null, label Summa/Totalt) within rounding."""
    needed = {"table_id", "col", "area", "label", "raw_value", "raw_unit", "dokument_id"}
    if not needed <= set(df.columns):
        return RuleOutcome(True, row_level=False, observed="tabellkolumner saknas")
    values = pd.to_numeric(df[value_column], errors="coerce")
    sub = df[(df["unit"] == unit) & df["table_id"].notna() & values.notna()].assign(_v=values)
    is_total = sub["area"].isna() & sub["label"].astype("string").str.contains(total_label_regex, regex=True, na=False)
    bad, reasons = [], {}
    for _, group in sub.groupby(["dokument_id", "table_id", "col"], dropna=False):
        totals = group[is_total.loc[group.index]]
        parts = group[group["area"].notna()]
        if len(totals) != 1 or len(parts) < 2:
            continue
        steps = [_rounding_step(v, u) for v, u in zip(group["raw_value"], group["raw_unit"])]
        tol = max(1.0, 0.5 * max(steps) * (len(parts) + 1))
        total = float(totals["_v"].iloc[0])
        found = float(parts["_v"].sum())
        if abs(found - total) > tol:
            i = int(totals.index[0])
            bad.append(i)
            reasons[i] = f"områdena summerar till {_fmt(found)}, tryckt summa {_fmt(total)} (tolerans {_fmt(tol)})"
    return RuleOutcome(not bad, row_level=False, index=bad, reasons=reasons)


def avvikelse_matches_budget(df: pd.DataFrame, context: Any, *, value_column: str = "value", unit: str = "tkr",
                             document_column: str = "dokument_id", row_key: tuple[str, ...] = ("table_id", "row"),
                             fallback_key: tuple[str, ...] = ("page", "evidence")) -> RuleOutcome:
    """An avvikelse in a printed row equals the difference of two of its levels (budget,
    prognos, utfall), in either sign convention, within rounding. Rows hold deviations of
    several kinds: "Utfall period | Budget period | Avvikelse | Prognos helår | Budget helår |
    Avvikelse" (budget − utfall, budget − prognos), and Göteborg's "Utfall | Budget |
    Avvikelse | Prognos augusti | Avvikelse" (utfall − prognos). Rows with fewer than two
    levels are not judged."""
    values = pd.to_numeric(df[value_column], errors="coerce")
    sub = df[(df["unit"] == unit) & values.notna() & df["scenario"].isin(["budget", "prognos", "utfall", "avvikelse"])]
    if sub.empty:
        return RuleOutcome(True, row_level=False)
    key = _row_key(sub, document_column, list(row_key), list(fallback_key))
    bad, reasons = [], {}
    for _, group in sub.groupby(key):
        scen = group["scenario"]
        levels = values[group.index[scen.isin(["budget", "prognos", "utfall"])]].to_numpy()
        if len(levels) < 2 or not (scen == "budget").any():
            continue
        pairs = np.abs(levels[:, None] - levels[None, :])
        diffs = pairs[np.triu_indices(len(levels), k=1)]
        for i in group.index[scen == "avvikelse"]:
            step = _rounding_step(group.at[i, "raw_value"] if "raw_value" in group else None,
                                  group.at[i, "raw_unit"] if "raw_unit" in group else None)
            if np.min(np.abs(diffs - abs(values[i]))) > 2 * step + 1e-9:
                bad.append(int(i))
                reasons[int(i)] = (f"avvikelse {_fmt(values[i])} ≠ skillnaden mellan budget, prognos och utfall "
                                   f"(närmast {_fmt(float(diffs[np.argmin(np.abs(diffs - abs(values[i])))]))})")
    return RuleOutcome(not bad, row_level=False, index=bad, reasons=reasons)


def row_count_not_collapsing(df: pd.DataFrame, context: Any, *, table: str, max_drop: float = 0.5,
                             min_previous_rows: int = 10) -> RuleOutcome:
    """The table has not lost more than ``max_drop`` of the rows it had in the previously
    published warehouse (a broken extractor or a lost Kolada load, not a real change)."""
    previous = context.previous_row_count(table) if context and context.previous_row_count else None
    now = len(df)
    if previous is None or previous < min_previous_rows:
        return RuleOutcome(True, row_level=False, observed=f"inget tidigare lager att jämföra med ({now} rader)")
    drop = (previous - now) / previous
    observed = f"{previous} rader i det publicerade lagret, {now} nu ({-drop:+.0%})"
    if drop <= max_drop:
        return RuleOutcome(True, row_level=False, observed=observed)
    if os.environ.get(ACCEPT_DROP_ENV, "").strip() in {"1", "true", "ja", "yes"}:
        return RuleOutcome(True, row_level=False, observed=observed + f" (godkänt med {ACCEPT_DROP_ENV})")
    return RuleOutcome(False, row_level=False, observed=observed)


def within_group_history(df: pd.DataFrame, context: Any, *, value_column: str, group_column: str,
                         time_column: str, widen: float = 1.0, min_history: int = 10) -> RuleOutcome:
    """Values of each group's newest period (a KPI's latest year) lie within the range of its
    earlier periods, widened by ``widen`` × that range on both sides."""
    values = pd.to_numeric(df[value_column], errors="coerce")
    frame = pd.DataFrame({"g": df[group_column], "t": df[time_column], "v": values}).dropna()
    if frame.empty:
        return RuleOutcome(True, row_level=False)
    latest = frame.groupby("g")["t"].transform("max")
    hist = frame[frame["t"] < latest]
    stats = hist.groupby("g")["v"].agg(["min", "max", "size"])
    stats = stats[stats["size"] >= min_history]
    current = frame[(frame["t"] == latest) & frame["g"].isin(stats.index)]
    if current.empty:
        return RuleOutcome(True, row_level=False)
    lo, hi = current["g"].map(stats["min"]), current["g"].map(stats["max"])
    span = (hi - lo).where(hi > lo, hi.abs().clip(lower=1.0))
    outside = (current["v"] < lo - widen * span) | (current["v"] > hi + widen * span)
    bad = current.index[outside].tolist()
    reasons = {i: f"{_fmt(values[i])} utanför {_fmt(lo[i])}–{_fmt(hi[i])} (tidigare år)" for i in bad}
    return RuleOutcome(not bad, row_level=False, index=bad, reasons=reasons)


RULES: dict[str, Callable[..., RuleOutcome]] = {
    "expect_column_values_to_not_be_null_where": not_null_where,
    "expect_value_not_1000x_off_row_neighbours": not_1000x_off_row,
    "expect_sentence_amount_within_document_scale": sentence_amount_within_document_scale,
    "expect_area_sums_to_match_total": area_sums_match_total,
    "expect_avvikelse_to_equal_budget_minus_prognos": avvikelse_matches_budget,
    "expect_table_row_count_not_to_collapse": row_count_not_collapsing,
    "expect_values_within_group_history": within_group_history,
}
