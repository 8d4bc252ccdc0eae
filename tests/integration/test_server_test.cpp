// The scripted test SMTP server itself, driven by a small raw client written
// here (a socket and an OpenSSL client verifying against ca.pem for
// "localhost"), so the agent's tests can trust what it plays.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "run_process.h"
#include "smtp_server/base64.h"
#include "smtp_server/smtp_test_server.h"

namespace smtpcheck::testing {
namespace {

using namespace std::chrono_literals;
using clock_type = std::chrono::steady_clock;

const std::string cert_dir = SMTPCHECK_TEST_CERTS;
const std::string token = "00000000-0000-4000-8000-000000000000";  // the script's fake default

/// How the raw client's TLS handshake went.
struct handshake_result {
  bool ok = false;
  long verify_code = 0;  // X509_V_*
  std::string error;
};

/// What the client offers and trusts in its TLS handshake.
struct client_tls {
  std::string ca_file = cert_dir + "/ca.pem";
  std::string host = "localhost";   // SNI and the name checked against the certificate
  std::optional<int> version = {};  // offer only this version, e.g. TLS1_1_VERSION
};

/// A deliberately small SMTP client: a blocking socket with a read timeout.
class raw_client {
 public:
  explicit raw_client(int port, std::chrono::milliseconds read_timeout = 3000ms) {
    // OpenSSL writes with write(): its alert to a server that already closed
    // (a refused version, a failed verification) must fail, not kill the test.
    std::signal(SIGPIPE, SIG_IGN);
    fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    set_read_timeout(read_timeout);
  }
  ~raw_client() {
    if (ssl_ != nullptr) SSL_free(ssl_);
    if (context_ != nullptr) SSL_CTX_free(context_);
    close(fd_);
  }
  raw_client(const raw_client&) = delete;
  raw_client& operator=(const raw_client&) = delete;

  bool connected() const { return connected_; }

  void set_read_timeout(std::chrono::milliseconds timeout) {
    timeval tv{};
    tv.tv_sec = static_cast<time_t>(timeout.count() / 1000);
    tv.tv_usec = static_cast<suseconds_t>((timeout.count() % 1000) * 1000);
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  }

  void send_line(std::string_view line) { send_raw(std::string(line) + "\r\n"); }

  void send_raw(std::string_view bytes) {
    if (ssl_ != nullptr) {
      std::size_t written = 0;
      SSL_write_ex(ssl_, bytes.data(), bytes.size(), &written);
    } else {
      (void)!send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    }
  }

  /// Reads more bytes into the buffer; false on end, error or timeout.
  bool fill() {
    char chunk[65536];
    long n = 0;
    if (ssl_ != nullptr) {
      std::size_t got = 0;
      n = SSL_read_ex(ssl_, chunk, sizeof chunk, &got) == 1 ? static_cast<long>(got) : -1;
    } else {
      n = recv(fd_, chunk, sizeof chunk, 0);
    }
    if (n <= 0) return false;
    buffer_.append(chunk, static_cast<std::size_t>(n));
    return true;
  }

  /// One whole reply (every line up to "ddd "), lines joined by "\n"; empty
  /// when the server closed or said nothing in time.
  std::string read_reply() {
    std::string reply;
    while (true) {
      std::size_t end = 0;
      while ((end = buffer_.find("\r\n")) == std::string::npos) {
        if (!fill()) return {};
      }
      const std::string line = buffer_.substr(0, end);
      buffer_.erase(0, end + 2);
      reply += (reply.empty() ? "" : "\n") + line;
      if (line.size() < 4 || line[3] != '-') return reply;
    }
  }

  std::string command(std::string_view line) {
    send_line(line);
    return read_reply();
  }

  /// Whatever has arrived but was not read as a reply yet.
  const std::string& buffered() const { return buffer_; }
  void discard_buffered() { buffer_.clear(); }

  /// Whether the server closed the connection (rather than staying silent) within the timeout.
  bool closed_by_server() {
    char byte = 0;
    const ssize_t n = recv(fd_, &byte, 1, 0);
    return n == 0;
  }

