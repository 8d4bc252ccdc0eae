import smtplib
s = smtplib.SMTP("smtp.ee.ethz.ch")
s.starttls()
s.login("<nethz>", "<Password>")
