s = smtplib.SMTP(MAIL_SMTP_SERVER)
s.starttls()  # needed if SSL/StartTLS is required (Port 465)
s.login('myuser', 'mypassword') # insert your e-mailuseraccount/password here
s.sendmail(MAIL_FROM_ADDR, to.split(','), msg.as_string())
s.quit()
