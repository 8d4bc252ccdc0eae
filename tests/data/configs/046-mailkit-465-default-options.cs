using (SmtpClient sc = new SmtpClient())
{
    sc.Connect("mail.mydomain.com", 465);
}