  handshake_result start_tls(const client_tls& options = {}) {
    handshake_result result;
    ERR_clear_error();
    context_ = SSL_CTX_new(TLS_client_method());
    SSL_CTX_load_verify_locations(context_, options.ca_file.c_str(), nullptr);
    SSL_CTX_set_verify(context_, SSL_VERIFY_PEER, nullptr);
    if (options.version) {
      SSL_CTX_set_min_proto_version(context_, *options.version);
      SSL_CTX_set_max_proto_version(context_, *options.version);
      // OpenSSL 3 only speaks TLS 1.0/1.1 at security level 0.
      if (*options.version < TLS1_2_VERSION) SSL_CTX_set_security_level(context_, 0);
    }
    ssl_ = SSL_new(context_);
    SSL_set_fd(ssl_, fd_);
    SSL_set_tlsext_host_name(ssl_, options.host.c_str());
    SSL_set1_host(ssl_, options.host.c_str());
    result.ok = SSL_connect(ssl_) == 1;
    result.verify_code = SSL_get_verify_result(ssl_);
    if (!result.ok) {
      char text[256] = "";
      ERR_error_string_n(ERR_get_error(), text, sizeof text);
      result.error = text;
      SSL_free(ssl_);
      ssl_ = nullptr;
    }
    return result;
  }

  std::string tls_version() const { return ssl_ != nullptr ? SSL_get_version(ssl_) : ""; }

  /// The leaf certificate's issuer, RFC 2253 form.
  std::string peer_issuer() const {
    X509* leaf = ssl_ != nullptr ? SSL_get0_peer_certificate(ssl_) : nullptr;
    if (leaf == nullptr) return {};
    BIO* out = BIO_new(BIO_s_mem());
    X509_NAME_print_ex(out, X509_get_issuer_name(leaf), 0, XN_FLAG_RFC2253);
    char* text = nullptr;
    const long size = BIO_get_mem_data(out, &text);
    std::string issuer(text, static_cast<std::size_t>(size));
    BIO_free(out);
    return issuer;
  }

  /// Greeting, EHLO, STARTTLS, handshake and EHLO again: a client ready for AUTH.
  void open_tls_session() {
    REQUIRE(read_reply().rfind("220 ", 0) == 0);
    REQUIRE(command("EHLO client.test").rfind("250-", 0) == 0);
    REQUIRE(command("STARTTLS").rfind("220 ", 0) == 0);
    REQUIRE(start_tls().ok);
    REQUIRE(command("EHLO client.test").rfind("250-", 0) == 0);
  }

