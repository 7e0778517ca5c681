"""Entry point of the bundled application (PyInstaller): the installed command's."""

from mailtester import console

console()
