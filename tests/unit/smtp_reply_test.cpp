// SMTP reply parsing (RFC 5321 §4.2), as the agent reads a server line by line.
#include <catch2/catch.hpp>
#include <string>

#include "smtpcheck/smtp_reply.h"

using namespace smtpcheck;

namespace {
smtp_reply_reader read_all(std::initializer_list<std::string_view> lines) {
  smtp_reply_reader r;
  for (auto line : lines) r.add_line(line);
  return r;
}
}  // namespace

TEST_CASE("a one-line reply is complete after its line", "[smtp][reply]") {
  smtp_reply_reader r;
  CHECK(r.add_line("220 smtp.example.test ESMTP") == reply_state::complete);
  CHECK(r.reply().code == 220);
  CHECK(reply_text(r.reply()) == "smtp.example.test ESMTP");
}

TEST_CASE("a multi-line reply ends at the line with a space after the code", "[smtp][reply]") {
  smtp_reply_reader r;
  CHECK(r.add_line("250-smtp.example.test") == reply_state::incomplete);
  CHECK(r.add_line("250-STARTTLS") == reply_state::incomplete);
  CHECK(r.add_line("250 AUTH PLAIN LOGIN") == reply_state::complete);
  CHECK(ehlo_keywords(r.reply()) == std::vector<std::string>{"STARTTLS", "AUTH PLAIN LOGIN"});
}

TEST_CASE("a bare code is a complete reply", "[smtp][reply]") {
  CHECK(read_all({"250"}).state() == reply_state::complete);
}

TEST_CASE("lines without a reply code are malformed", "[smtp][reply]") {
  CHECK(read_all({"hello"}).state() == reply_state::malformed);
  CHECK(read_all({"\x16\x03\x01"}).state() == reply_state::malformed);
  CHECK(read_all({"2500 too many digits"}).state() == reply_state::malformed);
  CHECK(read_all({"120 not a code RFC 5321 allows"}).state() == reply_state::malformed);
  CHECK(read_all({""}).state() == reply_state::malformed);
}

TEST_CASE("a code that changes in the middle of a reply is malformed", "[smtp][reply]") {
  CHECK(read_all({"250-one", "251 two"}).state() == reply_state::malformed);
}

TEST_CASE("a reply that never ends is cut at the line limit", "[smtp][reply]") {
  smtp_reply_reader r;
  reply_state s = reply_state::incomplete;
  for (std::size_t i = 0; i < max_reply_lines + 5 && s == reply_state::incomplete; ++i) {
    s = r.add_line("250-again");
  }
  CHECK(s == reply_state::too_many_lines);
  CHECK(r.reply().lines.size() == max_reply_lines);
}

TEST_CASE("lines after the end of a reply are ignored", "[smtp][reply]") {
  smtp_reply_reader r = read_all({"221 bye", "250 more"});
  CHECK(r.state() == reply_state::complete);
  CHECK(r.reply().lines.size() == 1);
}

TEST_CASE("extensions are found by their first word in any case", "[smtp][ehlo]") {
  const std::vector<std::string> k{"SIZE 10485760", "starttls", "AUTH=LOGIN", "AUTH PLAIN login"};
  CHECK(offers_extension(k, "STARTTLS"));
  CHECK(offers_extension(k, "size"));
  CHECK_FALSE(offers_extension(k, "PIPELINING"));
  CHECK(auth_mechanisms(k) == std::vector<std::string>{"LOGIN", "PLAIN"});
}

TEST_CASE("AUTH without mechanisms lists none", "[smtp][ehlo]") {
  CHECK(auth_mechanisms({"AUTH", "AUTHX PLAIN"}).empty());
}
