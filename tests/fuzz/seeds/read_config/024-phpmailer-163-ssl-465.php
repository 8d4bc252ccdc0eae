$mail->Host = 'smtp.163.com';
$mail->SMTPSecure = 'ssl';
$mail->Port = 465;
