import smtplib
s = smtplib.SMTP(host="smtp.ee.ethz.ch", port=587)
s.starttls()
s.ehlo()
s.login("<nethz>", "<Password>")
