"""Plain-text tables and key/value blocks with aligned columns (stdlib only)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

ELLIPSIS = "…"


def cell_text(value: object, *, max_width: int | None = None) -> str:
    """One table cell: None is empty, floats get two decimals, long text is cut with an ellipsis."""
    if value is None:
        text = ""
    elif isinstance(value, float):
        text = f"{value:.2f}"
    else:
        text = " ".join(str(value).split())  # newlines would break the row
    if max_width is not None and len(text) > max_width:
        text = text[: max(0, max_width - 1)] + ELLIPSIS
    return text


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def format_table(
    headers: Sequence[str], rows: Iterable[Sequence[object]], *, max_width: int | None = 40, gap: int = 2
) -> str:
    """Columns padded to their widest cell, a dashed rule under the headers; numeric columns align right."""
    raw_rows = [list(row) for row in rows]
    for row in raw_rows:
        if len(row) != len(headers):
            raise ValueError(f"row has {len(row)} cells, expected {len(headers)}: {row!r}")
    texts = [[cell_text(v, max_width=max_width) for v in row] for row in raw_rows]
    widths = [max([len(h)] + [len(r[i]) for r in texts]) for i, h in enumerate(headers)]
    # A column is numeric when every non-empty value in it is a number (headers do not count).
    numeric = [
        bool(raw_rows) and all(_is_number(r[i]) or r[i] is None for r in raw_rows)
        for i in range(len(headers))
    ]
    lines = [
        _join(list(headers), widths, numeric, gap),
        _join(["-" * w for w in widths], widths, numeric, gap),
    ]
    lines += [_join(r, widths, numeric, gap) for r in texts]
    return "\n".join(lines)


def _join(cells: Sequence[str], widths: Sequence[int], numeric: Sequence[bool], gap: int) -> str:
    padded = [c.rjust(w) if num else c.ljust(w) for c, w, num in zip(cells, widths, numeric, strict=True)]
    return (" " * gap).join(padded).rstrip()


def format_pairs(pairs: Iterable[tuple[str, object]], *, gap: int = 2) -> str:
    """`key  value` lines with the values aligned; values keep their own text (no cutting)."""
    items = [(k, "" if v is None else str(v)) for k, v in pairs]
    width = max((len(k) for k, _ in items), default=0)
    return "\n".join(f"{k.ljust(width)}{' ' * gap}{v}".rstrip() for k, v in items)
