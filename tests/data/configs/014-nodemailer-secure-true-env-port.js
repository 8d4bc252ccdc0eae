  const transporter = await nodemailer.createTransport({
    host: process.env.HOST,
    port: process.env.SMTP_PORT,
    secure: true,
    auth: {
      user: process.env.USER_NAME,
      pass: process.env.PASS,
    }
  })
