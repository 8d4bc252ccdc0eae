$mail = new PHPMailer(true);
$mail->SMTPDebug = 3;
$mail->isSMTP();
$mail->Host       = 'my exchange server ip address';
$mail->SMTPAuth   = true;
$mail->Username   = 'myuser@mydomain.com';
$mail->Password   = 'fake-password';
//$mail->SMTPSecure = 'tls';
$mail->Port       =  587;
