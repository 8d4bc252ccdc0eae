// For port 465
var transporter = nodemailer.createTransport({
    host: 'smtp.hostname',
    port: 465,
    secure: true,
    auth: {
        user: 'email',
        pass: 'password'
    }
});
