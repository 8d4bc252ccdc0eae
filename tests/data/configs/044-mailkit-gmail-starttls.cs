        using (var client = new SmtpClient())
        {
            client.Connect("smtp.gmail.com", 587, SecureSocketOptions.StartTls);
            client.Authenticate("username", "password");
            client.Send(emailMessage);
            client.Disconnect(true);
        }
