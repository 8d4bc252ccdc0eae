var smtpClient = new SmtpClient();
await smtpClient.ConnectAsync("alfa3031.alfahosting-server.de", 465, true, cancellationToken);
await smtpClient.AuthenticateAsync("user", "password", cancellationToken);
