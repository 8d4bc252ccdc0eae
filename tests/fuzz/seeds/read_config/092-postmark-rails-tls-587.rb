config.action_mailer.smtp_settings = {
  address: "smtp.postmarkapp.com",
  port: 587,
  user_name: "11111111-2222-4333-8444-555555555555",
  password: "11111111-2222-4333-8444-555555555555 ",
  authentication: :plain,
  tls: true
}
