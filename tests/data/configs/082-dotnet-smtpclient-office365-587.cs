                var client = new SmtpClient();
                NetworkCredential nc = new NetworkCredential("myemail@host.com.br", "mypassword");
                client.Credentials = nc;
                client.EnableSsl = true;
                client.Host = "outlook.office365.com";
                client.Port = 587;
                client.Send(message);
