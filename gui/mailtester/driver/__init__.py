"""The asyncio driver around the sans-I/O core."""
