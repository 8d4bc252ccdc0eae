  config.action_mailer.smtp_settings = {
    address: 'mail.wheelmap.org',
    enable_starttls_auto: false,
    port: 25,
    domain: 'wheelmap.org',
    authentication: :login,
    user_name: Rails.application.secrets.mail_user,
    password: Rails.application.secrets.mail_password
  }
