"""Registration views: public.py (register, confirm, resend), manage.py (the participant's secret page),
organise.py (organisers' list, figures and CSV)."""
