SmtpHost.Connect(Server, 25, SecureSocketOptions.StartTls)
SmtpHost.Authenticate(New SaslMechanismNtlm (New Net.NetworkCredential(txtUser.Text, txtPassword.Text)))
