#include "link/link_findings.h"

#include "finding_id.h"
#include "smtpcheck/link.h"

namespace smtpcheck::link_codec {
namespace {

std::string quoted(std::string_view s) {
  return "\"" + std::string(s) + "\"";
}

constexpr std::string_view remake =
    "Make the link again with `smtpcheck link` or the check page's copy-a-link button instead "
    "of editing it by hand.";

constexpr std::string_view rotate_token =
    "If it is a real token, regenerate it: whoever saw this link has seen it. Then ask for a "
    "link without it.";

}  // namespace

finding secret_not_included(std::string_view field, std::string_view token_name, direction d) {
  return make_finding(catalog_rows::link_secret_not_included, field,
                      d == direction::making
                          ? "Links never carry the username or password, so the ones given were "
                            "left out; the customer types them on the check page. The link "
                            "carries only what the check found about them (such as \"the "
                            "username is an e-mail address\"), so whoever opens it sees the "
                            "same credential findings."
                          : "Nothing from the link was taken as the username or password; the "
                            "customer types them on the check page.",
                      "Ask the customer to enter their " + std::string(token_name) +
                          " as both username and password on the check page; never send it in "
                          "a link or a chat.");
}

finding secret_value_dropped(link_parameter p, direction d) {
  const std::string name = quoted(parameter_name(p));
  const std::string_view field = settings_field(p);
  std::string fix;
  if (d == direction::reading) {
    fix = std::string(rotate_token);
  } else if (p == link_parameter::host) {
    fix =
        "Put the SMTP host name in the host field; a token belongs only in the username and "
        "password fields.";
  } else if (p == link_parameter::from) {
    fix =
        "Put the sender address in the From field; a token belongs only in the username and "
        "password fields.";
  } else {
    fix = "Take the token out of " + quoted(field) +
          "; a token belongs only in the username and password fields.";
  }
  return make_finding(
      catalog_rows::link_secret_dropped, field,
      "The value of " + name +
          " looks like a token (a UUID, an access key, a long random string or a password), "
          "so it was " +
          (d == direction::making ? "left out of the link" : "dropped") +
          ": links never carry credentials.",
      std::move(fix), std::string(parameter_name(p)));
}

finding secret_parameter_dropped(std::string_view shown_name, std::string_view field) {
  return make_finding(
      catalog_rows::link_secret_dropped, field,
      (shown_name.empty() ? std::string("A parameter") : "The parameter " + quoted(shown_name)) +
          " carries a credential, so it was dropped unread: links never carry "
          "credentials.",
      std::string(rotate_token), std::string(shown_name));
}

finding field_left_out(link_parameter p) {
  const std::string_view field = settings_field(p);
  return make_finding(
      catalog_rows::link_field_left_out, field,
      quoted(field) +
          " held something shaped like a token (a UUID, an access key, a long random string or "
          "a password) when the link was made, so it was left out: links never carry "
          "credentials. It is empty here for that reason, not because it was empty.",
      "Ask whoever made the link for the " + quoted(field) +
          " setting without the token in it; if a real token was there, regenerate it.",
      std::string(parameter_name(p)));
}

finding invalid_value(link_parameter p, std::string_view reason, direction d) {
  return make_finding(
      catalog_rows::link_invalid_value, settings_field(p),
      "The value of " + quoted(parameter_name(p)) + " " + std::string(reason) +
          (d == direction::making ? "; it was left out of the link." : "; it was ignored."),
      value_fix(p), std::string(parameter_name(p)));
}

finding version_without_platform(direction d) {
  return make_finding(catalog_rows::link_invalid_value, "platform",
                      std::string("\"platform_version\" needs a platform smtpcheck knows "
                                  "beside it; it was ") +
                          (d == direction::making ? "left out of the link." : "ignored."),
                      "Give the platform too (platform=nodemailer&platform_version=18), or "
                      "leave the version out.",
                      "platform_version");
}

finding malformed(std::string_view shown_name, std::string_view field, std::string_view what,
                  text_fault fault, bool bad_escape) {
  std::string problem;
  if (bad_escape) {
    problem = "is not valid percent-encoding (every '%' must be followed by two hex digits)";
  } else if (fault == text_fault::control_character) {
    problem = "decodes to a control character (such as NUL or a line break)";
  } else {
    problem = "decodes to bytes that are not UTF-8 text";
  }
  const std::string subject = shown_name.empty()
                                  ? "A parameter's " + std::string(what)
                                  : "The " + std::string(what) + " of " + quoted(shown_name);
  return make_finding(catalog_rows::link_malformed, field,
                      subject + " " + problem + "; the parameter was ignored.",
                      "Copy the whole link again; if it was edited by hand, make it again with "
                      "`smtpcheck link` or the check page's copy-a-link button.",
                      std::string(shown_name));
}

finding missing_value(link_parameter p) {
  return make_finding(
      catalog_rows::link_malformed, settings_field(p),
      quoted(parameter_name(p)) + " has no '=' and no value; the parameter was ignored.",
      "Write it as " + std::string(parameter_name(p)) + "=… . " + std::string(remake),
      std::string(parameter_name(p)));
}

finding unknown_parameter(std::string_view shown_name) {
  return make_finding(catalog_rows::link_unknown_parameter, "",
                      quoted(shown_name) + " is not a link parameter; it was ignored.",
                      "Remove it, or check its spelling (" + parameter_names() + ").",
                      std::string(shown_name));
}

finding duplicate_parameter(std::string_view name, std::string_view field) {
  return make_finding(catalog_rows::link_duplicate_parameter, field,
                      quoted(name) +
                          " appears more than once; the first one was kept and the "
                          "others ignored.",
                      "Keep one " + quoted(name) + " in the link. " + std::string(remake),
                      std::string(name));
}

finding version_missing() {
  return make_finding(catalog_rows::link_version_missing, "",
                      "The link has no version (v=1), so none of it was read.",
                      std::string(remake) + " Links start with #v=1.", "v");
}

finding version_unsupported(std::string_view shown) {
  return make_finding(
      catalog_rows::link_version_unsupported, "",
      (shown.empty() ? std::string("The link's version")
                     : "The link's version, " + std::string(shown) + ",") +
          " is not one this build reads (v=1), so none of it was read.",
      "Ask for a link made for this check page (it starts with #v=1). " + std::string(remake), "v");
}

finding link_too_long(std::size_t bytes) {
  return make_finding(
      catalog_rows::link_too_long, "",
      "The link's fragment is " + std::to_string(bytes) + " bytes; at most " +
          std::to_string(max_link_bytes) + " are read, so none of it was read.",
      std::string(remake) + " A long list of verified senders is what usually makes it long.",
      std::to_string(bytes) + " bytes");
}

finding made_link_too_long(std::size_t bytes, bool only_senders_left_out) {
  return make_finding(
      catalog_rows::link_too_long, only_senders_left_out ? "verified_senders" : "",
      "With every setting the link would be " + std::to_string(bytes) +
          " bytes; links are at most " + std::to_string(max_link_bytes) + " bytes, so " +
          (only_senders_left_out ? "the verified senders were left out of it."
                                 : "no setting was put in it."),
      only_senders_left_out ? "List fewer verified senders (the domains alone are enough)."
                            : "Shorten the settings: they are far longer than real SMTP settings.",
      std::to_string(bytes) + " bytes");
}

finding link_empty(std::string detail) {
  return make_finding(catalog_rows::link_empty, "", std::move(detail),
                      "Copy the whole link, including everything after '#'; it starts with "
                      "#v=1.");
}

}  // namespace smtpcheck::link_codec
