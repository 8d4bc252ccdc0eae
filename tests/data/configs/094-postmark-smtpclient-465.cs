var client = new SmtpClient("smtp.postmarkapp.com", 465);
client.EnableSsl = true;
client.Credentials = new NetworkCredential("11111111-2222-4333-8444-555555555555", "11111111-2222-4333-8444-555555555555");
