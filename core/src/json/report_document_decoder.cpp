// The probe report document (smtpcheck/report/v1) in, bare or inside a
// smtpcheck/probe/v1 document: the one decoder of reports (its encoder is
// report_document_encoder.cpp). Never throws on any input: parsing runs
// without exceptions, every value's type is checked before it is read, and a
// value that is not understood is dropped with a finding, never guessed.
#include <algorithm>
#include <array>
#include <limits>
#include <span>
#include <string>
#include <utility>

#include "explain/sanitize.h"
#include "finding_id.h"
#include "finding_redaction.h"
#include "json/detail.h"
#include "smtpcheck/json.h"
#include "text/ascii.h"

namespace smtpcheck {
namespace {

using json = nlohmann::json;
using json_detail::type_name;

constexpr std::string_view report_schema = "smtpcheck/report/v1";
constexpr std::string_view probe_schema = "smtpcheck/probe/v1";
// Beyond this many, further wrong values add nothing a reader would act on.
constexpr std::size_t max_wrong_type_findings = 20;

constexpr std::array<std::string_view, 6> dns_statuses{"ok",      "nxdomain", "no_data",
                                                       "timeout", "error",    "local_address"};
constexpr std::array<std::string_view, 2> families{"ipv4", "ipv6"};
constexpr std::array<std::string_view, 5> tcp_statuses{"ok", "timeout", "refused", "unreachable",
                                                       "error"};
constexpr std::array<std::string_view, 5> banner_statuses{"ok", "timeout", "closed", "garbage",
                                                          "rejected"};
constexpr std::array<std::string_view, 5> ehlo_statuses{"ok", "timeout", "closed", "rejected",
                                                        "garbage"};
constexpr std::array<std::string_view, 6> starttls_statuses{
    "ok", "not_offered", "refused", "injected_data", "timeout", "error"};
constexpr std::array<std::string_view, 3> tls_statuses{"ok", "failed", "timeout"};
constexpr std::array<std::string_view, 5> auth_statuses{"ok", "failed", "not_offered", "skipped",
                                                        "refused_insecure"};
constexpr std::array<std::string_view, 3> envelope_statuses{"ok", "rejected", "skipped"};
constexpr std::array<std::string_view, 2> directions{"S", "C"};
constexpr std::array<std::string_view, 4> tls_versions{"1.0", "1.1", "1.2", "1.3"};
constexpr std::array<std::string_view, 3> version_statuses{"accepted", "refused", "error"};
constexpr std::array<std::string_view, 5> implicit_statuses{"ok", "wrong_version", "timeout",
                                                            "refused", "error"};
constexpr std::array<std::string_view, 4> security_modes{"starttls", "tls", "none", ""};

std::string one_of(std::span<const std::string_view> words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i) out += i + 1 == words.size() ? " or " : ", ";
    out += "\"" + std::string(words[i]) + "\"";
  }
  return "one of " + out;
}

// Reads one document, collecting what it could not understand.
class reader {
 public:
  explicit reader(std::vector<finding>& out) : out_(out) {}

  void wrong(const std::string& path, const std::string& expected, const std::string& observed) {
    if (++wrong_count_ > max_wrong_type_findings) return;
    out_.push_back(make_finding(
        catalog_rows::diagnose_report_wrong_type, path,
        "\"" + path + "\" must be " + expected + ", not " + observed + "; it was ignored.",
        "Run the probe again with the current smtpcheck agent, and share "
        "its report unchanged.",
        observed));
  }

  // The member `key` of `obj`, or nullptr when absent or null.
  static const json* member(const json& obj, std::string_view key) {
    const auto it = obj.find(key);
    return it == obj.end() || it->is_null() ? nullptr : &*it;
  }

  bool is_object(const json* v, const std::string& path) {
    if (!v) return false;
    if (v->is_object()) return true;
    wrong(path, "an object", type_name(*v));
    return false;
  }

  void string(const json& obj, std::string_view key, const std::string& path, std::string& dst) {
    const json* v = member(obj, key);
    if (!v) return;
    if (!v->is_string()) return wrong(path, "a string", type_name(*v));
    dst = v->get<std::string>();
  }

