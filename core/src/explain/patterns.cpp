// The messages clients print, as they print them (matched without regard to
// case). Each row names the cause; notes say what a client's own wording
// adds. Rows are grouped by cause; order matters only between rows that match
// at the same place in a line, where the first row's note is the one used.
// A note says {provider} and {submissions_port} for the profile's name and
// port 465; a note starting {no_implicit_tls} is left out for a provider
// that serves implicit TLS (explain/build_cause.cpp, with_note).
#include "explain/patterns.h"

#include <array>

namespace smtpcheck::explaining {
namespace {

using enum strength;

constexpr std::string_view phpmailer_debug =
    "PHPMailer prints the reason only with `$mail->SMTPDebug = SMTP::DEBUG_SERVER;`.";
constexpr std::string_view dotnet_inner =
    "SmtpException hides the real reason in its InnerException: log ex.ToString(), not ex.Message.";
constexpr std::string_view interception_hint =
    "A self-signed certificate in the chain is what TLS interception by an antivirus or a proxy "
    "looks like.";

constexpr auto text_table = std::to_array<text_pattern>({
    // ── the TCP connection timed out ───────────────────────────────────────
    {"Connection timed out", fid::explain_connect_timeout},
    {"connect ETIMEDOUT", fid::explain_connect_timeout},
    {"Connection timeout", fid::explain_connect_timeout},
    {"did not properly respond after a period of time", fid::explain_connect_timeout},
    {"connect timed out", fid::explain_connect_timeout},
    // MailKit's read timeout says "Operation timed out after 5000 milliseconds".
    {"Operation timed out", fid::explain_connect_timeout, specific, "milliseconds|read operation"},
    {"i/o timeout", fid::explain_connect_timeout, specific, "read tcp"},
    {"Net::OpenTimeout", fid::explain_connect_timeout},
    {"errno=110", fid::explain_connect_timeout},
    {"WSAETIMEDOUT", fid::explain_connect_timeout},
    {"socket.timeout", fid::explain_connect_timeout},
    {"TimeoutError: timed out", fid::explain_connect_timeout},
    {"The operation has timed out",
     fid::explain_connect_timeout,
     specific,
     {},
     "SmtpClient says this for any timeout, and it cannot speak implicit TLS: on port "
     "{submissions_port} it "
     "waits for a greeting that never comes."},
    {"execution expired", fid::explain_connect_timeout, generic},
    // Thunderbird: "… the connection to Outgoing server (SMTP) <host> timed out. Try again."
    {"timed out. Try again.", fid::explain_connect_timeout},
    {"ETIMEDOUT", fid::explain_connect_timeout, fallback},

    // ── refused ────────────────────────────────────────────────────────────
    {"Connection refused", fid::explain_connection_refused},
    {"ECONNREFUSED", fid::explain_connection_refused},
    {"actively refused", fid::explain_connection_refused},
    {"errno=111", fid::explain_connection_refused},
    {"WSAECONNREFUSED", fid::explain_connection_refused},
    {"CONNECTION_REFUSED", fid::explain_connection_refused},
    {"refused the connection", fid::explain_connection_refused},
    {"is refusing SMTP connections", fid::explain_connection_refused},
    // Windows' WSAECONNREFUSED machine-translated by a user from Chinese.
    {"rejection by the target computer", fid::explain_connection_refused},

    // ── the name did not resolve ───────────────────────────────────────────
    {"ENOTFOUND", fid::explain_dns_failure},
    {"EAI_AGAIN", fid::explain_dns_failure},
    {"EAI_NONAME", fid::explain_dns_failure},
    {"Name or service not known", fid::explain_dns_failure},
    {"nodename nor servname provided", fid::explain_dns_failure},
    {"Temporary failure in name resolution", fid::explain_dns_failure},
    {"Name does not resolve", fid::explain_dns_failure},
    {"No such host is known", fid::explain_dns_failure},
    {"temporary error during hostname resolution", fid::explain_dns_failure},
    {"UnknownHostException", fid::explain_dns_failure},
    {"Unknown SMTP host", fid::explain_dns_failure},
    {"no such host", fid::explain_dns_failure},
    {"Could not resolve host", fid::explain_dns_failure},
    {"Host or domain name not found", fid::explain_dns_failure},
    {"server misbehaving", fid::explain_dns_failure},
    {"getaddrinfo failed", fid::explain_dns_failure},
    {"Name service error for name=", fid::explain_dns_failure},
    // Thunderbird: "Outgoing server (SMTP) <host> is unknown."
    {"is unknown. The server may be incorrectly configured", fid::explain_dns_failure},
    {"gaierror", fid::explain_dns_failure, generic},
    {"php_network_getaddresses", fid::explain_dns_failure, generic},

    // ── no route ───────────────────────────────────────────────────────────
    {"Network is unreachable", fid::explain_network_unreachable},
    {"ENETUNREACH", fid::explain_network_unreachable},
    {"No route to host", fid::explain_network_unreachable},
    {"EHOSTUNREACH", fid::explain_network_unreachable},
    {"unreachable network", fid::explain_network_unreachable},
    {"unreachable host", fid::explain_network_unreachable},
    {"NoRouteToHostException", fid::explain_network_unreachable},
    {"Host is unreachable", fid::explain_network_unreachable},
    {"errno=101", fid::explain_network_unreachable},
    {"errno=113", fid::explain_network_unreachable},
    // EADDRNOTAVAIL: no source address of that family, i.e. an IPv6 address
    // tried on a host (or container) without IPv6.
    {"Cannot assign requested", fid::explain_network_unreachable},
    {"EADDRNOTAVAIL", fid::explain_network_unreachable},

    // ── cut ────────────────────────────────────────────────────────────────
    {"Connection reset", fid::explain_connection_reset},
    {"read ECONNRESET", fid::explain_connection_reset},
    {"forcibly closed by the remote host", fid::explain_connection_reset},
    {"net_io_connectionclosed",
     fid::explain_connection_reset,
     specific,
     {},
     "SmtpClient says this when the server closed the connection, often right after a reply it "
     "does not show."},
    {"Connection closed unexpectedly", fid::explain_connection_reset},
    // smtplib's own source line "raise SMTPServerDisconnected(\"Connection unexpectedly
    // closed: \"" appears in tracebacks; the exception line has a colon after the class.
    {"SMTPServerDisconnected: Connection unexpectedly closed", fid::explain_connection_reset,
     specific, "timed out"},
    {"errno=104", fid::explain_connection_reset},
    {"WSAECONNRESET", fid::explain_connection_reset},
    {"Connection closed by foreign host", fid::explain_connection_reset},
    {"transport connection: The connection was closed", fid::explain_connection_reset},
    {"connection was aborted by the software in your host", fid::explain_connection_reset},
    {"Server terminates connection", fid::explain_connection_reset},
    {"unexpectedly terminated the connection", fid::explain_connection_reset},
    {"was lost in the middle of the transaction", fid::explain_connection_reset},
    // Swift Mailer when the server closed mid-dialogue (the greeting's own
    // row, for 220, is more specific).
    {"but got code \"\", with message \"\"", fid::explain_connection_reset, generic},
    {"unexpectedly disconnected", fid::explain_connection_reset, generic},
    {"ECONNRESET", fid::explain_connection_reset, fallback},
    {"Broken pipe", fid::explain_connection_reset, fallback},
    {"EOF caught while checking if connected", fid::explain_connection_reset, fallback},
    {"end of file reached", fid::explain_connection_reset, fallback},

    // ── connected, but no "220" greeting ───────────────────────────────────
    {"Greeting never received", fid::explain_greeting_not_received},
    {"Connection unexpectedly closed: timed out", fid::explain_greeting_not_received},
    {"response: -1",
     fid::explain_greeting_not_received,
     specific,
     {},
     "JavaMail's \"response: -1\" means the connection opened and closed before any greeting."},
    {"Expected response code 220 but got an empty response", fid::explain_greeting_not_received},
    {"Expected response code \"220\" but got an empty response",
     fid::explain_greeting_not_received},
    {"Expected response code 220 but got code \"\"", fid::explain_greeting_not_received},
    {"Net::ReadTimeout", fid::explain_greeting_not_received, generic},
    {"get_lines(): timed-out", fid::explain_greeting_not_received, generic},
    {"Read timed out", fid::explain_greeting_not_received, generic},
    {"The read operation timed out", fid::explain_greeting_not_received, generic},
    {"Operation timed out after",
     fid::explain_greeting_not_received,
     generic,
     {},
     "MailKit's \"Operation timed out\" after a number of milliseconds is a read that got no "
     "answer."},
    // smtplib raises this from connect() when the server closes before its
    // greeting (a plain client on an implicit-TLS port).
    {"SMTPServerDisconnected: Connection unexpectedly closed",
     fid::explain_greeting_not_received,
     specific,
     "timed out",
     {},
     {},
     "in connect"},

    // ── the client says only that it failed ────────────────────────────────
    {"SMTP connect() failed", fid::explain_connect_failed, fallback, {}, phpmailer_debug},
    {"Could not connect to SMTP host", fid::explain_connect_failed, fallback},
    {"Couldn't connect to host", fid::explain_connect_failed, fallback},
    {"Connection could not be established with host", fid::explain_connect_failed, fallback},
    {"Failed to connect to server", fid::explain_connect_failed, fallback, {}, phpmailer_debug},
    {"Failure sending mail", fid::explain_connect_failed, fallback, {}, dotnet_inner},
    {"Unable to connect to the remote server",
     fid::explain_connect_failed,
     fallback,
     {},
     dotnet_inner},
    {"Mail server connection failed", fid::explain_connect_failed, fallback},
    {"unable to connect to", fid::explain_connect_failed, fallback},
    {"Failed to connect to", fid::explain_connect_failed, fallback},
    {"Error connecting to", fid::explain_connect_failed, fallback},
    {"Connection attempt to", fid::explain_connect_failed, fallback},
    {"Could not connect to", fid::explain_connect_failed, fallback},

    // ── the same socket errors as Windows words them in other languages ────
    // Windows' own texts for WSAETIMEDOUT (10060), WSAECONNREFUSED (10061),
    // WSAECONNRESET (10054) and WSAHOST_NOT_FOUND (11001), from localized
    // Microsoft documentation and from real pastes of them (sources in
    // tests/data/explain/corpus/windows_languages.jsonl). A distinctive part
    // of each sentence is enough; the error numbers alone are matched too
    // (explain/os_errors.cpp).
    {"nach einer bestimmten Zeitspanne nicht richtig reagiert", fid::explain_connect_timeout},
    {"da der Zielcomputer die Verbindung verweigerte", fid::explain_connection_refused},
    {"Verbindung wurde vom Remotehost geschlossen", fid::explain_connection_reset},
    {"Der angegebene Host ist unbekannt", fid::explain_dns_failure},
    {"pas répondu convenablement", fid::explain_connect_timeout},
    {"expressément refusée", fid::explain_connection_refused},
    {"fermée par l’hôte distant", fid::explain_connection_reset},
    {"fermée par l'hôte distant", fid::explain_connection_reset},
    {"Hôte inconnu", fid::explain_dns_failure},
    {"no respondió adecuadamente", fid::explain_connect_timeout},
    {"denegó expresamente", fid::explain_connection_refused},
    {"interrupción de una conexión existente", fid::explain_connection_reset},
    {"No se conoce ese host", fid::explain_dns_failure},
    {"não respondeu corretamente após um período", fid::explain_connect_timeout},
    {"as recusou ativamente", fid::explain_connection_refused},
    {"cancelamento de uma conexão existente", fid::explain_connection_reset},
    {"Este host não é conhecido", fid::explain_dns_failure},
    {"一定の時間を過ぎても正しく応答しなかった", fid::explain_connect_timeout},
    {"対象のコンピューターによって拒否された", fid::explain_connection_refused},
    {"リモート ホストに強制的に切断されました", fid::explain_connection_reset},
    {"そのようなホストは不明です", fid::explain_dns_failure},
    {"没有正确答复或连接的主机没有反应", fid::explain_connect_timeout},
    {"目标计算机积极拒绝", fid::explain_connection_refused},
    {"远程主机强迫关闭了一个现有的连接", fid::explain_connection_reset},
    {"不知道这样的主机", fid::explain_dns_failure},
    {"Host is onbekend", fid::explain_dns_failure},
    // A user's English rendering of the Chinese 10060 text.
    {"unresponsive host after a period of time", fid::explain_connect_timeout},

    // ── implicit TLS against a plain greeting ──────────────────────────────
    {"wrong version number", fid::explain_implicit_tls_on_starttls_port},
    {"WRONG_VERSION_NUMBER", fid::explain_implicit_tls_on_starttls_port},
    {"GET_SERVER_HELLO:unknown protocol", fid::explain_implicit_tls_on_starttls_port},
    {"Unrecognized SSL message", fid::explain_implicit_tls_on_starttls_port},
    {"first record does not look like a TLS handshake", fid::explain_implicit_tls_on_starttls_port},
    {"unexpected packet format", fid::explain_implicit_tls_on_starttls_port},
    {"typically reserved for plain-text connections",
     fid::explain_implicit_tls_on_starttls_port,
     specific,
     {},
     "{no_implicit_tls}Ignore MailKit's hint to try port {submissions_port}: {provider} does not "
     "serve it."},
    {"SSL_ERROR_RX_RECORD_TOO_LONG", fid::explain_implicit_tls_on_starttls_port},
    // rustls (lettre) reading a plain "220" greeting as a TLS record.
    {"CorruptMessage",
     fid::explain_implicit_tls_on_starttls_port,
     specific,
     {},
     "rustls says this when the server answered in plain text: lettre's `relay()` speaks "
     "implicit TLS, `starttls_relay()` speaks STARTTLS."},
    {"received corrupt message", fid::explain_implicit_tls_on_starttls_port},
    // GnuTLS (msmtp with `tls_starttls off`).
    {"An unexpected TLS packet was received", fid::explain_implicit_tls_on_starttls_port},

    // ── TLS version ────────────────────────────────────────────────────────
    {"alert protocol version", fid::explain_tls_version_refused},
    {"ALERT_PROTOCOL_VERSION", fid::explain_tls_version_refused},
    {"No appropriate protocol",
     fid::explain_tls_version_refused,
     specific,
     {},
     "Java 8u291, 11.0.11 and later disable TLS 1.0 and 1.1, so a client pinned to TLSv1 has no "
     "protocol left to offer.",
     "Set `mail.smtp.ssl.protocols=TLSv1.2` (or remove the property that pins TLSv1), so that the "
     "client offers TLS 1.2"},
    {"do not possess a common algorithm", fid::explain_tls_version_refused},
    {"unsupported protocol", fid::explain_tls_version_refused},
    {"UNSUPPORTED_PROTOCOL", fid::explain_tls_version_refused},
    {"protocol_version", fid::explain_tls_version_refused},
    {"protocol version not supported", fid::explain_tls_version_refused},
    {"SSL_ERROR_UNSUPPORTED_VERSION", fid::explain_tls_version_refused},
    {"no protocols available", fid::explain_tls_version_refused},
    {"NO_PROTOCOLS_AVAILABLE", fid::explain_tls_version_refused},
    {"does not support the connection encryption type",
     fid::explain_tls_version_refused,
     specific,
     {},
     "Outlook says this on Windows 7 and older, where TLS 1.2 is off until Windows is told to "
     "use it."},

    // ── the handshake failed, reason not given ─────────────────────────────
    {"handshake failure", fid::explain_tls_handshake_failed, generic},
    {"handshake_failure", fid::explain_tls_handshake_failed, generic},
    {"handshake failed", fid::explain_tls_handshake_failed, generic},
    {"Remote host terminated the handshake", fid::explain_tls_handshake_failed, generic},
    {"closed connection during handshake", fid::explain_tls_handshake_failed, generic},
    {"remote party has closed the transport stream",
     fid::explain_tls_handshake_failed,
     generic,
     {},
     "On .NET Framework before 4.7 this usually means the client offered only TLS 1.0, which "
     "{provider} refuses."},
    {"A call to SSPI failed", fid::explain_tls_handshake_failed, generic},
    {"Could not convert socket to TLS", fid::explain_tls_handshake_failed, generic},
    {"attempting to establish an SSL or TLS connection",
     fid::explain_tls_handshake_failed,
     generic,
     {},
     "MailKit lists every possible reason; the lines under it (or its InnerException) name the "
     "real one."},
    {"EOF occurred in violation of protocol", fid::explain_tls_handshake_failed, generic},
    {"UNEXPECTED_EOF_WHILE_READING", fid::explain_tls_handshake_failed, generic},
    {"unexpected eof while reading", fid::explain_tls_handshake_failed, generic},
    {"unexpected EOF or 0 bytes from the transport stream", fid::explain_tls_handshake_failed,
     generic},
    {"before secure TLS connection was established", fid::explain_tls_handshake_failed, generic},
    {"no shared cipher", fid::explain_tls_handshake_failed, generic},
    {"NO_SHARED_CIPHER", fid::explain_tls_handshake_failed, generic},
    {"Unable to connect with STARTTLS", fid::explain_tls_handshake_failed, generic},
    {"TLS startup failed", fid::explain_tls_handshake_failed, generic},
    {"Error initiating TLS", fid::explain_tls_handshake_failed, generic},
    {"Failed to enable crypto", fid::explain_tls_handshake_failed, generic},
    {"SSL operation failed", fid::explain_tls_handshake_failed, generic},
    {"handshake eof", fid::explain_tls_handshake_failed, generic},
    {"An encrypted connection to your mail server is not available",
     fid::explain_tls_handshake_failed, generic},
    // PHPMailer's only words when the handshake after STARTTLS fails.
    {"Could not connect to SMTP host",
     fid::explain_tls_handshake_failed,
     specific,
     {},
     "PHPMailer gives this bare message when the TLS handshake after STARTTLS fails; the "
     "usual reason is a certificate it does not trust.",
     {},
     "STARTTLS"},
    {"no peer certificate available", fid::explain_tls_handshake_failed, fallback},
    {"SSLHandshakeException", fid::explain_tls_handshake_failed, fallback},
    {"SSL_connect returned", fid::explain_tls_handshake_failed, fallback},

    // ── certificate not trusted ────────────────────────────────────────────
    {"unable to get local issuer certificate", fid::explain_certificate_untrusted},
    {"UNABLE_TO_GET_ISSUER_CERT_LOCALLY", fid::explain_certificate_untrusted},
    {"unable to get issuer certificate", fid::explain_certificate_untrusted},
    {"unable to verify the first certificate", fid::explain_certificate_untrusted},
    {"UNABLE_TO_VERIFY_LEAF_SIGNATURE", fid::explain_certificate_untrusted},
    {"self signed certificate in certificate chain",
     fid::explain_certificate_untrusted,
     specific,
     {},
     interception_hint},
    {"self-signed certificate in certificate chain",
     fid::explain_certificate_untrusted,
     specific,
     {},
     interception_hint},
    {"SELF_SIGNED_CERT_IN_CHAIN",
     fid::explain_certificate_untrusted,
     specific,
     {},
     interception_hint},
    {"DEPTH_ZERO_SELF_SIGNED_CERT",
     fid::explain_certificate_untrusted,
     specific,
     {},
     interception_hint},
    // MailKit's list of possible reasons says "self-signed certificate" too.
    {"self signed certificate", fid::explain_certificate_untrusted, specific,
     "which cannot be verified", interception_hint},
    {"self-signed certificate", fid::explain_certificate_untrusted, specific,
     "which cannot be verified", interception_hint},
    {"PKIX path building failed", fid::explain_certificate_untrusted},
    {"unable to find valid certification path", fid::explain_certificate_untrusted},
    {"signed by unknown authority", fid::explain_certificate_untrusted},
    {"errors in the certificate chain", fid::explain_certificate_untrusted},
    {"UntrustedRoot", fid::explain_certificate_untrusted},
    {"PartialChain", fid::explain_certificate_untrusted},
    {"remote certificate is invalid according to the validation procedure",
     fid::explain_certificate_untrusted, generic},
    {"RemoteCertificateChainErrors", fid::explain_certificate_untrusted, generic},
    {"certificate verify failed", fid::explain_certificate_untrusted, generic},
    {"CERTIFICATE_VERIFY_FAILED", fid::explain_certificate_untrusted, generic},
    {"SSL certificate problem", fid::explain_certificate_untrusted, generic},
    {"certificate could not be validated", fid::explain_certificate_untrusted, generic},
    {"ValidatorException", fid::explain_certificate_untrusted, generic},
    {"unable to get certificate CRL",
     fid::explain_certificate_untrusted,
     specific,
     {},
     "The client could not fetch the revocation list of a certificate in the chain: a firewall "
     "or proxy that blocks it, or a certificate that interception software made."},
    {"unable to check revocation",
     fid::explain_certificate_untrusted,
     specific,
     {},
     "Windows could not fetch the revocation list of a certificate in the chain: a firewall "
     "or proxy that blocks it, or a certificate that interception software made."},
    {"rejected by the provided RemoteCertificateValidationCallback",
     fid::explain_certificate_untrusted, generic},

    // ── certificate for another name ───────────────────────────────────────
    {"does not match certificate's altnames", fid::explain_certificate_hostname_mismatch},
    {"ERR_TLS_CERT_ALTNAME_INVALID", fid::explain_certificate_hostname_mismatch},
    {"No subject alternative DNS name matching", fid::explain_certificate_hostname_mismatch},
    {"No subject alternative names matching", fid::explain_certificate_hostname_mismatch},
    {"No subject alternative names present", fid::explain_certificate_hostname_mismatch},
    {"Hostname mismatch", fid::explain_certificate_hostname_mismatch},
    {"certificate is valid for", fid::explain_certificate_hostname_mismatch},
    {"doesn't contain any IP SANs", fid::explain_certificate_hostname_mismatch},
    {"RemoteCertificateNameMismatch", fid::explain_certificate_hostname_mismatch},
    {"no alternative certificate subject name matches", fid::explain_certificate_hostname_mismatch},
    {"does not match the server certificate", fid::explain_certificate_hostname_mismatch},
    {"did not match expected CN", fid::explain_certificate_hostname_mismatch},
    {"CertificateError: hostname", fid::explain_certificate_hostname_mismatch},
    {"did not match the name given in the server's SSL certificate",
     fid::explain_certificate_hostname_mismatch},
    {"failed host verification", fid::explain_certificate_hostname_mismatch},

    // ── certificate out of date (or the clock is) ──────────────────────────
    {"certificate has expired", fid::explain_certificate_expired},
    {"CERT_HAS_EXPIRED", fid::explain_certificate_expired},
    {"certificate expired", fid::explain_certificate_expired},
    {"CertificateExpired", fid::explain_certificate_expired},
    {"certificate is not yet valid", fid::explain_certificate_expired},
    {"CERT_NOT_YET_VALID", fid::explain_certificate_expired},
    {"CertificateNotYetValid", fid::explain_certificate_expired},
    {"NotTimeValid", fid::explain_certificate_expired},
    {"validity check failed", fid::explain_certificate_expired},

    // ── no STARTTLS from the other end ─────────────────────────────────────
    {"Server does not support secure connections", fid::explain_starttls_not_offered},
    {"does not support the STARTTLS extension", fid::explain_starttls_not_offered},
    {"STARTTLS extension not supported by server", fid::explain_starttls_not_offered},
    {"STARTTLS is not supported on this server", fid::explain_starttls_not_offered},
    {"host does not support STARTTLS", fid::explain_starttls_not_offered},
    {"didn't find starttls in server response", fid::explain_starttls_not_offered},
    {"TLS is required, but was not offered", fid::explain_starttls_not_offered},
    {"does not support TLS via the STARTTLS command", fid::explain_starttls_not_offered},

    // ── credentials refused ────────────────────────────────────────────────
    {"Invalid login", fid::explain_auth_failed},
    {"SMTPAuthenticationError", fid::explain_auth_failed},
    {"Login denied", fid::explain_auth_failed},
    {"Username and Password not accepted", fid::explain_auth_failed},
    {"Authentication unsuccessful", fid::explain_auth_failed},
    {"Incorrect authentication data", fid::explain_auth_failed},
    {"SASL authentication failed", fid::explain_auth_failed},
    {"Password command failed", fid::explain_auth_failed},
    {"Username command failed", fid::explain_auth_failed},
    {"The server response was: 5.7.8", fid::explain_auth_failed},
    {"Application-specific password required", fid::explain_auth_failed},
    // SendGrid words a refused login as a 451.
    {"Authentication failed: Could not authenticate", fid::explain_auth_failed},
    {"authorization.failed", fid::explain_auth_failed, generic},
    {"bad response on command 'AUTH'", fid::explain_auth_failed, generic},
    {"Could not authenticate", fid::explain_auth_failed, generic},
    {"AuthenticationFailedException", fid::explain_auth_failed, generic},
    {"No authentication type succeeded", fid::explain_auth_failed, generic},
    {"Failed to authenticate on SMTP server", fid::explain_auth_failed, generic},
    // .NET calls the TLS handshake "authentication" too.
    {"authentication failed", fid::explain_auth_failed, generic,
     "transport stream|inner exception|sspi"},

    // ── no credentials sent ────────────────────────────────────────────────
    {"Authentication required", fid::explain_auth_required},
    {"authentication is required", fid::explain_auth_required},
    {"Client not authenticated", fid::explain_auth_required},
    {"not logged in", fid::explain_auth_required},
    {"Relay access denied", fid::explain_auth_required},
    {"Relaying denied", fid::explain_auth_required},
    // Not SmtpClient's own "… or the client was not authenticated".
    {"Client was not authenticated", fid::explain_auth_required, specific,
     "or the client was not authenticated"},
    {"Unable to relay", fid::explain_auth_required},
    {"requires a secure connection or the client was not authenticated",
     fid::explain_auth_required,
     generic,
     {},
     "SmtpClient says this for any 530; the words after \"The server response was:\" tell which."},

    // ── AUTH looked for before STARTTLS ────────────────────────────────────
    {"SMTP AUTH extension not supported by server", fid::explain_auth_not_offered},
    {"Authentication is not allowed at this stage", fid::explain_auth_not_offered},
    {"server doesn't support AUTH", fid::explain_auth_not_offered},
    {"unencrypted connection",
     fid::explain_auth_not_offered,
     specific,
     {},
     "Go's smtp.PlainAuth refuses to send the password before STARTTLS."},
    {"supported by both server and client", fid::explain_auth_not_offered},
    {"does not support authentication", fid::explain_auth_not_offered, specific, "method"},
    {"authentication not enabled", fid::explain_auth_not_offered},
    {"did not advertise authentication", fid::explain_auth_not_offered},
    {"No supported authentication methods found", fid::explain_auth_not_offered},
    {"AUTH command used when not advertised", fid::explain_auth_not_offered},
    {"command \"AUTH\" not recognized", fid::explain_auth_not_offered},
    // msmtp: only PLAIN or LOGIN offered, and they need TLS first.
    {"cannot use a secure authentication method", fid::explain_auth_not_offered},

    // ── no mechanism both sides speak ──────────────────────────────────────
    {"no mechanism available",
     fid::explain_auth_mechanism_unsupported,
     specific,
     {},
     "Postfix says this when its SASL library has no client plugins (Debian and Ubuntu: the "
     "libsasl2-modules package)."},
    {"no compatible authentication mechanisms", fid::explain_auth_mechanism_unsupported},
    {"does not support authentication method", fid::explain_auth_mechanism_unsupported},
    {"Unrecognized authentication type", fid::explain_auth_mechanism_unsupported},
    {"No compatible authentication mechanism", fid::explain_auth_mechanism_unsupported},

    // ── credentials never configured ───────────────────────────────────────
    {"Missing credentials for", fid::explain_credentials_missing},
    {"no password specified", fid::explain_credentials_missing},
    {"smtp_sasl_passwd_lookup: no auth info found", fid::explain_credentials_missing},

    // ── STARTTLS required first ────────────────────────────────────────────
    {"STARTTLS command first", fid::explain_starttls_required},
    {"Must issue a STARTTLS", fid::explain_starttls_required},
    {"Must issue STARTTLS", fid::explain_starttls_required},
    {"Send STARTTLS first", fid::explain_starttls_required},
    {"Encryption required for requested authentication mechanism", fid::explain_starttls_required},
    {"STARTTLS is required", fid::explain_starttls_required, specific, "does not support"},

    // ── From refused ───────────────────────────────────────────────────────
    {"is not a Sender Signature", fid::explain_sender_rejected},
    {"Sender signature not confirmed", fid::explain_sender_rejected},
    {"Sender address rejected", fid::explain_sender_rejected},
    {"The following From address failed", fid::explain_sender_rejected},
    {"not owned by user", fid::explain_sender_rejected},
    {"MAIL FROM command failed", fid::explain_sender_rejected, generic},
    {"Mail command failed", fid::explain_sender_rejected, generic},
    {"SMTPSenderRefused", fid::explain_sender_rejected, generic},
    {"SMTPSenderFailedException", fid::explain_sender_rejected, generic},
    {"sender rejection", fid::explain_sender_rejected, generic},

    // ── try again later ────────────────────────────────────────────────────
    {"Service not available, closing transmission channel",
     fid::explain_temporary_failure,
     specific,
     {},
     "SmtpClient words a 421 reply (service not available) this way."},
    {"The server response was: 4.", fid::explain_temporary_failure},
    {"Too many concurrent", fid::explain_temporary_failure},
    {"Too many connections", fid::explain_temporary_failure},
    {"Concurrent connections limit", fid::explain_temporary_failure},
    {"retry time not reached", fid::explain_temporary_failure},
    {"SmtpCommandException: 4.", fid::explain_temporary_failure},
    {"Too many login attempts", fid::explain_temporary_failure},

    // ── the recipient refused ──────────────────────────────────────────────
    {"all recipients were rejected", fid::explain_recipients_rejected, generic},
    {"All RCPT commands were rejected", fid::explain_recipients_rejected, generic},
    {"RecipientNotAccepted", fid::explain_recipients_rejected},
    {"mailbox unavailable", fid::explain_recipients_rejected},
    {"Recipient address rejected", fid::explain_recipients_rejected},

    // ── too large ──────────────────────────────────────────────────────────
    {"size exceeds", fid::explain_size_limit},
    {"Message too big", fid::explain_size_limit},
    {"message too large", fid::explain_size_limit},
    {"exceeds size limit", fid::explain_size_limit},
    {"size larger than allowed", fid::explain_size_limit},
    {"Exceeded storage allocation", fid::explain_size_limit},
    {"maximum message size", fid::explain_size_limit},
    {"message size limit", fid::explain_size_limit},
    {"5.3.4", fid::explain_size_limit, generic},
});

constexpr auto reply_table = std::to_array<reply_pattern>({
    {535, fid::explain_auth_failed},
    // 534 5.7.9: the mechanism or password kind is refused (RFC 4954 §6).
    {534, fid::explain_auth_failed},
    // 530 is both "authentication required" and "must issue STARTTLS first"
    // (RFC 3207 §4): the words decide, the code alone is the weaker reading.
    {530, fid::explain_auth_required, generic},
    {552, fid::explain_size_limit, generic},
    {4, fid::explain_temporary_failure},
});

}  // namespace

std::span<const text_pattern> text_patterns() {
  return text_table;
}
std::span<const reply_pattern> reply_patterns() {
  return reply_table;
}

}  // namespace smtpcheck::explaining
