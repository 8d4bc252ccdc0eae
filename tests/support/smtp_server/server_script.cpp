#include "smtp_server/server_script.h"

#include <array>
#include <utility>

namespace smtpcheck::testing {
namespace {

template <typename E, std::size_t N>
std::optional<E> find_by_name(const std::array<std::pair<E, std::string_view>, N>& table,
                              std::string_view name) {
  for (const auto& [value, value_name] : table) {
    if (value_name == name) return value;
  }
  return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view find_name(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [candidate, name] : table) {
    if (candidate == value) return name;
  }
  return "?";
}

constexpr std::array<std::pair<tls_version, std::string_view>, 4> tls_version_names{{
    {tls_version::v1_0, "1.0"},
    {tls_version::v1_1, "1.1"},
    {tls_version::v1_2, "1.2"},
    {tls_version::v1_3, "1.3"},
}};

constexpr std::array<std::pair<test_certificate, std::string_view>, 6> certificate_names{{
    {test_certificate::good, "good"},
    {test_certificate::wrong_host, "wrong_host"},
    {test_certificate::expired, "expired"},
    {test_certificate::self_signed, "self_signed"},
    {test_certificate::unknown_ca, "unknown_ca"},
    {test_certificate::interception, "interception"},
}};

constexpr std::array<std::pair<server_fault, std::string_view>, 10> fault_names{{
    {server_fault::none, "none"},
    {server_fault::no_banner, "no_banner"},
    {server_fault::garbage_banner, "garbage_banner"},
    {server_fault::reject_421, "reject_421"},
    {server_fault::close_during_handshake, "close_during_handshake"},
    {server_fault::inject_after_starttls, "inject_after_starttls"},
    {server_fault::starttls_not_advertised, "starttls_not_advertised"},
    {server_fault::refuse_starttls, "refuse_starttls"},
    {server_fault::endless_multiline, "endless_multiline"},
    {server_fault::huge_line, "huge_line"},
}};

}  // namespace

std::string_view to_string(tls_version version) {
  return find_name(tls_version_names, version);
}
std::string_view to_string(test_certificate certificate) {
  return find_name(certificate_names, certificate);
}
std::string_view to_string(server_fault fault) {
  return find_name(fault_names, fault);
}

std::optional<tls_version> parse_tls_version(std::string_view name) {
  return find_by_name(tls_version_names, name);
}
std::optional<test_certificate> parse_test_certificate(std::string_view name) {
  return find_by_name(certificate_names, name);
}
std::optional<server_fault> parse_server_fault(std::string_view name) {
  return find_by_name(fault_names, name);
}

}  // namespace smtpcheck::testing
