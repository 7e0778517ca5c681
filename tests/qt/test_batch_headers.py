"""The batch window offers a sheet's header row for mapping exactly as the sheet spells it (the reader's
error carries the headers as a list, so a header with ", " in it stays one)."""

from __future__ import annotations

from tests.qt.test_batch_window import batch, paste  # noqa: F401 (the fixture)


def test_headers_with_commas_are_offered_whole(qtbot, batch):  # noqa: F811
    paste(qtbot, batch, "Mitarbeiter (Name, Adresse);Kennwort;Rechner\nanna@example.test;s3cret;mail.example.test\n")
    assert batch.sheet is None and batch.columns_box.isVisible()
    email = batch.column_combos["email"]
    assert [email.itemData(i) for i in range(email.count())] == ["", "Mitarbeiter (Name, Adresse)", "Kennwort",
                                                                 "Rechner"]
    email.setCurrentIndex(email.findData("Mitarbeiter (Name, Adresse)"))
    email.activated.emit(email.currentIndex())
    assert batch.sheet is not None and batch.model.index(0, 1).data() == "anna@example.test"
