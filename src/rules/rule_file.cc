// The rule file parser: one pass over lines, a rule under construction, and
// an error that names file and line for anything it cannot read.
#include "rules/rule_file.h"

#include <charconv>
#include <set>

#include <fmt/format.h>

namespace quoteledger {

bool ParseClaimKind(std::string_view name, ClaimKind* kind) {
  static const std::pair<std::string_view, ClaimKind> kKinds[] = {
      {"direct", ClaimKind::kDirect},     {"mixed", ClaimKind::kMixed},
      {"partial", ClaimKind::kPartial},   {"indirect", ClaimKind::kIndirect},
      {"according_to", ClaimKind::kAccordingTo}, {"stance", ClaimKind::kStance}};
  for (const auto& [n, k] : kKinds) {
    if (n == name) {
      *kind = k;
      return true;
    }
  }
  return false;
}

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

class Parser {
 public:
  explicit Parser(std::string name) { file_.name = std::move(name); }

  Result<RuleFile> Run(std::string_view bytes) {
    size_t pos = 0;
    while (pos < bytes.size()) {
      size_t nl = bytes.find('\n', pos);
      if (nl == std::string_view::npos) nl = bytes.size();
      std::string_view line = Trim(bytes.substr(pos, nl - pos));
      pos = nl + 1;
      ++line_;
      if (line.empty() || line[0] == '#') continue;
      Status s = Line(line);
      if (!s.ok()) return s;
    }
    Status s = Finish();
    if (!s.ok()) return s;
    return std::move(file_);
  }

 private:
  Status Error(std::string_view what) const {
    return Status::RuleSyntax(fmt::format("{}:{}: {}", file_.name, line_, what));
  }

  Status Line(std::string_view line) {
    size_t sp = line.find_first_of(" \t");
    std::string_view key = line.substr(0, sp);
    std::string_view value = sp == std::string_view::npos ? "" : Trim(line.substr(sp));
    if (key == "define") return Define(value);
    if (key == "rule") return StartRule(value);
    if (!rule_) {
      return Error(fmt::format("'{}' outside a rule; start one with 'rule ID'", key));
    }
    if (value.empty()) return Error(fmt::format("'{}' needs a value", key));
    if (key == "kind") {
      if (!ParseClaimKind(value, &rule_->kind)) {
        return Error(fmt::format(
            "unknown kind '{}'; use direct, mixed, partial, indirect, according_to or stance",
            value));
      }
      return Status::Ok();
    }
    if (key == "stage") return Number(value, &rule_->stage);
    if (key == "confidence") return Confidence(value);
    if (key == "scope") {
      if (value != "sentence" && value != "paragraph") {
        return Error(fmt::format("unknown scope '{}'; use sentence or paragraph", value));
      }
      rule_->paragraph_scope = value == "paragraph";
      return Status::Ok();
    }
    if (key == "pattern") {
      rule_->pattern = std::string(value);
      return Status::Ok();
    }
    if (key == "example" || key == "counter") {
      rule_->examples.push_back({line_, std::string(value), key == "example", {}});
      return Status::Ok();
    }
    if (key == "content" || key == "content2" || key == "source" || key == "cue") {
      if (rule_->examples.empty() || !rule_->examples.back().must_match) {
        return Error(fmt::format("'{}' must follow an 'example' line", key));
      }
      rule_->examples.back().expect[std::string(key)] = std::string(value);
      return Status::Ok();
    }
    return Error(fmt::format(
        "unknown keyword '{}'; expected rule, define, kind, stage, confidence, "
        "scope, pattern, example, counter, content, content2, source or cue",
        key));
  }

  Status Define(std::string_view value) {
    size_t eq = value.find('=');
    if (eq == std::string_view::npos) return Error("define needs 'NAME = regex'");
    std::string name(Trim(value.substr(0, eq)));
    std::string regex(Trim(value.substr(eq + 1)));
    if (name.empty() || regex.empty()) return Error("define needs 'NAME = regex'");
    for (char c : name) {
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
        return Error(fmt::format("placeholder name '{}' must be upper case", name));
      }
    }
    file_.defines[name] = regex;
    return Status::Ok();
  }

  Status StartRule(std::string_view id) {
    Status s = Finish();
    if (!s.ok()) return s;
    if (id.empty() || id.find_first_of(" \t") != std::string_view::npos) {
      return Error("'rule' needs one id without spaces");
    }
    if (!ids_.insert(std::string(id)).second) {
      return Error(fmt::format("rule id '{}' is defined twice in this file", id));
    }
    file_.rules.push_back({});
    rule_ = &file_.rules.back();
    rule_->id = std::string(id);
    rule_->file = file_.name;
    rule_->line = line_;
    return Status::Ok();
  }

  Status Finish() {
    if (rule_ && rule_->pattern.empty()) {
      return Status::RuleSyntax(fmt::format("{}:{}: rule '{}' has no pattern",
                                            file_.name, rule_->line, rule_->id));
    }
    return Status::Ok();
  }

  Status Number(std::string_view value, int* out) {
    auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), *out);
    if (ec != std::errc() || p != value.data() + value.size() || *out < 1 || *out > 99) {
      return Error(fmt::format("stage '{}' must be a whole number from 1 to 99", value));
    }
    return Status::Ok();
  }

  Status Confidence(std::string_view value) {
    std::string v(value);
    char* end = nullptr;
    double d = std::strtod(v.c_str(), &end);
    if (end != v.c_str() + v.size() || !(d >= 0.0 && d <= 1.0)) {
      return Error(fmt::format("confidence '{}' must be a number from 0 to 1", value));
    }
    rule_->confidence = d;
    return Status::Ok();
  }

  RuleFile file_;
  RuleSpec* rule_ = nullptr;  // points into file_.rules; stable: push_back
                              // happens only in StartRule, which resets it
  std::set<std::string> ids_;
  int line_ = 0;
};

}  // namespace

Result<RuleFile> ParseRuleFile(std::string name, std::string_view bytes) {
  return Parser(std::move(name)).Run(bytes);
}

}  // namespace quoteledger
