"""The window's export of a finished (or stopped) run, through the batch command's own
writers (mailtester.batch.outputs), so the files are the same as `mailtester batch` writes."""

from __future__ import annotations

from pathlib import Path

from ...batch import BatchSummary, ResultWriters, RowResult, Sheet


def export_results(path: Path, kind: str, sheet: Sheet, results: list[RowResult],
                   summary: BatchSummary | None, elapsed: float, lang: str = "en") -> None:
    """Write the rows (in the sheet's order) as CSV or HTML ("csv", "html"), the HTML's words
    in `lang`. `summary` is the run's; a run that ended in an error has none, so the rows'
    own counts are used."""
    if summary is None:
        summary = BatchSummary(elapsed=elapsed)
        for result in results:
            summary.add(result)
    writers = ResultWriters(sheet, **{f"{kind}_path": str(path)}, lang=lang)
    for result in results:
        writers.write(result)
    writers.close(summary)
