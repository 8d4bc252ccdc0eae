server = smtplib.SMTP_SSL('smtp.gmail.com', 587)
server.login(config["smtp"]["user"], config["smtp"]["password"])
