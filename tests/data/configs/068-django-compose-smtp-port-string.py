EMAIL_HOST = 'smtp'
EMAIL_PORT = '25'
EMAIL_USE_TLS = True
DEFAULT_FROM_EMAIL = 'noreply@localhost'
