# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The *ChatwootAI Overview* workbook: chart figures, a format check, one sheet per addon.

Odoo 19 ships o_spreadsheet's data format ``18.5.10``. From ``18.5.1`` on, every chart figure
carries its chart's id in ``data.chartId`` (the migration step of that version copies the figure
id there); a file that already declares ``18.5.10`` is not migrated, so a chart figure without
``chartId`` fails in the browser with "No chart found for figure ID".

Each addon owns one sheet of the workbook. An addon that adds its sheet later builds it with
:func:`chart` and appends it with :func:`add_sheet`; pivots are named in the sheet's formulas
as ``PIVOT("{pivot:name}")`` and get the workbook's next free ids.

>>> workbook = new_workbook()
>>> sheet = new_sheet("social", "Social")
>>> sheet["figures"].append(chart("social-by-channel", "Posts by channel", "x.post", ["channel"]))
>>> sheet["cells"]["A1"] = '=PIVOT("{pivot:posts}")'
>>> add_sheet(workbook, sheet, {"posts": pivot("x.post", "Posts", ["channel"])})
{'posts': '1'}
>>> workbook["sheets"][0]["cells"]["A1"]
'=PIVOT("1")'
>>> check_workbook(workbook)
[]
"""

import copy
import re

VERSION = "18.5.10"
CHART_TYPES = {"bar": "odoo_bar", "line": "odoo_line", "pie": "odoo_pie"}
_PIVOT_FORMULA = re.compile(r"PIVOT(?:\.VALUE|\.HEADER)?\(\s*\"?(\w+)\"?")
_PLACEHOLDER = re.compile(r"\{pivot:(\w+)\}")


def new_workbook():
    """An empty Odoo 19 workbook (no sheet yet), with the en_US locale Odoo's dashboards use."""
    return {
        "version": VERSION,
        "sheets": [],
        "styles": {},
        "formats": {},
        "borders": {},
        "revisionId": "START_REVISION",
        "uniqueFigureIds": True,
        "settings": {
            "locale": {
                "name": "English (US)",
                "code": "en_US",
                "thousandsSeparator": ",",
                "decimalSeparator": ".",
                "dateFormat": "mm/dd/yyyy",
                "timeFormat": "hh:mm:ss",
                "formulaArgSeparator": ",",
                "weekStart": 7,
            }
        },
        "pivots": {},
        "pivotNextId": 1,
        "customTableStyles": {},
        "globalFilters": [],
        "lists": {},
        "listNextId": 1,
        "chartOdooMenusReferences": {},
    }


def new_sheet(sheet_id, name, columns=6, rows=80):
    """An empty sheet without grid lines, as a dashboard sheet is shown."""
    return {
        "id": sheet_id,
        "name": name,
        "colNumber": columns,
        "rowNumber": rows,
        "rows": {},
        "cols": {},
        "merges": [],
        "cells": {},
        "styles": {},
        "formats": {},
        "borders": {},
        "conditionalFormats": [],
        "dataValidationRules": [],
        "figures": [],
        "tables": [],
        "areGridLinesVisible": False,
        "isVisible": True,
        "headerGroups": {"ROW": [], "COL": []},
        "comments": {},
    }


def chart(
    figure_id,
    title,
    model,
    group_by,
    measure="__count",
    kind="bar",
    position=(0, 0),
    size=(560, 330),
    stacked=False,
    legend="none",
):
    """A chart figure reading ``model`` grouped by ``group_by`` (Odoo's graph view data).

    ``position`` is the (column, row) of the cell the figure is anchored to, ``size`` its
    (width, height) in pixels.
    """
    group_by = list(group_by)
    return {
        "id": figure_id,
        "col": position[0],
        "row": position[1],
        "offset": {"x": 0, "y": 0},
        "width": size[0],
        "height": size[1],
        "tag": "chart",
        "data": {
            "chartId": figure_id,
            "type": CHART_TYPES[kind],
            "title": {"text": title, "bold": True},
            "background": "#FFFFFF",
            "legendPosition": legend,
            "metaData": {
                "groupBy": group_by,
                "measure": measure,
                "order": None,
                "resModel": model,
                "mode": kind,
            },
            "searchParams": {
                "comparison": None,
                "context": {},
                "domain": [],
                "groupBy": group_by,
                "orderBy": [],
            },
            "dataSets": [],
            "verticalAxisPosition": "left",
            "stacked": stacked,
            "fieldMatching": {},
        },
    }


