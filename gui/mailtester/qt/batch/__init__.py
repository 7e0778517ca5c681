"""The batch window: many accounts from a sheet, checked at once (mailtester.batch)."""
