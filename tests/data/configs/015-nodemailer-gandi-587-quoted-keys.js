var transporter = nodemailer.createTransport({
        "host": "mail.gandi.net",
        "port": 587,
        "auth": {"user": "fake-user", "pass": "fake-password"}
});
