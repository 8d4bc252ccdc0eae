// for port 587 or 25 or 2525 etc.
var transporter = nodemailer.createTransport({
    host: 'smtp.hostname',
    port: 587,
    secure: false,
    requireTLS: true, // only use if the server really does support TLS
    auth: {
        user: 'email',
        pass: 'password'
    }
});