  // A status-like word; false (and a finding) when absent or not one of `words`.
  bool word(const json& obj, std::string_view key, const std::string& path,
            std::span<const std::string_view> words, std::string& dst) {
    const json* v = member(obj, key);
    if (!v) {
      wrong(path, one_of(words), "nothing");
      return false;
    }
    if (!v->is_string()) {
      wrong(path, one_of(words), type_name(*v));
      return false;
    }
    const auto& s = v->get_ref<const std::string&>();
    if (std::find(words.begin(), words.end(), s) == words.end()) {
      wrong(path, one_of(words), "\"" + explaining::sanitize(s.substr(0, 32)) + "\"");
      return false;
    }
    dst = s;
    return true;
  }

  std::optional<long> number(const json& obj, std::string_view key, const std::string& path,
                             long lo, long hi) {
    const json* v = member(obj, key);
    if (!v) return std::nullopt;
    const std::string expected =
        "a whole number from " + std::to_string(lo) + " to " + std::to_string(hi);
    if (v->is_number_unsigned()) {
      const auto n = v->get<unsigned long long>();
      if (n <= static_cast<unsigned long long>(hi) && static_cast<long long>(n) >= lo) {
        return static_cast<long>(n);
      }
      wrong(path, expected, v->dump());
      return std::nullopt;
    }
    if (v->is_number_integer()) {
      const auto n = v->get<long long>();
      if (n >= lo && n <= hi) return static_cast<long>(n);
      wrong(path, expected, v->dump());
      return std::nullopt;
    }
    wrong(path, expected, type_name(*v));
    return std::nullopt;
  }

  void duration(const json& obj, const std::string& path, long& dst) {
    dst = number(obj, "duration_ms", path + ".duration_ms", 0, 86'400'000).value_or(0);
  }

  std::optional<int> port(const json& obj, std::string_view key, const std::string& path) {
    const auto n = number(obj, key, path, 1, 65535);
    return n ? std::optional<int>(static_cast<int>(*n)) : std::nullopt;
  }

  std::optional<int> code(const json& obj, const std::string& path) {
    const auto n = number(obj, "code", path + ".code", 100, 599);
    return n ? std::optional<int>(static_cast<int>(*n)) : std::nullopt;
  }

  void strings(const json& obj, std::string_view key, const std::string& path,
               std::vector<std::string>& dst) {
    const json* v = member(obj, key);
    if (!v) return;
    if (!v->is_array()) return wrong(path, "an array of strings", type_name(*v));
    for (std::size_t i = 0; i < v->size(); ++i) {
      const json& item = (*v)[i];
      if (item.is_string())
        dst.push_back(item.get<std::string>());
      else
        wrong(path + "[" + std::to_string(i) + "]", "a string", type_name(item));
    }
  }

  // Calls read(item, path) for every object in the array `key`.
  template <typename F>
  void objects(const json& obj, std::string_view key, const std::string& path, F read) {
    const json* v = member(obj, key);
    if (!v) return;
    if (!v->is_array()) return wrong(path, "an array of objects", type_name(*v));
    for (std::size_t i = 0; i < v->size(); ++i) {
      const std::string item_path = path + "[" + std::to_string(i) + "]";
      if (is_object(&(*v)[i], item_path)) read((*v)[i], item_path);
    }
  }

 private:
  std::vector<finding>& out_;
  std::size_t wrong_count_ = 0;
};

// Each step: nullopt when absent or when its status is not understood.
template <typename Step, typename F>
std::optional<Step> step(reader& r, const json& obj, std::string_view key,
                         const std::string& parent, std::span<const std::string_view> statuses,
                         F read_rest) {
  const std::string path = parent.empty() ? std::string(key) : parent + "." + std::string(key);
  const json* v = reader::member(obj, key);
  if (!r.is_object(v, path)) return std::nullopt;
  Step s;
  if (!r.word(*v, "status", path + ".status", statuses, s.status)) return std::nullopt;
  read_rest(*v, path, s);
  return s;
}

