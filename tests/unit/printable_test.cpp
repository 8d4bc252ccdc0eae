// printable(): what the command line prints of text it did not write itself.
#include <catch2/catch.hpp>

#include "smtpcheck/printable.h"

using smtpcheck::printable;

namespace {
const std::string replacement = "\xEF\xBF\xBD";  // U+FFFD
}  // namespace

TEST_CASE("printable text is left as it is, line breaks and UTF-8 included", "[printable]") {
  CHECK(printable("smtp.postmarkapp.com") == "smtp.postmarkapp.com");
  CHECK(printable("host: \"x\"\nport: 587\n") == "host: \"x\"\nport: 587\n");
  CHECK(printable("Zoë — ✓") == "Zoë — ✓");
  CHECK(printable("") == "");
}

TEST_CASE("every control character but the line break becomes U+FFFD", "[printable]") {
  CHECK(printable("a\x1b[2Jb") == "a" + replacement + "[2Jb");
  CHECK(printable("a\rb\x07\x7f") == "a" + replacement + "b" + replacement + replacement);
  CHECK(printable("a\xC2\x9B"
                  "2J") == "a" + replacement + "2J");  // C1 CSI
  CHECK(printable(std::string("a\0b", 3)) == "a" + replacement + "b");
  CHECK(printable("a\tb") == "a b");
}

TEST_CASE("invalid UTF-8 becomes U+FFFD, one per byte that starts nothing", "[printable]") {
  CHECK(printable("a\x9B"
                  "2J") == "a" + replacement + "2J");         // an 8-bit CSI
  CHECK(printable("\xC0\xAF") == replacement + replacement);  // an overlong '/'
  CHECK(printable("line\n\xFF\n") == "line\n" + replacement + "\n");
}
