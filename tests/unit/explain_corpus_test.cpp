// The real-world corpus (tests/data/explain/corpus/*.jsonl, see its README):
// every entry's expected cause is found, with a fix naming the exact value,
// and the client is recognised where the entry says it should be. Prints
// the recognition rate per client family and every miss; fails below 95%.
// tests/wasm/explain_corpus.mjs runs the same entries through the WASM core.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "smtpcheck/explain.h"
#include "text/ascii.h"

using namespace smtpcheck;

namespace {

struct corpus_entry {
  std::string family;
  std::string client;
  std::string source;
  std::string cause;
  std::vector<std::string> fix_words;
  std::string detects;
  std::string text;
};

std::vector<corpus_entry> read_corpus() {
  const std::filesystem::path dir =
      std::filesystem::path(SMTPCHECK_TEST_DATA) / "explain" / "corpus";
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() == ".jsonl") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<corpus_entry> out;
  for (const auto& path : files) {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      const auto j = nlohmann::json::parse(line);
      corpus_entry e{path.stem().string(),
                     j.at("client"),
                     j.at("source"),
                     j.at("cause"),
                     j.at("fix").get<std::vector<std::string>>(),
                     j.value("detects", ""),
                     j.at("text")};
      out.push_back(std::move(e));
    }
  }
  return out;
}

/// "" when the entry is recognised, else why not: the expected cause is among
/// the findings, its fix holds every fix word (case aside), and the expected
/// client, if any, is named in explain.client_recognised.
std::string miss(const corpus_entry& e, const std::vector<finding>& findings) {
  const auto cause = std::find_if(findings.begin(), findings.end(),
                                  [&](const finding& f) { return f.id == e.cause; });
  if (cause == findings.end()) {
    std::string got;
    for (const finding& f : findings) got += (got.empty() ? "" : ", ") + f.id;
    return "expected " + e.cause + ", got " + got;
  }
  // Case aside: `SecureSocketOptions.StartTls` names STARTTLS too.
  const std::string fix = text::lower(cause->fix);
  for (const std::string& word : e.fix_words) {
    if (fix.find(text::lower(word)) == std::string::npos) {
      return "the fix of " + e.cause + " lacks \"" + word + "\": " + cause->fix;
    }
  }
  if (!e.detects.empty()) {
    const auto client = std::find_if(findings.begin(), findings.end(), [](const finding& f) {
      return f.id == "explain.client_recognised";
    });
    if (client == findings.end() || client->fix.find("`" + e.detects + "`") == std::string::npos) {
      return "the client " + e.detects + " was not recognised";
    }
  }
  return {};
}

}  // namespace

TEST_CASE("the real-world corpus is recognised at 95% or better, per family", "[explain][corpus]") {
  const std::vector<corpus_entry> corpus = read_corpus();
  REQUIRE(corpus.size() >= 250);

  std::map<std::string, std::pair<int, int>> per_family;  // recognised, total
  int recognised = 0;
  std::vector<std::string> misses;
  for (const corpus_entry& e : corpus) {
    const std::string why = miss(e, explain(e.text));
    auto& [ok, total] = per_family[e.family];
    ++total;
    if (why.empty()) {
      ++ok;
      ++recognised;
    } else {
      misses.push_back(e.family + " / " + e.client + " (" + e.source + "): " + why);
    }
  }

  std::cout << "explain corpus: recognition per family\n";
  for (const auto& [family, counts] : per_family) {
    std::cout << "  " << std::left << std::setw(18) << family << counts.first << "/"
              << counts.second << "\n";
  }
  const double rate = 100.0 * recognised / static_cast<double>(corpus.size());
  std::cout << "  overall           " << recognised << "/" << corpus.size() << " (" << std::fixed
            << std::setprecision(1) << rate << "%)\n";
  for (const std::string& m : misses) std::cout << "  missed: " << m << "\n";
  CHECK(rate >= 95.0);
}
