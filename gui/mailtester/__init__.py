"""Mail Account Tester: can this mail account log in to its outgoing server?"""

__version__ = "0.1.0"
