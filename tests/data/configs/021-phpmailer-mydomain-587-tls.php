$email = new PHPMailer;
$email->isSMTP();
$email->Host = 'mydomain.com';
$email->SMTPAuth = true;
$email->Username = "info@mydomain.com";
$email->Password = "fake-password";
$email->SMTPSecure = 'tls';
$email->Port = 587;
$email->setFrom('info@mydomain.com', $subject);
