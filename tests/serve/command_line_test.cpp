// `smtpcheck serve` on the command line: its help, its usage mistakes, and
// a port that is taken.
#include <catch2/catch.hpp>

#include "run_process.h"
#include "serve_process.h"

using namespace smtpcheck::testing;

namespace {

process_result run_serve(std::vector<std::string> args) {
  args.insert(args.begin(), {SMTPCHECK_BIN, "serve"});
  return run_process(args);
}

}  // namespace

TEST_CASE("serve --help documents every flag", "[serve][cli]") {
  const process_result r = run_serve({"--help"});
  CHECK(r.exit_code == 0);
  for (const char* flag :
       {"--port", "--origin", "--allow-host", "--ports", "--ca-file", "--connect-timeout",
        "--reply-timeout", "--timeout", "--idle-exit", "--once", "Exit codes"}) {
    INFO(flag);
    CHECK(r.out.find(flag) != std::string::npos);
  }
  const process_result top = run_process({SMTPCHECK_BIN, "--help"});
  CHECK(top.out.find("smtpcheck serve") != std::string::npos);
}

TEST_CASE("serve refuses unusable flags with exit code 2", "[serve][cli]") {
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"--origin", "https://help.example.com/"},
           {"--origin", "*"},
           {"--ports", "2525"},
           {"--allow-host", "localhost:0"},
           {"--port", "70000"},
           {"--timeout", "soon"},
           {"--timeout", "."},
           {"--idle-exit", "-1"},
           {"--ca-file", "/nonexistent/ca.pem"},
           {"--password", "x"},
           {"extra"},
       }) {
    INFO(args.front());
    const process_result r = run_serve(args);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("smtpcheck: ") == 0);
  }
}

TEST_CASE("serve on a port already taken says so and exits 1", "[serve][cli]") {
  serve_process first;
  const process_result second = run_serve({"--port", std::to_string(first.port())});
  CHECK(second.exit_code == 1);
  CHECK(second.err.find("cannot listen on 127.0.0.1:" + std::to_string(first.port())) !=
        std::string::npos);
  CHECK(second.out.empty());
}
