$mail->isSMTP();
$mail->Host = 'smtp.postmarkapp.com';
$mail->SMTPAuth = true;
$mail->Username = '11111111-2222-4333-8444-555555555555';
$mail->Password = '11111111-2222-4333-8444-555555555555';
$mail->SMTPSecure = PHPMailer::ENCRYPTION_SMTPS;
$mail->setFrom('billing@example.com');
