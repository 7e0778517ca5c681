"""The sans-I/O core: no sockets, no asyncio, no Qt."""
