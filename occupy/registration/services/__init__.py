"""Everything that changes a registration: one module per part of its life.

register.py (register, resend, edit details), lifecycle.py (confirm, cancel, switch, reinstate and the waiting
list), privacy.py (export and erase), tokens.py (confirmation links), mail.py (queue an e-mail).
"""
