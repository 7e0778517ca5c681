"""Mail Account Tester: can this mail account log in to its outgoing server?"""

__version__ = "0.1.0"


def console() -> None:
    """The installed command (and `python -m mailtester`, and the bundle's launcher)."""
    import gc

    # Start-up allocates much and frees almost nothing: collecting during its imports is wasted work,
    # a few percent of a check (issue 14). cli.start_up_done turns collection back on.
    gc.disable()
    from .cli import console as run

    run()
