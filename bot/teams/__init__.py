"""The Teams edge: the only modules (with `dialogs/`) that import botbuilder.

Moving to another Bot Framework SDK (the Microsoft 365 Agents SDK, the Teams SDK) means rewriting
these files and nothing else: adapter.py, endpoint.py, handler.py, state_storage.py,
dialogs_host.py and transport.py.
"""
