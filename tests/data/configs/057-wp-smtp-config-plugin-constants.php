define('WP_SMTP_HOST',       'mail.example.com');
define('WP_SMTP_PORT',       25);                                // obligatory - default: 25
define('WP_SMTP_ENCRYPTION', 'tls');                             // obligatory ('tls' or 'ssl') - default: no encryption
define('WP_SMTP_USER',       'username');                        // obligatory - default: no user
define('WP_SMTP_PASSWORD',   'password');                        // obligatory - default: no password
define('WP_SMTP_FROM',       'John Doe <john.doe@example.com>'); // obligatory - default: no custom from address