def pivot(model, name, rows, measures=("__count",)):
    """A pivot definition; a measure is ``field`` (summed) or ``(field, aggregator)``."""
    measures = [(m, "sum") if isinstance(m, str) else tuple(m) for m in measures]
    return {
        "type": "ODOO",
        "model": model,
        "name": name,
        "domain": [],
        "context": {},
        "columns": [],
        "rows": [{"fieldName": row} for row in rows],
        "measures": [
            {"id": f"{field}:{agg}", "fieldName": field, "aggregator": agg}
            for field, agg in measures
        ],
        "fieldMatching": {},
    }


def add_sheet(workbook, sheet, pivots=None):
    """Append ``sheet`` and its ``pivots`` ({name: definition}) to ``workbook``, in place.

    Each pivot gets the workbook's next free id; the sheet's cells refer to it as
    ``{pivot:name}``. Returns {name: id}. Refuses a sheet or figure id already in use.
    """
    sheet = copy.deepcopy(sheet)
    sheet_ids = {existing["id"] for existing in workbook["sheets"]}
    figure_ids = {f["id"] for existing in workbook["sheets"] for f in existing["figures"]}
    if sheet["id"] in sheet_ids:
        raise ValueError(f"sheet id {sheet['id']!r} is already in the workbook")
    reused = figure_ids & {f["id"] for f in sheet["figures"]}
    if reused:
        raise ValueError(f"figure ids already in the workbook: {sorted(reused)}")
    ids = {}
    for name, definition in (pivots or {}).items():
        pivot_id = str(workbook["pivotNextId"])
        workbook["pivotNextId"] += 1
        workbook["pivots"][pivot_id] = dict(copy.deepcopy(definition), formulaId=pivot_id)
        ids[name] = pivot_id
    for cell, content in sheet["cells"].items():
        sheet["cells"][cell] = _PLACEHOLDER.sub(lambda m: ids[m.group(1)], content)
    workbook["sheets"].append(sheet)
    return ids


def check_workbook(workbook):
    """The reasons Odoo 19's dashboard would fail to open this workbook (empty when none)."""
    problems = []
    if workbook.get("version") != VERSION:
        problems.append(f"version {workbook.get('version')!r} is not {VERSION!r}")
    seen_sheets, seen_figures = set(), set()
    formula_ids = {p.get("formulaId") for p in workbook.get("pivots", {}).values()}
    for sheet in workbook.get("sheets", []):
        if sheet["id"] in seen_sheets:
            problems.append(f"sheet id {sheet['id']!r} is used twice")
        seen_sheets.add(sheet["id"])
        for figure in sheet.get("figures", []):
            if figure["id"] in seen_figures:
                problems.append(f"figure id {figure['id']!r} is used twice")
            seen_figures.add(figure["id"])
            if figure.get("tag") == "chart":
                if figure["data"].get("chartId") != figure["id"]:
                    problems.append(f"chart figure {figure['id']!r} has no matching chartId")
                if "x" in figure or "offset" not in figure:
                    problems.append(f"figure {figure['id']!r} is not placed with col/row/offset")
        for cell, content in sheet.get("cells", {}).items():
            if not isinstance(content, str):
                problems.append(f"cell {sheet['id']}!{cell} is not a plain string")
                continue
            for pivot_id in _PIVOT_FORMULA.findall(content):
                if pivot_id not in formula_ids:
                    problems.append(f"cell {sheet['id']}!{cell} names unknown pivot {pivot_id}")
    return problems
