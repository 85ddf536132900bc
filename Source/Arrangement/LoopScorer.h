#pragma once
// The model hook: how well a candidate loop fits a slot (a role in a project at a tempo and key), 0..1. The
// arranger ranks each role's loops by it. The default is the rule-based scorer (key relation x stretch); a learned
// scorer (LinearLoopScorer) can be plugged in from a weights file. Everything works with no model present.
#include "Library/LoopInfo.h"
#include <array>
#include <optional>
#include <string>

namespace loopmind {

struct LoopSlot {
    std::string role;
    double projectBpm = 120;
    std::optional<std::string> projectKey;
};

/** The documented loop features a learned scorer sees, each in 0..1 (docs/ARRANGEMENT.md, "Scorer"). */
struct LoopFeatures {
    static constexpr size_t count = 10;
    static const std::array<const char*, count>& names();
    std::array<double, count> values {};
};

LoopFeatures loopFeatures(const LoopInfo& loop, const LoopSlot& slot);

class LoopScorer {
public:
    virtual ~LoopScorer() = default;
    virtual double score(const LoopInfo& loop, const LoopSlot& slot) const = 0;
    virtual std::string name() const = 0;
    /** SHA-256 of the model file; empty for the rule-based scorer. */
    virtual std::string modelHash() const { return {}; }
};

/** Key relation (same 1, relative 0.95, a fifth 0.85, unpitched 0.9) times a stretch penalty up to 0.5. */
class RuleLoopScorer final : public LoopScorer {
public:
    double score(const LoopInfo& loop, const LoopSlot& slot) const override;
    std::string name() const override { return "rule-based"; }
};

} // namespace loopmind
