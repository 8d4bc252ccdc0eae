            SmtpClient client = new SmtpClient();
            client.Timeout = 100; //设置超时时间
            client.EnableSsl = true;
            client.Host = AppSettingsHelper.GetConfigStr("EmailAddress");
            client.Port = 587;
            client.UseDefaultCredentials = false;
            client.Credentials = new NetworkCredential(AppSettingsHelper.GetConfigStr("EmailFrom"),
                AppSettingsHelper.GetConfigStr("EmailPwd"));
            client.DeliveryMethod = SmtpDeliveryMethod.Network;
