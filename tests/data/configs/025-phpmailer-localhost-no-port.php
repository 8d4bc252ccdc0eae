$mail = new PHPMailer();
$mail->IsSMTP();  // telling the class to use SMTP
$mail->Host     = "LOCALHOST"; // SMTP server
$mail->SMTPAuth = true; // Enable SMTP authentication
$mail->Username = 'username@mydomain.com'; // SMTP username
$mail->Password = 'fake-password'; // SMTP password
$mail->SMTPSecure = 'tls'; // Enable encryption, 'ssl' also accepted
$mail->isHTML(true); // Set email format to HTML
$mail->From     = "username@mydomain.com";
