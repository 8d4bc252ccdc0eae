// The probe flow's shape, read from the agent's sources: the agent hands
// each finished report to the core's judge_probe() once (which takes the
// secrets out and diagnoses, once) and never calls diagnose() or re-reads a
// document itself; and one port parser, the core's, reads typed ports.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

const fs::path agent_sources = fs::path(SMTPCHECK_SOURCE_DIR) / "agent" / "src";

// The file's code: comments ("// … diagnose() judges them") left out.
std::string code_of(const fs::path& file) {
  static const std::regex comment(R"((^|\s)//.*)");
  std::ifstream in(file);
  std::string code;
  for (std::string line; std::getline(in, line);)
    code += std::regex_replace(line, comment, "$1") + "\n";
  return code;
}

// Calls of `name(` in the agent's C++ files, by file (relative path).
std::map<std::string, int> calls_of(const std::string& name) {
  std::map<std::string, int> found;
  const std::regex call("(^|[^A-Za-z0-9_])" + name + "\\s*\\(");
  for (const auto& entry : fs::recursive_directory_iterator(agent_sources)) {
    const std::string ext = entry.path().extension().string();
    if (ext != ".cpp" && ext != ".h") continue;
    const std::string text = code_of(entry.path());
    const auto n =
        std::distance(std::sregex_iterator(text.begin(), text.end(), call), std::sregex_iterator());
    if (n > 0)
      found[fs::relative(entry.path(), agent_sources).generic_string()] = static_cast<int>(n);
  }
  return found;
}

}  // namespace

TEST_CASE("probe and serve judge each report once, through the core's judge_probe", "[cli][flow]") {
  REQUIRE(fs::is_directory(agent_sources));
  CHECK(calls_of("diagnose").empty());
  CHECK(calls_of("diagnose_document").empty());
  CHECK(calls_of("judge_probe") ==
        std::map<std::string, int>{{"command_probe.cpp", 1}, {"serve/probe_route.cpp", 1}});
  // No JSON read back to clean it: the report is made secret-free before encoding.
  CHECK(calls_of("parse").empty());
}

TEST_CASE("the agent has no port parser of its own", "[cli][flow]") {
  CHECK_FALSE(fs::exists(agent_sources / "port_number.h"));
  CHECK(calls_of("parse_port_number").empty());
  CHECK(calls_of("settings_port_number").empty());
}