 private:
  int fd_ = -1;
  bool connected_ = false;
  SSL_CTX* context_ = nullptr;
  SSL* ssl_ = nullptr;
  std::string buffer_;
};

std::string plain_response(std::string_view user, std::string_view password) {
  std::string response;
  response += '\0';
  response += user;
  response += '\0';
  response += password;
  return base64_encode(response);
}

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

}  // namespace

TEST_CASE("the server greets with the scripted banner", "[server][banner]") {
  smtp_test_server server({});
  raw_client client(server.port());
  REQUIRE(client.connected());
  CHECK(client.read_reply() == "220 localhost ESMTP smtpcheck-test");
}

TEST_CASE("a multi-line banner arrives as one reply", "[server][banner]") {
  server_script script;
  script.banner = {"220-localhost first line", "220 second line"};
  smtp_test_server server(script);
  raw_client client(server.port());
  CHECK(client.read_reply() == "220-localhost first line\n220 second line");
}

TEST_CASE("EHLO in clear lists STARTTLS but not AUTH", "[server][ehlo]") {
  smtp_test_server server({});
  raw_client client(server.port());
  client.read_reply();
  const std::string ehlo = client.command("EHLO client.test");
  CHECK(ehlo == "250-localhost\n250-SIZE 10485760\n250-8BITMIME\n250-PIPELINING\n250 STARTTLS");
}

TEST_CASE("STARTTLS then a TLS 1.3 handshake verifies the good certificate for localhost",
          "[server][tls]") {
  smtp_test_server server({});
  raw_client client(server.port());
  client.read_reply();
  client.command("EHLO client.test");
  CHECK(client.command("STARTTLS") == "220 2.0.0 Ready to start TLS");
  const handshake_result handshake = client.start_tls();
  REQUIRE(handshake.ok);
  CHECK(handshake.verify_code == X509_V_OK);
  CHECK(client.tls_version() == "TLSv1.3");

  SECTION("and EHLO over TLS offers AUTH, no longer STARTTLS") {
    const std::string ehlo = client.command("EHLO client.test");
    CHECK(contains(ehlo, "250 AUTH PLAIN LOGIN"));
    CHECK_FALSE(contains(ehlo, "STARTTLS"));
  }
  SECTION("and the server records the version and the SNI name") {
    client.command("QUIT");
    REQUIRE(server.wait_for_closed(1, 2000ms));
    const connection_record record = server.connections().at(0);
    CHECK(record.tls_version == "1.3");
    CHECK(record.server_name == "localhost");
    CHECK(record.commands == std::vector<std::string>{"EHLO client.test", "STARTTLS", "QUIT"});
  }
}

TEST_CASE("the wrong_host certificate fails the client's hostname check", "[server][tls]") {
  server_script script;
  script.certificate = test_certificate::wrong_host;
  smtp_test_server server(script);
  raw_client client(server.port());
  client.read_reply();
  client.command("EHLO client.test");
  client.command("STARTTLS");
  const handshake_result handshake = client.start_tls();
  CHECK_FALSE(handshake.ok);
  CHECK(handshake.verify_code == X509_V_ERR_HOSTNAME_MISMATCH);
}

TEST_CASE("each bad certificate fails verification the way real ones do", "[server][tls]") {
  const auto [certificate, expected] = GENERATE(
      std::pair{test_certificate::expired, X509_V_ERR_CERT_HAS_EXPIRED},
      std::pair{test_certificate::self_signed, X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT},
      std::pair{test_certificate::unknown_ca, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY},
      std::pair{test_certificate::interception, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY});
  CAPTURE(to_string(certificate));
  server_script script;
  script.implicit_tls = true;
  script.certificate = certificate;
  smtp_test_server server(script);
  raw_client client(server.port());
  const handshake_result handshake = client.start_tls();
  CHECK_FALSE(handshake.ok);
  CHECK(handshake.verify_code == expected);
}

TEST_CASE("a client that trusts the interception CA verifies the interception certificate",
          "[server][tls]") {
  server_script script;
  script.implicit_tls = true;
  script.certificate = test_certificate::interception;
  smtp_test_server server(script);
  raw_client client(server.port());
  const handshake_result handshake =
      client.start_tls({.ca_file = cert_dir + "/interception_ca.pem"});
  REQUIRE(handshake.ok);
  CHECK(contains(client.peer_issuer(), "CN=Kaspersky Anti-Virus Personal Root Certificate (test)"));
  CHECK(client.read_reply() == "220 localhost ESMTP smtpcheck-test");
}

TEST_CASE("implicit TLS greets only after the handshake", "[server][tls]") {
  server_script script;
  script.implicit_tls = true;
  smtp_test_server server(script);
  raw_client client(server.port());
  REQUIRE(client.start_tls().ok);
  CHECK(client.read_reply() == "220 localhost ESMTP smtpcheck-test");
  CHECK(contains(client.command("EHLO client.test"), "AUTH PLAIN LOGIN"));
}

TEST_CASE("a script with TLS at most 1.1 accepts a TLS 1.1 client at security level 0",
          "[server][tls]") {
  server_script script;
  script.tls_max = tls_version::v1_1;
  smtp_test_server server(script);
  raw_client client(server.port());
  client.read_reply();
  client.command("EHLO client.test");
  client.command("STARTTLS");
  const handshake_result handshake = client.start_tls({.version = TLS1_1_VERSION});
  REQUIRE(handshake.ok);
  CHECK(client.tls_version() == "TLSv1.1");
  client.command("QUIT");
  REQUIRE(server.wait_for_closed(1, 2000ms));
  CHECK(server.connections().at(0).tls_version == "1.1");
}

TEST_CASE("the default script refuses a TLS 1.1 client", "[server][tls]") {
  smtp_test_server server({});
  raw_client client(server.port());
  client.read_reply();
  client.command("EHLO client.test");
  client.command("STARTTLS");
  CHECK_FALSE(client.start_tls({.version = TLS1_1_VERSION}).ok);
  REQUIRE(server.wait_for_closed(1, 2000ms));
  CHECK_FALSE(server.connections().at(0).tls_error.empty());
}

TEST_CASE("AUTH PLAIN over TLS accepts the right token and nothing else", "[server][auth]") {
  smtp_test_server server({});
  raw_client client(server.port());
  client.open_tls_session();

  SECTION("the right token as username and password gets 235") {
    const std::string line = "AUTH PLAIN " + plain_response(token, token);
    CHECK(client.command(line) == "235 2.7.0 Authentication successful");
    client.command("QUIT");
    REQUIRE(server.wait_for_closed(1, 2000ms));
    const connection_record record = server.connections().at(0);
    CHECK(record.authenticated);
    CHECK(record.commands.at(3) == line);  // kept as received
  }
  SECTION("a wrong password gets 535 5.7.8") {
    CHECK(client.command("AUTH PLAIN " + plain_response(token, "test-token-not-real")) ==
          "535 5.7.8 Authentication failed");
  }
  SECTION("the response may follow a 334 continuation") {
    CHECK(client.command("AUTH PLAIN") == "334 ");
    CHECK(client.command(plain_response(token, token)) == "235 2.7.0 Authentication successful");
  }
  SECTION("a cancelled exchange gets 501") {
    CHECK(client.command("AUTH PLAIN") == "334 ");
    CHECK(client.command("*") == "501 5.0.0 Authentication cancelled");
  }
}

TEST_CASE("AUTH LOGIN asks for the username then the password", "[server][auth]") {
  smtp_test_server server({});
  raw_client client(server.port());
  client.open_tls_session();
  CHECK(client.command("AUTH LOGIN") == "334 VXNlcm5hbWU6");
  CHECK(client.command(base64_encode(token)) == "334 UGFzc3dvcmQ6");
  CHECK(client.command(base64_encode(token)) == "235 2.7.0 Authentication successful");
}

TEST_CASE("AUTH before STARTTLS gets 530 5.7.0", "[server][auth]") {
  smtp_test_server server({});
  raw_client client(server.port());
  client.read_reply();
  client.command("EHLO client.test");
  CHECK(client.command("AUTH PLAIN " + plain_response(token, token)) ==
        "530 5.7.0 Must issue a STARTTLS command first");
}

TEST_CASE("MAIL FROM accepts verified senders and domains, case-insensitively",
          "[server][sender]") {
  server_script script;
  script.verified_senders = {"@example.test", "alice@other.test"};
  smtp_test_server server(script);
  raw_client client(server.port());
  client.read_reply();
  client.command("EHLO client.test");

  const std::string sender = GENERATE("bob@example.test", "Bob@EXAMPLE.test", "ALICE@other.test");
  CAPTURE(sender);
  CHECK(client.command("MAIL FROM:<" + sender + ">") == "250 2.1.0 Sender OK");
  CHECK(client.command("RCPT TO:<someone@example.test>") == "250 2.1.5 Recipient OK");
  CHECK(client.command("RSET") == "250 2.0.0 OK");
}

TEST_CASE("MAIL FROM an unverified sender gets the scripted rejection", "[server][sender]") {
  server_script script;
  script.verified_senders = {"@example.test", "alice@other.test"};
  smtp_test_server server(script);
  raw_client client(server.port());
  client.read_reply();
  client.command("EHLO client.test");
  CHECK(client.command("MAIL FROM:<bob@other.test>") == "550 5.7.1 Sender signature not verified");
  CHECK(client.command("MAIL FROM:<bob@sub.example.test>") ==
        "550 5.7.1 Sender signature not verified");
  CHECK(client.command("MAIL FROM:bob@example.test") == "501 5.5.4 Syntax: MAIL FROM:<address>");
}

TEST_CASE("DATA is refused and recorded, so tests can prove the agent never sends it",
          "[server][data]") {
  smtp_test_server server({});
  raw_client client(server.port());
  client.read_reply();
  client.command("EHLO client.test");
  client.command("NOOP");
  CHECK_FALSE(server.data_received());
  CHECK(client.command("DATA").rfind("554 ", 0) == 0);
  CHECK(server.data_received());
  CHECK(client.command("FROB") == "500 5.5.2 Command not recognized");
  CHECK(client.command("QUIT") == "221 2.0.0 Bye");
  CHECK(client.closed_by_server());
}

TEST_CASE("the inject fault sends extra bytes after the STARTTLS 220 in the same write",
          "[server][fault]") {
  server_script script;
  script.fault = server_fault::inject_after_starttls;
  smtp_test_server server(script);
  raw_client client(server.port());
  client.read_reply();
  client.command("EHLO client.test");
  CHECK(client.command("STARTTLS") == "220 2.0.0 Ready to start TLS");
  while (!contains(client.buffered(), "250 injected\r\n") && client.fill()) {
  }
  CHECK(client.buffered() == "250 injected\r\n");
  client.discard_buffered();  // as RFC 3207 §4.2 demands; the handshake then works
  CHECK(client.start_tls().ok);
}

TEST_CASE("plaintext pipelined after STARTTLS is discarded and counted", "[server][fault]") {
  smtp_test_server server({});
  raw_client client(server.port());
  client.read_reply();
  client.command("EHLO client.test");
  client.send_raw("STARTTLS\r\nMAIL FROM:<evil@example.test>\r\n");
  CHECK(client.read_reply() == "220 2.0.0 Ready to start TLS");
  REQUIRE(client.start_tls().ok);
  CHECK(client.command("MAIL FROM:<bob@example.test>") == "503 5.5.1 Send EHLO first");
  client.command("QUIT");
  REQUIRE(server.wait_for_closed(1, 2000ms));
  CHECK(server.connections().at(0).bytes_discarded_at_starttls ==
        std::string_view("MAIL FROM:<evil@example.test>\r\n").size());
}

TEST_CASE("the 421 fault says 421 at connect and closes", "[server][fault]") {
  server_script script;
  script.fault = server_fault::reject_421;
  smtp_test_server server(script);
  raw_client client(server.port());
  CHECK(client.read_reply().rfind("421 4.3.2 ", 0) == 0);
  CHECK(client.closed_by_server());
}

TEST_CASE("the no_banner fault says nothing at all", "[server][fault]") {
  server_script script;
  script.fault = server_fault::no_banner;
  smtp_test_server server(script);
  raw_client client(server.port(), 300ms);
  const auto start = clock_type::now();
  CHECK(client.read_reply().empty());
  CHECK(clock_type::now() - start >= 250ms);
}

TEST_CASE("a slow banner arrives after its delay", "[server][fault]") {
  server_script script;
  script.banner_delay = 300ms;
  smtp_test_server server(script);
  // Timed from before the connection: the server's delay starts at accept,
  // which a loaded machine may report to the client some ms later.
  const auto start = clock_type::now();
  raw_client client(server.port());
  CHECK(client.read_reply() == "220 localhost ESMTP smtpcheck-test");
  CHECK(clock_type::now() - start >= 290ms);
}

TEST_CASE("the garbage banner is binary junk, not a reply code", "[server][fault]") {
  server_script script;
  script.fault = server_fault::garbage_banner;
  smtp_test_server server(script);
  raw_client client(server.port());
  REQUIRE(client.fill());
  CHECK(client.buffered().at(0) == '\0');
  CHECK(contains(client.buffered(), "garbage\r\n"));
}

TEST_CASE("close_during_handshake closes right after the STARTTLS 220", "[server][fault]") {
  server_script script;
  script.fault = server_fault::close_during_handshake;
  smtp_test_server server(script);
  raw_client client(server.port());
  client.read_reply();
  client.command("EHLO client.test");
  CHECK(client.command("STARTTLS") == "220 2.0.0 Ready to start TLS");
  CHECK_FALSE(client.start_tls().ok);
}

TEST_CASE("starttls_not_advertised leaves STARTTLS out and answers it with 502",
          "[server][fault]") {
  server_script script;
  script.fault = server_fault::starttls_not_advertised;
  smtp_test_server server(script);
  raw_client client(server.port());
  client.read_reply();
  CHECK_FALSE(contains(client.command("EHLO client.test"), "STARTTLS"));
  CHECK(client.command("STARTTLS") == "502 5.5.1 STARTTLS not supported");
}

TEST_CASE("endless_multiline keeps sending 250- lines at a steady pace", "[server][fault]") {
  server_script script;
  script.fault = server_fault::endless_multiline;
  script.endless_line_interval = 20ms;
  smtp_test_server server(script);
  raw_client client(server.port());
  client.read_reply();
  client.send_line("EHLO client.test");
  const auto start = clock_type::now();
  while (!contains(client.buffered(), "250-X-ENDLESS-10\r\n") && client.fill()) {
  }
  CHECK(contains(client.buffered(), "250-X-ENDLESS-10\r\n"));
  CHECK_FALSE(contains(client.buffered(), "250 "));
  CHECK(clock_type::now() - start >= 190ms);
}

TEST_CASE("huge_line answers EHLO with 10 MB and no line end", "[server][fault]") {
  server_script script;
  script.fault = server_fault::huge_line;
  smtp_test_server server(script);
  raw_client client(server.port());
  client.read_reply();
  client.send_line("EHLO client.test");
  while (client.buffered().size() < 4 + script.huge_line_bytes && client.fill()) {
  }
  CHECK(client.buffered().size() == 4 + script.huge_line_bytes);
  CHECK_FALSE(contains(client.buffered(), "\n"));
}

TEST_CASE("a reply delay slows every reply", "[server][fault]") {
  server_script script;
  script.reply_delay = 200ms;
  smtp_test_server server(script);
  raw_client client(server.port());
  client.read_reply();
  const auto start = clock_type::now();
  client.command("NOOP");
  CHECK(clock_type::now() - start >= 190ms);
}

TEST_CASE("the server also listens on ::1 when asked", "[server]") {
  smtp_test_server server({}, {.listen_ipv6 = true});
  REQUIRE(server.ipv6_port() > 0);
  const int fd = socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in6 address{};
  address.sin6_family = AF_INET6;
  address.sin6_addr = in6addr_loopback;
  address.sin6_port = htons(static_cast<std::uint16_t>(server.ipv6_port()));
  CHECK(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  close(fd);
  REQUIRE(server.wait_for_closed(1, 2000ms));
  CHECK(server.connections().at(0).address == "::1");
}

TEST_CASE("stopping the server ends connections that are waiting on the client", "[server]") {
  server_script script;
  script.fault = server_fault::no_banner;
  smtp_test_server server(script);
  raw_client first(server.port());
  raw_client second(server.port());
  const auto start = clock_type::now();
  while (server.connection_count() < 2 && clock_type::now() - start < 2s) {
    std::this_thread::sleep_for(5ms);
  }
  server.stop();
  CHECK(clock_type::now() - start < 1s);
  CHECK(server.wait_for_closed(2, 0ms));
}

TEST_CASE("a script reads from JSON, and unknown keys are errors", "[server][script]") {
  std::string error;
  const std::optional<server_script> script = parse_server_script(
      R"({"fault": "inject_after_starttls", "tls_max": "1.1", "certificate": "expired",
          "verified_senders": ["@example.test"], "reply_delay_ms": 5,
          "ehlo_keywords": ["PIPELINING"]})",
      error);
  REQUIRE(script);
  CHECK(script->fault == server_fault::inject_after_starttls);
  CHECK(script->tls_max == tls_version::v1_1);
  CHECK(script->certificate == test_certificate::expired);
  CHECK(script->reply_delay == 5ms);
  CHECK(script->ehlo_keywords == std::vector<std::string>{"PIPELINING"});