std::optional<certificate_info> read_certificate(reader& r, const json& tls,
                                                 const std::string& parent) {
  const std::string path = parent + ".certificate";
  const json* v = reader::member(tls, "certificate");
  if (!r.is_object(v, path)) return std::nullopt;
  certificate_info c;
  r.string(*v, "subject", path + ".subject", c.subject);
  r.strings(*v, "sans", path + ".sans", c.sans);
  r.string(*v, "issuer", path + ".issuer", c.issuer);
  r.string(*v, "not_before", path + ".not_before", c.not_before);
  r.string(*v, "not_after", path + ".not_after", c.not_after);
  if (const auto n = r.number(*v, "verify_code", path + ".verify_code", 0, 100000)) {
    c.verify_code = static_cast<int>(*n);
  }
  r.string(*v, "verify_result", path + ".verify_result", c.verify_result);
  if (const json* m = reader::member(*v, "hostname_match")) {
    if (m->is_boolean())
      c.hostname_match = m->get<bool>();
    else
      r.wrong(path + ".hostname_match", "true or false", type_name(*m));
  }
  return c;
}

std::optional<ehlo_step> read_ehlo(reader& r, const json& obj, std::string_view key,
                                   const std::string& parent) {
  return step<ehlo_step>(r, obj, key, parent, ehlo_statuses,
                         [&](const json& v, const std::string& path, ehlo_step& s) {
                           s.code = r.code(v, path);
                           r.strings(v, "keywords", path + ".keywords", s.keywords);
                           r.duration(v, path, s.duration_ms);
                         });
}

std::optional<envelope_step> read_envelope(reader& r, const json& obj, std::string_view key,
                                           const std::string& parent) {
  return step<envelope_step>(r, obj, key, parent, envelope_statuses,
                             [&](const json& v, const std::string& path, envelope_step& s) {
                               s.code = r.code(v, path);
                               r.string(v, "text", path + ".text", s.text);
                               r.duration(v, path, s.duration_ms);
                             });
}

probe_connection read_connection(reader& r, const json& v, const std::string& path) {
  probe_connection c;
  c.port = r.port(v, "port", path + ".port").value_or(0);
  r.string(v, "address", path + ".address", c.address);
  if (reader::member(v, "family")) r.word(v, "family", path + ".family", families, c.family);
  c.tcp = step<tcp_step>(r, v, "tcp", path, tcp_statuses,
                         [&](const json& o, const std::string& p, tcp_step& s) {
                           r.duration(o, p, s.duration_ms);
                           if (const auto n = r.number(o, "errno", p + ".errno", 0, 100000)) {
                             s.error_number = static_cast<int>(*n);
                           }
                           r.string(o, "error", p + ".error", s.error);
                         });
  c.banner = step<banner_step>(r, v, "banner", path, banner_statuses,
                               [&](const json& o, const std::string& p, banner_step& s) {
                                 s.code = r.code(o, p);
                                 r.strings(o, "lines", p + ".lines", s.lines);
                                 r.duration(o, p, s.duration_ms);
                               });
  c.ehlo = read_ehlo(r, v, "ehlo", path);
  c.starttls = step<starttls_step>(r, v, "starttls", path, starttls_statuses,
                                   [&](const json& o, const std::string& p, starttls_step& s) {
                                     s.code = r.code(o, p);
                                     r.duration(o, p, s.duration_ms);
                                   });
  c.tls = step<tls_step>(r, v, "tls", path, tls_statuses,
                         [&](const json& o, const std::string& p, tls_step& s) {
                           r.string(o, "version", p + ".version", s.version);
                           r.string(o, "cipher", p + ".cipher", s.cipher);
                           r.string(o, "alert", p + ".alert", s.alert);
                           r.string(o, "error", p + ".error", s.error);
                           r.duration(o, p, s.duration_ms);
                           s.certificate = read_certificate(r, o, p);
                         });
  c.ehlo_after_tls = read_ehlo(r, v, "ehlo_after_tls", path);
  c.auth = step<auth_step>(r, v, "auth", path, auth_statuses,
                           [&](const json& o, const std::string& p, auth_step& s) {
                             r.string(o, "mechanism", p + ".mechanism", s.mechanism);
                             s.code = r.code(o, p);
                             r.string(o, "text", p + ".text", s.text);
                             r.duration(o, p, s.duration_ms);
                           });
  c.mail_from = read_envelope(r, v, "mail_from", path);
  c.rcpt_to = read_envelope(r, v, "rcpt_to", path);
  r.objects(v, "transcript", path + ".transcript", [&](const json& o, const std::string& p) {
    transcript_line line;
    line.t_ms = r.number(o, "t_ms", p + ".t_ms", 0, 86'400'000).value_or(0);
    if (!r.word(o, "dir", p + ".dir", directions, line.dir)) return;
    r.string(o, "line", p + ".line", line.line);
    c.transcript.push_back(std::move(line));
  });
  return c;
}

