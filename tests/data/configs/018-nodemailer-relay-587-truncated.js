const transporter = nodemailer.createTransport({
  host: "smtp-relay.gmail.com",
  port: 587,                                          // G Suite demands the 587
