// The probe report document (smtpcheck/report/v1) out: encode_report(), and
// the report's object inside the probe document (probe_document.cpp). Field
// order follows the schema (schemas/report.schema.json); empty strings,
// absent steps and empty lists are left out, so
// decode_report(encode_report(r)) gives r back. Its decoder is
// report_document_decoder.cpp.
#include <string>

#include "json/detail.h"
#include "smtpcheck/json.h"

namespace smtpcheck {
namespace {

using json_detail::ojson;

void put(ojson& o, const char* key, const std::string& value) {
  if (!value.empty()) o[key] = value;
}
void put(ojson& o, const char* key, const std::optional<int>& value) {
  if (value) o[key] = *value;
}
void put(ojson& o, const char* key, const std::vector<std::string>& values) {
  if (!values.empty()) o[key] = values;
}

ojson status_object(const std::string& status) {
  ojson o = ojson::object();
  o["status"] = status;
  return o;
}

ojson to_json(const certificate_info& c) {
  ojson o = ojson::object();
  put(o, "subject", c.subject);
  put(o, "sans", c.sans);
  put(o, "issuer", c.issuer);
  put(o, "not_before", c.not_before);
  put(o, "not_after", c.not_after);
  put(o, "verify_code", c.verify_code);
  put(o, "verify_result", c.verify_result);
  if (c.hostname_match) o["hostname_match"] = *c.hostname_match;
  return o;
}

ojson to_json(const ehlo_step& s) {
  ojson o = status_object(s.status);
  put(o, "code", s.code);
  put(o, "keywords", s.keywords);
  o["duration_ms"] = s.duration_ms;
  return o;
}

ojson to_json(const envelope_step& s) {
  ojson o = status_object(s.status);
  put(o, "code", s.code);
  put(o, "text", s.text);
  o["duration_ms"] = s.duration_ms;
  return o;
}

ojson to_json(const probe_connection& c) {
  ojson o = ojson::object();
  o["port"] = c.port;
  put(o, "address", c.address);
  put(o, "family", c.family);
  if (c.tcp) {
    ojson s = status_object(c.tcp->status);
    s["duration_ms"] = c.tcp->duration_ms;
    if (c.tcp->error_number) s["errno"] = *c.tcp->error_number;
    put(s, "error", c.tcp->error);
    o["tcp"] = std::move(s);
  }
  if (c.banner) {
    ojson s = status_object(c.banner->status);
    put(s, "code", c.banner->code);
    put(s, "lines", c.banner->lines);
    s["duration_ms"] = c.banner->duration_ms;
    o["banner"] = std::move(s);
  }
  if (c.ehlo) o["ehlo"] = to_json(*c.ehlo);
  if (c.starttls) {
    ojson s = status_object(c.starttls->status);
    put(s, "code", c.starttls->code);
    s["duration_ms"] = c.starttls->duration_ms;
    o["starttls"] = std::move(s);
  }
  if (c.tls) {
    ojson s = status_object(c.tls->status);
    put(s, "version", c.tls->version);
    put(s, "cipher", c.tls->cipher);
    put(s, "alert", c.tls->alert);
    put(s, "error", c.tls->error);
    s["duration_ms"] = c.tls->duration_ms;
    if (c.tls->certificate) s["certificate"] = to_json(*c.tls->certificate);
    o["tls"] = std::move(s);
  }
  if (c.ehlo_after_tls) o["ehlo_after_tls"] = to_json(*c.ehlo_after_tls);
  if (c.auth) {
    ojson s = status_object(c.auth->status);
    put(s, "mechanism", c.auth->mechanism);
    put(s, "code", c.auth->code);
    put(s, "text", c.auth->text);
    s["duration_ms"] = c.auth->duration_ms;
    o["auth"] = std::move(s);
  }
  if (c.mail_from) o["mail_from"] = to_json(*c.mail_from);
  if (c.rcpt_to) o["rcpt_to"] = to_json(*c.rcpt_to);
  if (!c.transcript.empty()) {
    ojson lines = ojson::array();
    for (const transcript_line& l : c.transcript) {
      ojson line = ojson::object();
      line["t_ms"] = l.t_ms;
      line["dir"] = l.dir;
      line["line"] = l.line;
      lines.push_back(std::move(line));
    }
    o["transcript"] = std::move(lines);
  }
  return o;
}

ojson report_to_json(const probe_report& r) {
  ojson o = ojson::object();
  o["schema"] = "smtpcheck/report/v1";
  ojson agent = ojson::object();
  put(agent, "version", r.agent.version);
  put(agent, "os", r.agent.os);
  put(agent, "openssl", r.agent.openssl);
  put(agent, "trust", r.agent.trust);
  o["agent"] = std::move(agent);
  put(o, "started_at", r.started_at);
  o["duration_ms"] = r.duration_ms;
  ojson target = ojson::object();
  put(target, "host", r.target.host);
  target["ports"] = r.target.ports;
  target["security"] = r.target.security;
  put(target, "user_port", r.target.user_port);
  o["target"] = std::move(target);
  if (r.dns) {
    ojson s = status_object(r.dns->status);
    s["duration_ms"] = r.dns->duration_ms;
    ojson addresses = ojson::array();
    for (const resolved_address& a : r.dns->addresses) {
      ojson addr = ojson::object();
      addr["address"] = a.address;
      addr["family"] = a.family;
      addresses.push_back(std::move(addr));
    }
    s["addresses"] = std::move(addresses);
    put(s, "error", r.dns->error);
    o["dns"] = std::move(s);
  }
  ojson connections = ojson::array();
  for (const probe_connection& c : r.connections) connections.push_back(to_json(c));
  o["connections"] = std::move(connections);
  if (r.tls_versions) {
    ojson m = ojson::object();
    m["port"] = r.tls_versions->port;
    ojson results = ojson::array();
    for (const tls_version_result& v : r.tls_versions->results) {
      ojson one = ojson::object();
      one["version"] = v.version;
      one["status"] = v.status;
      put(one, "error", v.error);
      results.push_back(std::move(one));
    }
    m["results"] = std::move(results);
    o["tls_versions"] = std::move(m);
  }
  if (r.implicit_tls) {
    ojson s = status_object(r.implicit_tls->status);
    s["port"] = r.implicit_tls->port;
    put(s, "error", r.implicit_tls->error);
    s["duration_ms"] = r.implicit_tls->duration_ms;
    o["implicit_tls"] = std::move(s);
  }
  return o;
}

}  // namespace

ojson json_detail::to_json(const probe_report& r) {
  return report_to_json(r);
}

std::string encode_report(const probe_report& report) {
  return json_detail::dump(json_detail::to_json(report));
}

}  // namespace smtpcheck