void read_report(reader& r, const json& doc, probe_report& report) {
  if (const json* agent = reader::member(doc, "agent"); r.is_object(agent, "agent")) {
    r.string(*agent, "version", "agent.version", report.agent.version);
    r.string(*agent, "os", "agent.os", report.agent.os);
    r.string(*agent, "openssl", "agent.openssl", report.agent.openssl);
    r.string(*agent, "trust", "agent.trust", report.agent.trust);
  }
  r.string(doc, "started_at", "started_at", report.started_at);
  report.duration_ms = r.number(doc, "duration_ms", "duration_ms", 0, 86'400'000).value_or(0);
  if (const json* target = reader::member(doc, "target"); r.is_object(target, "target")) {
    r.string(*target, "host", "target.host", report.target.host);
    if (const json* ports = reader::member(*target, "ports")) {
      if (!ports->is_array()) {
        r.wrong("target.ports", "an array of port numbers", type_name(*ports));
      } else {
        for (std::size_t i = 0; i < ports->size(); ++i) {
          const json holder{{"p", (*ports)[i]}};
          if (auto p = r.port(holder, "p", "target.ports[" + std::to_string(i) + "]")) {
            report.target.ports.push_back(*p);
          }
        }
      }
    }
    report.target.user_port = r.port(*target, "user_port", "target.user_port");
    if (reader::member(*target, "security")) {
      r.word(*target, "security", "target.security", security_modes, report.target.security);
    }
  }
  report.dns = step<dns_step>(
      r, doc, "dns", "", dns_statuses, [&](const json& o, const std::string& p, dns_step& s) {
        r.duration(o, p, s.duration_ms);
        r.objects(o, "addresses", p + ".addresses", [&](const json& a, const std::string& ap) {
          resolved_address addr;
          r.string(a, "address", ap + ".address", addr.address);
          if (!r.word(a, "family", ap + ".family", families, addr.family)) {
            return;
          }
          s.addresses.push_back(std::move(addr));
        });
        r.string(o, "error", p + ".error", s.error);
      });
  r.objects(doc, "connections", "connections", [&](const json& o, const std::string& p) {
    // A connection without a valid port cannot be judged: it is dropped.
    probe_connection c = read_connection(r, o, p);
    if (c.port > 0) report.connections.push_back(std::move(c));
  });
  if (const json* m = reader::member(doc, "tls_versions"); r.is_object(m, "tls_versions")) {
    tls_version_matrix matrix;
    matrix.port = r.port(*m, "port", "tls_versions.port").value_or(0);
    r.objects(*m, "results", "tls_versions.results", [&](const json& o, const std::string& p) {
      tls_version_result result;
      if (!r.word(o, "version", p + ".version", tls_versions, result.version)) return;
      if (!r.word(o, "status", p + ".status", version_statuses, result.status)) return;
      r.string(o, "error", p + ".error", result.error);
      matrix.results.push_back(std::move(result));
    });
    report.tls_versions = std::move(matrix);
  }
  report.implicit_tls =
      step<implicit_tls_attempt>(r, doc, "implicit_tls", "", implicit_statuses,
                                 [&](const json& o, const std::string& p, implicit_tls_attempt& s) {
                                   s.port = r.port(o, "port", p + ".port").value_or(0);
                                   r.string(o, "error", p + ".error", s.error);
                                   r.duration(o, p, s.duration_ms);
                                 });
}

