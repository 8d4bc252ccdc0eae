$mail->isSMTP();
$mail->Host  = 'smtp.gmail.com';
$mail->SMTPSecure = 'ssl';
    $mail->Port       = 587;
