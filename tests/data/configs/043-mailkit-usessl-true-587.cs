using (var client = new SmtpClient())
                {
                    client.Connect("smtp.live.com", 587, true);

                    client.AuthenticationMechanisms.Remove("XOAUTH2");

                    // Note: only needed if the SMTP server requires authentication
                    client.Authenticate("xxxx", "xxxx");

                    await client.SendAsync(message);
                    client.Disconnect(true);
                }