finding malformed(std::string_view text, const json_detail::parse_error_place& place) {
  if (text::trim(text).empty()) {
    return make_finding(catalog_rows::diagnose_report_malformed, "", "The probe report is empty.",
                        "Paste the whole output of `smtpcheck probe --json`.",
                        std::to_string(text.size()) + " bytes");
  }
  return make_finding(catalog_rows::diagnose_report_malformed, "",
                      "The report's JSON is malformed at " + place.where + ": " + place.reason +
                          ". It was probably cut short or edited.",
                      "Paste the whole output of `smtpcheck probe --json`, unchanged.",
                      place.where);
}

finding report_too_large() {
  return make_finding(catalog_rows::diagnose_report_too_large, "",
                      "The probe report is larger than " + std::to_string(max_report_bytes) +
                          " bytes, the most that is read.",
                      "Share the report exactly as `smtpcheck probe --json` printed it.",
                      "more than " + std::to_string(max_report_bytes) + " bytes");
}

finding report_not_an_object(const json& doc) {
  return make_finding(catalog_rows::diagnose_report_malformed, "",
                      "The report is " + type_name(doc) + "; a probe report is one JSON object.",
                      "Paste the whole output of `smtpcheck probe --json`.", type_name(doc));
}

constexpr json_detail::unreadable_findings unreadable_report{max_report_bytes, report_too_large,
                                                             malformed, report_not_an_object};

finding schema_unsupported(const json& schema) {
  return make_finding(
      catalog_rows::diagnose_report_schema_unsupported, "schema",
      "This build reads \"" + std::string(report_schema) + "\" reports, bare or inside a \"" +
          std::string(probe_schema) + "\" document.",
      "Run the probe with an smtpcheck agent of the same version as this page, and share "
      "its `--json` output.",
      schema.is_string() ? explaining::sanitize(schema.get<std::string>().substr(0, 64))
                         : type_name(schema));
}

}  // namespace

namespace {

decoded_report decode_report_unredacted(std::string_view text) {
  decoded_report out;
  const std::optional<json> parsed =
      json_detail::parse_object(text, unreadable_report, out.findings);
  if (!parsed) {
    out.usable = false;
    return out;
  }
  const json& doc = *parsed;
  const json* report = &doc;
  if (const auto schema = doc.find("schema"); schema != doc.end()) {
    if (schema->is_string() && schema->get_ref<const std::string&>() == probe_schema) {
      // A probe document: its findings are the agent's copy; the report is
      // judged again here, by this build's rules.
      const auto inner = doc.find("report");
      if (inner == doc.end() || !inner->is_object()) {
        out.usable = false;
        out.findings.push_back(make_finding(
            catalog_rows::diagnose_report_malformed, "report",
            "The \"" + std::string(probe_schema) + "\" document has no \"report\" object.",
            "Paste the whole output of `smtpcheck probe --json`.",
            inner == doc.end() ? "nothing" : type_name(*inner)));
        return out;
      }
      report = &*inner;
    } else if (!schema->is_string() || schema->get_ref<const std::string&>() != report_schema) {
      out.usable = false;
      out.findings.push_back(schema_unsupported(*schema));
      return out;
    }
  }
  if (report != &doc) {
    if (const auto schema = report->find("schema");
        schema != report->end() &&
        (!schema->is_string() || schema->get_ref<const std::string&>() != report_schema)) {
      out.usable = false;
      out.findings.push_back(schema_unsupported(*schema));
      return out;
    }
  }
  reader r(out.findings);
  read_report(r, *report, out.value);
  return out;
}

}  // namespace

decoded_report decode_report(std::string_view text) {
  decoded_report out = decode_report_unredacted(text);
  redact_secrets(out.findings);
  return out;
}

}  // namespace smtpcheck
