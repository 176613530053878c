"""CSV files organisers and visitors open in a spreadsheet: the one guard against a cell read as a formula."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value) -> str:
    """A spreadsheet must not read a cell as a formula: one that starts with = + - @ tab or CR gets a ' first."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
