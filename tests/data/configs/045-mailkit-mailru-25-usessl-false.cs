client.ServerCertificateValidationCallback = (s, c, h, e) => true;
await client.ConnectAsync("smtp.mail.ru", 25, false);

await client.AuthenticateAsync(login, password);
await client.SendAsync(mailMessage);
await client.DisconnectAsync(true);