  CHECK_FALSE(parse_server_script(R"({"faults": "none"})", error));
  CHECK(error == "\"faults\" is not a key of a server script");
  CHECK_FALSE(parse_server_script(R"({"tls_min": "1.4"})", error));
  CHECK(error == "\"tls_min\" unknown value \"1.4\"");
}

TEST_CASE("base64 round-trips SASL responses and rejects broken text", "[server][auth]") {
  const std::string plain = std::string("\0user\0pass", 10);
  CHECK(base64_encode(plain) == "AHVzZXIAcGFzcw==");
  CHECK(base64_decode("AHVzZXIAcGFzcw==") == plain);
  CHECK(base64_decode("AHVzZXIAcGFzcw=") == std::nullopt);
  CHECK(base64_decode("AH=zZXIA") == std::nullopt);
}

TEST_CASE("the smtp_test_server program prints one listening line per listener",
          "[server][program]") {
  const process_result result =
      run_process({SMTP_TEST_SERVER_BIN, "--listeners", "2", "--exit-on-stdin-eof"});
  CHECK(result.exit_code == 0);
  std::istringstream lines(result.out);
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    CHECK(line.rfind("listening 127.0.0.1:", 0) == 0);
    ++count;
  }
  CHECK(count == 2);
}

}  // namespace smtpcheck::testing
