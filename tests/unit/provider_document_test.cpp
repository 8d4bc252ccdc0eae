// The provider document (smtpcheck/provider/v1): what the widget's form shows
// about a provider, worded by the core from the profile alone.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "fix/provider_words.h"
#include "smtpcheck/json.h"
#include "smtpcheck/provider.h"

using namespace smtpcheck;
using nlohmann::json;

namespace {

json document_of(std::string_view id) {
  return json::parse(provider_document(id));
}

// The working-settings line for `field`, or null.
json line_for(const json& provider, std::string_view field) {
  for (const json& line : provider["working_settings"]) {
    if (line["field"] == field) return line;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("every provider's form shows its own host, recommended port and security",
          "[provider_document]") {
  for (const provider_profile* p : providers()) {
    INFO(p->id);
    const json doc = document_of(p->id);
    CHECK(doc["schema"] == "smtpcheck/provider/v1");
    CHECK(doc["findings"].empty());
    const json& provider = doc["provider"];
    CHECK(provider["id"] == p->id);
    CHECK(provider["fields"]["host"]["placeholder"] == p->primary_host);
    CHECK(provider["fields"]["port"]["placeholder"] == std::to_string(p->recommended_port));
    CHECK(line_for(provider, "host")["value"] == p->primary_host);
    CHECK(line_for(provider, "port")["value"] == std::to_string(p->recommended_port));
    CHECK(line_for(provider, "security")["value"] ==
          (serves_implicit_tls(*p, p->recommended_port) ? "tls" : "starttls"));
    CHECK(provider["recommended"]["port"] == p->recommended_port);
    CHECK(provider["alternative"]["port"] == p->alternative_port);
    CHECK(provider["ports"].size() == p->starttls_ports.size() + p->implicit_tls_ports.size());
    CHECK(provider["login"] == smtpcheck::fix::login_words(*p));
  }
}

TEST_CASE("the username line follows the provider's login scheme", "[provider_document]") {
  for (const provider_profile* p : providers()) {
    INFO(p->id);
    const json provider = document_of(p->id)["provider"];
    const json username = line_for(provider, "username");
    const std::string secret(p->server_token_name);
    if (p->credentials.username == username_scheme::literal) {
      // A fixed word is typed as it is: shown as the value and as the placeholder.
      CHECK(username["value"] == p->credentials.literal_username);
      CHECK(provider["fields"]["username"]["placeholder"] == p->credentials.literal_username);
    } else {
      CHECK_FALSE(username.contains("value"));
      CHECK(provider["fields"]["username"]["placeholder"] == "");
    }
    if (p->credentials.username == username_scheme::same_as_password) {
      CHECK(username["words"] == "your " + secret);
      CHECK(line_for(provider, "password")["words"] == "the same " + secret);
    }
    CHECK(std::string(provider["fields"]["password"]["hint"]).find(secret) != std::string::npos);
  }
}

TEST_CASE("a provider's document names no other provider's host", "[provider_document]") {
  for (const provider_profile* p : providers()) {
    const std::string text = provider_document(p->id);
    for (const provider_profile* other : providers()) {
      if (other == p || other->domain == p->domain) continue;
      INFO(p->id << " names " << other->primary_host);
      CHECK(text.find(other->primary_host) == std::string::npos);
    }
  }
}

TEST_CASE("no id is the default provider; an unknown id is a finding and no provider",
          "[provider_document]") {
  CHECK(document_of("")["provider"]["id"] == default_provider().id);
  const json unknown = document_of("acme-relay");
  CHECK(unknown["provider"].is_null());
  REQUIRE(unknown["findings"].size() == 1);
  CHECK(unknown["findings"][0]["id"] == "settings.unknown_provider");
  CHECK(unknown["findings"][0]["field"] == "provider");
}
