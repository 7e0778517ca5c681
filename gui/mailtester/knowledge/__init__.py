"""Diagnosis knowledge: reads resources/, pure functions, no I/O beyond that."""
