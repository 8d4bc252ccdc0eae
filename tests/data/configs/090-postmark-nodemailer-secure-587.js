const transporter = nodemailer.createTransport({
  host: "smtp.postmarkapp.com",
  port: 587,
  secure: true,
  auth: {
    user: "11111111-2222-4333-8444-555555555555",
    pass: "11111111-2222-4333-8444-555555555555",
  },
});
